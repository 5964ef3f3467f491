//! Thái Tân commune's plan 18/KH-UBND for the plans tests: units seeded in the store, then the
//! shared loading of `chitieu_e2e::thai_tan` (catalog, plan, items through the API).

use chitieu_e2e::{TestApp, expect_json};
use serde_json::Value;

pub use chitieu_e2e::thai_tan::{
    AGENCIES, CATALOG, COMMUNE, PLAN, YEARS, catalog, indicator_code, indicators, lead_unit,
    plan_body, rows,
};

/// Hải Phòng (31) with Thái Tân commune (31001) and its agencies; Hà Nội (01) with a commune.
pub async fn units(app: &TestApp) {
    app.seed_unit("31", "province", None).await;
    app.seed_unit(COMMUNE, "commune", Some("31")).await;
    for agency in AGENCIES {
        app.seed_unit(agency, "unit", Some(COMMUNE)).await;
    }
    app.seed_unit("01", "province", None).await;
    app.seed_unit("01001", "commune", Some("01")).await;
    app.seed_unit("01001-VHXH", "unit", Some("01001")).await;
}

/// Units, catalog, plan: everything but the items.
pub async fn empty_plan(app: &TestApp) -> Value {
    units(app).await;
    catalog(app, CATALOG).await;
    indicators(app).await;
    expect_json(app.post_json("/api/v1/plans", &plan_body(PLAN)).await, 201).await
}

/// The whole plan with its items.
pub async fn thai_tan_plan(app: &TestApp) {
    empty_plan(app).await;
    chitieu_e2e::thai_tan::items(app, &app.client, PLAN).await;
}

/// The JSON pointers a problem document names.
pub fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["pointer"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// GET with another client, returning status and JSON body.
pub async fn get_as(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, Value) {
    let response = client
        .get(app.url(path))
        .send()
        .await
        .expect("GET is answered");
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}
