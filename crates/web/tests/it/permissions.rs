//! Walks every route of the catalog with every role, granted inside the
//! owning unit, outside it and over the whole organisation, plus anonymous,
//! and checks allowed or denied. A route without an expectation fails the test.

use std::collections::BTreeMap;

use axum::http::{Method, StatusCode};
use serde_json::json;

use cchc_domain::roles::Role;
use cchc_testkit::org;
use cchc_web::routes::{Access, catalog};

use crate::support::{Reply, Web, webs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Inside,
    Outside,
    Global,
}

/// Who may pass a route, beyond the anonymous/logged-in gate.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Public,
    AnyUser,
    AnyAdmin,
    /// Admin covering the resource (inside or global).
    AdminOver,
    /// Admin, coordinator or leader anywhere.
    UserViewers,
    /// Admin, coordinator or leader covering the resource.
    UserViewersOver,
    GlobalAdmin,
    AnyCoordinator,
    /// Coordinator covering the resource.
    CoordinatorOver,
    /// Coordinator of the whole organisation: manages the root's plan.
    GlobalCoordinator,
    /// Any role but admin: sees the plan (whole, or its own units' tasks).
    NonAdmin,
    /// Any role but admin covering the task's lead unit.
    TaskReaders,
    /// Leader or staff of the lead unit, or the plan's coordinator.
    Reporter,
    /// Leader of the lead unit, or the plan's coordinator.
    Confirmer,
    /// Coordinator or admin anywhere (each sees its own scope).
    CoordinatorsAdmins,
    /// Logged in, but the resource belongs to someone else: denied to all.
    OthersOnly,
    /// Sees the report of `inside` in the department's round: the unit's
    /// leaders, staff and viewers, and every non-admin of the whole organisation.
    ReportReaders,
    /// Writes and submits the report of `inside`: its leaders and staff.
    ReportWriters,
    /// Sees the department's round through a report of its own unit (inside
    /// or outside), or as a non-admin of the whole organisation.
    RoundReaders,
    /// Non-admins of the whole organisation: see the department's whole round.
    GlobalReaders,
}

impl Rule {
    fn allows(self, role: Role, place: Place) -> bool {
        let viewer = matches!(role, Role::Admin | Role::Coordinator | Role::Leader);
        match self {
            Rule::Public | Rule::AnyUser => true,
            Rule::AnyAdmin => role == Role::Admin,
            Rule::AdminOver => role == Role::Admin && place != Place::Outside,
            Rule::UserViewers => viewer,
            Rule::UserViewersOver => viewer && place != Place::Outside,
            Rule::GlobalAdmin => role == Role::Admin && place == Place::Global,
            Rule::AnyCoordinator => role == Role::Coordinator,
            Rule::CoordinatorOver => role == Role::Coordinator && place != Place::Outside,
            Rule::GlobalCoordinator => role == Role::Coordinator && place == Place::Global,
            Rule::NonAdmin => role != Role::Admin,
            Rule::TaskReaders => role != Role::Admin && place != Place::Outside,
            Rule::Reporter => {
                matches!(role, Role::Leader | Role::Staff) && place != Place::Outside
                    || role == Role::Coordinator && place == Place::Global
            }
            Rule::Confirmer => {
                role == Role::Leader && place != Place::Outside
                    || role == Role::Coordinator && place == Place::Global
            }
            Rule::CoordinatorsAdmins => matches!(role, Role::Coordinator | Role::Admin),
            Rule::OthersOnly => false,
            Rule::ReportReaders => {
                role != Role::Admin
                    && (place == Place::Global
                        || place == Place::Inside && role != Role::Coordinator)
            }
            Rule::ReportWriters => {
                matches!(role, Role::Leader | Role::Staff) && place != Place::Outside
            }
            Rule::RoundReaders => {
                role != Role::Admin && (place == Place::Global || role != Role::Coordinator)
            }
            Rule::GlobalReaders => role != Role::Admin && place == Place::Global,
        }
    }
}

