//! Evidence files (tài liệu kiểm chứng): checked for size and real content
//! type, stored once per SHA-256, listed with who uploaded them and when.

use sha2::{Digest, Sha256};

use cchc_domain::actor::Actor;
use cchc_store::tracking::{self as store, EvidenceRow, NewEvidence};

use super::{event, row_context};
use crate::audit::{Change, record, snapshot};
use crate::auth::hex;
use crate::plans::short;
use crate::{App, AppError, Result};

/// Upload limit per file.
pub const MAX_EVIDENCE_BYTES: usize = 20 * 1024 * 1024;

/// A stored file ready to download.
pub struct EvidenceFile {
    pub meta: EvidenceRow,
    pub content: Vec<u8>,
}

/// The content type of an accepted file, from its bytes and extension: the
/// office formats, PDF, images and plain text. The browser's claim is ignored.
fn sniff(name: &str, bytes: &[u8]) -> Option<&'static str> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    match ext.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => Some("application/pdf"),
        "docx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        "xlsx" if zip => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pptx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
        }
        "odt" if zip => Some("application/vnd.oasis.opendocument.text"),
        "ods" if zip => Some("application/vnd.oasis.opendocument.spreadsheet"),
        "zip" if zip => Some("application/zip"),
        "doc" if ole => Some("application/msword"),
        "xls" if ole => Some("application/vnd.ms-excel"),
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some("image/png"),
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => Some("image/jpeg"),
        "txt" | "csv" if std::str::from_utf8(bytes).is_ok() => Some("text/plain; charset=utf-8"),
        _ => None,
    }
}

/// A file name safe to store and send back: no path, no control characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = cchc_domain::text::clean(base)
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if cleaned.is_empty() {
        "tep-dinh-kem".into()
    } else {
        cleaned
    }
}

impl App {
    /// Attaches a file to a unit's report on an occurrence.
    pub async fn add_evidence(
        &self,
        actor: &Actor,
        row_id: i64,
        file_name: &str,
        content: &[u8],
    ) -> Result<EvidenceRow> {
        let name = clean_name(file_name);
        if content.is_empty() {
            return Err(AppError::validation("file", "Tệp tải lên đang trống."));
        }
        if content.len() > MAX_EVIDENCE_BYTES {
            return Err(AppError::validation(
                "file",
                format!(
                    "Tệp lớn hơn giới hạn {} MB.",
                    MAX_EVIDENCE_BYTES / 1024 / 1024
                ),
            ));
        }
        let Some(content_type) = sniff(&name, content) else {
            return Err(AppError::validation(
                "file",
                "Chỉ nhận tệp PDF, Word, Excel, PowerPoint, ảnh PNG/JPG, ZIP hoặc văn bản, \
                 và nội dung tệp phải đúng với phần mở rộng.",
            ));
        };
        let sha = hex(&Sha256::digest(content));
        let mut tx = self.db.write().await?;
        let ctx = row_context(&mut tx, row_id).await?;
        if !ctx.rights(actor).report {
            return Err(AppError::Forbidden);
        }
        let now = self.now();
        store::put_blob(&mut tx, &sha, content, now).await?;
        let id = store::insert_evidence(
            &mut tx,
            NewEvidence {
                tracking_id: row_id,
                sha256: &sha,
                file_name: &name,
                content_type,
                size_bytes: content.len() as i64,
                uploaded_by: super::user_ref(actor),
                uploader_name: &actor.full_name,
                at: now,
            },
        )
        .await?;
        let meta = store::evidence(&mut tx, id)
            .await?
            .ok_or_else(|| AppError::NotFound("Không tìm thấy tài liệu."))?;
        event(&mut tx, actor, &ctx.row, "upload", &name, now).await?;
        let change = Change {
            action: "upload",
            entity_type: "evidence",
            entity_id: id,
            summary: format!(
                "Tải lên “{name}” cho mục {} – {}",
                ctx.item.number,
                short(&ctx.item.content)
            ),
            before: None,
            after: snapshot(&meta),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(meta)
    }

    /// A file for download, if the actor sees its task.
    pub async fn evidence_file(&self, actor: &Actor, id: i64) -> Result<EvidenceFile> {
        let mut tx = self.db.read().await?;
        let not_found = || AppError::NotFound("Không tìm thấy tài liệu.");
        let meta = store::evidence(&mut tx, id).await?.ok_or_else(not_found)?;
        let ctx = row_context(&mut tx, meta.tracking_id).await?;
        let (_, access) = self.plan_access(&mut tx, actor, ctx.plan.id).await?;
        if !access.sees_item(&ctx.item) {
            return Err(not_found());
        }
        let content = store::blob(&mut tx, &meta.sha256)
            .await?
            .ok_or_else(not_found)?;
        Ok(EvidenceFile { meta, content })
    }

    /// Takes a file off a report (kept in the history and the audit log).
    /// Removing an already removed file changes nothing. Returns the task.
    pub async fn remove_evidence(&self, actor: &Actor, id: i64) -> Result<i64> {
        let mut tx = self.db.write().await?;
        let not_found = || AppError::NotFound("Không tìm thấy tài liệu.");
        let (meta, removed) = store::evidence_any(&mut tx, id)
            .await?
            .ok_or_else(not_found)?;
        let ctx = row_context(&mut tx, meta.tracking_id).await?;
        let (_, access) = self.plan_access(&mut tx, actor, ctx.plan.id).await?;
        if !access.sees_item(&ctx.item) {
            return Err(not_found());
        }
        if !ctx.rights(actor).report {
            return Err(AppError::Forbidden);
        }
        if removed {
            return Ok(ctx.item.id);
        }
        let now = self.now();
        store::remove_evidence(&mut tx, id, now).await?;
        event(&mut tx, actor, &ctx.row, "remove", &meta.file_name, now).await?;
        let change = Change {
            action: "remove",
            entity_type: "evidence",
            entity_id: id,
            summary: format!("Gỡ tài liệu “{}”", meta.file_name),
            before: snapshot(&meta),
            after: None,
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(ctx.item.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_accepted_by_content_not_by_name() {
        assert_eq!(
            sniff("bao-cao.pdf", b"%PDF-1.7 ..."),
            Some("application/pdf")
        );
        assert_eq!(
            sniff("anh.PNG", b"\x89PNG\r\n\x1a\n...."),
            Some("image/png")
        );
        assert_eq!(sniff("anh.png", b"%PDF-1.7"), None, "a PDF renamed .png");
        assert_eq!(sniff("virus.exe", b"MZ...."), None);
        assert_eq!(
            sniff("kehoach.docx", b"PK\x03\x04..").map(|t| t.contains("word")),
            Some(true)
        );
        assert_eq!(clean_name("C:\\Users\\a\\Báo cáo.pdf"), "Báo cáo.pdf");
        assert_eq!(clean_name("../../\u{0}"), "tep-dinh-kem");
    }
}
