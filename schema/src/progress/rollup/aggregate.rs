//! The roll-up in one pass over the values, for the common case where every figure below the
//! unit is one report's value as stored: each unit reported the period itself, once, no
//! reporting unit lies under another, and none of them was merged into another unit (whose
//! history would count elsewhere). Then combining is a sum, a count, a minimum or a maximum per
//! indicator, added up as the rows stream in, without a fact per value, grouping by unit or
//! paths. Anything else goes through the general path.

use std::collections::{HashMap, HashSet};

use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;

use super::RolledUp;
use super::combine::Combined;
use super::facts::{ReportMeta, Succession};
use super::indicators::IndicatorRule;
use crate::StoreError;
use crate::db::Db;
use crate::domain::{Aggregation, Period, ValueKind};
use crate::progress::Figure;
use crate::schema::report_values;

/// The reports' ids, in order, when their values can be added up in one pass; `None` otherwise.
pub fn eligible(
    reports: &HashMap<i64, ReportMeta>,
    successions: &[Succession],
    period: Period,
) -> Option<Vec<i64>> {
    let predecessors: HashSet<i64> = successions.iter().map(|s| s.predecessor_id).collect();
    let mut units = HashSet::with_capacity(reports.len());
    let mut paths: Vec<&str> = Vec::with_capacity(reports.len());
    for report in reports.values() {
        let exact = report.period_start == period.start() && report.period_end == period.end();
        let merged = predecessors.contains(&report.unit_id);
        if !exact || merged || !units.insert(report.unit_id) {
            return None;
        }
        paths.push(&report.unit_path);
    }
    // Sorted, a unit's descendants follow it directly.
    paths.sort_unstable();
    if paths.windows(2).any(|pair| pair[1].starts_with(pair[0])) {
        return None;
    }
    let mut ids: Vec<i64> = reports.keys().copied().collect();
    ids.sort_unstable();
    Some(ids)
}

/// The sums and counts of one indicator's figures, classified in the order
/// `ReportedValue::from_columns` reads a row: a ratio when both parts are there, else a number,
/// else a status, else a text.
#[derive(Debug, Clone, Default)]
struct Partial {
    figures: i64,
    ratios: i64,
    numerator_sum: f64,
    denominator_sum: f64,
    /// Ratios with a positive denominator: those have a value as a number.
    quotients: i64,
    quotient_sum: f64,
    quotient_min: Option<f64>,
    quotient_max: Option<f64>,
    numbers: i64,
    number_sum: f64,
    number_min: Option<f64>,
    number_max: Option<f64>,
    statuses: i64,
    achieved: i64,
    /// With a single figure, its label or text.
    status_label: Option<String>,
    text: Option<String>,
}

type ValueRow = (
    i64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<bool>,
    Option<String>,
);

/// Bind parameters per statement stay well under both backends' limits.
const REPORTS_PER_QUERY: usize = 5_000;

/// Up to this many indicators, the database picks their values out of each report.
const FEW_INDICATORS: usize = 8;

/// The roll-up of `rules` over the values of `report_ids`; `root_reported` says the unit's own
/// report is one of them (then it is the only one, as no reporting unit lies under another).
pub fn rolled_up(
    conn: &mut Db,
    rules: &[IndicatorRule],
    report_ids: &[i64],
    root_reported: bool,
) -> Result<Vec<RolledUp>, StoreError> {
    let indicator_ids: Vec<i64> = rules.iter().map(|rule| rule.id).collect();
    let mut partials: HashMap<i64, Partial> = indicator_ids
        .iter()
        .map(|id| (*id, Partial::default()))
        .collect();
    for chunk in report_ids.chunks(REPORTS_PER_QUERY) {
        // No GROUP BY: grouping 232,470 rows by indicator makes the database sort them, which
        // costs more than adding them up here as they come in, report by report.
        let mut select = report_values::table
            .filter(report_values::report_id.eq_any(chunk))
            .select((
                report_values::indicator_id,
                report_values::number_value,
                report_values::numerator,
                report_values::denominator,
                report_values::achieved,
                report_values::text_value,
            ))
            .into_boxed();
        // With both lists SQLite seeks every (report, indicator) pair; for a plan's indicators
        // reading each report's values in one range and skipping the others here is cheaper.
        if indicator_ids.len() <= FEW_INDICATORS {
            select = select.filter(report_values::indicator_id.eq_any(&indicator_ids));
        }
        let rows = select
            .load_iter::<ValueRow, DefaultLoadingMode>(conn)
            .map_err(StoreError::database("reading the values of a subtree"))?;
        for row in rows {
            let row = row.map_err(StoreError::database("reading the values of a subtree"))?;
            if let Some(partial) = partials.get_mut(&row.0) {
                partial.add(row);
            }
        }
    }
    Ok(rules
        .iter()
        .map(|rule| {
            let partial = partials.remove(&rule.id).unwrap_or_default();
            finish(rule, &partial, root_reported)
        })
        .collect())
}

