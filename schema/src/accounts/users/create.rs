use diesel::prelude::*;

use super::{COLUMNS, Row, User, from_row};
use crate::StoreError;
use crate::accounts::events::{self, EventKind, NewEvent};
use crate::accounts::{HomeUnit, Origin, PasswordHash, Role, Username};
use crate::db::Db;
use crate::domain::Name;
use crate::schema::users;

/// A user to create; the home unit was resolved (and scope-checked) by the caller.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: Username,
    pub display_name: Name,
    pub password_hash: PasswordHash,
    pub role: Role,
    pub home_unit: Option<HomeUnit>,
    /// The password was chosen by someone other than the owner (an administrator creating the
    /// account), so the owner must change it at the first sign-in.
    pub password_must_change: bool,
}

/// Creates the user and records `user_created`, in one transaction. A taken username is a
/// conflict.
pub fn create(conn: &mut Db, user: NewUser, origin: &Origin) -> Result<User, StoreError> {
    if user.role.needs_home_unit() && user.home_unit.is_none() {
        return Err(StoreError::rejected(
            "homeUnitCode",
            crate::messages::Message::new("account-needs-home-unit"),
        ));
    }
    conn.write_transaction(|conn| {
        let now = crate::now_utc();
        let row = diesel::insert_into(users::table)
            .values((
                users::username.eq(user.username.as_str()),
                users::display_name.eq(user.display_name.as_str()),
                users::password_hash.eq(user.password_hash.as_str()),
                users::role.eq(user.role.as_db_str()),
                users::home_unit_id.eq(user.home_unit.as_ref().map(|u| u.id)),
                users::disabled.eq(false),
                users::version.eq(1),
                users::token_generation.eq(0),
                users::password_must_change.eq(user.password_must_change),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            ))
            .returning(COLUMNS)
            .get_result::<Row>(conn)
            .map_err(|e| match StoreError::database("creating a user")(e) {
                StoreError::Conflict { .. } => StoreError::conflict(
                    crate::messages::Message::new("user-name-taken")
                        .arg("username", &user.username),
                ),
                other => other,
            })?;
        events::record(
            conn,
            NewEvent {
                kind: EventKind::UserCreated,
                subject: user.username.as_str(),
                origin,
                detail: Some(user.role.as_api_str()),
            },
        )?;
        from_row(conn, row)
    })
}
