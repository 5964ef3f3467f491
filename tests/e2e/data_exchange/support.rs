//! Sending imports and reading back what they stored.

use chitieu_e2e::reporting_fixture::{PLAN, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Client;
use serde_json::{Value, json};

pub const Q1: &str = "2026Q1";

/// POSTs a JSON set with `query` (e.g. `importStrategy=UPDATE`); returns the status and the
/// DHIS2 `ImportSummary` (the `response` of the WebMessage), or the problem document.
pub async fn import(app: &TestApp, client: &Client, query: &str, body: &Value) -> (u16, Value) {
    let response = client
        .post(app.url(&format!("/api/v1/dataValueSets?{query}")))
        .json(body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("a JSON body");
    match body.get("response") {
        Some(summary) => (status, summary.clone()),
        None => (status, body),
    }
}

/// A set of the plan for 2026Q1 at `unit` with `values`.
pub fn set(unit: &str, values: Value) -> Value {
    json!({"dataSet": PLAN, "period": Q1, "orgUnit": unit, "dataValues": values})
}

/// DHIS2's counts: a rejected value is `ignored`, a value sent again unchanged is `updated`
/// (and `unchanged` too, our extra member).
pub fn counts(summary: &Value) -> [u64; 5] {
    let c = &summary["importCount"];
    ["imported", "updated", "unchanged", "ignored", "deleted"]
        .map(|k| c[k].as_u64().expect("a count"))
}

/// The stored values of a report as `indicatorCode → value`, or `None` when it has no report.
pub async fn stored(app: &TestApp, unit: &str, period: &str) -> Option<Value> {
    let response = app.get(&report_url(unit, period)).await;
    if response.status().as_u16() == 404 {
        return None;
    }
    let report = expect_json(response, 200).await;
    let mut values = serde_json::Map::new();
    for value in report["values"].as_array().expect("values") {
        values.insert(
            value["indicatorCode"].as_str().expect("a code").to_owned(),
            value["value"].clone(),
        );
    }
    Some(Value::Object(values))
}

/// How many audit entries the unit has.
pub async fn audit_count(app: &TestApp, unit: &str) -> u64 {
    let trail = expect_json(
        app.get(&format!("/api/v1/audit-entries?unit={unit}&pageSize=1"))
            .await,
        200,
    )
    .await;
    trail["totalItems"].as_u64().expect("a total")
}
