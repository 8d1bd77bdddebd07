//! Opening a round: the coordinator picks a type, a year and the collecting
//! department, sees the window and the deadlines the rules give and the units
//! that will report, then confirms.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::units::TreeRow;
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::reports::{Period, ReportType, RoundDraft};
use cchc_domain::roles::Role;

use super::field;
use super::rounds::year_or;
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::{date_input, form_errors, opt_id};
use crate::views::{Chrome, PageError, date_vn, opt_date_vn, render};

/// The fields of the form, as typed.
#[derive(Deserialize, Default, Clone)]
pub struct OpenForm {
    #[serde(default)]
    type_code: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    department_id: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    window_start: String,
    #[serde(default)]
    window_end: String,
    #[serde(default)]
    unit_deadline: String,
    #[serde(default)]
    department_deadline: String,
    /// Set by the "Xem trước" button.
    #[serde(default)]
    preview: String,
}

impl OpenForm {
    fn from_pairs(pairs: &[(String, String)]) -> OpenForm {
        let f = |k: &str| field(pairs, k).to_string();
        OpenForm {
            type_code: f("type_code"),
            year: f("year"),
            department_id: f("department_id"),
            label: f("label"),
            window_start: f("window_start"),
            window_end: f("window_end"),
            unit_deadline: f("unit_deadline"),
            department_deadline: f("department_deadline"),
            preview: "1".into(),
        }
    }

    fn draft(&self, unit_ids: Vec<i64>) -> Result<RoundDraft, ValidationErrors> {
        Ok(RoundDraft {
            type_code: self.type_code.clone(),
            year: self.year.trim().parse().ok(),
            unit_id: opt_id(&self.department_id),
            unit_ids,
            label: self.label.clone(),
            window_start: date_input("window_start", &self.window_start)?,
            window_end: date_input("window_end", &self.window_end)?,
            unit_deadline: date_input("unit_deadline", &self.unit_deadline)?,
            department_deadline: date_input("department_deadline", &self.department_deadline)?,
        })
    }
}

pub struct TypeOption {
    pub code: String,
    pub label: String,
}

pub struct UnitOption {
    pub id: i64,
    pub name: String,
    pub checked: bool,
}

/// One round of the year's schedule, and the round already opened for it.
pub struct PeriodRow {
    pub label: String,
    pub window: String,
    pub unit_deadline: String,
    pub department_deadline: String,
    pub opened: Option<i64>,
}

/// What opening would create.
pub struct Preview {
    pub label: String,
    pub department: String,
    pub window: String,
    pub window_rule: String,
    pub unit_deadline: String,
    pub unit_rule: String,
    pub department_deadline: String,
    pub department_rule: String,
    pub adhoc: bool,
    pub participants: Vec<UnitOption>,
    /// The round of this type and year already opened.
    pub existing: Option<i64>,
}

#[derive(Template)]
#[template(path = "reports/open.html")]
struct OpenPage {
    chrome: Chrome,
    form: OpenForm,
    year: i32,
    types: Vec<TypeOption>,
    departments: Vec<(String, String)>,
    schedule: Vec<PeriodRow>,
    preview: Option<Preview>,
    errors: ValidationErrors,
}

fn describe<T>(rule: Option<T>, f: impl Fn(&T) -> String) -> String {
    rule.as_ref().map_or_else(|| "Không quy định".into(), f)
}

/// What the preview is computed from.
struct Known<'a> {
    rtype: Option<&'a ReportType>,
    periods: &'a [Period],
    departments: &'a [(String, String)],
    tree: &'a [TreeRow],
    /// The units ticked on a form sent back; `None`: all.
    chosen: Option<&'a [i64]>,
    existing: Option<i64>,
}

