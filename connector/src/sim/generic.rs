//! The simulator's generic mode, for `template` targets: whatever is sent to a path it does
//! not otherwise serve is stored as it came (JSON, or text), keyed by its `Idempotency-Key`,
//! and answered as configured, so a template profile can be shown end to end, with faults.

use serde_json::{Value, json};

use super::receive::{Refusal, fingerprint};
use super::state::{Intake, NaturalKey};

/// How the generic mode answers a new submission. In `body`, every string `"{receipt}"` is
/// replaced by the receipt (`GEN-000001`); a replay of a key gets the first answer again with
/// `replay_status`.
#[derive(Debug, Clone, PartialEq)]
pub struct GenericSim {
    pub status: u16,
    pub body: Value,
    pub replay_status: u16,
}

impl Default for GenericSim {
    /// As the report API is said to answer: 200 with `success` and the stored object's id.
    fn default() -> Self {
        Self {
            status: 200,
            body: json!({"success": true, "message": "OK", "data": {"id": "{receipt}"}}),
            replay_status: 200,
        }
    }
}

impl GenericSim {
    pub fn answer(&self, receipt: &str) -> Value {
        with_receipt(&self.body, receipt)
    }
}

fn with_receipt(value: &Value, receipt: &str) -> Value {
    match value {
        Value::String(s) => Value::String(s.replace("{receipt}", receipt)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| with_receipt(v, receipt)).collect())
        }
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), with_receipt(v, receipt)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Anything goes; what identifies the report is the body itself (the same report version
/// renders the same body), and the unit, plan and period are read from a chitieu key
/// (`chitieu:<unit>:<plan>:<period>:v<version>:<target>`) when it is one.
pub fn receive(request: &str, key: Option<&str>, body: &[u8]) -> Result<Intake, Refusal> {
    if body.is_empty() {
        return Err(Refusal::problem(
            400,
            "Empty body",
            "the request has no body",
        ));
    }
    let stored = match serde_json::from_slice::<Value>(body) {
        Ok(json) => json,
        Err(_) => Value::String(String::from_utf8_lossy(body).into_owned()),
    };
    let parts: Vec<&str> = key.map(|k| k.split(':').collect()).unwrap_or_default();
    let part = |i: usize| match parts.first() {
        Some(&"chitieu") if parts.len() == 6 => parts[i].to_owned(),
        _ => String::new(),
    };
    let version = match parts.first() {
        Some(&"chitieu") if parts.len() == 6 => parts[4].trim_start_matches('v').parse().ok(),
        _ => None,
    };
    let print = fingerprint(&stored);
    Ok(Intake {
        key: key.map(str::to_owned),
        fingerprint: print,
        natural: NaturalKey {
            profile: "template",
            unit: part(1),
            plan: part(2),
            period: part(3),
            revision: format!("{print:016x}"),
        },
        version,
        values: 0,
        body: json!({"request": request, "body": stored}),
        audit_checkpoint: None,
    })
}
