use chitieu_e2e::reporting_fixture::{COUNT, PERCENT, PROVINCE, RANK, STATUS, VHXH, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::support::{commune, etag_of, open, pointers, put_expecting, send};

const Q4: &str = "2026Q4";

pub async fn invalid_values_are_all_named_and_nothing_is_stored(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let body = json!({"values": [
        {"indicatorCode": PERCENT, "value": {"numerator": 51, "denominator": 50}},
        {"indicatorCode": COUNT, "value": -1},
        {"indicatorCode": STATUS, "value": 1},
        {"indicatorCode": RANK, "value": 3},
        {"indicatorCode": "NQ57-KHONG-CO", "value": 3},
    ]});
    let url = format!("{}/values", report_url(VHXH, Q4));
    let problem = put_expecting(&app, &people.vhxh, &url, &etag, &body, 422).await;
    assert_eq!(
        pointers(&problem),
        [
            "/values/0/value",
            "/values/1/value",
            "/values/2/value",
            "/values/3/indicatorCode",
            "/values/4/indicatorCode",
        ]
    );
    let details: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert!(details[0].contains("numerator"), "{}", details[0]);
    assert!(details[1].contains("≥ 0"), "{}", details[1]);
    assert!(details[2].contains("achieved"), "{}", details[2]);
    assert!(
        details[3].contains("not assigned to unit 31001-VHXH"),
        "{}",
        details[3]
    );

    // A shape error elsewhere still reports the kind errors, and still stores nothing.
    let body = json!({"values": [
        {"indicatorCode": COUNT, "value": 2.5},
        {"indicatorCode": "lower case", "value": 1},
    ]});
    let problem = put_expecting(&app, &people.vhxh, &url, &etag, &body, 422).await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(found, ["/values/0/value", "/values/1/indicatorCode"]);

    let response = send(
        &app,
        &people.vhxh,
        Method::GET,
        &report_url(VHXH, Q4),
        None,
        None,
    )
    .await;
    assert_eq!(etag_of(&response), "\"1\"");
    let report = expect_json(response, 200).await;
    assert_eq!(report["values"], json!([]));
    let trail = expect_json(
        app.get(&format!("/api/v1/audit-entries?unit={VHXH}")).await,
        200,
    )
    .await;
    assert_eq!(trail["totalItems"], 1, "only the opening is recorded");
}

pub async fn a_percent_above_100_is_refused_naming_the_value(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let url = format!("{}/values", report_url(VHXH, Q4));
    let body = json!({"values": [
        {"indicatorCode": COUNT, "value": 4},
        {"indicatorCode": PERCENT, "value": 120},
    ]});
    let problem = put_expecting(&app, &people.vhxh, &url, &etag, &body, 422).await;
    assert_eq!(pointers(&problem), ["/values/1/value"]);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("between 0 and 100")
    );

    let body = json!({"values": [
        {"indicatorCode": PERCENT, "value": {"numerator": 1, "denominator": 0}},
    ]});
    let problem = put_expecting(&app, &people.vhxh, &url, &etag, &body, 422).await;
    assert_eq!(pointers(&problem), ["/values/0/value"]);
    assert!(problem["detail"].as_str().unwrap().contains("denominator"));
}

pub async fn a_period_outside_the_plan_is_refused_naming_the_period(app: TestApp) {
    let people = commune(&app).await;
    for period in ["2031Q1", "2025Q2", "2026Q5", "2026-13"] {
        let response = send(
            &app,
            &people.vhxh,
            Method::PUT,
            &report_url(VHXH, period),
            None,
            None,
        )
        .await;
        let problem = expect_json(response, 422).await;
        assert_eq!(pointers(&problem), ["/period"], "{period}");
    }
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &report_url(VHXH, "2030"),
        None,
        None,
    )
    .await;
    expect_json(response, 201).await;
}

pub async fn a_unit_without_assignments_cannot_open_a_report(app: TestApp) {
    commune(&app).await;
    let response = app
        .request(Method::PUT, &report_url(PROVINCE, Q4))
        .send()
        .await
        .unwrap();
    let problem = expect_json(response, 422).await;
    assert_eq!(pointers(&problem), ["/unitCode"]);
    let response = app
        .request(Method::PUT, "/api/v1/reports/31001-VHXH/KH-KHONG-CO/2026Q4")
        .send()
        .await
        .unwrap();
    expect_json(response, 404).await;
}

pub async fn changes_need_if_match_and_the_current_version(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let url = format!("{}/values", report_url(VHXH, Q4));
    let body = json!({"values": [{"indicatorCode": COUNT, "value": 4}]});
    let response = send(&app, &people.vhxh, Method::PUT, &url, None, Some(&body)).await;
    expect_json(response, 428).await;
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&body),
    )
    .await;
    assert_eq!(etag_of(&response), "\"2\"");
    expect_json(response, 200).await;
    // The same values again change nothing, so the version stays.
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &url,
        Some("\"2\""),
        Some(&body),
    )
    .await;
    assert_eq!(etag_of(&response), "\"2\"");
    expect_json(response, 200).await;
    let body = json!({"values": [{"indicatorCode": COUNT, "value": 5}]});
    put_expecting(&app, &people.vhxh, &url, &etag, &body, 412).await;
    let submit = format!("{}/submit", report_url(VHXH, Q4));
    let response = send(&app, &people.vhxh, Method::POST, &submit, None, None).await;
    expect_json(response, 428).await;
    let response = send(&app, &people.vhxh, Method::POST, &submit, Some(&etag), None).await;
    expect_json(response, 412).await;
}