/// The preview of `form`, or the problems that keep it from one.
fn preview(form: &OpenForm, k: Known<'_>) -> Result<Preview, ValidationErrors> {
    let Known {
        rtype,
        periods,
        departments,
        tree,
        chosen,
        existing,
    } = k;
    let mut errors = ValidationErrors::default();
    let department = departments
        .iter()
        .find(|(id, _)| *id == form.department_id.trim())
        .map(|(_, name)| name.trim_start_matches("— ").to_string());
    if department.is_none() {
        errors.add("department_id", "Chọn cơ quan tổng hợp báo cáo.");
    }
    let Some(rtype) = rtype else {
        errors.add("type_code", "Chọn loại báo cáo.");
        return Err(errors);
    };
    let participants: Vec<UnitOption> = tree
        .iter()
        .filter(|r| {
            r.open
                && r.unit
                    .parent_id
                    .is_some_and(|p| Some(p) == opt_id(&form.department_id))
        })
        .map(|r| UnitOption {
            id: r.unit.id,
            name: r.unit.name.clone(),
            checked: chosen.is_none_or(|c| c.contains(&r.unit.id)),
        })
        .collect();
    if department.is_some() && participants.is_empty() {
        errors.add(
            "department_id",
            "Cơ quan này không có đơn vị trực thuộc nào đang hoạt động để báo cáo.",
        );
    }
    let mut p = Preview {
        label: String::new(),
        department: department.unwrap_or_default(),
        window: String::new(),
        window_rule: describe(rtype.window, |r| r.describe()),
        unit_deadline: String::new(),
        unit_rule: describe(rtype.unit_deadline, |r| r.describe()),
        department_deadline: String::new(),
        department_rule: describe(rtype.department_deadline, |r| r.describe()),
        adhoc: !rtype.kind.is_periodic(),
        participants,
        existing,
    };
    if rtype.kind.is_periodic() {
        match periods.iter().find(|p| p.type_code == rtype.code) {
            Some(period) => {
                p.label = period.label.clone();
                p.window = period.window().label();
                p.unit_deadline = opt_date_vn(period.unit_deadline);
                p.department_deadline = opt_date_vn(period.department_deadline);
            }
            None => errors.add(
                "type_code",
                "Loại báo cáo này chưa có quy tắc chốt số liệu hợp lệ.",
            ),
        }
    } else {
        let draft = form.draft(Vec::new());
        match draft {
            Ok(d) => {
                p.label = cchc_domain::text::clean(&d.label);
                if p.label.is_empty() {
                    errors.add("label", "Nhập tên báo cáo đột xuất.");
                }
                match (d.window_start, d.window_end) {
                    (Some(s), Some(e)) if s <= e => {
                        p.window = format!("{} – {}", date_vn(s), date_vn(e))
                    }
                    (Some(_), Some(_)) => {
                        errors.add("window_end", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")
                    }
                    _ => errors.add("window_start", "Nhập thời gian lấy số liệu của báo cáo."),
                }
                if d.unit_deadline.is_none() {
                    errors.add("unit_deadline", "Nhập hạn gửi báo cáo của đơn vị.");
                }
                p.unit_deadline = opt_date_vn(d.unit_deadline);
                p.department_deadline = opt_date_vn(d.department_deadline);
            }
            Err(e) => errors.0.extend(e.0),
        }
    }
    errors.into_result().map(|()| p)
}

async fn open_page(
    state: &AppState,
    actor: &Actor,
    form: OpenForm,
    chosen: Option<&[i64]>,
    mut errors: ValidationErrors,
) -> Result<OpenPage, PageError> {
    if !actor.has_role(Role::Coordinator) {
        return Err(AppError::Forbidden.into());
    }
    let year = year_or(form.year.trim().parse().ok(), state.app.today());
    let types: Vec<ReportType> = state
        .app
        .report_types(actor)
        .await?
        .into_iter()
        .filter(|t| t.active)
        .collect();
    let tree = state.app.unit_tree(actor, "", false).await?;
    let departments: Vec<(String, String)> = tree
        .iter()
        .filter(|r| actor.covers(&[Role::Coordinator], r.unit.id))
        .map(|r| (r.unit.id.to_string(), r.indented_name()))
        .collect();
    let periods = state.app.report_periods(year).await?;
    let rounds = state.app.report_rounds(actor, Some(year)).await?;
    let department = opt_id(&form.department_id);
    let opened = |code: &str| {
        rounds
            .iter()
            .find(|v| {
                v.round.kind.is_periodic()
                    && v.round.type_code == code
                    && department.is_none_or(|d| d == v.round.unit_id)
            })
            .map(|v| v.round.id)
    };
    let schedule = periods
        .iter()
        .map(|p| PeriodRow {
            label: p.label.clone(),
            window: p.window().label(),
            unit_deadline: opt_date_vn(p.unit_deadline),
            department_deadline: opt_date_vn(p.department_deadline),
            opened: opened(&p.type_code),
        })
        .collect();
    let rtype = types.iter().find(|t| t.code == form.type_code.trim());
    let mut shown = None;
    if !form.preview.is_empty() {
        let existing = rtype
            .filter(|t| t.kind.is_periodic() && department.is_some())
            .and_then(|t| opened(&t.code));
        let known = Known {
            rtype,
            periods: &periods,
            departments: &departments,
            tree: &tree,
            chosen,
            existing,
        };
        match preview(&form, known) {
            Ok(p) => shown = Some(p),
            Err(e) if errors.0.is_empty() => errors = e,
            Err(_) => {}
        }
    }
    let mut form = form;
    if form.department_id.is_empty() {
        form.department_id = departments.first().map(|d| d.0.clone()).unwrap_or_default();
    }
    Ok(OpenPage {
        chrome: Chrome::new(actor, "/reports", "Mở kỳ báo cáo"),
        year,
        types: types
            .iter()
            .map(|t| TypeOption {
                code: t.code.clone(),
                label: t.label.clone(),
            })
            .collect(),
        departments,
        schedule,
        preview: shown,
        errors,
        form,
    })
}

/// `GET /reports/new`: the form, and with `preview=1` what opening would create.
pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(form): Query<OpenForm>,
) -> Result<Response, PageError> {
    let page = open_page(&state, &actor, form, None, ValidationErrors::default()).await?;
    Ok(render(&page))
}

/// `POST /reports`: opens the round confirmed on the preview.
pub async fn open(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = OpenForm::from_pairs(&pairs);
    let chosen: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "participant")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    let result = if !field(&pairs, "participants_shown").is_empty() && chosen.is_empty() {
        Err(AppError::validation(
            "unit_ids",
            "Chọn ít nhất một đơn vị báo cáo.",
        ))
    } else {
        match form.draft(chosen.clone()) {
            Ok(draft) => state.app.open_report_round(&actor, draft).await,
            Err(e) => Err(e.into()),
        }
    };
    match result {
        Ok(view) => Ok(Redirect::to(&format!(
            "/reports/rounds/{}?ok=round_opened",
            view.round.id
        ))
        .into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = open_page(&state, &actor, form, Some(&chosen), errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