struct Fixture {
    org: org::Org,
    plan: cchc_testkit::plans::PlanFixture,
    /// The lead unit's row of the task, reported once; its evidence; its occurrence.
    row: i64,
    evidence: i64,
    /// A second file, for the removal route (which really removes it).
    removable: i64,
    occurrence: i64,
    /// A staff member of the unit below `inside`.
    target_user: i64,
    /// The department's round of reports, and the report of `inside` in it
    /// (submitted twice: returned once, waiting again).
    round: i64,
    report: i64,
}

/// (expected rule, sample body) for each route; `{id}` is filled per route.
fn expectations(f: &Fixture) -> BTreeMap<(Method, &'static str), (Rule, Option<String>)> {
    use Rule::*;
    let unit_form = format!(
        "version=1&code=VPS-TN&name=B%E1%BB%99+ph%E1%BA%ADn&kind=other&parent_id={}&valid_from=2020-01-01",
        f.org.inside
    );
    let new_unit_form = format!(
        "code=MOI&name=M%E1%BB%9Bi&kind=other&parent_id={}&valid_from=2024-01-01",
        f.org.inside_child
    );
    let user_form = format!(
        "version=1&full_name=Ng%C6%B0%E1%BB%9Di&unit_id={0}&is_active=1&role_0=staff&scope_0={0}",
        f.org.inside_child
    );
    let new_user_form = format!(
        "username=moi&full_name=M%E1%BB%9Bi&password=mat-khau-moi&unit_id={0}&role_0=staff&scope_0={0}",
        f.org.inside_child
    );
    let unit_json = json!({"version": 1, "code": "VPS-TN", "name": "Bộ phận", "kind": "other", "parent_id": f.org.inside, "valid_from": "2020-01-01"});
    let new_unit_json =
        json!({"code": "MOI-API", "name": "Mới", "kind": "other", "parent_id": f.org.inside_child});
    let user_json = json!({"version": 1, "full_name": "Người", "unit_id": f.org.inside_child, "is_active": true, "roles": [{"role": "staff", "unit_id": f.org.inside_child}]});
    let new_user_json = json!({"username": "moi-api", "password": "mat-khau-moi", "full_name": "Mới", "unit_id": f.org.inside_child, "roles": [{"role": "staff", "unit_id": f.org.inside_child}]});
    let reminder_form = format!(
        "unit_id={}&message=%C4%90%E1%BB%81+ngh%E1%BB%8B+b%C3%A1o+c%C3%A1o",
        f.org.inside_child
    );
    let reminder_json = json!({"unit_ids": [f.org.inside_child], "message": "Đề nghị báo cáo"});
    let login_form = format!("username=dang-nhap&password={}", org::PASSWORD);
    let login_json = json!({"username": "dang-nhap", "password": org::PASSWORD});
    let s = |v: &str| Some(v.to_string());
    let j = |v: serde_json::Value| Some(v.to_string());
    let (inside, root, section) = (f.org.inside, f.org.root, f.plan.section_id);
    let figure_form = "version=1&field_key=tthc.tthc_don_gian_hoa&value=3&note=S%E1%BB%91+li%E1%BB%87u+gi%E1%BA%A5y";
    let figure_json = json!({"version": 1, "field_key": "tthc.tthc_don_gian_hoa", "value": 3, "note": "Số liệu giấy"});
    let draft_form = "version=1&text.tong_quan.danh_gia=%C4%90%C3%A1nh+gi%C3%A1";
    let mut table = BTreeMap::from([
        ((Method::GET, "/plans"), (AnyUser, None)),
        ((Method::GET, "/plans/new"), (AnyCoordinator, None)),
        ((Method::GET, "/plans/import"), (AnyCoordinator, None)),
        ((Method::POST, "/plans/import"), (AnyCoordinator, s(""))),
        (
            (Method::POST, "/plans/import/preview"),
            (AnyCoordinator, s("sha256=abc&file_name=a.txt")),
        ),
        (
            (Method::POST, "/plans/import/commit"),
            (AnyCoordinator, s("sha256=abc&file_name=a.txt")),
        ),
        (
            (Method::GET, "/plans/{id}/reimport"),
            (GlobalCoordinator, None),
        ),
        (
            (Method::POST, "/plans/{id}/reimport"),
            (GlobalCoordinator, s("")),
        ),
        (
            (Method::POST, "/plans/{id}/reimport/apply"),
            (GlobalCoordinator, s("sha256=abc&file_name=a.txt")),
        ),
        ((Method::GET, "/plans/{id}/export"), (NonAdmin, None)),
        (
            (Method::POST, "/api/v1/plans/import"),
            (AnyCoordinator, j(json!({}))),
        ),
        ((Method::GET, "/api/v1/plans/{id}/export"), (NonAdmin, None)),
        (
            (Method::POST, "/plans"),
            (
                CoordinatorOver,
                Some(format!(
                    "title=K%E1%BA%BF+ho%E1%BA%A1ch&issuing_unit_id={inside}&first_year=2026&last_year=2026&status=draft"
                )),
            ),
        ),
        ((Method::GET, "/plans/{id}"), (NonAdmin, None)),
        ((Method::GET, "/plans/{id}/edit"), (GlobalCoordinator, None)),
        (
            (Method::POST, "/plans/{id}"),
            (
                GlobalCoordinator,
                Some(format!(
                    "version=1&title=K%E1%BA%BF+ho%E1%BA%A1ch+s%E1%BB%ADa&issuing_unit_id={root}&first_year=2026&last_year=2026&status=issued"
                )),
            ),
        ),
        (
            (Method::POST, "/plans/{id}/renumber"),
            (GlobalCoordinator, s("")),
        ),
        (
            (Method::GET, "/plans/{id}/items/new"),
            (GlobalCoordinator, None),
        ),
        (
            (Method::POST, "/plans/{id}/items"),
            (
                GlobalCoordinator,
                Some(format!(
                    "kind=task&content=Vi%E1%BB%87c+m%E1%BB%9Bi&parent_id={section}&lead={inside}&start_text=Qu%C3%BD+II%2F2026"
                )),
            ),
        ),
        ((Method::GET, "/items/{id}/edit"), (GlobalCoordinator, None)),
        (
            (Method::POST, "/items/{id}"),
            (
                GlobalCoordinator,
                Some(format!(
                    "version=1&kind=task&parent_id={section}&content=S%E1%BB%ADa&lead={inside}"
                )),
            ),
        ),
        (
            (Method::POST, "/items/{id}/move"),
            (GlobalCoordinator, s("direction=down")),
        ),
        (
            (Method::GET, "/items/{id}/delete"),
            (GlobalCoordinator, None),
        ),
        (
            (Method::POST, "/items/{id}/delete"),
            (GlobalCoordinator, s("version=1")),
        ),
        ((Method::GET, "/tasks/{id}"), (TaskReaders, None)),
        (
            (Method::POST, "/tracking/{id}/report"),
            (Reporter, s("version=1&status=in_progress&progress_pct=10")),
        ),
        (
            (Method::POST, "/tracking/{id}/confirm"),
            (Confirmer, s("version=1")),
        ),
        (
            (Method::POST, "/tracking/{id}/return"),
            (GlobalCoordinator, s("version=1&comment=Thi%E1%BA%BFu")),
        ),
        ((Method::POST, "/tracking/{id}/evidence"), (Reporter, s(""))),
        ((Method::GET, "/evidence/{id}"), (TaskReaders, None)),
        ((Method::POST, "/evidence/{id}/remove"), (Reporter, s(""))),
        (
            (Method::POST, "/occurrences/{id}/due"),
            (GlobalCoordinator, s("version=1&due_on=30%2F06%2F2026")),
        ),
        ((Method::GET, "/my"), (AnyUser, None)),
        ((Method::GET, "/api/v1/plans"), (AnyUser, None)),
        (
            (Method::POST, "/api/v1/plans"),
            (
                CoordinatorOver,
                j(json!({"title": "Kế hoạch API", "issuing_unit_id": inside, "first_year": 2026})),
            ),
        ),
        ((Method::GET, "/api/v1/plans/{id}"), (NonAdmin, None)),
        (
            (Method::PUT, "/api/v1/plans/{id}"),
            (
                GlobalCoordinator,
                j(
                    json!({"version": 1, "title": "Kế hoạch sửa", "issuing_unit_id": root, "first_year": 2026}),
                ),
            ),
        ),
        (
            (Method::POST, "/api/v1/plans/{id}/items"),
            (
                GlobalCoordinator,
                j(
                    json!({"kind": "task", "parent_id": section, "content": "Việc API", "lead_unit_ids": [inside], "start_text": "Quý III/2026"}),
                ),
            ),
        ),
        (
            (Method::PUT, "/api/v1/items/{id}"),
            (
                GlobalCoordinator,
                j(
                    json!({"version": 1, "kind": "task", "parent_id": section, "content": "Sửa API", "lead_unit_ids": [inside]}),
                ),
            ),
        ),
        ((Method::GET, "/api/v1/tasks/{id}"), (TaskReaders, None)),
        ((Method::GET, "/api/v1/work"), (NonAdmin, None)),
        (
            (Method::POST, "/api/v1/tracking/{id}/report"),
            (
                Reporter,
                j(json!({"version": 1, "status": "in_progress", "progress_pct": 20})),
            ),
        ),
        (
            (Method::POST, "/api/v1/tracking/{id}/confirm"),
            (Confirmer, j(json!({"version": 1}))),
        ),
        (
            (Method::POST, "/api/v1/tracking/{id}/return"),
            (
                GlobalCoordinator,
                j(json!({"version": 1, "comment": "Thiếu"})),
            ),
        ),
        (
            (Method::PUT, "/api/v1/occurrences/{id}/due"),
            (
                GlobalCoordinator,
                j(json!({"version": 1, "due_on": "2026-06-30"})),
            ),
        ),
        (
            (Method::POST, "/api/v1/tracking/{id}/evidence"),
            (Reporter, j(json!({}))),
        ),
        ((Method::GET, "/api/v1/evidence/{id}"), (TaskReaders, None)),
        ((Method::GET, "/work"), (NonAdmin, None)),
        ((Method::GET, "/work.csv"), (NonAdmin, None)),
        ((Method::GET, "/work.xlsx"), (NonAdmin, None)),
        ((Method::GET, "/healthz"), (Public, None)),
        ((Method::GET, "/static/{*path}"), (Public, None)),
        ((Method::GET, "/login"), (Public, None)),
        ((Method::POST, "/login"), (Public, Some(login_form))),
        ((Method::POST, "/logout"), (AnyUser, s(""))),
        ((Method::GET, "/"), (AnyUser, None)),
        ((Method::GET, "/units"), (AnyUser, None)),
        ((Method::GET, "/units/new"), (AnyAdmin, None)),
        ((Method::POST, "/units"), (AdminOver, Some(new_unit_form))),
        ((Method::GET, "/units/{id}"), (AnyUser, None)),
        ((Method::GET, "/units/{id}/edit"), (AdminOver, None)),
        ((Method::POST, "/units/{id}"), (AdminOver, Some(unit_form))),
        ((Method::GET, "/units/{id}/close"), (AdminOver, None)),
        (
            (Method::POST, "/units/{id}/close"),
            (AdminOver, s("version=1&valid_to=2030-01-01")),
        ),
        ((Method::GET, "/users"), (UserViewers, None)),
        ((Method::GET, "/users/new"), (AnyAdmin, None)),
        ((Method::POST, "/users"), (AdminOver, Some(new_user_form))),
        ((Method::GET, "/users/{id}"), (UserViewersOver, None)),
        ((Method::POST, "/users/{id}"), (AdminOver, Some(user_form))),
        (
            (Method::POST, "/users/{id}/password"),
            (AdminOver, s("password=mat-khau-dat-lai")),
        ),
        ((Method::GET, "/calendar"), (AnyUser, None)),
        (
            (Method::POST, "/calendar/overrides"),
            (
                GlobalAdmin,
                s("day=04%2F05%2F2026&kind=day_off&name=Ngh%E1%BB%89+b%C3%B9"),
            ),
        ),
        (
            (Method::GET, "/calendar/overrides/{day}/delete"),
            (GlobalAdmin, None),
        ),
        (
            (Method::POST, "/calendar/overrides/{day}/delete"),
            (GlobalAdmin, s("")),
        ),
        ((Method::GET, "/audit"), (GlobalAdmin, None)),
        ((Method::GET, "/notifications"), (AnyUser, None)),
        ((Method::GET, "/notifications/unread"), (AnyUser, None)),
        ((Method::POST, "/notifications/read-all"), (AnyUser, s(""))),
        // {id} is nobody's notification here: marking another user's is refused (404).
        (
            (Method::POST, "/notifications/{id}/read"),
            (OthersOnly, s("")),
        ),
        ((Method::GET, "/reminders"), (CoordinatorsAdmins, None)),
        ((Method::GET, "/reminders/new"), (AnyCoordinator, None)),
        (
            (Method::POST, "/reminders"),
            (CoordinatorOver, Some(reminder_form)),
        ),
        ((Method::GET, "/account"), (AnyUser, None)),
        (
            (Method::POST, "/account/password"),
            (
                AnyUser,
                s("current_password=sai&new_password=abcdefgh1&confirm_password=abcdefgh1"),
            ),
        ),
        (
            (Method::POST, "/api/v1/auth/login"),
            (Public, j(login_json)),
        ),
        ((Method::POST, "/api/v1/auth/logout"), (AnyUser, None)),
        ((Method::GET, "/api/v1/me"), (AnyUser, None)),
        ((Method::GET, "/api/v1/units"), (AnyUser, None)),
        (
            (Method::POST, "/api/v1/units"),
            (AdminOver, j(new_unit_json)),
        ),
        ((Method::GET, "/api/v1/units/{id}"), (AnyUser, None)),
        (
            (Method::PUT, "/api/v1/units/{id}"),
            (AdminOver, j(unit_json)),
        ),
        ((Method::GET, "/api/v1/users"), (UserViewers, None)),
        (
            (Method::POST, "/api/v1/users"),
            (AdminOver, j(new_user_json)),
        ),
        ((Method::GET, "/api/v1/users/{id}"), (UserViewersOver, None)),
        (
            (Method::PUT, "/api/v1/users/{id}"),
            (AdminOver, j(user_json)),
        ),
        ((Method::GET, "/api/v1/audit"), (GlobalAdmin, None)),
        (
            (Method::GET, "/api/v1/calendar/working-days"),
            (AnyUser, None),
        ),
        ((Method::GET, "/api/v1/calendar/{year}"), (AnyUser, None)),
        (
            (Method::PUT, "/api/v1/calendar/overrides/{day}"),
            (
                GlobalAdmin,
                j(json!({"kind": "working_day", "name": "Làm bù"})),
            ),
        ),
        (
            (Method::DELETE, "/api/v1/calendar/overrides/{day}"),
            (GlobalAdmin, None),
        ),
        ((Method::GET, "/api/v1/notifications"), (AnyUser, None)),
        (
            (Method::POST, "/api/v1/reminders"),
            (CoordinatorOver, j(reminder_json)),
        ),
        ((Method::GET, "/api/v1/openapi.json"), (Public, None)),
        ((Method::GET, "/api/docs/"), (Public, None)),
    ]);
    table.extend([
        ((Method::GET, "/reports"), (AnyUser, None)),
        ((Method::GET, "/reports/new"), (AnyCoordinator, None)),
        (
            (Method::POST, "/reports"),
            (
                CoordinatorOver,
                Some(format!("type_code=h1&year=2026&department_id={inside}")),
            ),
        ),
        ((Method::GET, "/reports/timeliness"), (AnyUser, None)),
        ((Method::GET, "/reports/rounds/{id}"), (RoundReaders, None)),
        (
            (Method::GET, "/reports/rounds/{id}/close"),
            (GlobalCoordinator, None),
        ),
        (
            (Method::POST, "/reports/rounds/{id}/close"),
            (GlobalCoordinator, s("version=1")),
        ),
        (
            (Method::GET, "/reports/rounds/{id}/consolidated"),
            (GlobalReaders, None),
        ),
        (
            (Method::GET, "/reports/rounds/{id}/document"),
            (GlobalCoordinator, None),
        ),
        (
            (Method::POST, "/reports/rounds/{id}/figures"),
            (
                GlobalCoordinator,
                s("field_key=tong_quan.tasks_due&value=5&note=S%E1%BB%91+li%E1%BB%87u+gi%E1%BA%A5y"),
            ),
        ),
        ((Method::GET, "/reports/{id}"), (ReportReaders, None)),
        ((Method::POST, "/reports/{id}/draft"), (ReportWriters, s(draft_form))),
        (
            (Method::POST, "/reports/{id}/autosave"),
            (ReportWriters, s(draft_form)),
        ),
        (
            (Method::POST, "/reports/{id}/figures"),
            (ReportWriters, s(figure_form)),
        ),
        ((Method::GET, "/reports/{id}/submit"), (ReportWriters, None)),
        (
            (Method::POST, "/reports/{id}/submit"),
            (ReportWriters, s("version=1")),
        ),
        ((Method::GET, "/reports/{id}/accept"), (GlobalCoordinator, None)),
        (
            (Method::POST, "/reports/{id}/accept"),
            (GlobalCoordinator, s("version=1")),
        ),
        (
            (Method::POST, "/reports/{id}/return"),
            (GlobalCoordinator, s("version=1&comment=Thi%E1%BA%BFu")),
        ),
        ((Method::GET, "/reports/{id}/diff"), (ReportReaders, None)),
        (
            (Method::GET, "/reports/{id}/versions/{number}"),
            (ReportReaders, None),
        ),
        ((Method::GET, "/api/v1/reports/types"), (AnyUser, None)),
        ((Method::GET, "/api/v1/reports/periods"), (AnyUser, None)),
        ((Method::GET, "/api/v1/reports/rounds"), (AnyUser, None)),
        (
            (Method::POST, "/api/v1/reports/rounds"),
            (
                CoordinatorOver,
                j(json!({"type_code": "q3", "year": 2026, "unit_id": inside})),
            ),
        ),
        (
            (Method::GET, "/api/v1/reports/rounds/{id}"),
            (RoundReaders, None),
        ),
        (
            (Method::POST, "/api/v1/reports/rounds/{id}/close"),
            (GlobalCoordinator, j(json!({"version": 1}))),
        ),
        (
            (Method::GET, "/api/v1/reports/rounds/{id}/consolidated"),
            (GlobalReaders, None),
        ),
        (
            (Method::PUT, "/api/v1/reports/rounds/{id}/figures"),
            (
                GlobalCoordinator,
                j(json!({"field_key": "tong_quan.tasks_due", "value": 5, "note": "Số liệu giấy"})),
            ),
        ),
        ((Method::GET, "/api/v1/reports/timeliness"), (AnyUser, None)),
        ((Method::GET, "/api/v1/reports/{id}"), (ReportReaders, None)),
        (
            (Method::PUT, "/api/v1/reports/{id}/draft"),
            (
                ReportWriters,
                j(json!({"version": 1, "texts": {"tong_quan.danh_gia": "Đánh giá"}})),
            ),
        ),
        (
            (Method::PUT, "/api/v1/reports/{id}/figures"),
            (ReportWriters, j(figure_json)),
        ),
        (
            (Method::POST, "/api/v1/reports/{id}/submit"),
            (ReportWriters, j(json!({"version": 1}))),
        ),
        (
            (Method::POST, "/api/v1/reports/{id}/return"),
            (GlobalCoordinator, j(json!({"version": 1, "comment": "Thiếu"}))),
        ),
        (
            (Method::POST, "/api/v1/reports/{id}/accept"),
            (GlobalCoordinator, j(json!({"version": 1}))),
        ),
        (
            (Method::GET, "/api/v1/reports/{id}/versions"),
            (ReportReaders, None),
        ),
        (
            (Method::GET, "/api/v1/reports/{id}/diff"),
            (ReportReaders, None),
        ),
    ]);
    table
}

