//! The receiving side of the theodoinq profile (DHIS2's is `dhis2.rs`): checks a body as the real upstream would and turns it
//! into an [`Intake`] to store, or a refusal with a message a newcomer can act on.

use std::hash::{DefaultHasher, Hash, Hasher};

use chitieu_schema::domain::Period;
use serde_json::{Value, json};

use super::state::{Intake, NaturalKey};
use crate::payload::theodoinq::SCHEMA;

/// A refusal: its status and the JSON answer (problem+json or a DHIS2 web message).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub status: u16,
    pub body: Value,
    pub problem: bool,
}

impl Refusal {
    pub fn problem(status: u16, title: &str, detail: impl Into<String>) -> Self {
        Self {
            status,
            body: json!({"type": "about:blank", "title": title, "status": status,
                "detail": detail.into()}),
            problem: true,
        }
    }

    /// The one-line explanation printed by the simulator.
    pub fn summary(&self) -> String {
        ["detail", "message"]
            .iter()
            .find_map(|name| self.body.get(name).and_then(Value::as_str))
            .unwrap_or("refused")
            .to_owned()
    }
}

pub fn fingerprint(value: &Value) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.to_string().hash(&mut hasher);
    hasher.finish()
}

/// A theodoinq document (`chitieu.theodoinq/1`).
pub fn theodoinq(body: &Value, key: Option<&str>) -> Result<Intake, Refusal> {
    let invalid = |detail: String| Refusal::problem(422, "Invalid submission", detail);
    let text = |pointer: &str| {
        body.pointer(pointer)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match body.get("schema").and_then(Value::as_str) {
        Some(SCHEMA) => {}
        Some(other) => {
            return Err(invalid(format!(
                "unknown schema {other:?}: this endpoint takes {SCHEMA:?}"
            )));
        }
        None => return Err(invalid(format!("schema is missing: expected {SCHEMA:?}"))),
    }
    let unit = text("/unit/code").ok_or_else(|| invalid("unit.code is missing".into()))?;
    let plan = text("/plan/code").ok_or_else(|| invalid("plan.code is missing".into()))?;
    let period = text("/period").ok_or_else(|| invalid("period is missing".into()))?;
    Period::parse(period).map_err(|bad| invalid(format!("period: {bad}")))?;
    let version = body
        .get("version")
        .and_then(Value::as_i64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| invalid("version is missing or not a whole number ≥ 1".into()))?;
    let kpis = body
        .get("kpis")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("kpis is missing: send [] for a report without values".into()))?;
    let audit_checkpoint = match body.get("auditCheckpoint") {
        None | Some(Value::Null) => None,
        Some(checkpoint) => Some(
            checkpoint
                .get("line")
                .and_then(Value::as_str)
                .filter(|line| line.starts_with("v1 "))
                .ok_or_else(|| {
                    invalid("auditCheckpoint.line is missing or not a v1 checkpoint line".into())
                })?
                .to_owned(),
        ),
    };
    // A retry carries a newer checkpoint of the same chain: the same submission.
    let mut compared = body.clone();
    if let Some(members) = compared.as_object_mut() {
        members.remove("auditCheckpoint");
    }
    for (index, kpi) in kpis.iter().enumerate() {
        let has_code = kpi
            .get("code")
            .and_then(Value::as_str)
            .is_some_and(|c| !c.trim().is_empty());
        if !has_code {
            return Err(invalid(format!("kpis[{index}].code is missing")));
        }
    }
    Ok(Intake {
        key: key.map(str::to_owned),
        fingerprint: fingerprint(&compared),
        natural: NaturalKey {
            profile: "theodoinq",
            unit: unit.to_owned(),
            plan: plan.to_owned(),
            period: period.to_owned(),
            revision: format!("v{version}"),
        },
        version: Some(version),
        values: kpis.len(),
        audit_checkpoint,
        body: body.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Value {
        json!({"schema": SCHEMA, "unit": {"code": "31001"}, "plan": {"code": "KH"},
            "period": "202601", "version": 1, "kpis": [{"code": "A", "value": 1}], "outline": []})
    }

    fn detail(body: Value) -> String {
        theodoinq(&body, Some("k")).err().unwrap().summary()
    }

    #[test]
    fn a_theodoinq_document_is_refused_with_a_clear_detail() {
        let mut unknown = document();
        unknown["schema"] = json!("other/2");
        assert!(detail(unknown).contains("unknown schema \"other/2\""));
        let mut no_unit = document();
        no_unit["unit"] = json!({});
        assert_eq!(detail(no_unit), "unit.code is missing");
        let mut no_period = document();
        no_period.as_object_mut().unwrap().remove("period");
        assert_eq!(detail(no_period), "period is missing");
        let mut no_code = document();
        no_code["kpis"] = json!([{"code": "A"}, {"value": 2}]);
        assert_eq!(detail(no_code), "kpis[1].code is missing");
    }

    #[test]
    fn a_resend_with_a_newer_checkpoint_is_the_same_submission() {
        let mut first = document();
        first["auditCheckpoint"] = json!({"line": "v1 3 3 aa 2026-02-03T01:00:00Z mac"});
        let mut resend = document();
        resend["auditCheckpoint"] = json!({"line": "v1 9 9 bb 2026-02-03T01:05:00Z mac"});
        let (first, resend) = (
            theodoinq(&first, Some("k")).ok().unwrap(),
            theodoinq(&resend, Some("k")).ok().unwrap(),
        );
        assert_eq!(first.fingerprint, resend.fingerprint);
        assert_eq!(
            first.audit_checkpoint.as_deref(),
            Some("v1 3 3 aa 2026-02-03T01:00:00Z mac")
        );
        let mut malformed = document();
        malformed["auditCheckpoint"] = json!({"head": "aa"});
        assert_eq!(
            detail(malformed),
            "auditCheckpoint.line is missing or not a v1 checkpoint line"
        );
    }
}
