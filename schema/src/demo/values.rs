//! Plausible values for the demo, drawn relative to each indicator's target for the year and
//! its kind, so the year reads like a real one: a share of the budget in single digits when the
//! target is 2–3 %, coverage approaching a 100 % target, counts adding up month by month to
//! near their yearly target, statuses reached during the year. Each (indicator, unit) gets a
//! pace: most on track, some behind, a few exceeding. Deterministic, so every demo looks the
//! same.
//!
//! One value is deliberately implausible, for an outlier check to find: in Thái Tân's plan, the
//! June report of the first unit (by code) reporting the plan's first count indicator with a
//! numeric target (item 18, "Số lượng nhiệm vụ khoa học và công nghệ cấp thành phố") gives a
//! hundred times its monthly figure (two zeros typed too many), which puts that indicator's
//! achievement for the year far above 300 %. See [`is_planted_outlier`].

use chrono::Datelike;

use crate::domain::{Bound, Period, Target, TargetMeaning, TargetUnit, ValueInput, ValueKind};

/// What a demo value is drawn for.
pub struct Draw<'a> {
    pub kind: ValueKind,
    pub indicator: &'a str,
    pub unit: &'a str,
    pub period: Period,
    /// The target that applies in the period's year (its own cell or the next milestone's).
    pub target: Option<&'a Target>,
    /// The part of the commune's figure this unit reports: 1 for the commune's consolidated
    /// report, 1/n for each of n agencies reporting the item.
    pub share: f64,
    /// Whether this is the one planted implausible value.
    pub outlier: bool,
}

/// How fast an (indicator, unit) moves toward its target, as the fraction of it reached by the
/// end of the year.
fn pace(seed: u64) -> f64 {
    let spread = (seed % 1000) as f64 / 1000.0;
    match seed % 20 {
        0..=2 => 1.12 + 0.15 * spread, // a few exceed
        3..=6 => 0.70 + 0.15 * spread, // some behind
        _ => 0.96 + 0.10 * spread,     // most on track
    }
}

/// FNV-1a: a stable spread of seeds (the old byte sum gave neighbouring codes equal seeds).
fn seed(indicator: &str, unit: &str) -> u64 {
    indicator
        .bytes()
        .chain([b'/'])
        .chain(unit.bytes())
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// The number a numeric target asks for (the middle of a range) and whether lower is better.
fn reference(target: Option<&Target>) -> Option<(f64, bool)> {
    let numeric = target?.numeric()?;
    let lower = matches!(numeric.bound, Bound::AtMost(_) | Bound::LessThan(_))
        || numeric.unit == TargetUnit::Rank;
    let values = numeric.bound.values();
    let sum: f64 = values.iter().map(|v| v.to_f64()).sum();
    Some((sum / values.len() as f64, lower))
}

/// The value of `draw`.
pub fn plausible(draw: &Draw) -> ValueInput {
    let seed = seed(draw.indicator, draw.unit);
    let pace = pace(seed);
    // Months of the year covered by the period, 1-based: a month, or a quarter's three.
    let (first, last) = (draw.period.start().month(), draw.period.end().month());
    let progress = f64::from(last) / 12.0;
    let reference = reference(draw.target);
    match draw.kind {
        ValueKind::Percent => {
            let share = match reference {
                // From three quarters of the way at the start of the year to `pace` at its end.
                Some((target, false)) => target * pace * (0.75 + 0.25 * progress),
                Some((target, true)) => target / pace * (1.25 - 0.25 * progress),
                None => 35.0 + (seed % 9) as f64 * 3.0 + progress * 40.0,
            }
            .clamp(0.0, 100.0);
            // A large denominator keeps single-digit shares from rounding to whole percents.
            let denominator = (1000 + (seed % 17) * 37) as f64 * draw.share.max(0.01);
            let denominator = denominator.round().max(1.0);
            ValueInput::Ratio {
                numerator: (denominator * share / 100.0).round(),
                denominator,
            }
        }
        ValueKind::Count => {
            let yearly = reference.map_or(4.0 + (seed % 4) as f64, |(t, _)| t) * pace * draw.share;
            // Counts are flows: the period's part of the year's total, rounded so the months
            // still add up to it.
            let to_month = |month: u32| (yearly * f64::from(month) / 12.0).round();
            let value = to_month(last) - to_month(first - 1);
            ValueInput::Number(if draw.outlier {
                value.max(1.0) * 100.0
            } else {
                value
            })
        }
        ValueKind::Status => {
            let reached_in = 3 + (seed % 7) as u32;
            ValueInput::Status {
                achieved: pace >= 0.96 && last >= reached_in,
                label: None,
            }
        }
        ValueKind::Rank => {
            let (target, _) = reference.unwrap_or((30.0, true));
            let rank = target / pace * (1.3 - 0.3 * progress);
            ValueInput::Number(rank.round().max(1.0))
        }
        ValueKind::Score | ValueKind::Decimal => {
            let value = match reference {
                Some((target, false)) => target * pace * (0.8 + 0.2 * progress),
                Some((target, true)) => target / pace * (1.2 - 0.2 * progress),
                None => 55.0 + (seed % 17) as f64 + progress * 30.0,
            };
            let places = if value < 10.0 { 100.0 } else { 10.0 };
            ValueInput::Number((value * places).round() / places)
        }
        ValueKind::Text => ValueInput::Text(
            "Triển khai thanh toán không dùng tiền mặt tại chợ trung tâm xã".to_owned(),
        ),
    }
}

/// Whether a report's value is the planted outlier: the June report of the unit and item
/// chosen for it (`chosen`).
pub fn is_planted_outlier(period: Period, chosen: bool) -> bool {
    chosen && matches!(period, Period::Monthly { month: 6, .. })
}

/// A target meaning the demo can draw toward.
pub fn is_numeric(target: Option<&Target>) -> bool {
    matches!(target.map(Target::meaning), Some(TargetMeaning::Numeric(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(kind: ValueKind, cell: &str, month: u32) -> ValueInput {
        let target = Target::parse(cell);
        plausible(&Draw {
            kind,
            indicator: "NQ57-TT-3",
            unit: "31001",
            period: Period::Monthly { year: 2026, month },
            target: Some(&target),
            share: 1.0,
            outlier: false,
        })
    }

    fn percent(input: ValueInput) -> f64 {
        match input {
            ValueInput::Ratio {
                numerator,
                denominator,
            } => numerator / denominator * 100.0,
            other => panic!("not a ratio: {other:?}"),
        }
    }

    #[test]
    fn a_budget_share_with_a_target_of_two_to_three_percent_stays_in_single_digits() {
        for month in 1..=12 {
            let value = percent(draw(ValueKind::Percent, "phấn đấu ít nhất 2-3%", month));
            assert!((1.0..5.0).contains(&value), "{value}");
        }
    }

    #[test]
    fn coverage_toward_a_hundred_percent_never_exceeds_it() {
        let value = percent(draw(ValueKind::Percent, "100%", 12));
        assert!((70.0..=100.0).contains(&value), "{value}");
    }

    #[test]
    fn a_years_months_of_a_count_add_up_to_near_its_target() {
        let total: f64 = (1..=12)
            .map(|m| match draw(ValueKind::Count, "≥ 800", m) {
                ValueInput::Number(n) => n,
                other => panic!("{other:?}"),
            })
            .sum();
        assert!((500.0..=1100.0).contains(&total), "{total}");
    }
}
