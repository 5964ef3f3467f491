//! Roll-up of indicators for a unit over its subtree, for any period, following each
//! indicator's aggregation rule; always read from the stored values (no batch rebuild step) in
//! a fixed number of queries, whatever the size of the subtree.

mod aggregate;
mod combine;
mod contributors;
mod derive;
mod facts;
pub(super) mod indicators;

use std::collections::HashMap;

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::{Aggregation, OrgUnitKind, Period, PeriodAggregation, ValueKind};
use crate::org_units::path;
use crate::progress::{Figure, UnitHeading};
use crate::schema::org_units;
use combine::{Combined, combine};
use contributors::{Attribution, topmost};
use facts::Fact;
use facts::FactQuery;
use facts::Succession;
use indicators::IndicatorRule;
pub use indicators::IndicatorSelection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupQuery {
    pub unit_code: String,
    pub indicators: IndicatorSelection,
    pub period: Period,
    /// Only values of approved reports.
    pub approved_only: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub unit: UnitHeading,
    pub period: Period,
    pub approved_only: bool,
    pub figures: Vec<RolledUp>,
}

/// One indicator's figure for the unit and period.
#[derive(Debug, Clone, PartialEq)]
pub struct RolledUp {
    pub indicator_code: String,
    pub indicator_name: String,
    pub value_kind: ValueKind,
    pub aggregation: Aggregation,
    pub period_aggregation: PeriodAggregation,
    pub figure: Option<Figure>,
    pub value: Option<f64>,
    /// Units whose figures went into this one.
    pub reporting_units: u32,
    /// The unit's own report gave the figure (nothing below it was added).
    pub own: bool,
    /// Some figure came from shorter periods inside the one asked for.
    pub derived: bool,
    /// Units whose figure could not take part (a percent entered without its parts).
    pub not_aggregable: u32,
}

pub fn rollup(conn: &mut Db, query: &RollupQuery) -> Result<Rollup, StoreError> {
    let (unit, root_path) = unit_heading(conn, &query.unit_code)?;
    let rules = indicators::selected(conn, &query.indicators)?;
    let figures = rolled_up(conn, &root_path, &rules, query.period, query.approved_only)?;
    Ok(Rollup {
        unit,
        period: query.period,
        approved_only: query.approved_only,
        figures,
    })
}

/// The roll-up of `rules` at the unit whose path is `root_path`, in the order of `rules`.
pub(super) fn rolled_up(
    conn: &mut Db,
    root_path: &str,
    rules: &[IndicatorRule],
    period: Period,
    approved_only: bool,
) -> Result<Vec<RolledUp>, StoreError> {
    let successions = facts::successions(conn, root_path)?;
    let outside: Vec<i64> = successions
        .iter()
        .filter(|s| !path::is_within(&s.predecessor_path, root_path))
        .map(|s| s.predecessor_id)
        .collect();
    let ids: Vec<i64> = rules.iter().map(|rule| rule.id).collect();
    let query = FactQuery {
        root_path,
        period,
        approved_only,
    };
    let reports = facts::reports_of(conn, &query, &outside)?;
    if let Some(report_ids) = aggregate::eligible(&reports, &successions, period) {
        let root_reported = reports.values().any(|r| &*r.unit_path == root_path);
        return aggregate::rolled_up(conn, rules, &report_ids, root_reported);
    }
    let facts = facts::facts(conn, &ids, &reports)?;
    Ok(compute(root_path, period, rules, &facts, &successions))
}

/// The roll-up itself, free of storage so it can be checked by hand-computed figures.
fn compute(
    root_path: &str,
    period: Period,
    rules: &[IndicatorRule],
    facts: &[Fact],
    successions: &[Succession],
) -> Vec<RolledUp> {
    let attribution = Attribution::new(successions);
    // (indicator, unit, path it counts under) → its facts
    let mut by_unit: HashMap<i64, HashMap<(i64, &str), Vec<&Fact>>> = HashMap::new();
    let inside =
        |fact: &&Fact| fact.period_start >= period.start() && fact.period_end <= period.end();
    for fact in facts.iter().filter(inside) {
        let counted_under = attribution.path_of(fact);
        if !path::is_within(counted_under, root_path) {
            continue;
        }
        by_unit
            .entry(fact.indicator_id)
            .or_default()
            .entry((fact.unit_id, counted_under))
            .or_default()
            .push(fact);
    }
    rules
        .iter()
        .map(|rule| {
            let units = by_unit.remove(&rule.id).unwrap_or_default();
            roll_up_one(rule, root_path, &period, units)
        })
        .collect()
}

fn roll_up_one(
    rule: &IndicatorRule,
    root_path: &str,
    period: &Period,
    units: HashMap<(i64, &str), Vec<&Fact>>,
) -> RolledUp {
    let mut derived = false;
    let entries: Vec<(String, Figure)> = units
        .into_iter()
        .filter_map(|((_, counted_under), facts)| {
            let (figure, was_derived) =
                derive::unit_figure(&facts, period, rule.period_aggregation)?;
            derived |= was_derived;
            Some((counted_under.to_owned(), figure))
        })
        .collect();
    let mut kept = topmost(entries);
    if rule.aggregation == Aggregation::None {
        // Ranks and scores do not add up: only the unit's own figure counts.
        kept.retain(|(path, _)| path == root_path);
    }
    let own = kept.iter().any(|(path, _)| path == root_path);
    let figures: Vec<Figure> = kept.into_iter().map(|(_, figure)| figure).collect();
    let combined = combine(&figures, rule.aggregation, rule.kind);
    RolledUp::new(rule, combined, own, derived)
}

impl RolledUp {
    fn new(rule: &IndicatorRule, combined: Combined, own: bool, derived: bool) -> Self {
        RolledUp {
            indicator_code: rule.code.clone(),
            indicator_name: rule.name.clone(),
            value_kind: rule.kind,
            aggregation: rule.aggregation,
            period_aggregation: rule.period_aggregation,
            value: combined.figure.as_ref().and_then(|f| f.value(rule.kind)),
            figure: combined.figure,
            reporting_units: combined.contributors,
            own,
            derived,
            not_aggregable: combined.not_aggregable,
        }
    }
}

pub(crate) fn unit_heading(conn: &mut Db, code: &str) -> Result<(UnitHeading, String), StoreError> {
    let (code, name, kind, path): (String, String, String, String) = org_units::table
        .filter(org_units::code.eq(code))
        .select((
            org_units::code,
            org_units::name,
            org_units::kind,
            org_units::path,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading an organisation unit"))?
        .ok_or_else(|| StoreError::not_found("organisation unit", code))?;
    let kind = OrgUnitKind::parse(&kind).map_err(|_| StoreError::Conflict {
        detail: format!("the stored value {kind:?} of org_units.kind is not known").into(),
    })?;
    Ok((UnitHeading { code, name, kind }, path))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fast_path_tests;
