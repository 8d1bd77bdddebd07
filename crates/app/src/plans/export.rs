//! Plan export: the plan as the official documents (.docx of the whole plan
//! or its appendix, .xlsx of the appendix), over what the actor sees.

use serde::{Deserialize, Serialize};

use cchc_domain::actor::Actor;
use cchc_domain::plans::PlanId;
use cchc_office::write::{
    DOCX_MEDIA_TYPE, ExportPlan, XLSX_MEDIA_TYPE, appendix_docx, appendix_xlsx, plan_docx,
};
use cchc_store::units as unit_store;

use crate::{App, AppError, Result};

/// Which document of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanDocumentKind {
    /// The whole plan (.docx): header block, body, appendix.
    Plan,
    /// The appendix table alone (.docx).
    Appendix,
    /// The appendix as a workbook (.xlsx).
    AppendixXlsx,
}

impl PlanDocumentKind {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "plan" | "docx" => Some(Self::Plan),
            "appendix" => Some(Self::Appendix),
            "xlsx" | "appendix_xlsx" => Some(Self::AppendixXlsx),
            _ => None,
        }
    }
}

/// A generated file.
#[derive(Debug, Clone)]
pub struct Document {
    pub bytes: Vec<u8>,
    /// A Vietnamese file name ("Kế hoạch 15-KH-SYT.docx").
    pub file_name: String,
    pub media_type: &'static str,
}

/// Characters a file name cannot hold on common systems.
fn file_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

impl App {
    /// The plan as a document, with the items the actor sees; `place` starts
    /// the date line ("Đắk Nông, ngày … tháng … năm …").
    pub async fn plan_document(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        kind: PlanDocumentKind,
        place: &str,
    ) -> Result<Document> {
        let view = self.plan(actor, plan_id).await?;
        let units = {
            let mut tx = self.db.read().await?;
            unit_store::list(&mut tx).await?
        };
        let items: Vec<_> = view.items.iter().map(|r| r.item.clone()).collect();
        let export = ExportPlan::from_domain(&view.plan, &items, &units, place);
        let written = tokio::task::spawn_blocking(move || match kind {
            PlanDocumentKind::Plan => plan_docx(&export),
            PlanDocumentKind::Appendix => appendix_docx(&export),
            PlanDocumentKind::AppendixXlsx => appendix_xlsx(&export),
        })
        .await
        .map_err(|_| AppError::validation("format", "Không tạo được tệp."))?;
        let bytes = written.map_err(|e| {
            tracing::error!(error = %e, plan = plan_id, "plan export failed");
            AppError::validation("format", e.to_string())
        })?;
        let name = match view.plan.number.trim() {
            "" => format!("{}", view.plan.id),
            number => file_safe(number),
        };
        let (file_name, media_type) = match kind {
            PlanDocumentKind::Plan => (format!("Kế hoạch {name}.docx"), DOCX_MEDIA_TYPE),
            PlanDocumentKind::Appendix => {
                (format!("Phụ lục kế hoạch {name}.docx"), DOCX_MEDIA_TYPE)
            }
            PlanDocumentKind::AppendixXlsx => {
                (format!("Phụ lục kế hoạch {name}.xlsx"), XLSX_MEDIA_TYPE)
            }
        };
        Ok(Document {
            bytes,
            file_name,
            media_type,
        })
    }
}
