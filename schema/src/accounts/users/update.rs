use diesel::prelude::*;

use super::{COLUMNS, Row, User, from_row};
use crate::StoreError;
use crate::accounts::events::{self, EventKind, NewEvent};
use crate::accounts::{HomeUnit, Origin, PasswordHash, Role, Username};
use crate::db::Db;
use crate::domain::Name;
use crate::schema::users;

/// What to change; `None` keeps the stored value. The home unit was resolved (and
/// scope-checked) by the caller.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub display_name: Option<Name>,
    pub role: Option<Role>,
    pub home_unit: Option<HomeUnit>,
    pub disabled: Option<bool>,
    pub password_hash: Option<PasswordHash>,
    /// Whether the new password is the owner's own choice; a password set by anyone else must
    /// be changed at the next sign-in.
    pub password_by_owner: bool,
}

/// Applies `changes` if the stored version is `expected`, bumping the version and recording
/// `user_disabled` / `user_enabled` when that flag flips and `password_changed` /
/// `password_reset` when a password is set, in one transaction. A new password, disabling, or
/// a new role or home unit raises the token generation, which ends every token issued before.
pub fn update(
    conn: &mut Db,
    username: &Username,
    expected: i32,
    changes: UserChanges,
    origin: &Origin,
) -> Result<User, StoreError> {
    conn.write_transaction(|conn| {
        let (id, current_version, current_role, current_unit, was_disabled) = users::table
            .filter(users::username.eq(username.as_str()))
            .select((
                users::id,
                users::version,
                users::role,
                users::home_unit_id,
                users::disabled,
            ))
            .first::<(i64, i32, String, Option<i64>, bool)>(conn)
            .optional()
            .map_err(StoreError::database("reading a user"))?
            .ok_or_else(|| StoreError::not_found("user", username.as_str()))?;
        if current_version != expected {
            return Err(StoreError::VersionMismatch {
                expected,
                current: current_version,
            });
        }
        let role = match changes.role {
            Some(role) => role,
            None => Role::from_db_str(&current_role).map_err(|e| StoreError::Conflict {
                detail: format!("stored user {username} is unreadable: {e}").into(),
            })?,
        };
        let home_unit_id = changes.home_unit.as_ref().map(|u| u.id).or(current_unit);
        let access_changed = role.as_db_str() != current_role
            || home_unit_id != current_unit
            || changes.disabled == Some(true)
            || changes.password_hash.is_some();
        if role.needs_home_unit() && home_unit_id.is_none() {
            return Err(StoreError::rejected(
                "homeUnitCode",
                crate::messages::Message::new("account-needs-home-unit"),
            ));
        }
        let row = diesel::update(users::table.find(id))
            .set((
                users::role.eq(role.as_db_str()),
                users::home_unit_id.eq(home_unit_id),
                users::version.eq(current_version + 1),
                users::updated_at.eq(crate::now_utc()),
                users::token_generation.eq(users::token_generation + i32::from(access_changed)),
            ))
            .returning(COLUMNS)
            .get_result::<Row>(conn)
            .map_err(StoreError::database("updating a user"))?;
        if let Some(name) = &changes.display_name {
            diesel::update(users::table.find(id))
                .set(users::display_name.eq(name.as_str()))
                .execute(conn)
                .map_err(StoreError::database("renaming a user"))?;
        }
        if let Some(hash) = &changes.password_hash {
            diesel::update(users::table.find(id))
                .set((
                    users::password_hash.eq(hash.as_str()),
                    users::password_must_change.eq(!changes.password_by_owner),
                ))
                .execute(conn)
                .map_err(StoreError::database("changing a password"))?;
            let kind = if changes.password_by_owner {
                EventKind::PasswordChanged
            } else {
                EventKind::PasswordReset
            };
            events::record(
                conn,
                NewEvent {
                    kind,
                    subject: username.as_str(),
                    origin,
                    detail: (!changes.password_by_owner)
                        .then_some("must be changed at the next sign-in"),
                },
            )?;
        }
        if let Some(disabled) = changes.disabled.filter(|d| *d != was_disabled) {
            diesel::update(users::table.find(id))
                .set(users::disabled.eq(disabled))
                .execute(conn)
                .map_err(StoreError::database("disabling a user"))?;
            let kind = if disabled {
                EventKind::UserDisabled
            } else {
                EventKind::UserEnabled
            };
            events::record(
                conn,
                NewEvent {
                    kind,
                    subject: username.as_str(),
                    origin,
                    detail: None,
                },
            )?;
        }
        let (id, ..) = row;
        let row = users::table
            .find(id)
            .select(COLUMNS)
            .first::<Row>(conn)
            .map_err(StoreError::database("reading an updated user"))?;
        from_row(conn, row)
    })
}
