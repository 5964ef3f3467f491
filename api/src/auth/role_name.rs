use chitieu_schema::accounts::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A role, as named in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = "communeOfficer")]
pub enum RoleName {
    Administrator,
    ProvinceOfficer,
    CommuneOfficer,
    Reporter,
    Viewer,
    Integrator,
}

impl From<RoleName> for Role {
    fn from(name: RoleName) -> Role {
        match name {
            RoleName::Administrator => Role::Administrator,
            RoleName::ProvinceOfficer => Role::ProvinceOfficer,
            RoleName::CommuneOfficer => Role::CommuneOfficer,
            RoleName::Reporter => Role::Reporter,
            RoleName::Viewer => Role::Viewer,
            RoleName::Integrator => Role::Integrator,
        }
    }
}

impl From<Role> for RoleName {
    fn from(role: Role) -> RoleName {
        match role {
            Role::Administrator => RoleName::Administrator,
            Role::ProvinceOfficer => RoleName::ProvinceOfficer,
            Role::CommuneOfficer => RoleName::CommuneOfficer,
            Role::Reporter => RoleName::Reporter,
            Role::Viewer => RoleName::Viewer,
            Role::Integrator => RoleName::Integrator,
        }
    }
}
