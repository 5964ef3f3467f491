//! DHIS2's `dataValueSet` and `dataValue` (dhis2-core `dxf2.datavalueset.DataValueSet` and
//! `dxf2.datavalue.DataValue`, 2.40.0), with DHIS2's field names. Reading is as lenient as
//! DHIS2's JSON reader: members it does not know are kept aside in `unknown` (our own
//! `/api/v1` route refuses them, DHIS2's surface ignores them), and booleans and values may be
//! strings, numbers or booleans. Writing leaves out what is absent.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A set of values. `period`, `orgUnit` and `attributeOptionCombo` apply to every value that
/// does not give its own; `idScheme`, `dryRun` and `strategy` override the query's options
/// (DHIS2 `DefaultDataValueSetService`: `data.getStrategy() != null ? … : options`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "dataSet": "TT-18-2025", "period": "2026Q1", "orgUnit": "31001",
    "completeDate": "2026-04-03",
    "dataValues": [
        {"dataElement": "NQ57-THAITAN-2025-1", "categoryOptionCombo": "NUMERATOR", "value": "45"},
        {"dataElement": "NQ57-THAITAN-2025-1", "categoryOptionCombo": "DENOMINATOR", "value": "50"},
        {"dataElement": "NQ57-THAITAN-2025-12", "value": "3", "comment": "Theo báo cáo quý",
            "followup": false}
    ]
})))]
pub struct DataValueSet {
    /// Only `code` is supported: data set, units and data elements are named by their codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_scheme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_element_id_scheme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit_id_scheme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_set_id_scheme: Option<String>,
    /// Overrides the query's `dryRun`.
    #[serde(
        default,
        deserialize_with = "lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub dry_run: Option<bool>,
    /// Overrides the query's `importStrategy` (`CREATE_AND_UPDATE`, `DELETE`, `SYNC` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    /// The plan's code (DHIS2: the data set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_set: Option<String>,
    /// The day the set was completed (`2026-04-03`); informative here: a report is submitted
    /// with its own call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit: Option<String>,
    /// Only the default combo exists here; another one is a conflict on every value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_option_combo: Option<String>,
    #[serde(default)]
    pub data_values: Vec<DataValue>,
    /// Members DHIS2's reader would ignore.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub unknown: BTreeMap<String, Value>,
}

/// One value. A ratio indicator takes two rows with `categoryOptionCombo` `NUMERATOR` and
/// `DENOMINATOR` (same dataElement, orgUnit and period), or one row with a percent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DataValue {
    /// The indicator's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_element: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit: Option<String>,
    /// Absent or `default` for a single value; `NUMERATOR` or `DENOMINATOR` for half a ratio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_option_combo: Option<String>,
    /// Absent, empty or `default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_option_combo: Option<String>,
    /// The value as text (numbers and booleans are accepted too). An empty value deletes the
    /// stored one, as in DHIS2.
    #[serde(
        default,
        deserialize_with = "text_or_scalar",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Informative: the audit trail records the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
    /// DHIS2's spelling; `followUp` is read too. Informative here.
    #[serde(
        default,
        alias = "followUp",
        deserialize_with = "lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub followup: Option<bool>,
    /// `true` deletes the stored value.
    #[serde(
        default,
        deserialize_with = "lenient_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted: Option<bool>,
    /// Members DHIS2's reader would ignore.
    #[serde(flatten, skip_serializing)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub unknown: BTreeMap<String, Value>,
}

impl DataValueSet {
    /// JSON pointers of the members DHIS2 would ignore, for a route that refuses them.
    pub fn unknown_members(&self) -> Vec<String> {
        let mut pointers: Vec<String> = self.unknown.keys().map(|k| format!("/{k}")).collect();
        for (index, value) in self.data_values.iter().enumerate() {
            pointers.extend(
                value
                    .unknown
                    .keys()
                    .map(|k| format!("/dataValues/{index}/{k}")),
            );
        }
        pointers
    }
}

/// DHIS2 sends values as strings; some clients send numbers or booleans.
fn text_or_scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err(D::Error::custom(
            "a value is a string, a number or a boolean",
        )),
    }
}

/// A boolean, or its text (`"true"`, `"false"`) as Jackson also reads it.
fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(text)) if text.trim().eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(D::Error::custom("expected true or false")),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_set_as_dhis2_2_40_exports_it_is_read_with_every_member() {
        let set: DataValueSet = serde_json::from_value(json!({
            "dataSet": "TT-18-2025", "completeDate": "2026-02-03", "period": "202601",
            "orgUnit": "31001", "idScheme": "CODE", "dryRun": "false", "strategy": "SYNC",
            "completedDate": "2026-02-03",
            "dataValues": [{"dataElement": "NQ57-12", "period": "202601", "orgUnit": "31001",
                "categoryOptionCombo": "default", "attributeOptionCombo": "default",
                "value": 9, "storedBy": "admin", "created": "2026-02-01T10:00:00.000+0000",
                "lastUpdated": "2026-02-01T10:00:00.000+0000", "comment": "ghi chú",
                "followup": false, "deleted": "true", "extra": 1}]
        }))
        .unwrap();
        assert_eq!(set.strategy.as_deref(), Some("SYNC"));
        assert_eq!(set.dry_run, Some(false));
        let value = &set.data_values[0];
        assert_eq!(value.value.as_deref(), Some("9"));
        assert_eq!(value.followup, Some(false));
        assert_eq!(value.deleted, Some(true));
        assert_eq!(
            set.unknown_members(),
            ["/completedDate", "/dataValues/0/extra"]
        );
    }

    #[test]
    fn our_former_spelling_follow_up_is_read_as_followup() {
        let value: DataValue =
            serde_json::from_value(json!({"dataElement": "X", "followUp": true})).unwrap();
        assert_eq!(value.followup, Some(true));
        assert!(value.unknown.is_empty());
    }

    #[test]
    fn writing_leaves_out_what_is_absent_and_never_the_unknown_members() {
        let value = DataValue {
            data_element: Some("NQ57-12".into()),
            value: Some("9".into()),
            unknown: BTreeMap::from([("x".to_owned(), json!(1))]),
            ..DataValue::default()
        };
        assert_eq!(
            serde_json::to_value(&value).unwrap(),
            json!({"dataElement": "NQ57-12", "value": "9"})
        );
    }
}