fn concrete(path: &str, f: &Fixture) -> String {
    let local = path.strip_prefix("/api/v1").unwrap_or(path);
    let report_path = local.starts_with("/reports/")
        && !local.starts_with("/reports/rounds")
        && local.contains("{id}");
    let id = if local.starts_with("/reports/rounds/") {
        f.round
    } else if report_path {
        f.report
    } else if local.starts_with("/users") {
        f.target_user
    } else if local.starts_with("/plans/") {
        f.plan.plan_id
    } else if local.starts_with("/items/") || local.starts_with("/tasks/") {
        f.plan.task_id
    } else if local.starts_with("/tracking/") {
        f.row
    } else if local.starts_with("/evidence/") && local.ends_with("/remove") {
        f.removable
    } else if local.starts_with("/evidence/") {
        f.evidence
    } else if local.starts_with("/occurrences/") {
        f.occurrence
    } else {
        f.org.inside_child
    };
    let path = path
        .replace("{id}", &id.to_string())
        .replace("{*path}", "app.css")
        .replace("{day}", "2026-05-04")
        .replace("{year}", "2026")
        .replace("{number}", "1");
    if path.ends_with("/working-days") {
        format!("{path}?from=2026-05-01&n=1")
    } else if path.starts_with("/api/v1/reports/") && path.ends_with("/diff") {
        format!("{path}?from=1&to=2")
    } else {
        path
    }
}

