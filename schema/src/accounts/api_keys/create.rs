use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{ApiKey, Row, from_row, key_columns};
use crate::StoreError;
use crate::accounts::events::{self, EventKind, NewEvent};
use crate::accounts::{ApiKeySecret, HomeUnit, Origin, Role};
use crate::db::Db;
use crate::domain::Name;
use crate::schema::{api_keys, users};

/// A key to create; role and home unit were checked against the creator by the caller.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub name: Name,
    pub role: Role,
    pub home_unit: Option<HomeUnit>,
    pub created_by: i64,
    pub expires_at: Option<NaiveDateTime>,
}

/// Creates a key and records `key_created`, in one transaction. The returned secret is the
/// only copy: it is stored hashed.
pub fn create(
    conn: &mut Db,
    key: NewApiKey,
    origin: &Origin,
) -> Result<(ApiKey, ApiKeySecret), StoreError> {
    if key.role.needs_home_unit() && key.home_unit.is_none() {
        return Err(StoreError::rejected(
            "homeUnitCode",
            crate::messages::Message::new("account-needs-home-unit"),
        ));
    }
    let secret = ApiKeySecret::generate()?;
    conn.write_transaction(|conn| {
        let id = diesel::insert_into(api_keys::table)
            .values((
                api_keys::prefix.eq(secret.prefix()),
                api_keys::secret_hash.eq(secret.secret_hash()),
                api_keys::name.eq(key.name.as_str()),
                api_keys::role.eq(key.role.as_db_str()),
                api_keys::home_unit_id.eq(key.home_unit.as_ref().map(|u| u.id)),
                api_keys::created_by.eq(key.created_by),
                api_keys::created_at.eq(crate::now_utc()),
                api_keys::expires_at.eq(key.expires_at),
            ))
            .returning(api_keys::id)
            .get_result::<i64>(conn)
            .map_err(StoreError::database("creating an API key"))?;
        events::record(
            conn,
            NewEvent {
                kind: EventKind::KeyCreated,
                subject: secret.prefix(),
                origin,
                detail: Some(key.name.as_str()),
            },
        )?;
        let row = api_keys::table
            .inner_join(users::table)
            .filter(api_keys::id.eq(id))
            .select(key_columns!())
            .first::<Row>(conn)
            .map_err(StoreError::database("reading a new API key"))?;
        Ok((from_row(conn, row)?, secret))
    })
}
