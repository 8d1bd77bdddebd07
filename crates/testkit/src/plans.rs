//! A plan for tracking and permission tests: issued by the root unit, with
//! a section, a group and tasks led by `inside` with a cooperating division
//! that is neither inside nor outside.

use cchc_app::App;
use cchc_domain::actor::{Actor, Scope, ScopedRole};
use cchc_domain::plans::{ItemDraft, PlanDraft};
use cchc_domain::roles::Role;

use crate::org::{self, Org};

pub struct PlanFixture {
    pub plan_id: i64,
    pub section_id: i64,
    /// "Quý I hàng năm": one occurrence per year, lead `inside`, cooperating `partner`.
    pub task_id: i64,
    /// "Thường xuyên" task of `outside` alone.
    pub outside_task_id: i64,
    /// A division cooperating on `task_id`.
    pub partner: i64,
}

/// A coordinator of the whole organisation that is not a stored user.
pub fn coordinator() -> Actor {
    Actor {
        user_id: 0,
        username: "dau-moi-thu".into(),
        full_name: "Đầu mối thử".into(),
        unit_id: None,
        roles: vec![ScopedRole {
            role: Role::Coordinator,
            unit_id: None,
            scope: Scope::All,
        }],
        ip: None,
    }
}

pub fn task(content: &str, lead: &[i64], cooperating: &[i64], start: &str, end: &str) -> ItemDraft {
    ItemDraft {
        kind: "task".into(),
        content: content.into(),
        indicator: "100% đơn vị hoàn thành".into(),
        output: "Báo cáo".into(),
        budget: "10".into(),
        lead_unit_ids: lead.to_vec(),
        cooperating_unit_ids: cooperating.to_vec(),
        start_text: start.into(),
        end_text: Some(end.into()),
        ..Default::default()
    }
}

pub async fn build(app: &App, o: &Org) -> PlanFixture {
    let partner = org::unit(
        app,
        "KHTC",
        "Phòng Kế hoạch – Tài chính",
        "division",
        Some(o.root),
    )
    .await;
    let c = coordinator();
    let plan = app
        .create_plan(
            &c,
            PlanDraft {
                number: "15/KH-SYT".into(),
                title: "Kế hoạch cải cách hành chính năm 2026".into(),
                issuing_unit_id: Some(o.root),
                first_year: Some(2026),
                ..Default::default()
            },
        )
        .await
        .expect("plan");
    let areas = app.areas().await.expect("areas");
    let section = app
        .create_item(
            &c,
            plan.id,
            ItemDraft {
                kind: "section".into(),
                number: "I".into(),
                content: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH".into(),
                area_id: Some(areas[0].id),
                ..Default::default()
            },
        )
        .await
        .expect("section");
    let mut t = task(
        "Xây dựng kế hoạch tự kiểm tra công tác CCHC",
        &[o.inside],
        &[partner],
        "Quý I hàng năm",
        "Quý I hàng năm",
    );
    t.parent_id = Some(section.id);
    t.number = "1.".into();
    let task = app.create_item(&c, plan.id, t).await.expect("task");
    let mut t = task_draft_outside(o.outside);
    t.parent_id = Some(section.id);
    let outside_task = app.create_item(&c, plan.id, t).await.expect("outside task");
    PlanFixture {
        plan_id: plan.id,
        section_id: section.id,
        task_id: task.id,
        outside_task_id: outside_task.id,
        partner,
    }
}

fn task_draft_outside(outside: i64) -> ItemDraft {
    let mut t = task(
        "Thanh tra công vụ",
        &[outside],
        &[],
        "Tháng 06/2026",
        "Tháng 06/2026",
    );
    t.number = "2.".into();
    t
}