/// 401 / 403 / a redirect to the login page mean "denied".
fn denied(reply: &Reply, page: bool) -> bool {
    let to_login = page
        && reply.status == StatusCode::SEE_OTHER
        && reply.location().starts_with("/login?next=");
    // A resource hidden from the user answers 404, which is a denial too.
    reply.status == StatusCode::UNAUTHORIZED
        || reply.status == StatusCode::FORBIDDEN
        || reply.status == StatusCode::NOT_FOUND
        || to_login
}

async fn call(
    web: &Web,
    method: &Method,
    path: &str,
    page: bool,
    user: Option<&str>,
    body: Option<&str>,
) -> Reply {
    if page {
        let session = match user {
            Some(u) => Some(web.session(u).await),
            None => None,
        };
        web.page(method.clone(), path, session.as_deref(), body)
            .await
    } else {
        let token = match user {
            Some(u) => Some(web.token(u).await),
            None => None,
        };
        let json = body.map(|b| serde_json::from_str(b).expect("sample JSON"));
        web.api(method.clone(), path, token.as_deref(), json).await
    }
}

/// The department's round of Q1 2026 and the report of `inside` in it,
/// submitted by its staff, returned by the coordinator and submitted again.
async fn report_fixture(app: &cchc_app::App, o: &org::Org) -> (i64, i64) {
    let c = cchc_testkit::plans::coordinator();
    let view = app
        .open_report_round(&c, cchc_testkit::reports::round("q1", 2026, o.root))
        .await
        .expect("round");
    let report = view
        .reports
        .iter()
        .find(|r| r.unit_id == o.inside)
        .expect("report of inside")
        .report_id;
    let staff = org::actor(app, "staff-inside").await;
    let r = app.unit_report(&staff, report).await.unwrap().report;
    let texts = [(
        "tong_quan.danh_gia".to_string(),
        "Cơ bản hoàn thành".to_string(),
    )];
    let r = app
        .save_report_draft(&staff, report, r.version, texts.into_iter().collect())
        .await
        .unwrap();
    let r = app.submit_report(&staff, report, r.version).await.unwrap();
    let r = app
        .return_report(&c, report, r.version, "Bổ sung số liệu")
        .await
        .unwrap();
    app.submit_report(&staff, report, r.version).await.unwrap();
    (view.round.id, report)
}

