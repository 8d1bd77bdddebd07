//! What a unit submitted: one version as it was sent, and two versions
//! compared field by field with the changed words highlighted.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use cchc_app::AppError;
use cchc_domain::reports::{FieldChange, FieldChangeKind};

use super::sections::{SectionCard, cards};
use super::word_diff::{Piece, word_diff};
use super::{Badge, field};
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, datetime_hm_vn, render};

pub struct ChangeRow {
    pub label: String,
    pub kind: &'static str,
    pub kind_class: &'static str,
    /// The old value's pieces (shared and removed), empty when it had none.
    pub old: Vec<Piece>,
    /// The new value's pieces (shared and added).
    pub new: Vec<Piece>,
}

pub struct SectionChanges {
    pub title: String,
    pub rows: Vec<ChangeRow>,
}

fn change_row(c: FieldChange) -> ChangeRow {
    let (kind, kind_class) = match c.kind {
        FieldChangeKind::Added => ("Thêm mới", "ok"),
        FieldChangeKind::Removed => ("Bỏ", "overdue"),
        FieldChangeKind::Changed => ("Sửa", "warn"),
    };
    let pieces = word_diff(
        c.before.as_deref().unwrap_or(""),
        c.after.as_deref().unwrap_or(""),
    );
    ChangeRow {
        label: c.label,
        kind,
        kind_class,
        old: pieces.iter().filter(|p| !p.is_added()).cloned().collect(),
        new: pieces.into_iter().filter(|p| !p.is_removed()).collect(),
    }
}

/// Changes grouped by section, in outline order.
fn by_section(changes: Vec<FieldChange>) -> Vec<SectionChanges> {
    let mut out: Vec<SectionChanges> = Vec::new();
    for c in changes {
        let title = if c.section.is_empty() {
            "Mục không còn trong đề cương".to_string()
        } else {
            c.section.clone()
        };
        match out.last_mut().filter(|s| s.title == title) {
            Some(s) => s.rows.push(change_row(c)),
            None => out.push(SectionChanges {
                title,
                rows: vec![change_row(c)],
            }),
        }
    }
    out
}

#[derive(Template)]
#[template(path = "reports/diff.html")]
struct DiffPage {
    chrome: Chrome,
    id: i64,
    year: i32,
    round_id: i64,
    round_label: String,
    unit_name: String,
    numbers: Vec<i64>,
    from: i64,
    to: i64,
    from_info: String,
    to_info: String,
    sections: Vec<SectionChanges>,
    count: usize,
}

/// `GET /reports/{id}/diff?from=&to=` (by default the last two versions).
pub async fn diff(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let view = state.app.unit_report(&actor, id).await?;
    let numbers: Vec<i64> = view.versions.iter().map(|v| v.number).collect();
    let last = numbers.last().copied().unwrap_or(0);
    let to = field(&pairs, "to").trim().parse().unwrap_or(last);
    let from = field(&pairs, "from").trim().parse().unwrap_or(to - 1);
    let info = |n: i64| {
        view.versions
            .iter()
            .find(|v| v.number == n)
            .map(|v| {
                format!(
                    "{}, {}",
                    v.submitted_by_name,
                    datetime_hm_vn(v.submitted_at)
                )
            })
            .unwrap_or_default()
    };
    let (from_info, to_info) = (info(from), info(to));
    let changes = if numbers.len() < 2 {
        Vec::new()
    } else {
        state.app.report_diff(&actor, id, from, to).await?
    };
    let count = changes.len();
    Ok(render(&DiffPage {
        chrome: Chrome::new(
            &actor,
            "/reports",
            format!("So sánh các lần gửi – {}", view.unit_name),
        ),
        id,
        year: view.round.year,
        round_id: view.round.id,
        round_label: view.round.label,
        unit_name: view.unit_name,
        numbers,
        from,
        to,
        from_info,
        to_info,
        sections: by_section(changes),
        count,
    }))
}

#[derive(Template)]
#[template(path = "reports/version.html")]
struct VersionPage {
    chrome: Chrome,
    id: i64,
    year: i32,
    round_id: i64,
    round_label: String,
    unit_name: String,
    number: i64,
    submitted: String,
    outcome: Option<Badge>,
    reviewed: String,
    comment: String,
    previous: Option<i64>,
    sections: Vec<SectionCard>,
    /// For the shared sections template: a version is never edited.
    editable: bool,
    version: i64,
}

/// `GET /reports/{id}/versions/{number}`: a version as it was submitted.
pub async fn version(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path((id, number)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let view = state.app.unit_report(&actor, id).await?;
    let v = view
        .versions
        .iter()
        .find(|v| v.number == number)
        .ok_or(AppError::NotFound("Không tìm thấy phiên bản báo cáo."))?;
    let reviewed = match v.reviewed_at {
        Some(at) => format!("{}, {}", v.reviewed_by_name, datetime_hm_vn(at)),
        None => String::new(),
    };
    Ok(render(&VersionPage {
        chrome: Chrome::new(
            &actor,
            "/reports",
            format!("Lần gửi {number} – {}", view.unit_name),
        ),
        id,
        year: view.round.year,
        round_id: view.round.id,
        number,
        submitted: format!(
            "{}, {}",
            v.submitted_by_name,
            datetime_hm_vn(v.submitted_at)
        ),
        outcome: v.outcome.map(Badge::outcome),
        reviewed,
        comment: v.review_comment.clone(),
        previous: (number > 1).then_some(number - 1),
        sections: cards(&view.round.outline, &v.content.texts, &v.content.figures),
        editable: false,
        version: view.report.version,
        round_label: view.round.label.clone(),
        unit_name: view.unit_name.clone(),
    }))
}
