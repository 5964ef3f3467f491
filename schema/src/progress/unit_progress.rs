//! Builds a unit's progress report for a plan and period: each item's target for the year, the
//! unit's figure (its own or rolled up over its subtree), the status against the target, and
//! the trajectory toward the next milestone, grouped by the catalog's sections.

use std::collections::HashMap;

use chrono::Datelike;
use diesel::prelude::*;

use super::rollup::{IndicatorSelection, RolledUp, indicators, rolled_up, unit_heading};
use super::{
    Observation, PlanHeading, ProgressReport, ProgressRow, ProgressSection, assess, trajectory,
};
use crate::StoreError;
use crate::db::Db;
use crate::domain::Period;
use crate::plans::{StoredMeaning, TargetYear, YearTarget, find_plan, year_targets};
use crate::schema::{catalog_sections, catalogs};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressQuery {
    pub unit_code: String,
    pub plan_code: String,
    pub period: Period,
    pub approved_only: bool,
    /// The period trajectories start from; by default the year the plan starts.
    pub baseline: Option<Period>,
}

pub fn unit_progress(conn: &mut Db, query: &ProgressQuery) -> Result<ProgressReport, StoreError> {
    let (unit, root_path) = unit_heading(conn, &query.unit_code)?;
    let plan = find_plan(conn, &query.plan_code)?;
    let target_year = query.period.end().year();
    let year = TargetYear::new(target_year).map_err(|invalid| {
        StoreError::conflict(
            crate::messages::Message::new("progress-no-target-year")
                .arg("period", query.period)
                .message("reason", invalid.into_message()),
        )
    })?;
    let items = year_targets(conn, &plan.code, year)?;
    let rules = indicators::selected(conn, &IndicatorSelection::Plan(plan.code.clone()))?;
    let current = rolled_up(conn, &root_path, &rules, query.period, query.approved_only)?;
    let baseline_period = query.baseline.unwrap_or(Period::Yearly {
        year: plan.valid_from.year(),
    });
    let baseline = if baseline_period.end() < query.period.end() {
        rolled_up(
            conn,
            &root_path,
            &rules,
            baseline_period,
            query.approved_only,
        )?
    } else {
        Vec::new()
    };
    let titles = section_titles(conn, &plan.catalog_code)?;
    let by_code = |figures: &[RolledUp]| -> HashMap<String, RolledUp> {
        figures
            .iter()
            .map(|f| (f.indicator_code.clone(), f.clone()))
            .collect()
    };
    let (current, baseline) = (by_code(&current), by_code(&baseline));
    let rules: HashMap<&str, _> = rules.iter().map(|r| (r.code.as_str(), r)).collect();
    let mut sections: Vec<ProgressSection> = Vec::new();
    for item in items {
        let code = item.item.indicator_code.clone();
        let Some(rule) = rules.get(code.as_str()) else {
            continue;
        };
        let observe = |figures: &HashMap<String, RolledUp>, period: &Period| {
            let value = figures.get(&code)?.value?;
            Some(Observation {
                period: period.to_string(),
                at: period.end(),
                value,
            })
        };
        let figure = current.get(&code);
        let actual = figure.and_then(|f| f.figure.clone());
        let milestone = item
            .item
            .targets
            .iter()
            .filter(|t| t.year > target_year && t.meaning == StoredMeaning::Numeric)
            .min_by_key(|t| t.year);
        let row = ProgressRow {
            number: item.item.indicator_number.clone(),
            indicator_code: code.clone(),
            indicator_name: item.item.indicator_name.clone(),
            unit_of_measure: item.item.unit_of_measure.clone(),
            value_kind: rule.kind,
            direction: rule.direction,
            aggregation: rule.aggregation,
            assessment: assess(
                item.target.as_ref(),
                actual.as_ref(),
                rule.kind,
                rule.direction,
            ),
            trajectory: milestone.map(|milestone| {
                trajectory(
                    milestone,
                    rule.kind,
                    rule.direction,
                    observe(&baseline, &baseline_period),
                    observe(&current, &query.period),
                )
            }),
            actual_value: figure.and_then(|f| f.value),
            reporting_units: figure.map_or(0, |f| f.reporting_units),
            actual,
            target: item.target.clone(),
            target_source: item.source,
        };
        place(&mut sections, &item, &titles, row);
    }
    Ok(ProgressReport {
        unit,
        plan: PlanHeading {
            code: plan.code,
            number: plan.number,
            title: plan.title,
            issued_on: plan.issued_on,
        },
        period: query.period,
        target_year,
        approved_only: query.approved_only,
        sections,
    })
}

/// Appends the row to its section, opening a new one when the section changes (items come in
/// plan order, which follows the sections).
fn place(
    sections: &mut Vec<ProgressSection>,
    item: &YearTarget,
    titles: &HashMap<String, String>,
    row: ProgressRow,
) {
    let code = item.item.section_code.clone();
    match sections.last_mut() {
        Some(section) if section.code == code => section.rows.push(row),
        _ => sections.push(ProgressSection {
            title: code.as_ref().and_then(|c| titles.get(c).cloned()),
            code,
            rows: vec![row],
        }),
    }
}

fn section_titles(
    conn: &mut Db,
    catalog_code: &str,
) -> Result<HashMap<String, String>, StoreError> {
    let rows: Vec<(String, String)> = catalog_sections::table
        .inner_join(catalogs::table.on(catalogs::id.eq(catalog_sections::catalog_id)))
        .filter(catalogs::code.eq(catalog_code))
        .select((catalog_sections::code, catalog_sections::title))
        .load(conn)
        .map_err(StoreError::database("reading the sections of a catalog"))?;
    Ok(rows.into_iter().collect())
}
