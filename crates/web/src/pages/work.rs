//! "Việc của đơn vị tôi" and the filtered work list with its CSV and .xlsx exports.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use cchc_app::work::{MY_LIST_ROWS, MyWork, WorkQuery};
use cchc_domain::tracking::Status;
use cchc_store::work::WorkRow;

use crate::AppState;
use crate::auth::PageUser;
use crate::pages::tasks::attachment;
use crate::views::{Chrome, PageError, Pager, opt_date_vn, percent_encode, render};

const PER_PAGE: i64 = 50;

/// A work row formatted for the page.
pub struct Line {
    pub item_id: i64,
    pub number: String,
    pub content: String,
    pub plan_title: String,
    pub unit_name: String,
    pub lead: bool,
    pub label: String,
    pub due: String,
    pub status: String,
    pub status_label: &'static str,
    pub progress: i64,
    pub review: &'static str,
}

fn line(r: &WorkRow) -> Line {
    let status = Status::parse(&r.status).unwrap_or(Status::NotStarted);
    Line {
        item_id: r.item_id,
        number: r.item_number.clone(),
        content: r.content.lines().next().unwrap_or_default().to_string(),
        plan_title: r.plan_title.clone(),
        unit_name: r.unit_name.clone(),
        lead: r.role == "lead",
        label: r.label.clone(),
        due: opt_date_vn(r.due_on),
        status: status.code().into(),
        status_label: status.label(),
        progress: r.progress_pct,
        review: cchc_domain::tracking::Review::parse(&r.review)
            .unwrap_or(cchc_domain::tracking::Review::None)
            .label(),
    }
}

pub struct Section {
    pub anchor: &'static str,
    pub title: &'static str,
    pub empty: &'static str,
    pub lines: Vec<Line>,
    /// The work list with all of this section's rows, when it shows only
    /// the first [`MY_LIST_ROWS`].
    pub more: Option<&'static str>,
}

impl Section {
    /// The count for the cards: "200+" when the list was cut.
    pub fn count(&self) -> String {
        match self.more {
            Some(_) => format!("{}+", self.lines.len()),
            None => self.lines.len().to_string(),
        }
    }
}

fn section(
    anchor: &'static str,
    title: &'static str,
    empty: &'static str,
    rows: &[WorkRow],
    all: &'static str,
) -> Section {
    Section {
        anchor,
        title,
        empty,
        lines: rows.iter().map(line).collect(),
        more: (rows.len() as i64 >= MY_LIST_ROWS).then_some(all),
    }
}

#[derive(Template)]
#[template(path = "work/my.html")]
struct MyPage {
    chrome: Chrome,
    sections: Vec<Section>,
    soon_days: i64,
    has_units: bool,
}

#[derive(Deserialize, Default)]
pub struct MyQuery {
    #[serde(default)]
    days: Option<i64>,
}

