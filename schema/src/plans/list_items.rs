use super::lookup::{ItemDetail, items_of, require_plan};
use super::records::PlanItem;
use crate::StoreError;
use crate::db::Db;

/// Every item of a plan with its targets and assignments, in position order.
pub fn list_items(conn: &mut Db, plan_code: &str) -> Result<Vec<PlanItem>, StoreError> {
    let plan = require_plan(conn, plan_code)?;
    items_of(conn, plan.id, None, ItemDetail::Full)
}
