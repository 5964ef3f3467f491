//! Plausible values for the demo: percentages that rise month by month from a unit's own
//! starting point, small counts, statuses reached part-way through the year, scores that
//! improve, a sentence for text indicators. Deterministic, so every demo looks the same.

use crate::domain::{ValueInput, ValueKind};

/// The value `unit` reports for `indicator` (of `kind`) in the `month`th month (0 = the
/// oldest).
pub fn plausible(kind: ValueKind, indicator: &str, unit: &str, month: usize) -> ValueInput {
    let seed = (indicator
        .bytes()
        .chain(unit.bytes())
        .map(u32::from)
        .sum::<u32>())
        % 17;
    let month = month as f64;
    match kind {
        ValueKind::Percent => {
            let denominator = f64::from(80 + seed * 7);
            let share = (0.35 + f64::from(seed % 9) * 0.03 + month * 0.035).min(0.98);
            ValueInput::Ratio {
                numerator: (denominator * share).round(),
                denominator,
            }
        }
        ValueKind::Count => ValueInput::Number(f64::from(seed % 4) + (month / 4.0).floor()),
        ValueKind::Status => ValueInput::Status {
            achieved: month + f64::from(seed % 5) >= 6.0,
            label: None,
        },
        ValueKind::Rank => ValueInput::Number((40.0 - month - f64::from(seed % 5)).max(5.0)),
        ValueKind::Score | ValueKind::Decimal => {
            ValueInput::Number(((55.0 + f64::from(seed) + month * 2.5) * 10.0).round() / 10.0)
        }
        ValueKind::Text => ValueInput::Text(
            "Triển khai thanh toán không dùng tiền mặt tại chợ trung tâm xã".to_owned(),
        ),
    }
}
