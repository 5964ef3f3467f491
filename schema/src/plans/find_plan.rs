use super::lookup::{plan_record, require_plan};
use super::records::Plan;
use crate::StoreError;
use crate::db::Db;

/// The plan with this code: `NotFound` when there is none.
pub fn find_plan(conn: &mut Db, code: &str) -> Result<Plan, StoreError> {
    let row = require_plan(conn, code)?;
    plan_record(conn, row)
}
