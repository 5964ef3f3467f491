use super::lookup::{item_record, require_item, require_plan};
use super::records::PlanItem;
use crate::StoreError;
use crate::db::Db;

/// The item of plan `plan_code` for indicator `indicator_code`.
pub fn find_item(
    conn: &mut Db,
    plan_code: &str,
    indicator_code: &str,
) -> Result<PlanItem, StoreError> {
    let plan = require_plan(conn, plan_code)?;
    let (item_id, _) = require_item(conn, &plan, indicator_code)?;
    item_record(conn, plan.id, item_id)
}