impl Partial {
    fn add(&mut self, (_, number, numerator, denominator, achieved, text): ValueRow) {
        let extreme = |kept: &mut Option<f64>, value: f64, keep: fn(f64, f64) -> f64| {
            *kept = Some(kept.map_or(value, |k| keep(k, value)));
        };
        match (numerator, denominator, number, achieved) {
            (Some(numerator), Some(denominator), _, _) => {
                self.ratios += 1;
                self.numerator_sum += numerator;
                self.denominator_sum += denominator;
                if denominator > 0.0 {
                    let quotient = numerator / denominator;
                    self.quotients += 1;
                    self.quotient_sum += quotient;
                    extreme(&mut self.quotient_min, quotient, f64::min);
                    extreme(&mut self.quotient_max, quotient, f64::max);
                }
            }
            (_, _, Some(number), _) => {
                self.numbers += 1;
                self.number_sum += number;
                extreme(&mut self.number_min, number, f64::min);
                extreme(&mut self.number_max, number, f64::max);
            }
            (_, _, None, Some(achieved)) => {
                self.statuses += 1;
                self.achieved += i64::from(achieved);
                self.status_label = text;
            }
            (_, _, None, None) if text.is_some() => self.text = text,
            // Nothing entered: the row carries nothing to roll up.
            _ => return,
        }
        self.figures += 1;
    }

    /// The one figure of a group that has exactly one.
    fn only_figure(&self) -> Option<Figure> {
        if self.ratios == 1 {
            Some(Figure::Ratio {
                numerator: self.numerator_sum,
                denominator: self.denominator_sum,
            })
        } else if self.numbers == 1 {
            Some(Figure::Number(self.number_sum))
        } else if self.statuses == 1 {
            Some(Figure::Status {
                achieved: self.achieved == 1,
                label: self.status_label.clone(),
            })
        } else {
            self.text.clone().map(Figure::Text)
        }
    }
}

/// What `combine` gives for the same figures (see its tests), from their sums and counts.
fn finish(rule: &IndicatorRule, partial: &Partial, root_reported: bool) -> RolledUp {
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let combined = if rule.aggregation == Aggregation::None {
        // Ranks and scores: only the unit's own figure counts, and when the unit reported it
        // is the only reporting unit.
        Combined {
            figure: root_reported.then(|| partial.only_figure()).flatten(),
            contributors: u32::from(root_reported && partial.figures == 1),
            not_aggregable: 0,
        }
    } else if partial.figures == 1 {
        Combined {
            figure: partial.only_figure(),
            contributors: 1,
            not_aggregable: 0,
        }
    } else {
        combined(rule, partial, count)
    };
    let own = root_reported && partial.figures > 0;
    RolledUp::new(rule, combined, own, false)
}

fn combined(rule: &IndicatorRule, partial: &Partial, count: impl Fn(i64) -> u32) -> Combined {
    let others = |taking_part: i64| count(partial.figures - taking_part);
    match rule.aggregation {
        Aggregation::Ratio => Combined {
            figure: (partial.ratios > 0).then_some(Figure::Ratio {
                numerator: partial.numerator_sum,
                denominator: partial.denominator_sum,
            }),
            contributors: count(partial.ratios),
            not_aggregable: others(partial.ratios),
        },
        Aggregation::ShareAchieved => Combined {
            figure: (partial.statuses > 0).then(|| Figure::Share {
                achieved: count(partial.achieved),
                reporting: count(partial.statuses),
            }),
            contributors: count(partial.statuses),
            not_aggregable: others(partial.statuses),
        },
        Aggregation::Sum | Aggregation::Mean | Aggregation::Min | Aggregation::Max => {
            // A ratio's number is its quotient, ×100 for a percent (`Figure::value`).
            let scale = if rule.kind == ValueKind::Percent {
                100.0
            } else {
                1.0
            };
            let values = partial.numbers + partial.quotients;
            let scaled = |q: Option<f64>| q.map(|q| q * scale);
            let figure = (values > 0).then(|| {
                let both = |a: Option<f64>, b: Option<f64>, keep: fn(f64, f64) -> f64| match (a, b)
                {
                    (Some(a), Some(b)) => keep(a, b),
                    (a, b) => a.or(b).unwrap_or(0.0),
                };
                let sum = partial.number_sum + partial.quotient_sum * scale;
                Figure::Number(match rule.aggregation {
                    Aggregation::Mean => sum / values as f64,
                    Aggregation::Min => {
                        both(partial.number_min, scaled(partial.quotient_min), f64::min)
                    }
                    Aggregation::Max => {
                        both(partial.number_max, scaled(partial.quotient_max), f64::max)
                    }
                    _ => sum,
                })
            });
            Combined {
                contributors: if figure.is_some() { count(values) } else { 0 },
                figure,
                not_aggregable: others(values),
            }
        }
        Aggregation::None => Combined {
            figure: None,
            contributors: 0,
            not_aggregable: 0,
        },
    }
}
