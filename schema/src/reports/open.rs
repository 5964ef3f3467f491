//! Opening a report: the draft is created when absent, so the call can be repeated.

use diesel::prelude::*;

use super::context::{assigned_indicators, locate, plan_ref, unit_ref};
use super::key::{Actor, ReportKey};
use super::record::{Report, load_report};
use super::state::ReportState;
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::schema::reports;
use crate::{StoreError, now_utc};

/// The report and whether this call created it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub report: Report,
    pub created: bool,
}

/// The report of `key`, created as a draft when absent. The period must lie within the plan's
/// validity and the unit must report at least one indicator of the plan.
pub fn open(conn: &mut Db, key: &ReportKey, actor: &Actor) -> Result<Opened, StoreError> {
    conn.transaction(|conn| {
        audit::lock_chain(conn)?;
        match locate(conn, key) {
            Ok(located) => {
                return Ok(Opened {
                    report: load_report(conn, located)?,
                    created: false,
                });
            }
            Err(StoreError::NotFound { what: "report", .. }) => {}
            Err(other) => return Err(other),
        }
        let unit = unit_ref(conn, key.unit.as_str())?;
        let plan = plan_ref(conn, &key.plan)?;
        let period = key.period;
        if let Some(reason) = plan.period_outside(&period) {
            return Err(StoreError::rejected("period", reason));
        }
        if assigned_indicators(conn, plan.id, unit.id)?.is_empty() {
            return Err(StoreError::rejected(
                "unitCode",
                crate::messages::Message::new("report-unit-not-assigned")
                    .arg("unit", &unit.code)
                    .arg("plan", &plan.code),
            ));
        }
        let due_at = plan.due_at(&period)?;
        let now = now_utc();
        diesel::insert_into(reports::table)
            .values((
                reports::unit_id.eq(unit.id),
                reports::plan_id.eq(plan.id),
                reports::period.eq(period.to_string()),
                reports::period_start.eq(period.start()),
                reports::period_end.eq(period.end()),
                reports::state.eq(ReportState::Draft.as_db_str()),
                reports::due_at.eq(due_at),
                reports::late.eq(false),
                reports::version.eq(1),
                reports::created_at.eq(now),
                reports::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::database("creating a report"))?;
        audit::append(
            conn,
            &[NewAuditEntry {
                actor: actor.subject.clone(),
                request_id: actor.request_id.clone(),
                action: "report_opened",
                unit_code: unit.code.clone(),
                plan_code: plan.code.clone(),
                period: period.to_string(),
                indicator_code: None,
                old_value: None,
                new_value: Some(ReportState::Draft.as_db_str().to_owned()),
                reason: None,
            }],
        )?;
        let located = locate(conn, key)?;
        Ok(Opened {
            report: load_report(conn, located)?,
            created: true,
        })
    })
}