pub async fn my(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<MyQuery>,
) -> Result<Response, PageError> {
    let MyWork {
        units,
        overdue,
        due_soon,
        undated,
        done,
        soon_days,
    } = state.app.my_work(&actor, q.days.unwrap_or(5)).await?;
    Ok(render(&MyPage {
        chrome: Chrome::new(&actor, "/my", "Việc của đơn vị tôi"),
        sections: vec![
            section(
                "qua-han",
                "Quá hạn",
                "Không có việc quá hạn.",
                &overdue,
                "/work?overdue=true",
            ),
            section(
                "sap-den-han",
                "Sắp đến hạn",
                "Không có việc đến hạn trong thời gian tới.",
                &due_soon,
                "/work",
            ),
            section(
                "chua-co-han",
                "Chưa có thời hạn",
                "Mọi việc đều đã có thời hạn.",
                &undated,
                "/work?undated=true",
            ),
            Section {
                anchor: "da-xong",
                title: "Đã có kết quả gần đây",
                empty: "Chưa có việc nào có kết quả.",
                lines: done.iter().map(line).collect(),
                more: None,
            },
        ],
        soon_days,
        has_units: !units.is_empty(),
    }))
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    plan_id: Option<String>,
    #[serde(default)]
    area_id: Option<String>,
    #[serde(default)]
    unit_id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    due_within: Option<String>,
    #[serde(default)]
    overdue: Option<String>,
    #[serde(default)]
    undated: Option<String>,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

impl ListQuery {
    fn work(&self) -> WorkQuery {
        let num = |v: &Option<String>| v.as_deref().and_then(|s| s.trim().parse().ok());
        let flag = |v: &Option<String>| {
            v.as_deref()
                .is_some_and(|s| matches!(s, "true" | "1" | "on"))
        };
        WorkQuery {
            plan_id: num(&self.plan_id),
            area_id: num(&self.area_id),
            unit_id: num(&self.unit_id),
            status: self.status.clone().filter(|s| !s.is_empty()),
            due_within: num(&self.due_within),
            overdue: flag(&self.overdue),
            undated: flag(&self.undated),
            q: self.q.clone(),
        }
    }

    /// The filters as a query string, for pager and export links.
    fn query_string(&self) -> String {
        let w = self.work();
        let mut parts = Vec::new();
        let mut add = |k: &str, v: String| parts.push(format!("{k}={}", percent_encode(&v, b"")));
        if let Some(v) = w.plan_id {
            add("plan_id", v.to_string())
        }
        if let Some(v) = w.area_id {
            add("area_id", v.to_string())
        }
        if let Some(v) = w.unit_id {
            add("unit_id", v.to_string())
        }
        if let Some(v) = w.status {
            add("status", v)
        }
        if let Some(v) = w.due_within {
            add("due_within", v.to_string())
        }
        if w.overdue {
            add("overdue", "true".into())
        }
        if w.undated {
            add("undated", "true".into())
        }
        if !w.q.is_empty() {
            add("q", w.q)
        }
        parts.join("&")
    }
}

#[derive(Template)]
#[template(path = "work/list.html")]
struct ListPage {
    chrome: Chrome,
    f: WorkQuery,
    qs: String,
    lines: Vec<Line>,
    pager: Pager,
    plans: Vec<(i64, String)>,
    areas: Vec<(i64, String)>,
    units: Vec<(i64, String)>,
    statuses: Vec<(&'static str, &'static str)>,
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let f = q.work();
    let page = state
        .app
        .work_list(&actor, &f, q.page.unwrap_or(1), PER_PAGE)
        .await?;
    let plans = state
        .app
        .plans(&actor, "")
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let areas = state
        .app
        .areas()
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let units = state
        .app
        .unit_tree(&actor, "", false)
        .await?
        .into_iter()
        .map(|r| (r.unit.id, r.indented_name()))
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/work", "Theo dõi nhiệm vụ"),
        qs: q.query_string(),
        lines: page.rows.iter().map(line).collect(),
        pager: Pager::new(page.page, page.per_page, page.total),
        plans,
        areas,
        units,
        statuses: Status::ALL.iter().map(|s| (s.code(), s.label())).collect(),
        f,
    }))
}

const HEADERS: [&str; 11] = [
    "Kế hoạch",
    "STT",
    "Nội dung",
    "Lĩnh vực",
    "Đơn vị",
    "Vai trò",
    "Lần thực hiện",
    "Hạn",
    "Trạng thái",
    "Tiến độ (%)",
    "Kết quả",
];

fn cells(r: &WorkRow) -> [String; 11] {
    let l = line(r);
    [
        r.plan_title.clone(),
        r.item_number.clone(),
        r.content.clone(),
        r.area_name.clone().unwrap_or_default(),
        r.unit_name.clone(),
        if l.lead { "Chủ trì" } else { "Phối hợp" }.into(),
        r.label.clone(),
        l.due,
        l.status_label.into(),
        r.progress_pct.to_string(),
        r.result_text.clone(),
    ]
}

/// UTF-8 with BOM so Excel opens Vietnamese text correctly.
pub async fn export_csv(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let rows = state.app.work_export(&actor, &q.work()).await?;
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let ok = w.write_record(HEADERS).is_ok()
            && rows.iter().all(|r| w.write_record(cells(r)).is_ok());
        if !ok || w.flush().is_err() {
            return Err(cchc_app::AppError::validation("export", "Không tạo được tệp CSV.").into());
        }
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                attachment("theo-doi-nhiem-vu.csv"),
            ),
        ],
        out,
    )
        .into_response())
}

fn xlsx(rows: &[WorkRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Theo dõi nhiệm vụ")?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("#F0F3F7")
        .set_font_name("Times New Roman");
    let body = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_font_name("Times New Roman");
    let widths = [
        30.0, 8.0, 60.0, 28.0, 28.0, 10.0, 16.0, 12.0, 18.0, 10.0, 40.0,
    ];
    for (c, (h, w)) in HEADERS.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
        sheet.set_column_width(c as u16, w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in cells(r).iter().enumerate() {
            if c == 9 {
                sheet.write_number_with_format(
                    i as u32 + 1,
                    c as u16,
                    r.progress_pct as f64,
                    &body,
                )?;
            } else {
                sheet.write_string_with_format(i as u32 + 1, c as u16, v, &body)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, HEADERS.len() as u16 - 1)?;
    book.save_to_buffer()
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let rows = state.app.work_export(&actor, &q.work()).await?;
    let bytes = xlsx(&rows).map_err(|e| {
        tracing::error!(error = %e, "xlsx export failed");
        cchc_app::AppError::validation("export", "Không tạo được tệp Excel.")
    })?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
            ),
            (
                header::CONTENT_DISPOSITION,
                attachment("theo-doi-nhiem-vu.xlsx"),
            ),
        ],
        bytes,
    )
        .into_response())
}
