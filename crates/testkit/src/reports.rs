//! Reporting rounds for report tests: the plan fixture, a coordinator of the
//! department (a stored user), staff and a leader of `inside`, staff of
//! `outside` and of the partner division, and a director who only reads.

use cchc_app::App;
use cchc_domain::actor::Actor;
use cchc_domain::reports::RoundDraft;
use cchc_domain::roles::Role;
use cchc_domain::units::UnitId;

use crate::org::{self, Org};
use crate::plans::{self as plan_fixture, PlanFixture};

pub struct ReportFixture {
    pub o: Org,
    pub plan: PlanFixture,
    /// Coordinator of the department (`root`) and everything below it.
    pub coordinator: Actor,
    pub staff: Actor,
    pub leader: Actor,
    pub outside_staff: Actor,
    pub partner_staff: Actor,
    /// Viewer of the whole organisation.
    pub director: Actor,
}

pub async fn build(app: &App) -> ReportFixture {
    let o = org::build(app).await;
    let plan = plan_fixture::build(app, &o).await;
    let people = [
        ("dm.syt", Role::Coordinator, Some(o.root)),
        ("cv.vps", Role::Staff, Some(o.inside)),
        ("ld.vps", Role::Leader, Some(o.inside)),
        ("cv.tts", Role::Staff, Some(o.outside)),
        ("cv.khtc", Role::Staff, Some(plan.partner)),
        ("gd", Role::Viewer, None),
    ];
    for (username, role, unit) in people {
        org::user(app, username, role, unit, unit.or(Some(o.root))).await;
    }
    ReportFixture {
        coordinator: org::actor(app, "dm.syt").await,
        staff: org::actor(app, "cv.vps").await,
        leader: org::actor(app, "ld.vps").await,
        outside_staff: org::actor(app, "cv.tts").await,
        partner_staff: org::actor(app, "cv.khtc").await,
        director: org::actor(app, "gd").await,
        o,
        plan,
    }
}

/// The draft of a periodic round of `year` collected by `department`, for
/// its open direct subunits.
pub fn round(type_code: &str, year: i32, department: UnitId) -> RoundDraft {
    RoundDraft {
        type_code: type_code.into(),
        year: Some(year),
        unit_id: Some(department),
        ..Default::default()
    }
}
