//! One unit's figure for a period: its report for that very period, or one derived from the
//! shorter periods inside it by the indicator's period aggregation (a quarter from its months).

use std::collections::HashMap;

use super::facts::Fact;
use crate::domain::{Period, PeriodAggregation, PeriodType, ReportedValue};
use crate::progress::Figure;

/// What a unit's values for one indicator give for `period`, and whether it was derived.
pub fn unit_figure(
    facts: &[&Fact],
    period: &Period,
    rule: PeriodAggregation,
) -> Option<(Figure, bool)> {
    let latest = latest_per_period(facts);
    if let Some(exact) = latest
        .iter()
        .find(|fact| fact.period_start == period.start() && fact.period_end == period.end())
    {
        return Some((figure_of(&exact.value), false));
    }
    let parts = covering_parts(&latest);
    derive(&parts, rule).map(|figure| (figure, true))
}

/// A unit that reported the same period twice (under two plans) counts once: the value
/// changed last stands.
fn latest_per_period<'a>(facts: &[&'a Fact]) -> Vec<&'a Fact> {
    let mut by_period: HashMap<&str, &'a Fact> = HashMap::new();
    for &fact in facts {
        by_period
            .entry(&*fact.period)
            .and_modify(|kept| {
                if fact.updated_at > kept.updated_at {
                    *kept = fact;
                }
            })
            .or_insert(fact);
    }
    let mut latest: Vec<&Fact> = by_period.into_values().collect();
    latest.sort_by_key(|fact| fact.period_end);
    latest
}

/// The parts that cover the period without overlap, longest first: a unit that reported a
/// quarter and also its months counts the quarter once, and months outside any reported
/// quarter still count. Ad-hoc reports do not derive longer periods.
fn covering_parts<'a>(facts: &[&'a Fact]) -> Vec<&'a Fact> {
    let mut typed: Vec<(PeriodType, &Fact)> = facts
        .iter()
        .filter_map(|fact| {
            let kind = Period::parse(&fact.period).ok()?.period_type();
            (kind != PeriodType::AdHoc).then_some((kind, *fact))
        })
        .collect();
    typed.sort_by_key(|(kind, fact)| (std::cmp::Reverse(*kind), fact.period_start));
    let mut taken: Vec<&Fact> = Vec::new();
    for (_, fact) in typed {
        let overlaps = taken
            .iter()
            .any(|t| t.period_start <= fact.period_end && fact.period_start <= t.period_end);
        if !overlaps {
            taken.push(fact);
        }
    }
    taken.sort_by_key(|fact| fact.period_end);
    taken
}

fn derive(parts: &[&Fact], rule: PeriodAggregation) -> Option<Figure> {
    let last = parts.last()?;
    let numbers = || -> Option<Vec<f64>> {
        parts
            .iter()
            .map(|fact| match fact.value {
                ReportedValue::Number(n) => Some(n),
                ReportedValue::Ratio {
                    numerator,
                    denominator,
                } if denominator > 0.0 => Some(numerator / denominator),
                _ => None,
            })
            .collect()
    };
    match rule {
        PeriodAggregation::None => None,
        PeriodAggregation::Last => Some(figure_of(&last.value)),
        PeriodAggregation::Sum => {
            let ratios: Option<Vec<(f64, f64)>> = parts
                .iter()
                .map(|fact| match fact.value {
                    ReportedValue::Ratio {
                        numerator,
                        denominator,
                    } => Some((numerator, denominator)),
                    _ => None,
                })
                .collect();
            match ratios {
                Some(ratios) => Some(Figure::Ratio {
                    numerator: ratios.iter().map(|(n, _)| n).sum(),
                    denominator: ratios.iter().map(|(_, d)| d).sum(),
                }),
                None => numbers().map(|values| Figure::Number(values.iter().sum())),
            }
        }
        PeriodAggregation::Mean => numbers()
            .filter(|values| !values.is_empty())
            .map(|values| Figure::Number(values.iter().sum::<f64>() / values.len() as f64)),
    }
}

pub fn figure_of(value: &ReportedValue) -> Figure {
    match value {
        ReportedValue::Number(n) => Figure::Number(*n),
        ReportedValue::Ratio {
            numerator,
            denominator,
        } => Figure::Ratio {
            numerator: *numerator,
            denominator: *denominator,
        },
        ReportedValue::Status { achieved, label } => Figure::Status {
            achieved: *achieved,
            label: label.clone(),
        },
        ReportedValue::Text(text) => Figure::Text(text.clone()),
    }
}
