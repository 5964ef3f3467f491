//! The simulator's DHIS2: `POST /api/dataValueSets` answered as dhis2-core answers it, written
//! out here from DHIS2's source rather than with chitieu's own DHIS2 types, so the connector is
//! tested against DHIS2's behaviour and not against itself. The facts (see `docs/DHIS2.md`):
//!
//! - Every answer is a `WebMessage` (2.38+): `httpStatus`, `httpStatusCode`, `status`,
//!   `message`, `response` (an `ImportSummary`: `responseType`, `status`, `description`,
//!   `importCount` {imported, updated, ignored, deleted}, `conflicts`).
//! - `WebMessageUtils.importSummary`: ERROR → 409 "An error occurred, please check import
//!   summary."; WARNING → 409 "One more conflicts encountered, please check import summary."
//!   in 2.40.0, 200 "Import completed with warnings, please check import summary." in 2.43.0;
//!   SUCCESS → 200 "Import was successful.".
//! - 2.40.0 `DefaultDataValueSetService`: a rejected value is a conflict and counts `ignored`;
//!   any conflict makes the status WARNING; an unknown data set is ERROR (E7600).
//!   2.43.0 `DataEntrySummary`: WARNING when some value was stored, ERROR when none was;
//!   stored values count as `updated`, `imported` stays 0; `rejectedIndexes` lists the rows.
//! - Conflicts: `{object, objects, value: message, errorCode, property, indexes}`, messages
//!   from `ErrorCode` (E7610 "Data element not found or not accessible: `{0}`", E7611 "Period
//!   not valid: `{0}`", E7612 "Organisation unit not found or not accessible: `{0}`", E7618
//!   "Data value or comment not specified for data element: `{0}`").
//!
//! Which data elements, units and data sets "exist" is configured ([`Dhis2Sim`]); periods are
//! DHIS2's ids (an ad-hoc `2026-03-15..2026-03-20` is not one).

use serde_json::{Value, json};

use super::receive::{Refusal, fingerprint};
use super::state::{Intake, NaturalKey};

/// The DHIS2 release whose answers the simulator gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dhis2Release {
    V2_40,
    #[default]
    V2_43,
}

/// What the simulated DHIS2 knows: codes listed here are refused as DHIS2 refuses codes it
/// does not have (everything else exists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dhis2Sim {
    pub release: Dhis2Release,
    pub unknown_data_elements: Vec<String>,
    pub unknown_data_sets: Vec<String>,
}

/// A set to store (the values DHIS2 took) and the conflicts of the others.
pub struct Accepted {
    pub intake: Intake,
    pub conflicts: Vec<Value>,
    pub rejected: Vec<usize>,
}

fn conflict(index: usize, property: &str, object: &str, code: &str, message: String) -> Value {
    json!({"object": object, "objects": {property: object}, "value": message,
        "errorCode": code, "property": property, "indexes": [index]})
}

/// DHIS2's period ids: `yyyyMMdd`, `yyyyMM`, `yyyyQn`, `yyyySn`, `yyyy`, `yyyyWn` and a few
/// more; none of them contains `..`.
fn is_dhis2_period(period: &str) -> bool {
    !period.contains("..") && chitieu_schema::domain::Period::parse(period).is_ok()
}

