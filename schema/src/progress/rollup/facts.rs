//! The stored values a roll-up reads, in two queries whatever the size of the subtree: the
//! successions that move history into or out of it, then every value of the asked indicators
//! reported inside it (or by a predecessor of a unit inside it) for a period within the asked one.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::{Period, ReportedValue, ValueColumns};
use crate::org_units::path;
use crate::schema::{org_unit_successions, org_units, report_values, reports};

/// One reported value with where and when it was reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub unit_id: i64,
    pub unit_path: Arc<str>,
    pub indicator_id: i64,
    pub period: Arc<str>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub value: ReportedValue,
    pub updated_at: NaiveDateTime,
}

/// A unit closed by a merger: from `effective_on` its history counts under the successor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Succession {
    pub predecessor_id: i64,
    pub predecessor_path: String,
    pub successor_path: String,
    pub effective_on: NaiveDate,
}

pub struct FactQuery<'a> {
    pub root_path: &'a str,
    pub period: Period,
    pub approved_only: bool,
}

/// Successions where the predecessor or the successor lies in the subtree: history may move
/// into it (a commune merged into one of ours) or out of it.
pub fn successions(conn: &mut Db, root_path: &str) -> Result<Vec<Succession>, StoreError> {
    let (predecessors, successors) =
        diesel::alias!(org_units as predecessors, org_units as successors);
    let upper = path::upper_bound(root_path);
    let joined = || {
        org_unit_successions::table
            .inner_join(
                predecessors.on(predecessors
                    .field(org_units::id)
                    .eq(org_unit_successions::predecessor_id)),
            )
            .inner_join(
                successors.on(successors
                    .field(org_units::id)
                    .eq(org_unit_successions::successor_id)),
            )
    };
    let columns = (
        org_unit_successions::predecessor_id,
        predecessors.field(org_units::path),
        successors.field(org_units::path),
        org_unit_successions::effective_on,
    );
    // Two range scans rather than one OR of them, which no index serves.
    let mut rows: Vec<(i64, String, String, NaiveDate)> = joined()
        .filter(predecessors.field(org_units::path).ge(root_path))
        .filter(predecessors.field(org_units::path).lt(&upper))
        .select(columns)
        .load(conn)
        .map_err(StoreError::database("reading the successions of a subtree"))?;
    let into_subtree: Vec<(i64, String, String, NaiveDate)> = joined()
        .filter(successors.field(org_units::path).ge(root_path))
        .filter(successors.field(org_units::path).lt(&upper))
        .select(columns)
        .load(conn)
        .map_err(StoreError::database("reading the successions of a subtree"))?;
    rows.extend(into_subtree);
    rows.sort_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
    rows.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    Ok(rows
        .into_iter()
        .map(
            |(predecessor_id, predecessor_path, successor_path, effective_on)| Succession {
                predecessor_id,
                predecessor_path,
                successor_path,
                effective_on,
            },
        )
        .collect())
}

/// A report of the subtree within the period: what its values inherit.
pub struct ReportMeta {
    pub unit_id: i64,
    pub unit_path: Arc<str>,
    pub period: Arc<str>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
}

type ValueRow = (
    i64,
    i64,
    (
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<bool>,
        Option<String>,
    ),
    NaiveDateTime,
);

/// Bind parameters per statement stay well under both backends' limits.
const REPORTS_PER_QUERY: usize = 5_000;

/// Every value of the asked indicators in `reports` (see [`reports_of`]). The reports are found
/// first (period range, then path range: a few thousand rows nationally for a month), then
/// their values by report: reading values by indicator first would scan every month of the year.
pub fn facts(
    conn: &mut Db,
    indicator_ids: &[i64],
    reports: &HashMap<i64, ReportMeta>,
) -> Result<Vec<Fact>, StoreError> {
    let ids: Vec<i64> = reports.keys().copied().collect();
    let mut facts = Vec::new();
    for chunk in ids.chunks(REPORTS_PER_QUERY) {
        let rows: Vec<ValueRow> = report_values::table
            .filter(report_values::report_id.eq_any(chunk))
            .filter(report_values::indicator_id.eq_any(indicator_ids))
            .select((
                report_values::report_id,
                report_values::indicator_id,
                (
                    report_values::number_value,
                    report_values::numerator,
                    report_values::denominator,
                    report_values::achieved,
                    report_values::text_value,
                ),
                report_values::updated_at,
            ))
            .load(conn)
            .map_err(StoreError::database("reading the values of a subtree"))?;
        facts.extend(rows.into_iter().filter_map(
            |(report_id, indicator_id, columns, updated_at)| {
                let report = reports.get(&report_id)?;
                let (number, numerator, denominator, achieved, text) = columns;
                // A row with no value at all (every column empty) carries nothing to roll up.
                let value = ReportedValue::from_columns(ValueColumns {
                    number,
                    numerator,
                    denominator,
                    achieved,
                    text,
                })?;
                Some(Fact {
                    unit_id: report.unit_id,
                    unit_path: Arc::clone(&report.unit_path),
                    indicator_id,
                    period: Arc::clone(&report.period),
                    period_start: report.period_start,
                    period_end: report.period_end,
                    value,
                    updated_at,
                })
            },
        ));
    }
    Ok(facts)
}

/// The reports of a unit in the subtree, or of one of `outside_predecessors`, for periods
/// inside `query.period`.
pub fn reports_of(
    conn: &mut Db,
    query: &FactQuery<'_>,
    outside_predecessors: &[i64],
) -> Result<HashMap<i64, ReportMeta>, StoreError> {
    let upper = path::upper_bound(query.root_path);
    let mut select = reports::table
        .inner_join(org_units::table.on(org_units::id.eq(reports::unit_id)))
        .filter(reports::period_start.ge(query.period.start()))
        // Implied by the next filter, but it closes the index range on period_start: without
        // it every report of a later period (next year's, say) is stepped over (issue 21).
        .filter(reports::period_start.le(query.period.end()))
        .filter(reports::period_end.le(query.period.end()))
        .select((
            reports::id,
            reports::unit_id,
            org_units::path,
            reports::period,
            reports::period_start,
            reports::period_end,
        ))
        .into_boxed();
    let in_subtree = org_units::path
        .ge(query.root_path)
        .and(org_units::path.lt(upper));
    // Without predecessors outside, no OR: with one SQLite cannot use the path index and reads
    // the month's reports of the whole country for one commune (2.0 ms instead of 0.14 ms).
    select = if outside_predecessors.is_empty() {
        select.filter(in_subtree)
    } else {
        select.filter(in_subtree.or(reports::unit_id.eq_any(outside_predecessors)))
    };
    if query.approved_only {
        select = select.filter(reports::state.eq("approved"));
    }
    let rows: Vec<(i64, i64, String, String, NaiveDate, NaiveDate)> = select
        .load(conn)
        .map_err(StoreError::database("reading the reports of a subtree"))?;
    // Units report the same few periods: share one string per period and per unit.
    let mut periods: HashMap<String, Arc<str>> = HashMap::new();
    Ok(rows
        .into_iter()
        .map(
            |(id, unit_id, unit_path, period, period_start, period_end)| {
                let period = Arc::clone(
                    periods
                        .entry(period.clone())
                        .or_insert_with(|| period.into()),
                );
                let meta = ReportMeta {
                    unit_id,
                    unit_path: unit_path.into(),
                    period,
                    period_start,
                    period_end,
                };
                (id, meta)
            },
        )
        .collect())
}
