//! The department's report of a round as official documents, generated
//! from the consolidated report as it stands (accepted unit reports, the
//! department's figures with the coordinator's corrections): a .docx in the
//! ND 30/2020 layout and an .xlsx of its figures and of the units'
//! submissions. Generating reads only; like other exports it is not
//! written to the audit log.
//!
//! For a download route: `App::report_document(&actor, round_id, format)`
//! gives the bytes, a Vietnamese file name (send it as
//! `Content-Disposition: attachment; filename*=UTF-8''…`) and the media type.

use serde::Deserialize;

use cchc_domain::actor::Actor;
use cchc_domain::plans::PLAN_VIEW_ROLES;
use cchc_domain::reports::{Round, RoundId, timeliness};
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::units::{Unit, UnitKind};
use cchc_office::write::{
    DOCX_MEDIA_TYPE, DocHeader, ExportReport, SubmissionRow, Submissions, XLSX_MEDIA_TYPE,
    place_in, report_docx, report_xlsx,
};
use cchc_store::Tx;
use cchc_store::reports::rounds as round_store;
use cchc_store::reports::unit_reports as report_store;
use cchc_store::units as unit_store;

use super::{first_submitted_on, round_not_found};
use crate::{App, AppError, Result};

/// The format of a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    /// The report in the ND 30/2020 layout (Word).
    Docx,
    /// The report's figures (Excel).
    Xlsx,
}

impl DocFormat {
    /// "docx" or "xlsx", as in a query string or on the command line.
    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_lowercase().as_str() {
            "docx" => Some(Self::Docx),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Docx => DOCX_MEDIA_TYPE,
            Self::Xlsx => XLSX_MEDIA_TYPE,
        }
    }
}

impl App {
    /// The department's report of round `round_id` as a document: its bytes,
    /// a file name ("Báo cáo quý I năm 2026.docx", "Báo cáo quý I năm 2026 -
    /// số liệu.xlsx") and its media type. Only the coordinator of the
    /// round's department may generate it (others who see the round are
    /// forbidden; those who do not, told it does not exist).
    ///
    /// The header block names the department and the unit above it; the
    /// number is left for the clerk ("/BC-SYT"), the date is today and the
    /// place is the province the names mention. The signer and "Nơi nhận:"
    /// are a draft's defaults, to be edited in Word before signing.
    pub async fn report_document(
        &self,
        actor: &Actor,
        round_id: RoundId,
        format: DocFormat,
    ) -> Result<(Vec<u8>, String, &'static str)> {
        let mut tx = self.db.read().await?;
        let round = round_store::get(&mut tx, round_id)
            .await?
            .ok_or_else(round_not_found)?;
        if !actor.covers(&PLAN_VIEW_ROLES, round.unit_id) {
            return Err(round_not_found());
        }
        if !actor.covers(&[Role::Coordinator], round.unit_id) {
            return Err(AppError::Forbidden);
        }
        let consolidated = self.consolidated_in(&mut tx, &round).await?;
        let (department, superior) = department_and_superior(&mut tx, round.unit_id).await?;
        let submissions = self.submissions(&mut tx, &round).await?;
        drop(tx);
        let mut report = ExportReport::from_consolidated(
            &consolidated,
            header(&department, superior.as_ref(), self.today()),
        );
        report.recipients = recipients(&department, superior.as_ref());
        if let Some(authority) = signer_authority(department.kind) {
            report.signer.authority = authority.to_owned();
        }
        report.submissions = Some(submissions);
        let written = match format {
            DocFormat::Docx => report_docx(&report),
            DocFormat::Xlsx => report_xlsx(&report),
        };
        let bytes = written.map_err(|e| {
            tracing::error!(error = %e, round_id, "report document not generated");
            AppError::validation("format", e.to_string())
        })?;
        Ok((bytes, file_name(&round, format), format.media_type()))
    }

