//! The figures as DHIS2 `dataValueSets` JSON with codes as identifiers (`idScheme=code`): plan
//! code as `dataSet`, indicator codes as `dataElement`, the unit's official code as `orgUnit`.
//! The model, combos and number formatting are `chitieu_schema::dhis2`'s, those of the import,
//! so an export can be imported again: a ratio is two values with `categoryOptionCombo`
//! `NUMERATOR` and `DENOMINATOR`; a status is its label when the import reads that label back
//! to the same outcome, otherwise `true`/`false`; numbers use a dot decimal separator.

use chitieu_schema::dhis2::{DataValue, DataValueSet, RatioPart, machine_number};
use chitieu_schema::domain::{ValueInput, ValueKind};
use chitieu_schema::progress::{Figure, ProgressReport, ProgressRow};

use super::ExportError;

/// One exchanged value, before it is written as JSON or ADX.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeValue<'a> {
    pub data_element: &'a str,
    pub part: Option<RatioPart>,
    pub value: String,
    /// ADX carries non-numeric values in an annotation rather than in `value`.
    pub numeric: bool,
    pub comment: Option<String>,
}

/// The values of every row that has a figure, in table order. Left out: rows without a
/// figure, non-finite numbers, empty texts, and shares of units (a status rolled up over a
/// subtree is not a value any one unit reports, and the import would read the two counts as
/// a ratio of a status indicator and refuse it).
pub fn exchange_values(report: &ProgressReport) -> Vec<ExchangeValue<'_>> {
    let mut values = Vec::new();
    for row in report.rows() {
        let Some(figure) = &row.actual else {
            continue;
        };
        let code = row.indicator_code.as_str();
        let comment = rolled_up_comment(row);
        let single = |value: String, numeric| ExchangeValue {
            data_element: code,
            part: None,
            value,
            numeric,
            comment: comment.clone(),
        };
        match figure {
            Figure::Number(n) if n.is_finite() => values.push(single(machine_number(*n), true)),
            Figure::Ratio {
                numerator,
                denominator,
            } if numerator.is_finite() && denominator.is_finite() => {
                values.push(ExchangeValue {
                    part: Some(RatioPart::Numerator),
                    ..single(machine_number(*numerator), true)
                });
                values.push(ExchangeValue {
                    data_element: code,
                    part: Some(RatioPart::Denominator),
                    value: machine_number(*denominator),
                    numeric: true,
                    // The import keeps the first half's comment; saying it twice adds nothing.
                    comment: None,
                });
            }
            Figure::Status { achieved, label } => {
                values.push(single(status_value(*achieved, label.as_deref()), false));
            }
            Figure::Text(text) if !text.trim().is_empty() => {
                values.push(single(text.clone(), false));
            }
            Figure::Number(_) | Figure::Ratio { .. } | Figure::Share { .. } | Figure::Text(_) => {}
        }
    }
    values
}

fn rolled_up_comment(row: &ProgressRow) -> Option<String> {
    (row.reporting_units > 1).then(|| format!("Tổng hợp từ {} đơn vị", row.reporting_units))
}

/// The label as written when the import reads it back to the same outcome (`Đạt`, `Có`,
/// `Duy trì` …); `true`/`false` for any other label.
fn status_value(achieved: bool, label: Option<&str>) -> String {
    let reads_back = |label: &str| {
        matches!(
            ValueInput::from_text(ValueKind::Status, label),
            Ok(ValueInput::Status { achieved: read, .. }) if read == achieved
        )
    };
    match label {
        Some(label) if reads_back(label) => label.to_owned(),
        _ => achieved.to_string(),
    }
}