pub fn receive(body: &Value, key: Option<&str>, sim: &Dhis2Sim) -> Result<Accepted, Refusal> {
    let set_text = |name: &str| {
        body.get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let data_set = set_text("dataSet").unwrap_or_default();
    if data_set.is_empty() || sim.unknown_data_sets.iter().any(|d| d == data_set) {
        let message = format!("Data set not found or not accessible: `{data_set}`");
        return Err(set_error(
            vec![json!({"object": data_set, "objects": {"dataSet": data_set},
                "value": message, "errorCode": "E7600", "property": "dataSet"})],
            Vec::new(),
            0,
        ));
    }
    let values = body
        .get("dataValues")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut conflicts = Vec::new();
    let mut rejected = Vec::new();
    let mut accepted = Vec::new();
    let (mut units, mut periods) = (Vec::new(), Vec::new());
    for (index, value) in values.iter().enumerate() {
        let field = |name: &str| {
            value
                .get(name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .or_else(|| set_text(name))
        };
        let element = field("dataElement").unwrap_or_default();
        let unit = field("orgUnit").unwrap_or_default();
        let period = field("period").unwrap_or_default();
        let refusal = if element.is_empty()
            || sim.unknown_data_elements.iter().any(|e| e == element)
        {
            Some(conflict(
                index,
                "dataElement",
                element,
                "E7610",
                format!("Data element not found or not accessible: `{element}`"),
            ))
        } else if !is_dhis2_period(period) {
            Some(conflict(
                index,
                "period",
                period,
                "E7611",
                format!("Period not valid: `{period}`"),
            ))
        } else if unit.is_empty() {
            Some(conflict(
                index,
                "orgUnit",
                unit,
                "E7612",
                format!("Organisation unit not found or not accessible: `{unit}`"),
            ))
        } else if value.get("value").is_none_or(Value::is_null) && value.get("comment").is_none() {
            Some(conflict(
                index,
                "value",
                element,
                "E7618",
                format!("Data value or comment not specified for data element: `{element}`"),
            ))
        } else {
            None
        };
        match refusal {
            Some(c) => {
                conflicts.push(c);
                rejected.push(index);
            }
            None => {
                units.push(unit.to_owned());
                periods.push(period.to_owned());
                accepted.push(value.clone());
            }
        }
    }
    if accepted.is_empty() && !values.is_empty() {
        // Nothing stored: 2.43 says ERROR, 2.40 WARNING (both 409).
        let status = match sim.release {
            Dhis2Release::V2_40 => "WARNING",
            Dhis2Release::V2_43 => "ERROR",
        };
        let ignored = values.len();
        let mut refusal = set_error(conflicts, rejected, ignored);
        refusal.body["status"] = json!(status);
        refusal.body["response"]["status"] = json!(status);
        if status == "WARNING" {
            refusal.body["message"] =
                json!("One more conflicts encountered, please check import summary.");
        }
        return Err(refusal);
    }
    let first = |seen: &[String], name: &str| {
        set_text(name)
            .map(str::to_owned)
            .or_else(|| seen.first().cloned())
            .unwrap_or_default()
    };
    Ok(Accepted {
        intake: Intake {
            key: key.map(str::to_owned),
            fingerprint: fingerprint(body),
            natural: NaturalKey {
                profile: "dhis2",
                unit: first(&units, "orgUnit"),
                plan: data_set.to_owned(),
                period: first(&periods, "period"),
                revision: format!("{:016x}", fingerprint(&Value::Array(values.clone()))),
            },
            version: None,
            values: accepted.len(),
            audit_checkpoint: None,
            body: body.clone(),
        },
        conflicts,
        rejected,
    })
}

/// 409 ERROR: nothing was stored.
fn set_error(conflicts: Vec<Value>, rejected: Vec<usize>, ignored: usize) -> Refusal {
    Refusal {
        status: 409,
        body: json!({
            "httpStatus": "Conflict", "httpStatusCode": 409, "status": "ERROR",
            "message": "An error occurred, please check import summary.",
            "response": {"responseType": "ImportSummary", "status": "ERROR",
                "description": "Import process was aborted",
                "importCount": {"imported": 0, "updated": 0, "ignored": ignored, "deleted": 0},
                "conflicts": conflicts, "rejectedIndexes": rejected},
        }),
        problem: false,
    }
}

/// The answer to a set of which `stored` values were stored (the others are `conflicts` at
/// `rejected`), and its HTTP status.
pub fn answer(
    stored: usize,
    conflicts: &[Value],
    rejected: &[usize],
    release: Dhis2Release,
) -> (u16, Value) {
    let ignored = rejected.len();
    let warning = !conflicts.is_empty();
    let (imported, updated) = match release {
        Dhis2Release::V2_40 => (stored, 0),
        Dhis2Release::V2_43 => (0, stored),
    };
    let (code, status, message) = match (warning, release) {
        (false, _) => (200, "OK", "Import was successful."),
        (true, Dhis2Release::V2_40) => (
            409,
            "WARNING",
            "One more conflicts encountered, please check import summary.",
        ),
        (true, Dhis2Release::V2_43) => (
            200,
            "WARNING",
            "Import completed with warnings, please check import summary.",
        ),
    };
    let mut response = json!({"responseType": "ImportSummary",
        "status": if warning { "WARNING" } else { "SUCCESS" },
        "description": "Import process completed successfully",
        "importCount": {"imported": imported, "updated": updated, "ignored": ignored,
            "deleted": 0},
        "conflicts": conflicts, "dataSetComplete": "false"});
    if release == Dhis2Release::V2_43 {
        response["rejectedIndexes"] = json!(rejected);
    }
    (
        code,
        json!({"httpStatus": if code == 200 { "OK" } else { "Conflict" },
            "httpStatusCode": code, "status": status, "message": message,
            "response": response}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> Value {
        json!({"dataSet": "KH", "period": "202601", "orgUnit": "31001", "dataValues": [
            {"dataElement": "A", "value": "1"}, {"dataElement": "GONE", "value": "2"}]})
    }

    fn sim(release: Dhis2Release) -> Dhis2Sim {
        Dhis2Sim {
            release,
            unknown_data_elements: vec!["GONE".into()],
            unknown_data_sets: Vec::new(),
        }
    }

    #[test]
    fn a_partial_import_is_409_warning_in_2_40_and_200_warning_in_2_43() {
        let of = |a: Accepted, release| answer(a.intake.values, &a.conflicts, &a.rejected, release);
        let old = receive(&set(), None, &sim(Dhis2Release::V2_40))
            .ok()
            .unwrap();
        let (code, body) = of(old, Dhis2Release::V2_40);
        assert_eq!((code, body["status"].as_str()), (409, Some("WARNING")));
        assert_eq!(body["response"]["importCount"]["ignored"], 1);
        assert_eq!(body["response"]["conflicts"][0]["errorCode"], "E7610");
        let new = receive(&set(), None, &sim(Dhis2Release::V2_43))
            .ok()
            .unwrap();
        let (code, body) = of(new, Dhis2Release::V2_43);
        assert_eq!((code, body["status"].as_str()), (200, Some("WARNING")));
        assert_eq!(body["response"]["importCount"]["updated"], 1);
        assert_eq!(body["response"]["rejectedIndexes"], json!([1]));
    }

    #[test]
    fn an_ad_hoc_period_is_not_a_dhis2_period() {
        let mut set = set();
        set["period"] = json!("2026-03-15..2026-03-20");
        let refusal = receive(&set, None, &sim(Dhis2Release::V2_43))
            .err()
            .unwrap();
        assert_eq!(refusal.status, 409);
        assert_eq!(
            refusal.body["response"]["conflicts"][0]["errorCode"],
            "E7611"
        );
    }
}
