//! The indicators a roll-up covers, with the rules that decide how their figures combine.

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::{Aggregation, Direction, PeriodAggregation, ValueKind};
use crate::schema::{indicators, plan_items, plans};

/// Which indicators to roll up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndicatorSelection {
    /// These catalog codes, in this order.
    Codes(Vec<String>),
    /// Every item of the plan, in the plan's order.
    Plan(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRule {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: ValueKind,
    pub direction: Direction,
    pub aggregation: Aggregation,
    pub period_aggregation: PeriodAggregation,
}

type RuleRow = (i64, String, String, String, String, String, String);

pub fn selected(
    conn: &mut Db,
    selection: &IndicatorSelection,
) -> Result<Vec<IndicatorRule>, StoreError> {
    let columns = (
        indicators::id,
        indicators::code,
        indicators::name,
        indicators::value_kind,
        indicators::direction,
        indicators::aggregation,
        indicators::period_aggregation,
    );
    let rows: Vec<RuleRow> = match selection {
        IndicatorSelection::Codes(codes) => {
            let mut rows: Vec<RuleRow> = indicators::table
                .filter(indicators::code.eq_any(codes))
                .select(columns)
                .load(conn)
                .map_err(StoreError::database("reading indicators"))?;
            if let Some(missing) = codes
                .iter()
                .find(|code| !rows.iter().any(|r| &r.1 == *code))
            {
                return Err(StoreError::not_found("indicator", missing.clone()));
            }
            rows.sort_by_key(|row| codes.iter().position(|code| *code == row.1));
            rows
        }
        IndicatorSelection::Plan(plan) => {
            let plan_id: i64 = plans::table
                .filter(plans::code.eq(plan))
                .select(plans::id)
                .first(conn)
                .optional()
                .map_err(StoreError::database("reading a plan"))?
                .ok_or_else(|| StoreError::not_found("plan", plan.clone()))?;
            plan_items::table
                .inner_join(indicators::table.on(indicators::id.eq(plan_items::indicator_id)))
                .filter(plan_items::plan_id.eq(plan_id))
                .order(plan_items::position)
                .select(columns)
                .load(conn)
                .map_err(StoreError::database("reading the indicators of a plan"))?
        }
    };
    rows.into_iter().map(rule).collect()
}

fn rule(
    (id, code, name, kind, direction, aggregation, period_aggregation): RuleRow,
) -> Result<IndicatorRule, StoreError> {
    let corrupt = |column: &str, value: &str| StoreError::Conflict {
        detail: format!("the stored value {value:?} of {column} is not known").into(),
    };
    Ok(IndicatorRule {
        kind: ValueKind::from_db_str(&kind).map_err(|_| corrupt("indicators.value_kind", &kind))?,
        direction: Direction::from_db_str(&direction)
            .map_err(|_| corrupt("indicators.direction", &direction))?,
        aggregation: Aggregation::from_db_str(&aggregation)
            .map_err(|_| corrupt("indicators.aggregation", &aggregation))?,
        period_aggregation: PeriodAggregation::from_db_str(&period_aggregation)
            .map_err(|_| corrupt("indicators.period_aggregation", &period_aggregation))?,
        id,
        code,
        name,
    })
}
