//! Who may do what with a unit's report, and the state machine.

use cchc_domain::actor::{Actor, Scope, ScopedRole};
use cchc_domain::reports::{
    Refusal, ReportAction, ReportStatus, RoundStatus, check, clean_comment, rights,
};
use cchc_domain::roles::Role;

const DEPARTMENT: i64 = 1;
const UNIT: i64 = 2;
const OTHER: i64 = 3;

fn actor(role: Role, unit: Option<i64>) -> Actor {
    Actor {
        user_id: 7,
        username: "u".into(),
        full_name: "U".into(),
        unit_id: unit,
        roles: vec![ScopedRole {
            role,
            unit_id: unit,
            scope: match unit {
                // The department covers its units.
                Some(DEPARTMENT) => Scope::Units([DEPARTMENT, UNIT, OTHER].into()),
                Some(u) => Scope::Units([u].into()),
                None => Scope::All,
            },
        }],
        ip: None,
    }
}

#[test]
fn only_the_owning_unit_fills_and_only_the_coordinator_reviews() {
    let staff = rights(&actor(Role::Staff, Some(UNIT)), DEPARTMENT, UNIT);
    assert!(staff.view && staff.fill && !staff.review);
    let leader = rights(&actor(Role::Leader, Some(UNIT)), DEPARTMENT, UNIT);
    assert!(leader.fill && !leader.review);
    let other = rights(&actor(Role::Staff, Some(OTHER)), DEPARTMENT, UNIT);
    assert!(!other.view && !other.fill && !other.review);
    let coordinator = rights(
        &actor(Role::Coordinator, Some(DEPARTMENT)),
        DEPARTMENT,
        UNIT,
    );
    assert!(coordinator.view && coordinator.review && !coordinator.fill);
    let director = rights(&actor(Role::Viewer, None), DEPARTMENT, UNIT);
    assert!(director.view && !director.fill && !director.review);
    let unit_coordinator = rights(&actor(Role::Coordinator, Some(UNIT)), DEPARTMENT, UNIT);
    assert!(
        !unit_coordinator.review,
        "a coordinator of the unit only is not the department's"
    );
    let admin = rights(&actor(Role::Admin, None), DEPARTMENT, UNIT);
    assert!(!admin.view, "administrators manage accounts, not reports");
}

#[test]
fn a_report_goes_through_return_and_resubmission_to_a_lock() {
    use ReportAction as A;
    use ReportStatus as S;
    let unit = rights(&actor(Role::Staff, Some(UNIT)), DEPARTMENT, UNIT);
    let coordinator = rights(&actor(Role::Coordinator, None), DEPARTMENT, UNIT);
    let open = RoundStatus::Open;
    assert_eq!(check(A::SaveDraft, unit, S::Draft, open), Ok(S::Draft));
    assert_eq!(
        check(A::Accept, coordinator, S::Draft, open),
        Err(Refusal::Invalid(
            "Đơn vị chưa gửi báo cáo nên chưa thể trả lại hoặc tiếp nhận."
        ))
    );
    assert_eq!(
        check(A::Submit, coordinator, S::Draft, open),
        Err(Refusal::Forbidden),
        "the coordinator does not submit for a unit"
    );
    let s = check(A::Submit, unit, S::Draft, open).unwrap();
    assert_eq!(s, S::Submitted);
    assert!(matches!(
        check(A::SaveDraft, unit, s, open),
        Err(Refusal::Invalid(_))
    ));
    assert_eq!(check(A::Accept, unit, s, open), Err(Refusal::Forbidden));
    let s = check(A::Return, coordinator, s, open).unwrap();
    assert_eq!(s, S::Returned);
    assert_eq!(check(A::SetFigure, unit, s, open), Ok(S::Returned));
    let s = check(A::Submit, unit, s, open).unwrap();
    let s = check(A::Accept, coordinator, s, open).unwrap();
    assert_eq!(s, S::Accepted);
    for a in [A::SaveDraft, A::SetFigure, A::Submit] {
        assert_eq!(
            check(a, unit, s, open),
            Err(Refusal::Invalid(
                "Báo cáo đã được tiếp nhận và khóa, không thể thay đổi."
            ))
        );
    }
    assert!(matches!(
        check(A::Return, coordinator, s, open),
        Err(Refusal::Invalid(_))
    ));
    assert!(matches!(
        check(A::SaveDraft, unit, S::Draft, RoundStatus::Closed),
        Err(Refusal::Invalid(_))
    ));
}

#[test]
fn statuses_round_trip_and_comments_are_required() {
    for s in ReportStatus::ALL {
        assert_eq!(ReportStatus::parse(s.code()), Some(s));
    }
    assert!(clean_comment(" \n ").is_err());
    assert_eq!(
        clean_comment("  Bổ sung   số liệu \n\n quý I ").unwrap(),
        "Bổ sung số liệu\nquý I"
    );
}
