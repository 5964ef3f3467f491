//! Who may see and change which accounts.

use chitieu_schema::accounts::users::User;
use chitieu_schema::accounts::{HomeUnit, find_unit};
use chitieu_schema::db::Db;
use chitieu_schema::domain::OrgUnitCode;

use crate::auth::Caller;
use crate::error::ApiError;

/// 404 unless the caller may see `user`: themselves; administrators everyone; officers the
/// accounts homed in their subtree. Others get the answer a missing account gets.
pub fn ensure_visible(caller: &Caller, user: &User) -> Result<(), ApiError> {
    let own = caller.username() == Some(&user.username);
    let in_scope = caller.role().is_officer()
        && user
            .home_unit
            .as_ref()
            .is_some_and(|u| caller.can_read_path(&u.path));
    if own || caller.is_admin() || in_scope {
        Ok(())
    } else {
        Err(missing(user.username.as_str()))
    }
}

pub fn missing(username: &str) -> ApiError {
    ApiError::from(chitieu_schema::StoreError::not_found("user", username))
}

/// The unit named by `homeUnitCode`. For anyone but an administrator, an unknown unit is
/// answered like one outside their subtree (403), so codes outside it cannot be probed.
pub fn resolve_unit(
    conn: &mut Db,
    caller: &Caller,
    code: &OrgUnitCode,
) -> Result<HomeUnit, ApiError> {
    match find_unit(conn, code)? {
        Some(unit) => Ok(unit),
        None if caller.is_admin() => Err(ApiError::invalid(
            "/homeUnitCode",
            chitieu_schema::messages::Message::new("org-unit-no-unit-has-code").arg("code", code),
        )),
        None => Err(crate::auth::unit_outside_your_tree(code)),
    }
}
