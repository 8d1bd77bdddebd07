//! The workflow of a unit's report and who may move it.
//!
//! draft → submitted → (returned → submitted)* → accepted. The owning unit
//! (its leaders and staff) writes the draft, corrects its figures and
//! submits; the coordinator of the round's department returns it with a
//! comment or accepts it. Accepted reports are locked, and so is everything
//! in a closed round. A submitted report waits for the coordinator: the unit
//! edits it again only once it is returned.

use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::error::ValidationErrors;
use crate::plans::PLAN_VIEW_ROLES;
use crate::roles::Role;
use crate::text;
use crate::units::UnitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Submitted,
    Returned,
    Accepted,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 4] =
        [Self::Draft, Self::Submitted, Self::Returned, Self::Accepted];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Accepted => "accepted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Đang soạn",
            Self::Submitted => "Đã gửi, chờ tiếp nhận",
            Self::Returned => "Bị trả lại",
            Self::Accepted => "Đã tiếp nhận",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The unit may write: a draft, or a report returned to it.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Units write and submit, the coordinator reviews.
    Open,
    /// Nothing changes any more.
    Closed,
}

impl RoundStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Đang thu thập",
            Self::Closed => "Đã đóng",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    /// Save the draft's narratives (autosave).
    SaveDraft,
    /// Correct a figure by hand.
    SetFigure,
    Submit,
    /// Return to the unit with a comment.
    Return,
    Accept,
}

/// What an actor may do with one unit's report, by role alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportRights {
    /// See the report.
    pub view: bool,
    /// Write, correct figures and submit: the owning unit.
    pub fill: bool,
    /// Return or accept: the coordinator of the round's department.
    pub review: bool,
}

/// The rights of `actor` on the report of `report_unit` in a round of `round_unit`.
pub fn rights(actor: &Actor, round_unit: UnitId, report_unit: UnitId) -> ReportRights {
    let fill = actor.covers(&[Role::Leader, Role::Staff], report_unit);
    let review = actor.covers(&[Role::Coordinator], round_unit);
    let view = fill
        || review
        || actor.covers(&PLAN_VIEW_ROLES, round_unit)
        || actor.covers(&[Role::Viewer], report_unit);
    ReportRights { view, fill, review }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The actor's roles do not allow it.
    Forbidden,
    /// Not in the report's current state; the message says why, in Vietnamese.
    Invalid(&'static str),
}

/// Whether `action` may happen now, and the status it leads to.
pub fn check(
    action: ReportAction,
    rights: ReportRights,
    status: ReportStatus,
    round: RoundStatus,
) -> Result<ReportStatus, Refusal> {
    use ReportAction as A;
    use ReportStatus as S;
    let allowed = match action {
        A::SaveDraft | A::SetFigure | A::Submit => rights.fill,
        A::Return | A::Accept => rights.review,
    };
    if !allowed {
        return Err(Refusal::Forbidden);
    }
    if round == RoundStatus::Closed {
        return Err(Refusal::Invalid(
            "Kỳ báo cáo đã đóng, không thể thay đổi báo cáo.",
        ));
    }
    if status == S::Accepted {
        return Err(Refusal::Invalid(
            "Báo cáo đã được tiếp nhận và khóa, không thể thay đổi.",
        ));
    }
    match (action, status) {
        (A::SaveDraft | A::SetFigure, s) if s.is_editable() => Ok(s),
        (A::Submit, s) if s.is_editable() => Ok(S::Submitted),
        (A::SaveDraft | A::SetFigure | A::Submit, _) => Err(Refusal::Invalid(
            "Báo cáo đã gửi và đang chờ tiếp nhận; chỉ sửa được khi bị trả lại.",
        )),
        (A::Return, S::Submitted) => Ok(S::Returned),
        (A::Accept, S::Submitted) => Ok(S::Accepted),
        (A::Return | A::Accept, _) => Err(Refusal::Invalid(
            "Đơn vị chưa gửi báo cáo nên chưa thể trả lại hoặc tiếp nhận.",
        )),
    }
}

/// The coordinator's comment on a returned report: required, cleaned line by line.
pub fn clean_comment(comment: &str) -> Result<String, ValidationErrors> {
    let cleaned = comment
        .lines()
        .map(text::clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if cleaned.is_empty() {
        return Err(ValidationErrors::single(
            "comment",
            "Ghi rõ lý do trả lại báo cáo.",
        ));
    }
    if cleaned.chars().count() > 2000 {
        return Err(ValidationErrors::single(
            "comment",
            "Ý kiến trả lại dài quá 2000 ký tự.",
        ));
    }
    Ok(cleaned)
}
