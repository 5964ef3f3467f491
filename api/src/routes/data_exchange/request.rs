//! The JSON body: DHIS2's `dataValueSets` shape.

use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;

/// A set of values (DHIS2 `dataValueSet`). `period` and `orgUnit` apply to every value that
/// does not give its own.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "dataSet": "KH-18-THAITAN-2025", "period": "2026Q1", "orgUnit": "31001-VHXH",
    "completeDate": "2026-04-03",
    "dataValues": [
        {"dataElement": "NQ57-THAITAN-7", "categoryOptionCombo": "NUMERATOR", "value": "45"},
        {"dataElement": "NQ57-THAITAN-7", "categoryOptionCombo": "DENOMINATOR", "value": "50"},
        {"dataElement": "NQ57-THAITAN-12", "value": "3", "comment": "Theo báo cáo quý"},
        {"dataElement": "NQ57-THAITAN-21", "value": "Đạt"},
        {"dataElement": "NQ57-THAITAN-21", "orgUnit": "31001-YTE", "value": "true"}
    ]
}))]
pub struct DataValueSet {
    /// The plan's code; may be given instead as the query parameter `dataSet`.
    pub data_set: Option<String>,
    /// The default period of the values: `202601`, `2026Q1`, `2026S1`, `2026`.
    pub period: Option<String>,
    /// The default unit of the values (its official code).
    pub org_unit: Option<String>,
    /// Accepted for compatibility; not used (reports are submitted with their own call).
    pub complete_date: Option<String>,
    /// Accepted for compatibility when `default` or empty.
    pub attribute_option_combo: Option<String>,
    #[serde(default)]
    pub data_values: Vec<DataValue>,
}

/// One value. Ratio indicators take two rows, `categoryOptionCombo` `NUMERATOR` and
/// `DENOMINATOR` (same dataElement, orgUnit and period), or one row with a percent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DataValue {
    /// The indicator's code.
    pub data_element: Option<String>,
    pub period: Option<String>,
    pub org_unit: Option<String>,
    /// Absent or `default` for a single value; `NUMERATOR` or `DENOMINATOR` for half a ratio.
    pub category_option_combo: Option<String>,
    /// Absent, empty or `default`.
    pub attribute_option_combo: Option<String>,
    /// The value as text (numbers and booleans are accepted too): a number (`3.5`, `3,5`),
    /// `true`/`false` or a Vietnamese label (`Đạt`, `Có`, `Không đạt` …) for status
    /// indicators, any text for text indicators. Not needed with `importStrategy=DELETE`.
    #[serde(default, deserialize_with = "text_or_scalar")]
    #[schema(value_type = Option<String>)]
    pub value: Option<String>,
    pub comment: Option<String>,
    /// Accepted for compatibility; the audit trail records the caller instead.
    pub stored_by: Option<String>,
    /// Accepted for compatibility; not used.
    pub created: Option<String>,
    /// Accepted for compatibility; not used.
    pub last_updated: Option<String>,
    /// Accepted for compatibility; not used.
    #[schema(value_type = Option<bool>)]
    pub follow_up: Option<serde_json::Value>,
}

/// DHIS2 sends values as strings; some clients send numbers or booleans.
fn text_or_scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(text)) => Ok(Some(text)),
        Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
        Some(serde_json::Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err(D::Error::custom(
            "a value is a string, a number or a boolean",
        )),
    }
}
