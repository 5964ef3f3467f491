//! What the audit trail must show: one expected entry per audited step, written down as the
//! walk goes, then matched against `GET /api/v1/audit-entries?period=202601`.

use chitieu_e2e::TestApp;
use chitieu_e2e::thai_tan::PLAN;
use reqwest::Method;
use serde_json::Value;

use super::PERIOD;
use super::people::{Answer, Person};

/// An entry the trail must hold; `None` fields are not checked.
#[derive(Debug, Clone)]
pub struct Expected {
    pub request_id: String,
    pub actor: String,
    pub action: &'static str,
    pub unit: String,
    pub indicator: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

#[derive(Default)]
pub struct Journal {
    expected: Vec<Expected>,
}

impl Journal {
    /// A workflow step (`report_opened`, `submitted`, `returned`, `approved`) of `unit`'s
    /// report, by `who` in the request that got `answer`.
    pub fn step(&mut self, who: &Person, answer: &Answer, action: &'static str, unit: &str) {
        self.expected.push(Expected {
            request_id: answer.request_id.clone(),
            actor: who.username.clone(),
            action,
            unit: unit.to_owned(),
            indicator: None,
            old_value: None,
            new_value: None,
            reason: None,
        });
    }

    /// A step with its reason (a return).
    pub fn step_with_reason(
        &mut self,
        who: &Person,
        answer: &Answer,
        action: &'static str,
        unit: &str,
        reason: &str,
    ) {
        self.step(who, answer, action, unit);
        self.last().reason = Some(reason.to_owned());
    }

    /// A value change, with the old (`None`: first entry) and new value as the trail writes
    /// them (`45/50`, `3`, `achieved (Đạt)`).
    pub fn value(
        &mut self,
        who: &Person,
        answer: &Answer,
        unit: &str,
        indicator: &str,
        change: (Option<&str>, &str),
    ) {
        self.step(who, answer, "value_set", unit);
        let last = self.last();
        last.indicator = Some(indicator.to_owned());
        last.old_value = change.0.map(str::to_owned);
        last.new_value = Some(change.1.to_owned());
    }

    fn last(&mut self) -> &mut Expected {
        self.expected.last_mut().expect("an entry was just pushed")
    }

    /// Reads the month's trail as the administrator and checks it holds exactly the expected
    /// entries, each with its actor and request id; then that the chain verifies.
    pub async fn check(&self, app: &TestApp, admin: &Person) {
        let path = format!("/api/v1/audit-entries?period={PERIOD}&pageSize=500");
        let listed = admin.expect(app, 200, Method::GET, &path, None, None).await;
        let entries = listed.body["items"].as_array().expect("items").clone();
        assert_eq!(
            entries.len(),
            self.expected.len(),
            "the month's trail holds one entry per audited step and nothing else"
        );
        for expected in &self.expected {
            let found = entries
                .iter()
                .filter(|e| matches(e, expected))
                .collect::<Vec<_>>();
            assert_eq!(found.len(), 1, "one entry for {expected:?}");
        }
        for pair in entries.windows(2) {
            assert_eq!(pair[1]["prevHash"], pair[0]["hash"], "the entries chain");
        }

        let verified = admin
            .expect(
                app,
                200,
                Method::GET,
                "/api/v1/audit-entries/verify",
                None,
                None,
            )
            .await;
        assert_eq!(verified.body["valid"], true, "{}", verified.body);
        assert_eq!(verified.body["entries"], self.expected.len());
    }
}

fn matches(entry: &Value, expected: &Expected) -> bool {
    let text = |field: &str| entry[field].as_str().map(str::to_owned);
    let optional = |field: &str, want: &Option<String>| want.is_none() || text(field) == *want;
    text("requestId").as_deref() == Some(expected.request_id.as_str())
        && text("actor").as_deref() == Some(expected.actor.as_str())
        && entry["action"] == expected.action
        && text("unitCode").as_deref() == Some(expected.unit.as_str())
        && entry["planCode"] == PLAN
        && entry["period"] == PERIOD
        && text("indicatorCode") == expected.indicator
        && (expected.action != "value_set" || text("oldValue") == expected.old_value)
        && optional("newValue", &expected.new_value)
        && optional("reason", &expected.reason)
}
