//! Values written as text, as data exchange formats (DHIS2 `dataValueSets`, CSV) carry them:
//! read according to the indicator's kind into a [`ValueInput`], which
//! [`super::ReportedValue::parse`] then checks like any other value.
//!
//! - numbers: `12`, `3.5`, or `3,5` (a decimal comma when there is no dot);
//! - a ratio: the numerator and denominator as two numbers;
//! - status: `true` / `false` (any case), `1` / `0`, or a Vietnamese label: `Đạt`, `Có`,
//!   `Duy trì`, `Kết nối`, `Nâng cấp`, `Đáp ứng`, `Hoạt động ổn định`, `Hoàn thành` (achieved),
//!   `Không đạt`, `Chưa đạt`, `Không`, `Chưa`, `Chưa hoàn thành` (not achieved); a label is
//!   kept as the value's label;
//! - text: as written.

use unicode_normalization::UnicodeNormalization;

use super::{Invalid, ValueInput, ValueKind};

const ACHIEVED: [&str; 8] = [
    "đạt",
    "có",
    "duy trì",
    "kết nối",
    "nâng cấp",
    "đáp ứng",
    "hoạt động ổn định",
    "hoàn thành",
];
const NOT_ACHIEVED: [&str; 5] = ["không đạt", "chưa đạt", "không", "chưa", "chưa hoàn thành"];

impl ValueInput {
    /// A single value written as text, for an indicator of `kind`.
    pub fn from_text(kind: ValueKind, raw: &str) -> Result<Self, Invalid> {
        let text = raw.trim();
        match kind {
            ValueKind::Text => Ok(ValueInput::Text(text.to_owned())),
            ValueKind::Status => status(text),
            _ => number(text).map(ValueInput::Number),
        }
    }

    /// A numerator and a denominator written as text (percent and decimal indicators).
    pub fn ratio_from_text(numerator: &str, denominator: &str) -> Result<Self, Invalid> {
        Ok(ValueInput::Ratio {
            numerator: number(numerator.trim())
                .map_err(|e| part_invalid("value-part-numerator", e))?,
            denominator: number(denominator.trim())
                .map_err(|e| part_invalid("value-part-denominator", e))?,
        })
    }
}

/// The reason a part of a ratio was refused, naming the part.
fn part_invalid(key: &'static str, reason: Invalid) -> Invalid {
    Invalid::said(crate::messages::Message::new(key).message("reason", reason.into_message()))
}

fn number(text: &str) -> Result<f64, Invalid> {
    let normalised = if !text.contains('.') && text.matches(',').count() == 1 {
        text.replace(',', ".")
    } else {
        text.to_owned()
    };
    normalised
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| {
            Invalid::said(
                crate::messages::Message::new("value-not-a-number")
                    .arg("text", format!("{text:?}")),
            )
        })
}

fn status(text: &str) -> Result<ValueInput, Invalid> {
    let key: String = text.nfc().collect::<String>().to_lowercase();
    let plain = |achieved| ValueInput::Status {
        achieved,
        label: None,
    };
    let labelled = |achieved| ValueInput::Status {
        achieved,
        label: Some(text.to_owned()),
    };
    match key.as_str() {
        "true" | "1" => Ok(plain(true)),
        "false" | "0" => Ok(plain(false)),
        k if ACHIEVED.contains(&k) => Ok(labelled(true)),
        k if NOT_ACHIEVED.contains(&k) => Ok(labelled(false)),
        _ => Err(Invalid::said(
            crate::messages::Message::new("value-not-a-status").arg("text", format!("{text:?}")),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_texts_read_as_booleans_or_vietnamese_labels() {
        assert_eq!(
            ValueInput::from_text(ValueKind::Status, "TRUE").unwrap(),
            ValueInput::Status {
                achieved: true,
                label: None
            }
        );
        assert_eq!(
            ValueInput::from_text(ValueKind::Status, "Đạt").unwrap(),
            ValueInput::Status {
                achieved: true,
                label: Some("Đạt".into())
            }
        );
        assert!(matches!(
            ValueInput::from_text(ValueKind::Status, "Không đạt").unwrap(),
            ValueInput::Status {
                achieved: false,
                ..
            }
        ));
        assert!(ValueInput::from_text(ValueKind::Status, "maybe").is_err());
    }

    #[test]
    fn numbers_accept_a_decimal_comma_and_refuse_words() {
        assert_eq!(
            ValueInput::from_text(ValueKind::Decimal, "3,5").unwrap(),
            ValueInput::Number(3.5)
        );
        assert!(ValueInput::from_text(ValueKind::Count, "ba").is_err());
        assert!(ValueInput::ratio_from_text("45", "x").is_err());
    }
}
