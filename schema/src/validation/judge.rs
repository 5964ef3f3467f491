//! Judging reports: the numbers a rule sees, and every rule in force over one report.

use std::collections::HashMap;

use diesel::prelude::*;

use super::read::rules_in_force;
use super::rule::{Judgement, Outcome};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{ReportedValue, ValueColumns, ValueKind};
use crate::schema::{indicators, report_values};

type ValueRow = (
    i64,
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
);

/// The number a rule sees for a stored value: a number as entered; a ratio as a percent
/// (0–100) for percent indicators and as the quotient otherwise; a status as 1 (achieved) or
/// 0. Text has no number, so it counts as missing.
pub fn rule_number(kind: ValueKind, value: &ReportedValue) -> Option<f64> {
    match value {
        ReportedValue::Number(n) => Some(*n),
        ReportedValue::Ratio {
            numerator,
            denominator,
        } => {
            let quotient = numerator / denominator;
            Some(if kind == ValueKind::Percent {
                quotient * 100.0
            } else {
                quotient
            })
        }
        ReportedValue::Status { achieved, .. } => Some(if *achieved { 1.0 } else { 0.0 }),
        ReportedValue::Text(_) => None,
    }
}

/// The kind and the rule's number of a stored value, from its indicator's stored kind and
/// its columns; `None` for text, and for rows that do not read as a value.
pub(crate) fn stored_number(kind: &str, columns: ValueColumns) -> Option<(ValueKind, f64)> {
    let kind = ValueKind::from_db_str(kind).ok()?;
    let value = ReportedValue::from_columns(columns)?;
    Some((kind, rule_number(kind, &value)?))
}

/// The numbers of the reports with ids `report_ids`, by report id and indicator code.
pub(super) fn report_numbers(
    conn: &mut Db,
    report_ids: &[i64],
) -> Result<HashMap<i64, HashMap<String, f64>>, StoreError> {
    let mut numbers: HashMap<i64, HashMap<String, f64>> = HashMap::new();
    // Chunked so the IN list stays within both backends' bound-parameter limits.
    for chunk in report_ids.chunks(5_000) {
        let rows: Vec<ValueRow> = report_values::table
            .inner_join(indicators::table)
            .filter(report_values::report_id.eq_any(chunk))
            .select((
                report_values::report_id,
                indicators::code,
                indicators::value_kind,
                report_values::number_value,
                report_values::numerator,
                report_values::denominator,
                report_values::achieved,
                report_values::text_value,
            ))
            .load(conn)
            .map_err(StoreError::database(
                "reading reports' values for validation",
            ))?;
        for (report_id, code, kind, number, numerator, denominator, achieved, text) in rows {
            let columns = ValueColumns {
                number,
                numerator,
                denominator,
                achieved,
                text,
            };
            if let Some((_, n)) = stored_number(&kind, columns) {
                numbers.entry(report_id).or_default().insert(code, n);
            }
        }
    }
    Ok(numbers)
}

/// Every rule in force for the plan judged over the report, in rule order.
pub(super) fn judge_report(
    conn: &mut Db,
    report_id: i64,
    plan_id: i64,
) -> Result<Vec<Judgement>, StoreError> {
    let rules = rules_in_force(conn, plan_id)?;
    let numbers = report_numbers(conn, &[report_id])?
        .remove(&report_id)
        .unwrap_or_default();
    Ok(rules.iter().map(|rule| rule.judge(&numbers)).collect())
}

pub(super) fn violations(judgements: Vec<Judgement>) -> Vec<Judgement> {
    judgements
        .into_iter()
        .filter(|j| j.outcome == Outcome::Violated)
        .collect()
}