    /// Every unit's report of `round`: when it was first sent, how often,
    /// whether on time (as of today) and where it stands.
    async fn submissions(&self, tx: &mut Tx, round: &Round) -> Result<Submissions> {
        let today = self.today();
        let mut reports = report_store::of_rounds(tx, &[round.id]).await?;
        reports.sort_by_cached_key(|r| (text::sort_key(&r.unit_name), r.report.unit_id));
        let rows = reports
            .iter()
            .map(|r| {
                let sent = first_submitted_on(&r.report);
                SubmissionRow {
                    unit: r.unit_name.clone(),
                    first_sent_on: sent,
                    submissions: r.report.submissions,
                    timeliness: timeliness(round.unit_deadline, sent, today).label(),
                    status: r.report.status.label().to_owned(),
                }
            })
            .collect();
        Ok(Submissions {
            deadline: round.unit_deadline,
            rows,
        })
    }
}

async fn department_and_superior(tx: &mut Tx, id: i64) -> Result<(Unit, Option<Unit>)> {
    let department = unit_store::get(tx, id).await?.ok_or(AppError::NotFound(
        "Không tìm thấy cơ quan tổng hợp báo cáo.",
    ))?;
    let superior = match department.parent_id {
        Some(parent) => unit_store::get(tx, parent).await?,
        None => None,
    };
    Ok((department, superior))
}

/// The ND 30/2020 header of the department's report, dated `today`.
fn header(department: &Unit, superior: Option<&Unit>, today: chrono::NaiveDate) -> DocHeader {
    let symbol: String = department
        .short_name
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&department.code)
        .split_whitespace()
        .collect();
    let place = place_in(&department.name)
        .or_else(|| superior.and_then(|s| place_in(&s.name)))
        .unwrap_or_default();
    DocHeader {
        superior_body: superior.map(|s| s.name.clone()).unwrap_or_default(),
        issuer: department.name.clone(),
        number: format!("/BC-{symbol}"),
        place,
        issued_on: Some(today),
    }
}

/// The superior body (to report to), the Department of Home Affairs (which
/// consolidates CCHC reports in a province) and the archive.
fn recipients(department: &Unit, superior: Option<&Unit>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(s) = superior {
        lines.push(format!("{} (để báo cáo);", s.name));
    }
    if !text::fold(&department.name).contains("noi vu") {
        lines.push("Sở Nội vụ (để tổng hợp);".to_owned());
    }
    lines.push("Lưu: VT.".to_owned());
    lines
}

/// Who signs for a body of `kind`, where that is settled by the kind.
fn signer_authority(kind: UnitKind) -> Option<&'static str> {
    match kind {
        UnitKind::Department => Some("GIÁM ĐỐC"),
        UnitKind::DistrictCommittee | UnitKind::CommuneCommittee => {
            Some("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
        }
        _ => None,
    }
}

/// "Báo cáo quý I năm 2026.docx", "Báo cáo quý I năm 2026 - số liệu.xlsx";
/// characters file systems refuse are replaced.
fn file_name(round: &Round, format: DocFormat) -> String {
    let label: String = round
        .label
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let label = label.trim();
    match format {
        DocFormat::Docx => format!("{label}.docx"),
        DocFormat::Xlsx => format!("{label} - số liệu.xlsx"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_name_their_files() {
        assert_eq!(DocFormat::parse(" DOCX "), Some(DocFormat::Docx));
        assert_eq!(DocFormat::parse("xlsx"), Some(DocFormat::Xlsx));
        assert_eq!(DocFormat::parse("pdf"), None);
        assert!(DocFormat::Xlsx.media_type().ends_with(".sheet"));
    }

    #[test]
    fn signers_follow_the_kind_of_body() {
        assert_eq!(signer_authority(UnitKind::Department), Some("GIÁM ĐỐC"));
        assert_eq!(signer_authority(UnitKind::Division), None);
    }
}
