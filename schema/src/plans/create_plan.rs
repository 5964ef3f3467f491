use diesel::prelude::*;

use super::inputs::NewPlan;
use super::lookup::{catalog_id_by_code, plan_by_code, plan_record, require_plan, unit_by_code};
use super::records::Plan;
use crate::db::Db;
use crate::schema::plans;
use crate::{StoreError, now_utc};

/// Creates a plan without items. The issuing unit and the catalog must exist.
pub fn create_plan(conn: &mut Db, new: NewPlan) -> Result<Plan, StoreError> {
    conn.write_transaction(|conn| {
        let unit = unit_by_code(conn, new.issuing_unit.as_str())?.ok_or_else(|| {
            StoreError::rejected(
                "issuingUnitCode",
                crate::messages::Message::new("org-unit-no-unit-with-code")
                    .arg("code", &new.issuing_unit),
            )
        })?;
        let catalog_id = catalog_id_by_code(conn, new.catalog.as_str())?.ok_or_else(|| {
            StoreError::rejected(
                "catalogCode",
                crate::messages::Message::new("catalog-no-catalog-with-code")
                    .arg("code", new.catalog.as_str()),
            )
        })?;
        if plan_by_code(conn, new.code.as_str())?.is_some() {
            return Err(StoreError::conflict(
                crate::messages::Message::new("plan-code-taken").arg("code", &new.code),
            ));
        }
        let now = now_utc();
        let d = new.deadlines;
        let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        diesel::insert_into(plans::table)
            .values((
                plans::code.eq(new.code.as_str()),
                plans::number.eq(new.number.as_str()),
                plans::issued_on.eq(new.issued_on),
                plans::title.eq(new.title.as_str()),
                plans::issuing_unit_id.eq(unit.id),
                plans::catalog_id.eq(catalog_id),
                plans::valid_from.eq(new.valid_from),
                plans::valid_to.eq(new.valid_to),
                plans::monthly_due_day.eq(int(d.monthly.day())),
                plans::monthly_due_offset.eq(int(d.monthly.month_offset())),
                plans::quarterly_due_day.eq(int(d.quarterly.day())),
                plans::quarterly_due_offset.eq(int(d.quarterly.month_offset())),
                plans::six_monthly_due_day.eq(int(d.six_monthly.day())),
                plans::six_monthly_due_offset.eq(int(d.six_monthly.month_offset())),
                plans::yearly_due_day.eq(int(d.yearly.day())),
                plans::yearly_due_offset.eq(int(d.yearly.month_offset())),
                plans::version.eq(1),
                plans::created_at.eq(now),
                plans::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::database("creating a plan"))?;
        let row = require_plan(conn, new.code.as_str())?;
        plan_record(conn, row)
    })
}
