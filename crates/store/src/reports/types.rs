//! Report types as stored: rules and outline as JSON.

use sqlx::FromRow;

use cchc_domain::reports::{Outline, ReportKind, ReportType};

use crate::db::on_conn;
use crate::{Result, Tx};

#[derive(FromRow)]
struct TypeRow {
    code: String,
    kind: String,
    label: String,
    window_rule: Option<String>,
    unit_deadline_rule: Option<String>,
    department_deadline_rule: Option<String>,
    outline_json: String,
    is_active: bool,
}

fn json<T: serde::de::DeserializeOwned>(text: Option<&str>) -> Option<T> {
    text.and_then(|t| serde_json::from_str(t).ok())
}

impl TypeRow {
    fn into_type(self) -> Option<ReportType> {
        let Some(kind) = ReportKind::parse(&self.kind) else {
            tracing::warn!(code = %self.code, kind = %self.kind, "report type of unknown kind skipped");
            return None;
        };
        Some(ReportType {
            kind,
            window: json(self.window_rule.as_deref()),
            unit_deadline: json(self.unit_deadline_rule.as_deref()),
            department_deadline: json(self.department_deadline_rule.as_deref()),
            outline: json::<Outline>(Some(&self.outline_json)).unwrap_or_default(),
            active: self.is_active,
            code: self.code,
            label: self.label,
        })
    }
}

/// Every report type, in display order.
pub async fn types(tx: &mut Tx) -> Result<Vec<ReportType>> {
    let rows: Vec<TypeRow> = on_conn!(tx, |c| sqlx::query_as(
        "SELECT code, kind, label, window_rule, unit_deadline_rule, department_deadline_rule, \
         outline_json, is_active FROM report_types ORDER BY sort_order, id"
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().filter_map(TypeRow::into_type).collect())
}
