use std::fmt;

use crate::domain::Invalid;

/// What an account may do; its scope is the subtree of its home unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Everything, everywhere.
    Administrator,
    /// Reads the subtree, approves reports below, manages units, catalog assignments and
    /// accounts in the subtree.
    ProvinceOfficer,
    /// As a province officer, for a commune's subtree.
    CommuneOfficer,
    /// Enters and submits data for the home unit; reads the subtree.
    Reporter,
    /// Reads the subtree.
    Viewer,
    /// Another system reading the subtree.
    Integrator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Administrator,
        Role::ProvinceOfficer,
        Role::CommuneOfficer,
        Role::Reporter,
        Role::Viewer,
        Role::Integrator,
    ];

    pub fn as_db_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProvinceOfficer => "province_officer",
            Role::CommuneOfficer => "commune_officer",
            Role::Reporter => "reporter",
            Role::Viewer => "viewer",
            Role::Integrator => "integrator",
        }
    }

    pub fn from_db_str(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_db_str() == raw)
            .ok_or_else(|| {
                Invalid::said(
                    crate::messages::Message::new("invalid-role-name")
                        .arg("raw", format!("{raw:?}")),
                )
            })
    }

    /// The role in words: in English its API name (as the API has always said it), in
    /// Vietnamese the title people use.
    pub fn message(self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            Role::Administrator => "role-administrator",
            Role::ProvinceOfficer => "role-province-officer",
            Role::CommuneOfficer => "role-commune-officer",
            Role::Reporter => "role-reporter",
            Role::Viewer => "role-viewer",
            Role::Integrator => "role-integrator",
        })
    }

    /// The name used in the API and on the command line.
    pub fn as_api_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProvinceOfficer => "provinceOfficer",
            Role::CommuneOfficer => "communeOfficer",
            Role::Reporter => "reporter",
            Role::Viewer => "viewer",
            Role::Integrator => "integrator",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_api_str() == raw)
            .ok_or_else(|| {
                Invalid::said(
                    crate::messages::Message::new("invalid-role").arg("raw", format!("{raw:?}")),
                )
            })
    }

    /// A rank for "not above their own": officers may grant roles of equal or lower rank.
    /// Viewers and integrators are equally limited (read-only).
    pub fn rank(self) -> u8 {
        match self {
            Role::Administrator => 5,
            Role::ProvinceOfficer => 4,
            Role::CommuneOfficer => 3,
            Role::Reporter => 2,
            Role::Viewer | Role::Integrator => 1,
        }
    }

    pub fn is_officer(self) -> bool {
        matches!(self, Role::ProvinceOfficer | Role::CommuneOfficer)
    }

    pub fn needs_home_unit(self) -> bool {
        self != Role::Administrator
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_api_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_and_database_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_api_str()), Ok(role));
            assert_eq!(Role::from_db_str(role.as_db_str()), Ok(role));
        }
    }

    #[test]
    fn officers_rank_above_reporters_and_below_administrators() {
        assert!(Role::Administrator.rank() > Role::ProvinceOfficer.rank());
        assert!(Role::ProvinceOfficer.rank() > Role::CommuneOfficer.rank());
        assert!(Role::CommuneOfficer.rank() > Role::Reporter.rank());
        assert_eq!(Role::Viewer.rank(), Role::Integrator.rank());
    }
}
