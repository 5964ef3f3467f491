//! Reading the numbers of a plan's reports for outlier detection: the judged period over the
//! listed subtree and its peers, and the previous periods over the subtree. Reports in every
//! state count, as reviewers look before approving; statuses and texts have no numbers to
//! compare.

use diesel::prelude::*;

use super::detect::{CheckedValue, Observations};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::domain::{Period, ValueColumns, ValueKind};
use crate::org_units::path;
use crate::schema::{indicators, org_units, report_values, reports};
use crate::validation::stored_number;

/// How many previous periods make a unit's history (the "last 12 periods").
pub const HISTORY_PERIODS: usize = 12;

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
);

/// One stored number with where it belongs.
struct Number {
    unit_code: String,
    unit_name: String,
    unit_path: String,
    state: String,
    indicator_code: String,
    indicator_name: String,
    kind: ValueKind,
    value: f64,
}

/// The numbers of `plan_id`'s reports for `periods` of units in `range` (and in `scope`).
fn numbers(
    conn: &mut Db,
    plan_id: i64,
    periods: &[String],
    range: &SubtreeRange,
    scope: Option<&SubtreeRange>,
) -> Result<Vec<Number>, StoreError> {
    let mut query = report_values::table
        .inner_join(reports::table.inner_join(org_units::table))
        .inner_join(indicators::table)
        .filter(reports::plan_id.eq(plan_id))
        .filter(reports::period.eq_any(periods))
        .filter(org_units::path.ge(range.lower().to_owned()))
        .filter(org_units::path.lt(range.upper().to_owned()))
        .filter(indicators::value_kind.ne_all(["status", "text"]))
        .into_boxed();
    if let Some(scope) = scope {
        query = query
            .filter(org_units::path.ge(scope.lower().to_owned()))
            .filter(org_units::path.lt(scope.upper().to_owned()));
    }
    let rows: Vec<Row> = query
        .order((org_units::path, indicators::position, reports::period))
        .select((
            org_units::code,
            org_units::name,
            org_units::path,
            reports::state,
            indicators::code,
            indicators::name,
            indicators::value_kind,
            report_values::number_value,
            report_values::numerator,
            report_values::denominator,
            report_values::achieved,
            report_values::text_value,
        ))
        .load(conn)
        .map_err(StoreError::database("reading values for outlier detection"))?;
    let mut numbers = Vec::with_capacity(rows.len());
    for row in rows {
        let (unit_code, unit_name, unit_path, state, indicator_code, indicator_name) =
            (row.0, row.1, row.2, row.3, row.4, row.5);
        let columns = ValueColumns {
            number: row.7,
            numerator: row.8,
            denominator: row.9,
            achieved: row.10,
            text: row.11,
        };
        let Some((kind, value)) = stored_number(&row.6, columns) else {
            continue;
        };
        numbers.push(Number {
            unit_code,
            unit_name,
            unit_path,
            state,
            indicator_code,
            indicator_name,
            kind,
            value,
        });
    }
    Ok(numbers)
}

/// The previous [`HISTORY_PERIODS`] periods of `period`'s type, newest first (none for an
/// ad-hoc period).
pub fn history_periods(period: &Period) -> Vec<Period> {
    std::iter::successors(period.previous(), Period::previous)
        .take(HISTORY_PERIODS)
        .collect()
}

/// The observations of the plan's reports for `period` under `root_path`; peers are read over
/// the parent's subtree (all units when the root has no parent), within `scope`.
pub fn observations(
    conn: &mut Db,
    plan_id: i64,
    root_path: &str,
    period: &Period,
    scope: Option<&SubtreeRange>,
) -> Result<Observations, StoreError> {
    let root = SubtreeRange::of(root_path);
    let peers_range = match path::parent_code(root_path) {
        Some(_) => {
            let stem = root_path.strip_suffix('/').unwrap_or(root_path);
            let parent = &stem[..stem.rfind('/').unwrap_or(0)];
            SubtreeRange::of(&format!("{parent}/"))
        }
        None => SubtreeRange::of(""),
    };
    let mut observations = Observations::default();
    for number in numbers(conn, plan_id, &[period.to_string()], &peers_range, scope)? {
        let parent_code = path::parent_code(&number.unit_path).map(str::to_owned);
        observations
            .peers
            .entry((parent_code.clone(), number.indicator_code.clone()))
            .or_default()
            .push((number.unit_code.clone(), number.value));
        if root.contains(&number.unit_path) {
            observations.checked.push(CheckedValue {
                unit_code: number.unit_code,
                unit_name: number.unit_name,
                parent_code,
                report_state: number.state,
                indicator_code: number.indicator_code,
                indicator_name: number.indicator_name,
                kind: number.kind,
                value: number.value,
            });
        }
    }
    let previous: Vec<String> = history_periods(period)
        .iter()
        .map(Period::to_string)
        .collect();
    if !previous.is_empty() {
        for number in numbers(conn, plan_id, &previous, &root, scope)? {
            observations
                .history
                .entry((number.unit_code, number.indicator_code))
                .or_default()
                .push(number.value);
        }
    }
    Ok(observations)
}
