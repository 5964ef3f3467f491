//! Changing plans and items with If-Match, and deleting them.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

use super::fixture::{PLAN, empty_plan, indicator_code, thai_tan_plan};

async fn read(app: &TestApp, path: &str) -> (String, Value) {
    let response = app.get(path).await;
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    (etag, expect_json(response, 200).await)
}

pub async fn changing_a_plan_or_an_item_needs_if_match_and_the_current_version(app: TestApp) {
    thai_tan_plan(&app).await;
    let plan_path = format!("/api/v1/plans/{PLAN}");
    let change = json!({"validTo": "2030-12-31"});
    let missing = app
        .request(Method::PATCH, &plan_path)
        .json(&change)
        .send()
        .await
        .unwrap();
    let problem = expect_json(missing, 428).await;
    assert_eq!(problem["type"], "urn:chitieu:problem:precondition-required");

    let (etag, _) = read(&app, &plan_path).await;
    assert_eq!(etag, "\"1\"");
    let changed = expect_json(app.patch_json(&plan_path, &etag, &change).await, 200).await;
    assert_eq!(
        (&changed["validTo"], &changed["version"]),
        (&json!("2030-12-31"), &json!(2))
    );
    expect_json(app.patch_json(&plan_path, &etag, &change).await, 412).await;
    // The same values again change nothing, so the version stays.
    let same = expect_json(app.patch_json(&plan_path, "\"2\"", &change).await, 200).await;
    assert_eq!(same["version"], 2);
    let backwards = json!({"validFrom": "2031-01-01"});
    let problem = expect_json(app.patch_json(&plan_path, "\"2\"", &backwards).await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/validFrom");

    let item_path = format!("{plan_path}/items/{}", indicator_code("1"));
    let note = json!({"note": "Theo dõi hằng quý"});
    let missing = app
        .request(Method::PATCH, &item_path)
        .json(&note)
        .send()
        .await
        .unwrap();
    expect_json(missing, 428).await;
    expect_json(app.patch_json(&item_path, "\"7\"", &note).await, 412).await;
    let item = expect_json(app.patch_json(&item_path, "\"1\"", &note).await, 200).await;
    assert_eq!(
        (&item["note"], &item["version"]),
        (&json!("Theo dõi hằng quý"), &json!(2))
    );
}

pub async fn targets_change_year_by_year_and_assignments_are_replaced(app: TestApp) {
    thai_tan_plan(&app).await;
    let item_path = format!("/api/v1/plans/{PLAN}/items/{}", indicator_code("1"));
    let change = json!({"targets": {"2026": "≥ 65%", "2045": null},
        "leadUnitCode": "31001-KT", "coordinatingUnitCodes": ["31001-VHXH"]});
    let item = expect_json(app.patch_json(&item_path, "\"1\"", &change).await, 200).await;
    let years: Vec<i64> = item["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2025, 2026, 2030, 2035, 2040]);
    assert_eq!(item["leadUnitCode"], "31001-KT");
    assert_eq!(item["coordinatingUnitCodes"], json!(["31001-VHXH"]));

    // Now 2026 has its own target.
    let answer = expect_json(
        app.get(&format!("/api/v1/plans/{PLAN}/targets?year=2026"))
            .await,
        200,
    )
    .await;
    let first = &answer["items"][0];
    assert_eq!(
        (&first["source"], &first["fromYear"]),
        (&json!("explicit"), &json!(2026))
    );
    assert_eq!(first["target"]["low"], "65");

    let refused = json!({"coordinatingUnitCodes": ["31001-CA", "01001-VHXH"]});
    let problem = expect_json(app.patch_json(&item_path, "\"2\"", &refused).await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/coordinatingUnitCodes/1");
    let cleared = json!({"leadUnitCode": null});
    let item = expect_json(app.patch_json(&item_path, "\"2\"", &cleared).await, 200).await;
    assert_eq!(item["leadUnitCode"], Value::Null);
}

pub async fn a_plan_with_items_cannot_be_deleted_until_they_are_removed(app: TestApp) {
    empty_plan(&app).await;
    let items_path = format!("/api/v1/plans/{PLAN}/items");
    let body = json!({"indicatorCode": indicator_code("1"), "targets": {"2025": "≥60%"}});
    expect_json(app.post_json(&items_path, &body).await, 201).await;
    let plan_path = format!("/api/v1/plans/{PLAN}");
    let problem = expect_json(app.delete(&plan_path, "\"1\"").await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("1 item(s)"));

    let item_path = format!("{items_path}/{}", indicator_code("1"));
    expect_json(app.delete(&item_path, "\"1\"").await, 204).await;
    expect_json(app.get(&item_path).await, 404).await;
    expect_json(app.delete(&plan_path, "\"1\"").await, 204).await;
    expect_json(app.get(&plan_path).await, 404).await;
}
