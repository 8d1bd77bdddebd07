//! Who is acting: the user and, per role, the set of units that role covers.
//! Every use case takes an `&Actor` and asks it before reading or changing data.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::roles::Role;
use crate::units::UnitId;

/// The units one grant covers, resolved from its unit's subtree when the actor is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Scope {
    All,
    Units(BTreeSet<UnitId>),
}

impl Scope {
    pub fn contains(&self, unit: UnitId) -> bool {
        match self {
            Self::All => true,
            Self::Units(units) => units.contains(&unit),
        }
    }

    pub fn union(self, other: &Scope) -> Scope {
        match (self, other) {
            (Self::All, _) | (_, Self::All) => Self::All,
            (Self::Units(mut a), Self::Units(b)) => {
                a.extend(b.iter().copied());
                Self::Units(a)
            }
        }
    }

    pub fn none() -> Scope {
        Self::Units(BTreeSet::new())
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Units(units) if units.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopedRole {
    pub role: Role,
    /// The unit the role was granted on; `None` for the whole organisation.
    pub unit_id: Option<UnitId>,
    pub scope: Scope,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: i64,
    pub username: String,
    pub full_name: String,
    /// The unit the user works in (đơn vị công tác), used as the default for new work.
    pub unit_id: Option<UnitId>,
    pub roles: Vec<ScopedRole>,
    /// Where the request came from (client address), recorded in the audit log.
    pub ip: Option<String>,
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.role == role)
    }

    pub fn has_any_role(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|r| roles.contains(&r.role))
    }

    /// True when one of `roles` covers `unit`.
    pub fn covers(&self, roles: &[Role], unit: UnitId) -> bool {
        self.roles
            .iter()
            .any(|r| roles.contains(&r.role) && r.scope.contains(unit))
    }

    /// The union of the units covered by any of `roles`.
    pub fn scope_of(&self, roles: &[Role]) -> Scope {
        self.roles
            .iter()
            .filter(|r| roles.contains(&r.role))
            .fold(Scope::none(), |acc, r| acc.union(&r.scope))
    }

    /// True when one of `roles` was granted for the whole organisation.
    pub fn covers_all(&self, roles: &[Role]) -> bool {
        matches!(self.scope_of(roles), Scope::All)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: Vec<ScopedRole>) -> Actor {
        Actor {
            user_id: 1,
            username: "a".into(),
            full_name: "A".into(),
            unit_id: None,
            roles,
            ip: None,
        }
    }

    #[test]
    fn scope_follows_grants() {
        let a = actor(vec![
            ScopedRole {
                role: Role::Leader,
                unit_id: Some(2),
                scope: Scope::Units([2, 3].into()),
            },
            ScopedRole {
                role: Role::Viewer,
                unit_id: None,
                scope: Scope::All,
            },
        ]);
        assert!(a.covers(&[Role::Leader], 3));
        assert!(!a.covers(&[Role::Leader], 4));
        assert!(a.covers(&[Role::Viewer], 4));
        assert!(!a.covers_all(&[Role::Leader]));
        assert!(a.covers_all(&[Role::Leader, Role::Viewer]));
        assert!(a.scope_of(&[Role::Admin]).is_empty());
    }
}
