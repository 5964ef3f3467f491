use diesel::dsl::max;
use diesel::prelude::*;

use super::assignments::{put_assignments, resolve_assignees};
use super::inputs::NewPlanItem;
use super::lookup::{indicator_by_code, item_record, require_plan};
use super::records::PlanItem;
use super::targets::put_targets;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{catalogs, plan_items};

/// Adds an indicator of the plan's catalog to the plan, with its targets and assignments.
pub fn create_item(
    conn: &mut Db,
    plan_code: &str,
    new: NewPlanItem,
) -> Result<PlanItem, StoreError> {
    conn.write_transaction(|conn| {
        let plan = require_plan(conn, plan_code)?;
        let code = new.indicator.as_str();
        let (indicator_id, catalog_id) = indicator_by_code(conn, code)?.ok_or_else(|| {
            StoreError::rejected(
                "indicatorCode",
                crate::messages::Message::new("catalog-no-indicator-with-code").arg("code", code),
            )
        })?;
        if catalog_id != plan.catalog_id {
            let catalog: String = catalogs::table
                .find(plan.catalog_id)
                .select(catalogs::code)
                .first(conn)
                .map_err(StoreError::database("reading a plan's catalog"))?;
            return Err(StoreError::rejected(
                "indicatorCode",
                crate::messages::Message::new("plan-indicator-outside-catalog")
                    .arg("code", code)
                    .arg("catalog", catalog),
            ));
        }
        let taken: i64 = plan_items::table
            .filter(plan_items::plan_id.eq(plan.id))
            .filter(plan_items::indicator_id.eq(indicator_id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("checking a plan's items"))?;
        if taken > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("plan-has-indicator")
                    .arg("plan", plan_code)
                    .arg("code", code),
            ));
        }
        let resolved = resolve_assignees(conn, &plan, &new.assignees)?;
        let position = match new.position {
            Some(position) => position,
            None => {
                let last: Option<i32> = plan_items::table
                    .filter(plan_items::plan_id.eq(plan.id))
                    .select(max(plan_items::position))
                    .first(conn)
                    .map_err(StoreError::database("placing a plan item"))?;
                last.map_or(1, |p| p.saturating_add(1))
            }
        };
        let item_id: i64 = diesel::insert_into(plan_items::table)
            .values((
                plan_items::plan_id.eq(plan.id),
                plan_items::indicator_id.eq(indicator_id),
                plan_items::output_product.eq(&new.output_product),
                plan_items::note.eq(&new.note),
                plan_items::position.eq(position),
                plan_items::version.eq(1),
            ))
            .returning(plan_items::id)
            .get_result(conn)
            .map_err(StoreError::database("adding a plan item"))?;
        put_targets(conn, item_id, &new.targets)?;
        put_assignments(conn, item_id, &resolved)?;
        item_record(conn, plan.id, item_id)
    })
}