#[tokio::test]
async fn every_route_allows_exactly_the_expected_roles() {
    for web in webs().await {
        let app = &web.t.app;
        let o = org::build(app).await;
        let target_user = org::user(
            app,
            "muc-tieu",
            Role::Staff,
            Some(o.inside_child),
            Some(o.inside_child),
        )
        .await;
        // Logs in through the login routes; nothing else touches this account.
        org::user(app, "dang-nhap", Role::Viewer, Some(o.outside), None).await;
        let mut users = Vec::new();
        for role in Role::ALL {
            for (place, scope) in [
                (Place::Inside, Some(o.inside)),
                (Place::Outside, Some(o.outside)),
                (Place::Global, None),
            ] {
                let name = format!("{}-{:?}", role.code(), place).to_lowercase();
                org::user(app, &name, role, scope, scope).await;
                users.push((name, role, place));
            }
        }
        let plan = cchc_testkit::plans::build(app, &o).await;
        let c = cchc_testkit::plans::coordinator();
        let task = app.task(&c, plan.task_id).await.unwrap();
        let occ = &task.occurrences[0];
        let lead = &occ.rows[0].row;
        let update = cchc_domain::tracking::StatusUpdate {
            status: "in_progress".into(),
            progress_pct: Some(30),
            ..Default::default()
        };
        app.report(&c, lead.id, lead.version, update).await.unwrap();
        let evidence = app
            .add_evidence(&c, lead.id, "bien-ban.pdf", b"%PDF-1.4 test")
            .await
            .unwrap();
        let removable = app
            .add_evidence(&c, lead.id, "ban-nhap.pdf", b"%PDF-1.4 nhap")
            .await
            .unwrap()
            .id;
        let (round, report) = report_fixture(app, &o).await;
        let f = Fixture {
            round,
            report,
            removable,
            row: lead.id,
            evidence: evidence.id,
            occurrence: occ.occurrence.id,
            plan,
            org: o,
            target_user,
        };
        let table = expectations(&f);
        let routes = catalog();
        for route in &routes {
            assert!(
                table.contains_key(&(route.method.clone(), route.path)),
                "route {} {} has no permission expectation",
                route.method,
                route.path
            );
        }
        assert_eq!(
            table.len(),
            routes.len(),
            "expectations for routes that do not exist"
        );

        let mut failures = Vec::new();
        for route in &routes {
            let (rule, body) = &table[&(route.method.clone(), route.path)];
            let path = concrete(route.path, &f);
            assert_eq!(
                route.access == Access::Public,
                matches!(rule, Rule::Public),
                "{} {}: catalog access",
                route.method,
                route.path
            );
            let anon = call(
                &web,
                &route.method,
                &path,
                route.page,
                None,
                body.as_deref(),
            )
            .await;
            if denied(&anon, route.page) == matches!(rule, Rule::Public) {
                failures.push(format!(
                    "{} {} anonymous: {} {}",
                    route.method,
                    path,
                    anon.status,
                    anon.location()
                ));
            }
            for (name, role, place) in &users {
                let reply = call(
                    &web,
                    &route.method,
                    &path,
                    route.page,
                    Some(name),
                    body.as_deref(),
                )
                .await;
                let expected = rule.allows(*role, *place);
                if denied(&reply, route.page) == expected {
                    failures.push(format!(
                        "{} {} as {name}: got {} (expected {})",
                        route.method,
                        path,
                        reply.status,
                        if expected { "allowed" } else { "denied" }
                    ));
                }
                if reply.status.is_server_error() {
                    failures.push(format!(
                        "{} {} as {name}: server error {}",
                        route.method, path, reply.body
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} on {}:\n{}",
            failures.len(),
            web.t.db.name,
            failures.join("\n")
        );
    }
}
