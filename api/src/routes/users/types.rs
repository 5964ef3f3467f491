use chitieu_schema::accounts::users::User;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::RoleName;

/// An account, without its password.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"username": "lan.nguyen", "displayName": "Nguyễn Thị Lan",
    "role": "communeOfficer", "homeUnitCode": "01001", "disabled": false, "version": 1,
    "createdAt": "2026-11-22T03:00:00Z", "updatedAt": "2026-11-22T03:00:00Z"}))]
pub struct UserResponse {
    pub username: String,
    pub display_name: String,
    pub role: RoleName,
    /// Absent for administrators without a home unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_unit_code: Option<String>,
    pub disabled: bool,
    /// Also the `ETag`; send it back in `If-Match` to change the account.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<User> for UserResponse {
    fn from(user: User) -> Self {
        Self {
            username: user.username.to_string(),
            display_name: user.display_name,
            role: user.role.into(),
            home_unit_code: user.home_unit.map(|u| u.code),
            disabled: user.disabled,
            version: user.version,
            created_at: user.created_at.and_utc(),
            updated_at: user.updated_at.and_utc(),
        }
    }
}

/// A new account. Every role except administrator needs a home unit: its subtree is the
/// account's scope.
// No `Debug`: it holds a password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"username": "lan.nguyen", "displayName": "Nguyễn Thị Lan",
    "password": "correct horse battery", "role": "communeOfficer", "homeUnitCode": "01001"}))]
pub struct CreateUserRequest {
    /// 3 to 64 of `a-z 0-9 . _ -`; upper case is folded to lower case.
    pub username: String,
    pub display_name: String,
    /// 12 to 128 characters.
    #[schema(format = Password)]
    pub password: String,
    pub role: RoleName,
    #[serde(default)]
    pub home_unit_code: Option<String>,
}

/// Changes to an account; absent fields stay as they are. A person changing their own
/// password sends `currentPassword` too; nobody may change their own role, home unit or
/// disabled flag.
// No `Debug`: it may hold passwords.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"role": "reporter", "disabled": false}))]
pub struct UpdateUserRequest {
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub role: Option<RoleName>,
    #[serde(default)]
    pub home_unit_code: Option<String>,
    #[serde(default)]
    pub disabled: Option<bool>,
    #[serde(default)]
    #[schema(format = Password)]
    pub password: Option<String>,
    #[serde(default)]
    #[schema(format = Password)]
    pub current_password: Option<String>,
}