pub fn render(report: &ProgressReport) -> Result<Vec<u8>, ExportError> {
    // The import's period syntax is DHIS2's (`202510`, `2026Q1`), with its own ad-hoc form.
    let period = report.period.to_string();
    let org_unit = report.unit.code.clone();
    let set = DataValueSet {
        data_set: Some(report.plan.code.clone()),
        period: Some(period.clone()),
        org_unit: Some(org_unit.clone()),
        data_values: exchange_values(report)
            .into_iter()
            .map(|value| DataValue {
                data_element: Some(value.data_element.to_owned()),
                period: Some(period.clone()),
                org_unit: Some(org_unit.clone()),
                category_option_combo: value.part.map(|part| part.code().to_owned()),
                value: Some(value.value),
                comment: value.comment,
                ..DataValue::default()
            })
            .collect(),
        ..DataValueSet::default()
    };
    Ok(serde_json::to_vec_pretty(&set)?)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::routes::progress::export::fixture::seed_report;
    use chitieu_schema::dhis2::{DataValueSet as ImportSet, SetDefaults, to_bulk_values};
    use chitieu_schema::reports::BulkInput;

    fn exported() -> Value {
        serde_json::from_slice(&render(&seed_report()).unwrap()).unwrap()
    }

    #[test]
    fn the_dhis2_export_is_a_data_value_set_with_codes_as_identifiers() {
        let set = exported();
        assert_eq!(set["dataSet"], "KH-21-DU-2025");
        assert_eq!(set["period"], "202510");
        assert_eq!(set["orgUnit"], "31001");
        let values = set["dataValues"].as_array().unwrap();
        assert!(values.iter().all(|v| v["period"] == "202510"));
        assert!(values.iter().all(|v| v["orgUnit"] == "31001"));
        assert!(values.iter().all(|v| v["value"].is_string()));
    }

    #[test]
    fn the_dhis2_export_writes_a_ratio_as_numerator_and_denominator() {
        let set = exported();
        let coverage: Vec<&Value> = set["dataValues"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["dataElement"] == "NQ57-1")
            .collect();
        assert_eq!(
            coverage,
            [
                &json!({"dataElement": "NQ57-1", "period": "202510", "orgUnit": "31001",
                    "categoryOptionCombo": "NUMERATOR", "value": "30",
                    "comment": "Tổng hợp từ 3 đơn vị"}),
                &json!({"dataElement": "NQ57-1", "period": "202510", "orgUnit": "31001",
                    "categoryOptionCombo": "DENOMINATOR", "value": "40"}),
            ]
        );
    }

    #[test]
    fn the_dhis2_export_leaves_out_rows_without_a_figure() {
        let set = exported();
        let elements: Vec<&str> = set["dataValues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["dataElement"].as_str().unwrap())
            .collect();
        assert_eq!(
            elements,
            ["NQ57-1", "NQ57-1", "NQ57-4", "NQ57-12", "NQ57-19"]
        );
    }

    #[test]
    fn a_status_is_its_label_when_the_import_reads_it_back_and_a_boolean_otherwise() {
        assert_eq!(status_value(true, Some("Đạt")), "Đạt");
        assert_eq!(status_value(false, Some("Không đạt")), "Không đạt");
        assert_eq!(status_value(true, Some("Hoàn thành xuất sắc")), "true");
        assert_eq!(status_value(false, None), "false");
    }

    #[test]
    fn the_dhis2_export_is_read_back_by_the_import() {
        let body = render(&seed_report()).unwrap();
        let set: ImportSet = serde_json::from_slice(&body).unwrap();
        assert_eq!(set.data_set.as_deref(), Some("KH-21-DU-2025"));
        let (values, conflicts) = to_bulk_values(set.data_values, &SetDefaults::default(), false);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        let inputs: Vec<(&str, &BulkInput)> = values
            .iter()
            .map(|v| (v.indicator_code.as_str(), &v.value))
            .collect();
        assert_eq!(
            inputs,
            [
                (
                    "NQ57-1",
                    &BulkInput::Ratio {
                        numerator: "30".into(),
                        denominator: "40".into()
                    }
                ),
                ("NQ57-4", &BulkInput::Text("Đạt".into())),
                ("NQ57-12", &BulkInput::Text("9".into())),
                (
                    "NQ57-19",
                    &BulkInput::Text("Đã triển khai <b>2</b> chợ & 1 \"phố\"".into())
                ),
            ]
        );
        assert!(values.iter().all(|v| v.unit_code == "31001"));
    }
}
