//! Reading stored values back as DHIS2 data values (`GET /api/dataValueSets`, dhis2-core
//! `DataValueSetController` / `DataExportParams`): by data set (plan), periods or a date
//! range, units (with their subtrees when `children`), values changed since a moment, and a
//! limit, always within the caller's part of the tree. A ratio is two values with the
//! `NUMERATOR` and `DENOMINATOR` combos, as the import reads them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::combo::{DEFAULT_COMBO, RatioPart};
use super::model::DataValue;
use super::number::machine_number;
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::domain::{ReportedValue, ValueColumns};
use crate::schema::{indicators, org_units, plans, report_values, reports};

/// Which values, already resolved: `units` are subtree ranges (a unit alone is a range too,
/// matched exactly unless `children`).
#[derive(Debug, Clone, Default)]
pub struct ExportQuery {
    pub data_sets: Vec<String>,
    pub periods: Vec<String>,
    /// Periods wholly between the two days (DHIS2: `startDate` and `endDate`).
    pub between: Option<(NaiveDate, NaiveDate)>,
    /// The units' paths.
    pub unit_paths: Vec<String>,
    pub children: bool,
    /// Values changed at or after this moment (UTC).
    pub changed_since: Option<NaiveDateTime>,
    pub limit: Option<i64>,
}

type Row = (
    String,
    String,
    String,
    String,
    (
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<bool>,
        Option<String>,
    ),
    Option<String>,
    String,
    NaiveDateTime,
    NaiveDateTime,
);

/// The values the query names, ordered by unit, plan, period and indicator, as DHIS2 data
/// values with codes as identifiers.
pub fn export_values(conn: &mut Db, query: &ExportQuery) -> Result<Vec<DataValue>, StoreError> {
    let mut values = Vec::new();
    for path in &query.unit_paths {
        let mut select = reports::table
            .inner_join(org_units::table)
            .inner_join(plans::table)
            .inner_join(report_values::table.inner_join(indicators::table))
            .filter(plans::code.eq_any(query.data_sets.clone()))
            .into_boxed();
        select = if query.children {
            let range = SubtreeRange::of(path);
            select
                .filter(org_units::path.ge(range.lower().to_owned()))
                .filter(org_units::path.lt(range.upper().to_owned()))
        } else {
            select.filter(org_units::path.eq(path.clone()))
        };
        if !query.periods.is_empty() {
            select = select.filter(reports::period.eq_any(query.periods.clone()));
        }
        if let Some((start, end)) = query.between {
            select = select
                .filter(reports::period_start.ge(start))
                .filter(reports::period_end.le(end));
        }
        if let Some(since) = query.changed_since {
            select = select.filter(report_values::updated_at.ge(since));
        }
        if let Some(limit) = query.limit {
            select = select.limit(limit);
        }
        let rows: Vec<Row> = select
            .order((
                org_units::code,
                plans::code,
                reports::period,
                indicators::code,
            ))
            .select((
                org_units::code,
                plans::code,
                reports::period,
                indicators::code,
                (
                    report_values::number_value,
                    report_values::numerator,
                    report_values::denominator,
                    report_values::achieved,
                    report_values::text_value,
                ),
                report_values::comment,
                report_values::updated_by,
                reports::created_at,
                report_values::updated_at,
            ))
            .load(conn)
            .map_err(StoreError::database("exporting data values"))?;
        for row in rows {
            values.extend(data_values(row));
        }
        if let Some(limit) = query.limit {
            values.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        }
    }
    Ok(values)
}

fn data_values(row: Row) -> Vec<DataValue> {
    let (unit, _plan, period, indicator, columns, comment, stored_by, created, updated) = row;
    let (number, numerator, denominator, achieved, text) = columns;
    let Some(value) = ReportedValue::from_columns(ValueColumns {
        number,
        numerator,
        denominator,
        achieved,
        text,
    }) else {
        return Vec::new();
    };
    let timestamp = |at: NaiveDateTime| at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string();
    let base = DataValue {
        data_element: Some(indicator),
        period: Some(period),
        org_unit: Some(unit),
        category_option_combo: Some(DEFAULT_COMBO.to_owned()),
        attribute_option_combo: Some(DEFAULT_COMBO.to_owned()),
        comment,
        stored_by: Some(stored_by),
        created: Some(timestamp(created)),
        last_updated: Some(timestamp(updated)),
        followup: Some(false),
        deleted: Some(false),
        ..DataValue::default()
    };
    value_parts(&value)
        .into_iter()
        .map(|(part, value)| DataValue {
            category_option_combo: Some(part.map_or(DEFAULT_COMBO, RatioPart::code).to_owned()),
            value: Some(value),
            ..base.clone()
        })
        .collect()
}

/// A stored value as DHIS2 values: one, or a ratio's two halves. A status is `true`/`false`,
/// numbers use a dot, as the import reads them back.
pub fn value_parts(value: &ReportedValue) -> Vec<(Option<RatioPart>, String)> {
    match value {
        ReportedValue::Number(n) => vec![(None, machine_number(*n))],
        ReportedValue::Ratio {
            numerator,
            denominator,
        } => vec![
            (Some(RatioPart::Numerator), machine_number(*numerator)),
            (Some(RatioPart::Denominator), machine_number(*denominator)),
        ],
        ReportedValue::Status { achieved, .. } => vec![(None, achieved.to_string())],
        ReportedValue::Text(text) => vec![(None, text.clone())],
    }
}

/// The codes among `codes` that name a plan (DHIS2 drops identifiers it does not know).
pub fn known_data_sets(conn: &mut Db, codes: &[String]) -> Result<Vec<String>, StoreError> {
    plans::table
        .filter(plans::code.eq_any(codes.to_vec()))
        .select(plans::code)
        .order(plans::code)
        .load(conn)
        .map_err(StoreError::database("reading data sets"))
}
