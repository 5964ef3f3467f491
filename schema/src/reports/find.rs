//! Reading one report with its values and narrative.

use super::context::locate;
use super::key::ReportKey;
use super::record::{Report, load_report};
use crate::StoreError;
use crate::db::Db;

pub fn find(conn: &mut Db, key: &ReportKey) -> Result<Report, StoreError> {
    let located = locate(conn, key)?;
    load_report(conn, located)
}

/// The report's version (its ETag) without its values and narrative: what a conditional
/// re-read compares `If-None-Match` with.
pub fn stored_version(conn: &mut Db, key: &ReportKey) -> Result<i32, StoreError> {
    Ok(locate(conn, key)?.row.version)
}
