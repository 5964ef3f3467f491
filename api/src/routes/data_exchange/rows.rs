//! From rows as sent (JSON `dataValues` or CSV lines) to the values of the import: defaults of
//! the set applied, periods parsed, ratio halves paired. What cannot become a value is a
//! conflict at its row's index, so atomic mode `ALL` sees it too.

use std::collections::HashMap;

use chitieu_schema::domain::{OptionalText, Period};
use chitieu_schema::reports::{BulkInput, BulkValue, Conflict};

use super::request::DataValue;

/// The set's defaults for rows that do not name their own.
#[derive(Debug, Default)]
pub struct Defaults {
    pub period: Option<String>,
    pub org_unit: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Half {
    Numerator,
    Denominator,
}

struct Pending {
    index: usize,
    half: Half,
    text: String,
    comment: Option<String>,
}

/// Values in row order and the conflicts found; `value_needed` is false for deletions.
pub fn to_values(
    rows: Vec<DataValue>,
    defaults: &Defaults,
    value_needed: bool,
) -> (Vec<BulkValue>, Vec<Conflict>) {
    let mut values = Vec::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    let mut halves: HashMap<(String, Period, String), Pending> = HashMap::new();
    for (index, row) in rows.into_iter().enumerate() {
        let conflict = |object: &str, value: &str, reason: &str| Conflict {
            index,
            object: object.to_owned(),
            value: value.to_owned(),
            reason: reason.to_owned(),
        };
        let Some(indicator) = row.data_element.filter(|d| !d.trim().is_empty()) else {
            conflicts.push(conflict("dataElement", "", "dataElement is missing"));
            continue;
        };
        let Some(unit) = row.org_unit.or_else(|| defaults.org_unit.clone()) else {
            conflicts.push(conflict(
                "orgUnit",
                "",
                "orgUnit is missing: give it on the value or on the set",
            ));
            continue;
        };
        let Some(period_text) = row.period.or_else(|| defaults.period.clone()) else {
            conflicts.push(conflict(
                "period",
                "",
                "period is missing: give it on the value or on the set",
            ));
            continue;
        };
        let period = match Period::parse(period_text.trim()) {
            Ok(period) => period,
            Err(invalid) => {
                conflicts.push(conflict("period", &period_text, &invalid.0));
                continue;
            }
        };
        if let Some(attribute) = row
            .attribute_option_combo
            .filter(|a| !a.trim().is_empty() && !a.trim().eq_ignore_ascii_case("default"))
        {
            conflicts.push(conflict(
                "attributeOptionCombo",
                &attribute,
                "only the default attribute option combo is supported",
            ));
            continue;
        }
        let comment = match OptionalText::parse(row.comment.as_deref()) {
            Ok(comment) => comment.into_option(),
            Err(invalid) => {
                conflicts.push(conflict("comment", "", &invalid.0));
                continue;
            }
        };
        let half = match row.category_option_combo.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) if c.eq_ignore_ascii_case("default") => None,
            Some(c) if c.eq_ignore_ascii_case("NUMERATOR") => Some(Half::Numerator),
            Some(c) if c.eq_ignore_ascii_case("DENOMINATOR") => Some(Half::Denominator),
            Some(other) => {
                conflicts.push(conflict(
                    "categoryOptionCombo",
                    other,
                    "categoryOptionCombo is absent, default, NUMERATOR or DENOMINATOR",
                ));
                continue;
            }
        };
        let text = match row.value {
            Some(text) if !text.trim().is_empty() => text,
            _ if !value_needed => String::new(),
            _ => {
                conflicts.push(conflict("value", "", "value is missing"));
                continue;
            }
        };
        let Some(half) = half else {
            values.push(BulkValue {
                index,
                unit_code: unit,
                period,
                indicator_code: indicator,
                value: BulkInput::Text(text),
                comment,
            });
            continue;
        };
        let key = (unit, period, indicator);
        match halves.remove(&key) {
            None => {
                halves.insert(
                    key,
                    Pending {
                        index,
                        half,
                        text,
                        comment,
                    },
                );
            }
            Some(first) if first.half == half => {
                let (unit, _, indicator) = &key;
                conflicts.push(conflict(
                    "categoryOptionCombo",
                    row.category_option_combo.as_deref().unwrap_or(""),
                    &format!(
                        "{indicator} for {unit} in {period} has this half of its ratio already \
                         at index {}",
                        first.index
                    ),
                ));
                halves.insert(key, first);
            }
            Some(first) => {
                let (numerator, denominator) = match first.half {
                    Half::Numerator => (first.text, text),
                    Half::Denominator => (text, first.text),
                };
                let (unit_code, period, indicator_code) = key;
                values.push(BulkValue {
                    index: first.index,
                    unit_code,
                    period,
                    indicator_code,
                    value: BulkInput::Ratio {
                        numerator,
                        denominator,
                    },
                    comment: first.comment.or(comment),
                });
            }
        }
    }
    for ((unit, period, indicator), lone) in halves {
        let (has, needs) = match lone.half {
            Half::Numerator => ("NUMERATOR", "DENOMINATOR"),
            Half::Denominator => ("DENOMINATOR", "NUMERATOR"),
        };
        conflicts.push(Conflict {
            index: lone.index,
            object: "categoryOptionCombo".to_owned(),
            value: has.to_owned(),
            reason: format!(
                "the {has} row of {indicator} for {unit} in {period} has no {needs} row (same \
                 dataElement, orgUnit and period)"
            ),
        });
    }
    values.sort_by_key(|v| v.index);
    (values, conflicts)
}
