//! Items and plans that are refused, each naming the field at fault.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::fixture::{
    CATALOG, COMMUNE, PLAN, catalog, empty_plan, indicator_code, plan_body, pointers,
};

fn items_path() -> String {
    format!("/api/v1/plans/{PLAN}/items")
}

pub async fn an_indicator_of_another_catalog_is_refused_naming_the_indicator_code(app: TestApp) {
    empty_plan(&app).await;
    catalog(&app, "NQ57-NGHIDUONG-2025").await;
    let other = json!({"catalogCode": "NQ57-NGHIDUONG-2025", "code": "NQ57-NGHIDUONG-1",
        "number": "1", "name": "Tỷ lệ phủ sóng 5G", "sectionCode": "I", "valueKind": "percent"});
    expect_json(app.post_json("/api/v1/indicators", &other).await, 201).await;

    let body = json!({"indicatorCode": "NQ57-NGHIDUONG-1", "targets": {"2025": "≥60%"}});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/indicatorCode"]);
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains(CATALOG), "{detail}");

    let unknown = json!({"indicatorCode": "NQ57-NOWHERE-1"});
    let problem = expect_json(app.post_json(&items_path(), &unknown).await, 422).await;
    assert_eq!(pointers(&problem), ["/indicatorCode"]);
}

pub async fn a_unit_outside_the_issuing_unit_subtree_cannot_be_assigned(app: TestApp) {
    empty_plan(&app).await;
    let body = json!({"indicatorCode": indicator_code("1"), "leadUnitCode": "01001-VHXH"});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/leadUnitCode"]);
    assert!(problem["detail"].as_str().unwrap().contains("01001-VHXH"));

    // The province above the commune is not in its subtree either.
    let body = json!({"indicatorCode": indicator_code("1"), "leadUnitCode": "31001-VHXH",
        "coordinatingUnitCodes": ["31001-KT", "31", "31001-CA"]});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/coordinatingUnitCodes/1"]);

    let body = json!({"indicatorCode": indicator_code("1"),
        "coordinatingUnitCodes": ["31001-KT", "31001-NOWHERE"]});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/coordinatingUnitCodes/1"]);

    let body = json!({"indicatorCode": indicator_code("1"), "leadUnitCode": "31001-KT",
        "coordinatingUnitCodes": ["31001-KT"]});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/coordinatingUnitCodes/0"]);

    // A closed unit reports nothing new.
    app.seed_unit("31001-OLD", "unit", Some(COMMUNE)).await;
    let response = app
        .request(Method::POST, "/api/v1/org-units/31001-OLD/close")
        .header("If-Match", "\"1\"")
        .json(&json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"}))
        .send()
        .await
        .unwrap();
    expect_json(response, 200).await;
    let body = json!({"indicatorCode": indicator_code("1"), "leadUnitCode": "31001-OLD"});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/leadUnitCode"]);
    assert!(problem["detail"].as_str().unwrap().contains("closed"));

    // Nothing was stored by the refused requests.
    let items = expect_json(app.get(&items_path()).await, 200).await;
    assert_eq!(items, json!([]));
}

pub async fn a_target_year_outside_2000_to_2100_is_refused(app: TestApp) {
    empty_plan(&app).await;
    let body = json!({"indicatorCode": indicator_code("1"),
        "targets": {"2025": "≥60%", "2101": "100%", "1999": "50%", "năm 2030": "100%"}});
    let problem = expect_json(app.post_json(&items_path(), &body).await, 422).await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(
        found,
        ["/targets/1999", "/targets/2101", "/targets/năm 2030"]
    );

    let path = format!("/api/v1/plans/{PLAN}/targets?year=2101");
    let problem = expect_json(app.get(&path).await, 422).await;
    assert_eq!(pointers(&problem), ["year"]);
}

pub async fn a_plan_valid_until_before_it_starts_is_refused(app: TestApp) {
    empty_plan(&app).await;
    let mut body = plan_body("TT-18-BIS");
    body["validTo"] = json!("2024-12-31");
    body["deadlines"] = json!({"monthly": {"day": 31, "monthOffset": 1}});
    body["catalogCode"] = json!("nq57");
    let problem = expect_json(app.post_json("/api/v1/plans", &body).await, 422).await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(found, ["/catalogCode", "/deadlines/monthly", "/validTo"]);

    let mut body = plan_body("TT-18-BIS");
    body["catalogCode"] = json!("NQ57-NOWHERE");
    let problem = expect_json(app.post_json("/api/v1/plans", &body).await, 422).await;
    assert_eq!(pointers(&problem), ["/catalogCode"]);
}

pub async fn a_taken_plan_code_or_a_repeated_indicator_is_a_conflict(app: TestApp) {
    empty_plan(&app).await;
    let problem = expect_json(app.post_json("/api/v1/plans", &plan_body(PLAN)).await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains(PLAN));
    let body = json!({"indicatorCode": indicator_code("1"), "targets": {"2025": "≥60%"}});
    expect_json(app.post_json(&items_path(), &body).await, 201).await;
    expect_json(app.post_json(&items_path(), &body).await, 409).await;
}
