//! From rows as sent (JSON `dataValues`, CSV lines or ADX) to the values of a bulk import: the
//! set's defaults applied, periods parsed, ratio halves paired, deletions recognised. What
//! cannot become a value is a conflict at its row's index, so atomic mode `ALL` sees it too.
//!
//! Deletions follow DHIS2 2.40.0 (`DataValueSetImportValidator.validateDataValueIsDefined`,
//! `DefaultDataValueSetService.createDataValue`/`saveDataValueUpdate`): `deleted: true` or an
//! empty value deletes the stored value; a value that is absent altogether (and no comment) is
//! conflict E7618 unless the strategy is `DELETE`.

use std::collections::{HashMap, HashSet};

use super::combo::{Combo, RatioPart, is_default};
use super::model::DataValue;
use crate::domain::{OptionalText, Period};
use crate::reports::{BulkInput, BulkValue, Conflict};

/// DHIS2's message of conflict E7618 (`ErrorCode.E7618`), without its argument.
pub(super) const VALUE_MISSING: &str = "Data value or comment not specified for data element";

/// The set's defaults for rows that do not name their own.
#[derive(Debug, Default, Clone)]
pub struct SetDefaults {
    pub period: Option<String>,
    pub org_unit: Option<String>,
    pub attribute_option_combo: Option<String>,
}

struct Pending {
    index: usize,
    part: RatioPart,
    text: String,
    comment: Option<String>,
}

/// Values in row order and the conflicts found; `deleting` is true under the `DELETE`
/// strategy, where rows need no value.
pub fn to_bulk_values(
    rows: Vec<DataValue>,
    defaults: &SetDefaults,
    deleting: bool,
) -> (Vec<BulkValue>, Vec<Conflict>) {
    let mut values = Vec::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    let mut halves: HashMap<(String, Period, String), Pending> = HashMap::new();
    let mut deletions: HashSet<(String, Period, String)> = HashSet::new();
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
        let attribute = row
            .attribute_option_combo
            .or_else(|| defaults.attribute_option_combo.clone());
        if !is_default(attribute.as_deref()) {
            conflicts.push(conflict(
                "attributeOptionCombo",
                attribute.as_deref().unwrap_or_default(),
                "only the default attribute option combo exists here",
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
        let Some(combo) = Combo::parse(row.category_option_combo.as_deref()) else {
            conflicts.push(conflict(
                "categoryOptionCombo",
                row.category_option_combo.as_deref().unwrap_or_default(),
                "categoryOptionCombo is absent, default, NUMERATOR or DENOMINATOR",
            ));
            continue;
        };
        let delete = deleting
            || row.deleted == Some(true)
            || row.value.as_deref().is_some_and(|v| v.trim().is_empty());
        let key = (unit, period, indicator);
        if delete {
            // Deleting either half of a ratio deletes the value; the other half adds nothing.
            if deletions.insert(key.clone()) {
                let (unit_code, period, indicator_code) = key;
                values.push(BulkValue {
                    index,
                    unit_code,
                    period,
                    indicator_code,
                    value: BulkInput::Delete,
                    comment: None,
                });
            }
            continue;
        }
        let Some(text) = row.value else {
            conflicts.push(conflict(
                "value",
                &key.2,
                &format!("{VALUE_MISSING}: `{}`", key.2),
            ));
            continue;
        };
        let part = match combo {
            Combo::Single => {
                let (unit_code, period, indicator_code) = key;
                values.push(BulkValue {
                    index,
                    unit_code,
                    period,
                    indicator_code,
                    value: BulkInput::Text(text),
                    comment,
                });
                continue;
            }
            Combo::Part(part) => part,
        };
        match halves.remove(&key) {
            None => {
                halves.insert(
                    key,
                    Pending {
                        index,
                        part,
                        text,
                        comment,
                    },
                );
            }
            Some(first) if first.part == part => {
                let (unit, _, indicator) = &key;
                conflicts.push(conflict(
                    "categoryOptionCombo",
                    part.code(),
                    &format!(
                        "{indicator} for {unit} in {period} has this half of its ratio already \
                         at index {}",
                        first.index
                    ),
                ));
                halves.insert(key, first);
            }
            Some(first) => {
                let (numerator, denominator) = match first.part {
                    RatioPart::Numerator => (first.text, text),
                    RatioPart::Denominator => (text, first.text),
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
        let (has, needs) = (lone.part.code(), lone.part.other().code());
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
    conflicts.sort_by_key(|c| c.index);
    (values, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(element: &str, combo: Option<&str>, value: Option<&str>) -> DataValue {
        DataValue {
            data_element: Some(element.into()),
            period: Some("202601".into()),
            org_unit: Some("31001".into()),
            category_option_combo: combo.map(Into::into),
            value: value.map(Into::into),
            ..DataValue::default()
        }
    }

    #[test]
    fn an_empty_value_or_deleted_true_deletes_and_an_absent_value_is_a_conflict() {
        let deleted = DataValue {
            deleted: Some(true),
            ..row("C", None, Some("5"))
        };
        let rows = vec![row("A", None, Some("")), row("B", None, None), deleted];
        let (values, conflicts) = to_bulk_values(rows, &SetDefaults::default(), false);
        assert_eq!(values.len(), 2);
        assert!(values.iter().all(|v| v.value == BulkInput::Delete));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            (conflicts[0].index, conflicts[0].object.as_str()),
            (1, "value")
        );
    }

    #[test]
    fn a_set_level_attribute_option_combo_other_than_default_is_a_conflict_on_every_value() {
        let defaults = SetDefaults {
            attribute_option_combo: Some("FUNDER-A".into()),
            ..SetDefaults::default()
        };
        let (values, conflicts) = to_bulk_values(vec![row("A", None, Some("1"))], &defaults, false);
        assert!(values.is_empty());
        assert_eq!(conflicts[0].object, "attributeOptionCombo");
        assert_eq!(conflicts[0].value, "FUNDER-A");
    }

    #[test]
    fn the_halves_of_a_ratio_become_one_value_at_the_first_row() {
        let rows = vec![
            row("R", Some("DENOMINATOR"), Some("40")),
            row("R", Some("numerator"), Some("30")),
        ];
        let (values, conflicts) = to_bulk_values(rows, &SetDefaults::default(), false);
        assert!(conflicts.is_empty());
        assert_eq!(
            values[0].value,
            BulkInput::Ratio {
                numerator: "30".into(),
                denominator: "40".into()
            }
        );
    }
}
