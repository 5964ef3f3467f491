use diesel::prelude::*;

use super::inputs::PlanChanges;
use super::lookup::{plan_record, require_plan};
use super::records::Plan;
use crate::db::Db;
use crate::domain::DeadlineRule;
use crate::schema::plans;
use crate::{StoreError, now_utc};

/// Changes a plan's fields; the version moves only when something changed.
pub fn update_plan(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    changes: PlanChanges,
) -> Result<Plan, StoreError> {
    conn.write_transaction(|conn| {
        let current = require_plan(conn, code)?;
        if let Some(expected) = expected_version.filter(|v| *v != current.version) {
            return Err(StoreError::VersionMismatch {
                expected,
                current: current.version,
            });
        }
        let rules = current.deadlines()?;
        let pair = |rule: DeadlineRule| {
            let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
            (int(rule.day()), int(rule.month_offset()))
        };
        let mut next = current.clone();
        if let Some(number) = changes.number {
            next.number = number.into_string();
        }
        if let Some(title) = changes.title {
            next.title = title.into_string();
        }
        next.issued_on = changes.issued_on.unwrap_or(current.issued_on);
        next.valid_from = changes.valid_from.unwrap_or(current.valid_from);
        next.valid_to = changes.valid_to.unwrap_or(current.valid_to);
        next.monthly = pair(changes.monthly.unwrap_or(rules.monthly));
        next.quarterly = pair(changes.quarterly.unwrap_or(rules.quarterly));
        next.six_monthly = pair(changes.six_monthly.unwrap_or(rules.six_monthly));
        next.yearly = pair(changes.yearly.unwrap_or(rules.yearly));
        if next.valid_from > next.valid_to {
            let field = if changes.valid_to.is_some() {
                "validTo"
            } else {
                "validFrom"
            };
            return Err(StoreError::rejected(
                field,
                crate::messages::Message::new("plan-validity-order")
                    .arg("from", next.valid_from)
                    .arg("to", next.valid_to),
            ));
        }
        if next == current {
            return plan_record(conn, current);
        }
        let updated = diesel::update(
            plans::table
                .find(current.id)
                .filter(plans::version.eq(current.version)),
        )
        .set((
            plans::number.eq(&next.number),
            plans::title.eq(&next.title),
            plans::issued_on.eq(next.issued_on),
            plans::valid_from.eq(next.valid_from),
            plans::valid_to.eq(next.valid_to),
            plans::monthly_due_day.eq(next.monthly.0),
            plans::monthly_due_offset.eq(next.monthly.1),
            plans::quarterly_due_day.eq(next.quarterly.0),
            plans::quarterly_due_offset.eq(next.quarterly.1),
            plans::six_monthly_due_day.eq(next.six_monthly.0),
            plans::six_monthly_due_offset.eq(next.six_monthly.1),
            plans::yearly_due_day.eq(next.yearly.0),
            plans::yearly_due_offset.eq(next.yearly.1),
            plans::version.eq(current.version + 1),
            plans::updated_at.eq(now_utc()),
        ))
        .execute(conn)
        .map_err(StoreError::database("updating a plan"))?;
        if updated == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: require_plan(conn, code)?.version,
            });
        }
        let row = require_plan(conn, code)?;
        plan_record(conn, row)
    })
}
