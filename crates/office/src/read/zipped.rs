//! Zip archives (.docx, .xlsx) read with limits: every entry is decompressed
//! through a `take()` so a zip bomb stops at the limit instead of filling
//! memory, whatever sizes the archive declares.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::sniff::{Magic, not_a_zip, sniff};
use crate::error::ImportError;
use crate::limits::{Limits, megabytes};

pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    expected: &'static str,
    limits: Limits,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as the archive of an `expected` document (".docx (Word)").
    pub(crate) fn open(
        bytes: &'a [u8],
        expected: &'static str,
        limits: &Limits,
    ) -> Result<Self, ImportError> {
        match sniff(bytes) {
            Magic::Zip => {}
            Magic::Ole => return Err(ImportError::LegacyOffice),
            magic => {
                return Err(ImportError::WrongFormat {
                    expected,
                    detail: not_a_zip(magic),
                });
            }
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(expected, &e))?;
        if zip.len() > limits.max_entries {
            return Err(ImportError::BrokenArchive {
                expected,
                detail: format!("có quá nhiều mục (giới hạn {})", limits.max_entries),
            });
        }
        Ok(Archive {
            zip,
            expected,
            limits: *limits,
        })
    }

    /// The decompressed bytes of entry `name`, `None` when it is absent.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let max = self.limits.max_entry_bytes;
        let mut out = Vec::new();
        let entry = self
            .zip
            .by_index(index)
            .map_err(|e| broken(self.expected, &e))?;
        entry
            .take(max.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|_| corrupt(self.expected))?;
        if out.len() as u64 > max {
            return Err(too_large(name, max));
        }
        Ok(Some(out))
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Decompresses every entry (without keeping it) to check the per-entry
    /// and total limits before a library that trusts the archive reads it.
    pub(crate) fn check_sizes(&mut self) -> Result<(), ImportError> {
        let limits = self.limits;
        let mut total = 0u64;
        for i in 0..self.zip.len() {
            let entry = self
                .zip
                .by_index(i)
                .map_err(|e| broken(self.expected, &e))?;
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            let read = std::io::copy(
                &mut entry.take(limits.max_entry_bytes.saturating_add(1)),
                &mut std::io::sink(),
            )
            .map_err(|_| corrupt(self.expected))?;
            if read > limits.max_entry_bytes {
                return Err(too_large(&name, limits.max_entry_bytes));
            }
            total += read;
            if total > limits.max_total_bytes {
                return Err(too_large("toàn bộ tệp", limits.max_total_bytes));
            }
        }
        Ok(())
    }
}

fn too_large(part: &str, max: u64) -> ImportError {
    ImportError::ArchiveTooLarge {
        part: part.to_owned(),
        max_mb: megabytes(max),
    }
}

fn corrupt(expected: &'static str) -> ImportError {
    ImportError::BrokenArchive {
        expected,
        detail: "dữ liệu nén bị lỗi".to_owned(),
    }
}

fn broken(expected: &'static str, error: &ZipError) -> ImportError {
    let detail = match error {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            "tệp đã được đặt mật khẩu, hãy bỏ mật khẩu rồi tải lên lại"
        }
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => {
            "kiểu nén không được hỗ trợ"
        }
        _ => "cấu trúc tệp nén không đọc được",
    };
    ImportError::BrokenArchive {
        expected,
        detail: detail.to_owned(),
    }
}
