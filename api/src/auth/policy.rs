//! What a caller may do where; see the table in the module docs of [`crate::auth`].

use chitieu_schema::accounts::{HomeUnit, Role, SubtreeRange};

use super::Caller;
use chitieu_schema::messages::Message;

use crate::error::{ApiError, SaidKind};

/// Something a caller does to a unit (or to something attached to a unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read the unit and what belongs to it.
    Read,
    /// Enter and submit data for the unit.
    EnterData,
    /// Approve or return the unit's reports.
    ApproveReports,
    /// Put units under this one: create a child, or move a unit here. Officers: their home
    /// unit and below.
    AddUnits,
    /// Rename, move and close this unit. Officers: strictly below their home unit (a unit does
    /// not rename or close itself; the level above does).
    ManageUnits,
    /// Assign catalogs to units.
    ManageCatalogAssignments,
    /// Create and edit accounts and API keys whose home unit is this unit.
    ManageAccounts,
    /// Things with no place in the tree: global catalogs, the access log.
    Administer,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.role() == Role::Administrator
    }

    /// The subtree the caller may read; `None` means everything (administrators).
    pub fn scope(&self) -> Option<SubtreeRange> {
        if self.is_admin() {
            return None;
        }
        // Only administrators lack a home unit; an empty range reads nothing if one ever does.
        Some(match self.home_unit() {
            Some(home) => SubtreeRange::of(&home.path),
            None => SubtreeRange::of("\u{0}"),
        })
    }

    /// Whether the unit at `path` is in the caller's subtree.
    pub fn can_read_path(&self, path: &str) -> bool {
        self.scope().is_none_or(|range| range.contains(path))
    }

    /// 404 unless the unit at `path` is readable: outside the subtree the caller must not
    /// learn whether it exists.
    pub fn ensure_readable(&self, path: &str) -> Result<(), ApiError> {
        if self.can_read_path(path) {
            Ok(())
        } else {
            Err(not_in_your_tree())
        }
    }

    /// Whether the caller may do `action` at the unit at `path`.
    pub fn may(&self, action: Action, path: &str) -> bool {
        if self.is_admin() {
            return true;
        }
        let in_scope = self.can_read_path(path);
        let home = self.home_unit().map(|h| h.path.as_str());
        match action {
            Action::Read => in_scope,
            Action::EnterData => self.role() == Role::Reporter && home == Some(path),
            Action::ApproveReports => self.role().is_officer() && in_scope && home != Some(path),
            Action::ManageUnits => self.role().is_officer() && in_scope && home != Some(path),
            Action::AddUnits | Action::ManageCatalogAssignments | Action::ManageAccounts => {
                self.role().is_officer() && in_scope
            }
            Action::Administer => false,
        }
    }

    /// Whether the caller may enter data for some unit: administrators, and reporters (for
    /// their home unit). For requests naming many units, checked before each unit is.
    pub fn may_enter_data_somewhere(&self) -> bool {
        self.is_admin()
            || self
                .home_unit()
                .is_some_and(|home| self.may(Action::EnterData, &home.path))
    }

    /// 404 when the unit at `path` is not readable, 403 when it is but `action` is not allowed
    /// there.
    pub fn ensure_allowed(&self, action: Action, path: &str) -> Result<(), ApiError> {
        self.ensure_readable(path)?;
        if self.may(action, path) {
            Ok(())
        } else {
            Err(self.may_not(action))
        }
    }

    /// For a change to the unit at `path` (`None`: no unit has the code asked for).
    ///
    /// Administrators pass, or get 404 when the unit does not exist. Everybody else gets 403
    /// both when the unit lies outside their subtree and when it does not exist, with the same
    /// detail, so the answer never tells whether a unit exists outside their scope; and 403
    /// when it is in their subtree but `action` is not theirs there.
    pub fn ensure_may_change(&self, action: Action, path: Option<&str>) -> Result<(), ApiError> {
        match path {
            None if self.is_admin() => Err(ApiError::said(
                SaidKind::NotFound,
                Message::new("access-no-unit-with-code"),
            )),
            Some(path) if self.is_admin() || self.may(action, path) => Ok(()),
            Some(path) if self.can_read_path(path) => Err(self.may_not(action)),
            _ => Err(outside_scope()),
        }
    }

    /// For a unit that a change puts something under (the parent of a new unit, the new parent
    /// of a move), `None` when no unit has the code given. Administrators pass even when it
    /// does not exist (validation answers that); everybody else as in
    /// [`Caller::ensure_may_change`] with [`Action::AddUnits`].
    pub fn ensure_may_add_under(&self, parent_path: Option<&str>) -> Result<(), ApiError> {
        if self.is_admin() {
            return Ok(());
        }
        self.ensure_may_change(Action::AddUnits, parent_path)
    }

    /// For a unit that a change refers to without changing it (a successor of a closed unit):
    /// administrators pass; everybody else must be able to read it, and gets the 403 of
    /// [`Caller::ensure_may_change`] otherwise.
    pub fn ensure_may_refer_to(&self, path: Option<&str>) -> Result<(), ApiError> {
        match path {
            _ if self.is_admin() => Ok(()),
            Some(path) if self.can_read_path(path) => Ok(()),
            _ => Err(outside_scope()),
        }
    }

    /// 403 unless the caller has one of `roles`; administrators always pass.
    pub fn require_role(&self, roles: &[Role]) -> Result<(), ApiError> {
        if self.is_admin() || roles.contains(&self.role()) {
            Ok(())
        } else {
            Err(ApiError::said(
                SaidKind::Forbidden,
                Message::new("access-role-required")
                    .message("role", self.role().message())
                    .arg(
                        "roles",
                        roles
                            .iter()
                            .chain(std::iter::once(&Role::Administrator))
                            .map(|r| r.as_api_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
            ))
        }
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        self.require_role(&[])
    }

    /// 403 unless the caller may make (or change) an account or API key with `role` whose
    /// home unit is `unit`: administrators any; officers roles not above their own, in their
    /// subtree.
    pub fn ensure_may_grant(&self, role: Role, unit: Option<&HomeUnit>) -> Result<(), ApiError> {
        if self.is_admin() {
            return Ok(());
        }
        self.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
        if role.rank() > self.role().rank() {
            return Err(ApiError::said(
                SaidKind::Forbidden,
                Message::new("access-grant-above-own")
                    .message("role", self.role().message())
                    .message("granted", role.message()),
            ));
        }
        match unit {
            Some(unit) if self.can_read_path(&unit.path) => Ok(()),
            Some(unit) => Err(unit_outside_your_tree(&unit.code)),
            None => Err(ApiError::said(
                SaidKind::Forbidden,
                Message::new("access-grant-without-unit"),
            )),
        }
    }
}

impl Caller {
    /// 403: the caller's role may not do `action` at this unit.
    fn may_not(&self, action: Action) -> ApiError {
        ApiError::said(
            SaidKind::Forbidden,
            Message::new("access-may-not")
                .message("role", self.role().message())
                .message("action", describe(action)),
        )
    }
}

/// The one answer for units outside the caller's subtree and for codes that name no unit.
fn outside_scope() -> ApiError {
    ApiError::said(SaidKind::Forbidden, Message::new("access-outside-scope"))
}

/// 404 for what lies outside the caller's subtree, said as for what does not exist.
pub fn not_in_your_tree() -> ApiError {
    ApiError::said(SaidKind::NotFound, Message::new("access-not-in-your-tree"))
}

/// 403 for a unit named by the caller that lies outside their subtree.
pub fn unit_outside_your_tree(code: impl std::fmt::Display) -> ApiError {
    ApiError::said(
        SaidKind::Forbidden,
        Message::new("access-unit-outside-tree").arg("code", code),
    )
}

fn describe(action: Action) -> Message {
    Message::new(match action {
        Action::Read => "action-read",
        Action::EnterData => "action-enter-data",
        Action::ApproveReports => "action-approve-reports",
        Action::AddUnits => "action-add-units",
        Action::ManageUnits => "action-manage-units",
        Action::ManageCatalogAssignments => "action-assign-catalogs",
        Action::ManageAccounts => "action-manage-accounts",
        Action::Administer => "action-administer",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROVINCE: &str = "/01/";
    const COMMUNE: &str = "/01/01001/";
    const AGENCY: &str = "/01/01001/01001-VHXH/";
    const OTHER: &str = "/02/";

    #[test]
    fn an_administrator_may_do_everything_everywhere() {
        let admin = Caller::for_tests(Role::Administrator, None);
        assert!(admin.may(Action::Administer, OTHER));
        assert!(
            admin
                .ensure_may_change(Action::ManageUnits, Some(AGENCY))
                .is_ok()
        );
    }

    #[test]
    fn an_administrator_changing_a_missing_unit_gets_not_found() {
        let admin = Caller::for_tests(Role::Administrator, None);
        assert!(matches!(
            admin.ensure_may_change(Action::ManageUnits, None),
            Err(ApiError::Said {
                kind: SaidKind::NotFound,
                ..
            })
        ));
        assert!(admin.ensure_may_add_under(None).is_ok());
    }

    #[test]
    fn a_commune_officer_reads_and_manages_only_its_subtree() {
        let officer = Caller::for_tests(Role::CommuneOfficer, Some(COMMUNE));
        assert!(officer.can_read_path(AGENCY));
        assert!(!officer.can_read_path(PROVINCE));
        assert!(
            officer
                .ensure_may_change(Action::ManageUnits, Some(AGENCY))
                .is_ok()
        );
        assert!(matches!(
            officer.ensure_may_change(Action::ManageUnits, Some(OTHER)),
            Err(ApiError::Said {
                kind: SaidKind::Forbidden,
                ..
            })
        ));
    }

    #[test]
    fn officers_change_units_strictly_below_their_home_but_add_under_it() {
        let officer = Caller::for_tests(Role::CommuneOfficer, Some(COMMUNE));
        assert!(matches!(
            officer.ensure_may_change(Action::ManageUnits, Some(COMMUNE)),
            Err(ApiError::Said {
                kind: SaidKind::Forbidden,
                ..
            })
        ));
        assert!(officer.ensure_may_add_under(Some(COMMUNE)).is_ok());
        assert!(officer.ensure_may_add_under(Some(AGENCY)).is_ok());
        assert!(officer.ensure_may_add_under(Some(PROVINCE)).is_err());
    }

    #[test]
    fn outside_the_scope_and_missing_give_the_same_forbidden_answer() {
        let officer = Caller::for_tests(Role::ProvinceOfficer, Some(PROVINCE));
        let outside = officer.ensure_may_change(Action::ManageUnits, Some(OTHER));
        let missing = officer.ensure_may_change(Action::ManageUnits, None);
        match (outside, missing) {
            (
                Err(ApiError::Said {
                    kind: SaidKind::Forbidden,
                    message: a,
                }),
                Err(ApiError::Said {
                    kind: SaidKind::Forbidden,
                    message: b,
                }),
            ) => assert_eq!(a, b),
            other => panic!("expected two equal 403s, got {other:?}"),
        }
        assert!(officer.ensure_may_add_under(None).is_err());
        assert!(officer.ensure_may_refer_to(None).is_err());
        assert!(officer.ensure_may_refer_to(Some(OTHER)).is_err());
        assert!(officer.ensure_may_refer_to(Some(COMMUNE)).is_ok());
    }

    #[test]
    fn officers_approve_only_below_their_home_unit() {
        let officer = Caller::for_tests(Role::ProvinceOfficer, Some(PROVINCE));
        assert!(officer.may(Action::ApproveReports, COMMUNE));
        assert!(!officer.may(Action::ApproveReports, PROVINCE));
    }

    #[test]
    fn a_reporter_enters_data_for_its_own_unit_only() {
        let reporter = Caller::for_tests(Role::Reporter, Some(COMMUNE));
        assert!(reporter.may(Action::EnterData, COMMUNE));
        assert!(!reporter.may(Action::EnterData, AGENCY));
        assert!(matches!(
            reporter.ensure_may_change(Action::ManageUnits, Some(AGENCY)),
            Err(ApiError::Said {
                kind: SaidKind::Forbidden,
                ..
            })
        ));
        assert!(reporter.ensure_may_add_under(Some(COMMUNE)).is_err());
    }

    #[test]
    fn viewers_and_integrators_only_read() {
        for role in [Role::Viewer, Role::Integrator] {
            let caller = Caller::for_tests(role, Some(COMMUNE));
            assert!(caller.may(Action::Read, AGENCY));
            assert!(!caller.may(Action::EnterData, COMMUNE));
            assert!(caller.require_admin().is_err());
        }
    }

    #[test]
    fn officers_grant_roles_up_to_their_own_inside_their_subtree() {
        let officer = Caller::for_tests(Role::CommuneOfficer, Some(COMMUNE));
        let unit = |path: &str| HomeUnit {
            id: 2,
            code: "X".into(),
            path: path.into(),
        };
        assert!(
            officer
                .ensure_may_grant(Role::Reporter, Some(&unit(AGENCY)))
                .is_ok()
        );
        assert!(
            officer
                .ensure_may_grant(Role::ProvinceOfficer, Some(&unit(AGENCY)))
                .is_err()
        );
        assert!(
            officer
                .ensure_may_grant(Role::Reporter, Some(&unit(OTHER)))
                .is_err()
        );
    }
}
