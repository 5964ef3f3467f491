//! Entering values: each checked against the indicator's kind and the unit's assignments, all
//! refused at once when any is invalid; stored with one audit entry per changed value, in one
//! transaction.

use std::collections::HashMap;

use diesel::prelude::*;

use super::context::{Located, assigned_indicators, locate};
use super::key::{Actor, ReportKey};
use super::record::{Report, bump_version, reread};
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::domain::{ReportedValue, ValueColumns, ValueInput};
use crate::schema::report_values;
use crate::{StoreError, now_utc};

/// One value of the request, at `index` in its list.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueEntry {
    pub index: usize,
    pub indicator_code: String,
    pub input: ValueInput,
    pub comment: Option<String>,
    pub evidence: Vec<String>,
}

/// Why the value at `index` was refused; `field` is `indicatorCode` or `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueProblem {
    pub index: usize,
    pub field: &'static str,
    pub reason: crate::messages::Text,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValuesOutcome {
    Saved(Box<Report>),
    /// Nothing was stored.
    Refused(Vec<ValueProblem>),
}

type StoredTuple = (
    i64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Sets the listed values (others stay as they are) while the report is a draft or returned.
/// With `check_only` nothing is stored and the problems found (maybe none) are returned, for a
/// request refused already for other reasons, so the caller hears of every problem at once.
pub fn set_values(
    conn: &mut Db,
    key: &ReportKey,
    expected_version: Option<i32>,
    entries: Vec<ValueEntry>,
    check_only: bool,
    actor: &Actor,
) -> Result<ValuesOutcome, StoreError> {
    conn.transaction(|conn| {
        audit::lock_chain(conn)?;
        let located = locate(conn, key)?;
        check_editable(&located, expected_version)?;
        let assigned: HashMap<String, _> =
            assigned_indicators(conn, located.plan.id, located.unit.id)?
                .into_iter()
                .map(|a| (a.code.clone(), a))
                .collect();
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut checked = Vec::new();
        for entry in &entries {
            if let Some(first) = seen.insert(&entry.indicator_code, entry.index) {
                problems.push(ValueProblem {
                    index: entry.index,
                    field: "indicatorCode",
                    reason: crate::messages::Message::new("value-listed-twice")
                        .arg("code", &entry.indicator_code)
                        .arg("first", first)
                        .into(),
                });
                continue;
            }
            let Some(indicator) = assigned.get(&entry.indicator_code) else {
                problems.push(ValueProblem {
                    index: entry.index,
                    field: "indicatorCode",
                    reason: crate::messages::Message::new("value-not-assigned")
                        .arg("code", &entry.indicator_code)
                        .arg("unit", &located.unit.code)
                        .arg("plan", &located.plan.code)
                        .into(),
                });
                continue;
            };
            match ReportedValue::parse(indicator.kind, entry.input.clone()) {
                Ok(value) => checked.push((indicator.indicator_id, entry, value)),
                Err(invalid) => problems.push(ValueProblem {
                    index: entry.index,
                    field: "value",
                    reason: invalid.into_text(),
                }),
            }
        }
        if !problems.is_empty() || check_only {
            return Ok(ValuesOutcome::Refused(problems));
        }

        let stored: HashMap<i64, StoredTuple> = report_values::table
            .filter(report_values::report_id.eq(located.row.id))
            .select((
                report_values::indicator_id,
                report_values::number_value,
                report_values::numerator,
                report_values::denominator,
                report_values::achieved,
                report_values::text_value,
                report_values::comment,
                report_values::evidence,
            ))
            .load::<StoredTuple>(conn)
            .map_err(StoreError::database("reading a report's values"))?
            .into_iter()
            .map(|row| (row.0, row))
            .collect();
        let now = now_utc();
        let mut audit_entries = Vec::new();
        for (indicator_id, entry, value) in checked {
            let columns = value.columns();
            let evidence = (!entry.evidence.is_empty())
                .then(|| serde_json::to_string(&entry.evidence))
                .transpose()
                .map_err(|e| StoreError::Conflict {
                    detail: format!("evidence cannot be stored: {e}").into(),
                })?;
            let old = stored.get(&indicator_id);
            let old_value =
                old.and_then(|(_, number, numerator, denominator, achieved, text, ..)| {
                    ReportedValue::from_columns(ValueColumns {
                        number: *number,
                        numerator: *numerator,
                        denominator: *denominator,
                        achieved: *achieved,
                        text: text.clone(),
                    })
                });
            let unchanged = old.is_some_and(|(.., comment, stored_evidence)| {
                old_value.as_ref() == Some(&value)
                    && comment == &entry.comment
                    && stored_evidence == &evidence
            });
            if unchanged {
                continue;
            }
            let changes = (
                report_values::number_value.eq(columns.number),
                report_values::numerator.eq(columns.numerator),
                report_values::denominator.eq(columns.denominator),
                report_values::achieved.eq(columns.achieved),
                report_values::text_value.eq(columns.text.clone()),
                report_values::comment.eq(entry.comment.clone()),
                report_values::evidence.eq(evidence.clone()),
                report_values::updated_at.eq(now),
                report_values::updated_by.eq(actor.subject.clone()),
            );
            if old.is_some() {
                diesel::update(
                    report_values::table
                        .filter(report_values::report_id.eq(located.row.id))
                        .filter(report_values::indicator_id.eq(indicator_id)),
                )
                .set(changes)
                .execute(conn)
                .map_err(StoreError::database("updating a value"))?;
            } else {
                diesel::insert_into(report_values::table)
                    .values((
                        report_values::report_id.eq(located.row.id),
                        report_values::indicator_id.eq(indicator_id),
                        changes,
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("storing a value"))?;
            }
            audit_entries.push(NewAuditEntry {
                actor: actor.subject.clone(),
                request_id: actor.request_id.clone(),
                action: "value_set",
                unit_code: located.unit.code.clone(),
                plan_code: located.plan.code.clone(),
                period: located.row.period.clone(),
                indicator_code: Some(entry.indicator_code.clone()),
                old_value: old_value.map(|v| v.to_string()),
                new_value: Some(value.to_string()),
                reason: entry.comment.clone(),
            });
        }
        if !audit_entries.is_empty() {
            bump_version(conn, &located.row, expected_version)?;
            audit::append(conn, &audit_entries)?;
        }
        Ok(ValuesOutcome::Saved(Box::new(reread(conn, located)?)))
    })
}

/// 412 when the caller's copy is stale, 409 when the report is not the reporter's to change.
pub(super) fn check_editable(located: &Located, expected: Option<i32>) -> Result<(), StoreError> {
    if let Some(expected) = expected.filter(|v| *v != located.row.version) {
        return Err(StoreError::VersionMismatch {
            expected,
            current: located.row.version,
        });
    }
    if let Some(detail) = located.row.state()?.refusal_to_edit() {
        return Err(StoreError::conflict(detail));
    }
    Ok(())
}
