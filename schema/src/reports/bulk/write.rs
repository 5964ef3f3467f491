//! Writing a checked import: drafts opened, values deleted, replaced and inserted with
//! multi-row statements in chunks, versions bumped, and the audit entries appended, all in the
//! caller's transaction.

use std::collections::{BTreeSet, HashSet};

use diesel::prelude::*;

use super::check::{Change, Plan};
use super::load::{Context, IN_CHUNK, plan_reports};
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::domain::ReportedValue;
use crate::reports::context::PlanRef;
use crate::reports::key::Actor;
use crate::reports::state::ReportState;
use crate::schema::{report_values, reports};
use crate::{StoreError, now_utc};

/// Rows per multi-row INSERT: 11 columns × 2,500 stays below SQLite's 32,766 bound
/// parameters (PostgreSQL allows 65,535).
const INSERT_CHUNK: usize = 2_500;

/// Multi-row INSERTs do not compile on the `MultiConnection` enum: run `$body` on the inner
/// connection of either backend.
macro_rules! on_backend {
    ($conn:expr, |$inner:ident| $body:expr) => {
        match $conn {
            Db::Postgresql($inner) => $body,
            Db::Sqlite($inner) => $body,
        }
    };
}

pub(super) fn apply(
    conn: &mut Db,
    plan: &PlanRef,
    context: &Context,
    planned: &Plan,
    actor: &Actor,
) -> Result<(), StoreError> {
    let now = now_utc();
    let mut entries = Vec::new();
    let entry = |action: &'static str, unit: &str, period: String| NewAuditEntry {
        actor: actor.subject.clone(),
        request_id: actor.request_id.clone(),
        action,
        unit_code: unit.to_owned(),
        plan_code: plan.code.clone(),
        period,
        indicator_code: None,
        old_value: None,
        new_value: None,
        reason: None,
    };

    let mut opened = Default::default();
    if !planned.to_open.is_empty() {
        let mut rows = Vec::with_capacity(planned.to_open.len());
        for (unit_id, _, period) in &planned.to_open {
            rows.push((
                reports::unit_id.eq(*unit_id),
                reports::plan_id.eq(plan.id),
                reports::period.eq(period.to_string()),
                reports::period_start.eq(period.start()),
                reports::period_end.eq(period.end()),
                reports::state.eq(ReportState::Draft.as_db_str()),
                reports::due_at.eq(plan.due_at(period)?),
                reports::late.eq(false),
                reports::version.eq(1),
                reports::created_at.eq(now),
                reports::updated_at.eq(now),
            ));
        }
        for chunk in rows.chunks(INSERT_CHUNK) {
            on_backend!(conn, |inner| diesel::insert_into(reports::table)
                .values(chunk)
                .execute(inner))
            .map_err(StoreError::database("opening reports"))?;
        }
        let periods: Vec<String> = planned
            .to_open
            .iter()
            .map(|(_, _, p)| p.to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let units: Vec<i64> = planned
            .to_open
            .iter()
            .map(|(unit_id, _, _)| *unit_id)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        opened = plan_reports(conn, plan.id, &periods, Some(&units))?;
        for (_, unit_code, period) in &planned.to_open {
            let mut opened_entry = entry("report_opened", unit_code, period.to_string());
            opened_entry.new_value = Some(ReportState::Draft.as_db_str().to_owned());
            entries.push(opened_entry);
        }
    }

    let mut removed = Vec::new();
    let mut inserted = Vec::new();
    let mut touched = HashSet::new();
    for change in &planned.changes {
        let key = (change.unit_id, change.period);
        let report_id = context
            .reports
            .get(&key)
            .or_else(|| opened.get(&key))
            .map(|r| r.id)
            .ok_or_else(|| StoreError::Conflict {
                detail: format!(
                    "the report of {} for {} was not opened",
                    change.unit_code, change.period
                ),
            })?;
        touched.insert(report_id);
        let mut value_entry = entry("value_set", &change.unit_code, change.period.to_string());
        value_entry.indicator_code = Some(change.indicator_code.clone());
        let text = |v: &Option<ReportedValue>| v.as_ref().map(ToString::to_string);
        match &change.change {
            Change::Insert { value, comment } => {
                inserted.push(row(
                    report_id,
                    change.indicator_id,
                    value,
                    comment,
                    None,
                    now,
                    actor,
                ));
                value_entry.new_value = Some(value.to_string());
                value_entry.reason = comment.clone();
            }
            Change::Update {
                row_id,
                old,
                evidence,
                value,
                comment,
            } => {
                removed.push(*row_id);
                inserted.push(row(
                    report_id,
                    change.indicator_id,
                    value,
                    comment,
                    evidence.clone(),
                    now,
                    actor,
                ));
                value_entry.old_value = text(old);
                value_entry.new_value = Some(value.to_string());
                value_entry.reason = comment.clone();
            }
            Change::Delete { row_id, old } => {
                removed.push(*row_id);
                value_entry.action = "value_deleted";
                value_entry.old_value = text(old);
            }
        }
        entries.push(value_entry);
    }

    for chunk in removed.chunks(IN_CHUNK) {
        diesel::delete(report_values::table.filter(report_values::id.eq_any(chunk)))
            .execute(conn)
            .map_err(StoreError::database("removing values"))?;
    }
    for chunk in inserted.chunks(INSERT_CHUNK) {
        on_backend!(conn, |inner| diesel::insert_into(report_values::table)
            .values(chunk)
            .execute(inner))
        .map_err(StoreError::database("storing values"))?;
    }
    let touched: Vec<i64> = touched.into_iter().collect();
    for chunk in touched.chunks(IN_CHUNK) {
        diesel::update(reports::table.filter(reports::id.eq_any(chunk)))
            .set((
                reports::version.eq(reports::version + 1),
                reports::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::database("updating reports"))?;
    }
    audit::append(conn, &entries)
}

type ValueRow = (
    diesel::dsl::Eq<report_values::report_id, i64>,
    diesel::dsl::Eq<report_values::indicator_id, i64>,
    diesel::dsl::Eq<report_values::number_value, Option<f64>>,
    diesel::dsl::Eq<report_values::numerator, Option<f64>>,
    diesel::dsl::Eq<report_values::denominator, Option<f64>>,
    diesel::dsl::Eq<report_values::achieved, Option<bool>>,
    diesel::dsl::Eq<report_values::text_value, Option<String>>,
    diesel::dsl::Eq<report_values::comment, Option<String>>,
    diesel::dsl::Eq<report_values::evidence, Option<String>>,
    diesel::dsl::Eq<report_values::updated_at, chrono::NaiveDateTime>,
    diesel::dsl::Eq<report_values::updated_by, String>,
);

fn row(
    report_id: i64,
    indicator_id: i64,
    value: &ReportedValue,
    comment: &Option<String>,
    evidence: Option<String>,
    now: chrono::NaiveDateTime,
    actor: &Actor,
) -> ValueRow {
    let columns = value.columns();
    (
        report_values::report_id.eq(report_id),
        report_values::indicator_id.eq(indicator_id),
        report_values::number_value.eq(columns.number),
        report_values::numerator.eq(columns.numerator),
        report_values::denominator.eq(columns.denominator),
        report_values::achieved.eq(columns.achieved),
        report_values::text_value.eq(columns.text),
        report_values::comment.eq(comment.clone()),
        report_values::evidence.eq(evidence),
        report_values::updated_at.eq(now),
        report_values::updated_by.eq(actor.subject.clone()),
    )
}
