//! Upstream targets as stored: the auth and mapping are JSON the connector reads; secrets are
//! named by environment variable only.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::Db;
use crate::schema::sync_targets;
use crate::{StoreError, now_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTarget {
    pub code: String,
    pub profile: String,
    pub base_url: String,
    pub auth_json: String,
    pub mapping_json: String,
    pub enabled: bool,
    /// TLS file paths (JSON); `None` for the defaults.
    pub tls_json: Option<String>,
    /// A `template` target's request (JSON, body inline); `None` for the built-in profiles.
    pub template_json: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StoredTarget {
    pub code: String,
    pub profile: String,
    pub base_url: String,
    pub auth_json: String,
    pub mapping_json: String,
    pub enabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub tls_json: Option<String>,
    pub template_json: Option<String>,
}

/// Creates the target or replaces its settings (the start-up seed from the targets file).
pub fn upsert_target(conn: &mut Db, target: &NewTarget) -> Result<(), StoreError> {
    let now = now_utc();
    let values = (
        sync_targets::code.eq(&target.code),
        sync_targets::profile.eq(&target.profile),
        sync_targets::base_url.eq(&target.base_url),
        sync_targets::auth.eq(&target.auth_json),
        sync_targets::mapping.eq(&target.mapping_json),
        sync_targets::enabled.eq(target.enabled),
        sync_targets::created_at.eq(now),
        sync_targets::updated_at.eq(now),
        sync_targets::tls.eq(&target.tls_json),
        sync_targets::template.eq(&target.template_json),
    );
    let changes = (
        sync_targets::profile.eq(&target.profile),
        sync_targets::base_url.eq(&target.base_url),
        sync_targets::auth.eq(&target.auth_json),
        sync_targets::mapping.eq(&target.mapping_json),
        sync_targets::enabled.eq(target.enabled),
        sync_targets::updated_at.eq(now),
        sync_targets::tls.eq(&target.tls_json),
        sync_targets::template.eq(&target.template_json),
    );
    // `on_conflict` is not available on the MultiConnection enum, only per backend.
    let outcome = match conn {
        Db::Postgresql(c) => diesel::insert_into(sync_targets::table)
            .values(values)
            .on_conflict(sync_targets::code)
            .do_update()
            .set(changes)
            .execute(c),
        Db::Sqlite(c) => diesel::insert_into(sync_targets::table)
            .values(values)
            .on_conflict(sync_targets::code)
            .do_update()
            .set(changes)
            .execute(c),
    };
    outcome
        .map(|_| ())
        .map_err(StoreError::database("storing a sync target"))
}

pub fn list_targets(conn: &mut Db) -> Result<Vec<StoredTarget>, StoreError> {
    sync_targets::table
        .order(sync_targets::code)
        .load(conn)
        .map_err(StoreError::database("reading the sync targets"))
}

pub fn find_target(conn: &mut Db, code: &str) -> Result<StoredTarget, StoreError> {
    sync_targets::table
        .find(code)
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a sync target"))?
        .ok_or_else(|| StoreError::not_found("sync target", code))
}
