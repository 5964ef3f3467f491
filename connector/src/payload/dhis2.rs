//! DHIS2 `dataValueSets` JSON with codes as identifiers (`idScheme=code`), in the conventions
//! of our own import (`api/src/routes/data_exchange`), so the same body could be imported by
//! another chitieu: a ratio is two values with `categoryOptionCombo` `NUMERATOR` and
//! `DENOMINATOR`, a status is `true`/`false`, numbers use a dot decimal separator.

use chitieu_schema::domain::ReportedValue;
use serde::{Deserialize, Serialize};

use super::machine_number;
use crate::delivery::ReportDocument;
use crate::target::CodeMapping;

pub const PATH: &str = "/api/dataValueSets?idScheme=code";
pub const NUMERATOR: &str = "NUMERATOR";
pub const DENOMINATOR: &str = "DENOMINATOR";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValueSet {
    pub data_set: Option<String>,
    pub period: Option<String>,
    pub org_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_date: Option<String>,
    #[serde(default)]
    pub data_values: Vec<DataValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValue {
    pub data_element: Option<String>,
    pub period: Option<String>,
    pub org_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_option_combo: Option<String>,
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

pub fn data_value_set(report: &ReportDocument, mapping: &CodeMapping) -> DataValueSet {
    let org_unit = mapping.unit(&report.unit_code).to_owned();
    let mut data_values = Vec::with_capacity(report.values.len());
    for delivered in &report.values {
        let row = |combo: Option<&str>, value: String, comment: Option<String>| DataValue {
            data_element: Some(mapping.indicator(&delivered.indicator_code).to_owned()),
            period: Some(report.period.clone()),
            org_unit: Some(org_unit.clone()),
            category_option_combo: combo.map(str::to_owned),
            value: Some(value),
            comment,
        };
        let comment = delivered.comment.clone();
        match &delivered.value {
            ReportedValue::Number(n) => data_values.push(row(None, machine_number(*n), comment)),
            ReportedValue::Ratio {
                numerator,
                denominator,
            } => {
                data_values.push(row(Some(NUMERATOR), machine_number(*numerator), comment));
                // Our import keeps the first half's comment; saying it twice adds nothing.
                data_values.push(row(Some(DENOMINATOR), machine_number(*denominator), None));
            }
            ReportedValue::Status { achieved, .. } => {
                data_values.push(row(None, achieved.to_string(), comment));
            }
            ReportedValue::Text(text) => data_values.push(row(None, text.clone(), comment)),
        }
    }
    DataValueSet {
        data_set: Some(report.plan_code.clone()),
        period: Some(report.period.clone()),
        org_unit: Some(org_unit),
        complete_date: report
            .approved_at
            .map(|at| at.date().format("%Y-%m-%d").to_string()),
        data_values,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::payload::tests::{delivery, mapping};

    fn rendered() -> Value {
        serde_json::to_value(data_value_set(&delivery().report, &mapping())).unwrap()
    }

    #[test]
    fn the_set_names_plan_period_and_mapped_unit_with_the_approval_date() {
        let set = rendered();
        assert_eq!(set["dataSet"], "KH-57-2026");
        assert_eq!(set["period"], "202601");
        assert_eq!(set["orgUnit"], "VN-31001");
        assert_eq!(set["completeDate"], "2026-02-02");
    }

    #[test]
    fn a_ratio_is_two_values_named_numerator_and_denominator() {
        let set = rendered();
        assert_eq!(
            set["dataValues"][0],
            json!({"dataElement": "TD-COVERAGE", "period": "202601", "orgUnit": "VN-31001",
                "categoryOptionCombo": "NUMERATOR", "value": "30",
                "comment": "Theo báo cáo tháng"})
        );
        assert_eq!(
            set["dataValues"][1],
            json!({"dataElement": "TD-COVERAGE", "period": "202601", "orgUnit": "VN-31001",
                "categoryOptionCombo": "DENOMINATOR", "value": "40"})
        );
    }

    #[test]
    fn statuses_are_true_or_false_and_numbers_have_no_trailing_zero() {
        let set = rendered();
        let values: Vec<(&str, &str)> = set["dataValues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["dataElement"].as_str().unwrap(),
                    v["value"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            values,
            [
                ("TD-COVERAGE", "30"),
                ("TD-COVERAGE", "40"),
                ("NQ57-4", "true"),
                ("NQ57-12", "9"),
                ("NQ57-19", "Đã triển khai <b>2</b> chợ"),
            ]
        );
    }
}
