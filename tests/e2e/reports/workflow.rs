use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT, PERCENT, RANK, TEXT, VHXH, YTE, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::support::{act, act_ok, commune, etag_of, open, put_values, send, vhxh_values};

const Q4: &str = "2026Q4";

pub async fn agencies_report_and_approval_climbs_the_tree(app: TestApp) {
    let people = commune(&app).await;

    // Phòng VHXH: percent as numerator/denominator, a count and a status; submits on time.
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    assert_eq!(etag, "\"1\"");
    let (etag, report) = put_values(&app, &people.vhxh, VHXH, Q4, &etag, vhxh_values()).await;
    assert_eq!(etag, "\"2\"");
    assert_eq!(report["state"], "draft");
    assert_eq!(report["dueAt"], "2027-01-05T17:00:00Z");
    let values = report["values"].as_array().unwrap();
    assert_eq!(values.len(), 3);
    let percent = values
        .iter()
        .find(|v| v["indicatorCode"] == PERCENT)
        .unwrap();
    assert_eq!(
        percent["value"],
        json!({"numerator": 45.0, "denominator": 50.0})
    );
    assert_eq!(percent["updatedBy"], "vhxh.reporter");
    let (vhxh_etag, report) = act_ok(&app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    assert_eq!(report["state"], "submitted");
    assert_eq!(report["late"], false);
    assert_eq!(report["submittedBy"], "vhxh.reporter");

    // Trạm Y tế submits too.
    let etag = open(&app, &people.yte, YTE, Q4).await;
    let values = json!([
        {"indicatorCode": PERCENT, "value": {"numerator": 10, "denominator": 20}},
        {"indicatorCode": COUNT, "value": 1},
    ]);
    let (etag, _) = put_values(&app, &people.yte, YTE, Q4, &etag, values).await;
    let (etag, _) = act_ok(&app, &people.yte, YTE, Q4, "submit", &etag, None).await;

    // The commune returns it with a reason; the agency corrects and resubmits.
    let returned = act(
        &app,
        &people.commune_officer,
        YTE,
        Q4,
        "return",
        &etag,
        Some(json!({})),
    )
    .await;
    expect_json(returned, 400).await;
    let reason = json!({"reason": "Số sáng kiến chưa khớp với biên bản"});
    let (etag, report) = act_ok(
        &app,
        &people.commune_officer,
        YTE,
        Q4,
        "return",
        &etag,
        Some(reason),
    )
    .await;
    assert_eq!(report["state"], "returned");
    assert_eq!(report["stateReason"], "Số sáng kiến chưa khớp với biên bản");
    let fix = json!([{"indicatorCode": COUNT, "value": 2}]);
    let (etag, _) = put_values(&app, &people.yte, YTE, Q4, &etag, fix).await;
    let (yte_etag, report) = act_ok(&app, &people.yte, YTE, Q4, "submit", &etag, None).await;
    assert_eq!(report["state"], "submitted");
    assert_eq!(report["stateReason"], serde_json::Value::Null);

    // The commune's own report.
    let etag = open(&app, &people.commune_reporter, COMMUNE, Q4).await;
    let values = json!([
        {"indicatorCode": PERCENT, "value": {"numerator": 55, "denominator": 70}},
        {"indicatorCode": TEXT, "value": "Triển khai nền tảng họp trực tuyến đến 100% thôn"},
        {"indicatorCode": RANK, "value": 12},
    ]);
    let (etag, _) = put_values(&app, &people.commune_reporter, COMMUNE, Q4, &etag, values).await;
    let (commune_etag, _) = act_ok(
        &app,
        &people.commune_reporter,
        COMMUNE,
        Q4,
        "submit",
        &etag,
        None,
    )
    .await;

    // The commune officer approves the agencies; approving VHXH first.
    let (_, report) = act_ok(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "approve",
        &vhxh_etag,
        None,
    )
    .await;
    assert_eq!(report["state"], "approved");
    assert_eq!(report["approvedBy"], "xa.officer");

    // The province cannot approve the commune while Trạm Y tế's report is unapproved.
    let refused = act(
        &app,
        &people.province_officer,
        COMMUNE,
        Q4,
        "approve",
        &commune_etag,
        None,
    )
    .await;
    let problem = expect_json(refused, 409).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("31001-YTE (submitted)"), "{detail}");
    assert!(!detail.contains(VHXH), "{detail}");

    act_ok(
        &app,
        &people.commune_officer,
        YTE,
        Q4,
        "approve",
        &yte_etag,
        None,
    )
    .await;
    let (_, report) = act_ok(
        &app,
        &people.province_officer,
        COMMUNE,
        Q4,
        "approve",
        &commune_etag,
        None,
    )
    .await;
    assert_eq!(report["state"], "approved");
    assert_eq!(report["approvedBy"], "tinh.officer");
    assert_eq!(report["approvalOverride"], serde_json::Value::Null);

    // An approved report cannot change.
    let url = format!("{}/values", report_url(VHXH, Q4));
    let body = json!({"values": [{"indicatorCode": COUNT, "value": 4}]});
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &url,
        Some("*"),
        Some(&body),
    )
    .await;
    let problem = expect_json(response, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("approved"));

    // Listing by state within the commune.
    let response = people
        .commune_officer
        .get(app.url(&format!("/api/v1/reports?period={Q4}&state=approved")))
        .send()
        .await
        .unwrap();
    let page = expect_json(response, 200).await;
    assert_eq!(page["totalItems"], 3);
}

pub async fn a_commune_report_waits_for_its_agencies_unless_an_override_is_given(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (etag, _) = put_values(&app, &people.vhxh, VHXH, Q4, &etag, vhxh_values()).await;
    act_ok(&app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    let etag = open(&app, &people.commune_reporter, COMMUNE, Q4).await;
    let (etag, _) = act_ok(
        &app,
        &people.commune_reporter,
        COMMUNE,
        Q4,
        "submit",
        &etag,
        None,
    )
    .await;

    let refused = act(
        &app,
        &people.province_officer,
        COMMUNE,
        Q4,
        "approve",
        &etag,
        None,
    )
    .await;
    let problem = expect_json(refused, 409).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("31001-VHXH (submitted)"), "{detail}");
    assert!(detail.contains("31001-YTE (missing)"), "{detail}");

    let why = "Trạm Y tế báo cáo trực tiếp lên tỉnh trong quý này";
    let (_, report) = act_ok(
        &app,
        &people.province_officer,
        COMMUNE,
        Q4,
        "approve",
        &etag,
        Some(json!({"overrideReason": why})),
    )
    .await;
    assert_eq!(report["state"], "approved");
    assert_eq!(report["approvalOverride"], why);

    let trail = app
        .get(&format!("/api/v1/audit-entries?unit={COMMUNE}&period={Q4}"))
        .await;
    let trail = expect_json(trail, 200).await;
    let last = trail["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "approved");
    assert_eq!(last["actor"], "tinh.officer");
    assert_eq!(last["reason"], format!("override: {why}"));
}

pub async fn approving_a_returned_report_is_rejected(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (etag, _) = act_ok(&app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    let reason = json!({"reason": "Thiếu minh chứng"});
    let (etag, _) = act_ok(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "return",
        &etag,
        Some(reason),
    )
    .await;
    let refused = act(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "approve",
        &etag,
        None,
    )
    .await;
    let problem = expect_json(refused, 409).await;
    assert_eq!(
        problem["detail"],
        "the report is returned: only a report that is submitted can be approved"
    );
    // Returning it again is as wrong as approving it.
    let again = act(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "return",
        &etag,
        Some(json!({"reason": "x"})),
    )
    .await;
    expect_json(again, 409).await;
}

pub async fn a_report_submitted_after_its_deadline_is_recorded_as_late(app: TestApp) {
    let people = commune(&app).await;
    // Q1 2026 was due before 6 April 2026, Vietnam time: long past.
    let etag = open(&app, &people.vhxh, VHXH, "2026Q1").await;
    let (_, report) = act_ok(&app, &people.vhxh, VHXH, "2026Q1", "submit", &etag, None).await;
    assert_eq!(report["dueAt"], "2026-04-05T17:00:00Z");
    assert_eq!(report["late"], true);
    let trail = app
        .get(&format!("/api/v1/audit-entries?unit={VHXH}&period=2026Q1"))
        .await;
    let trail = expect_json(trail, 200).await;
    let last = trail["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "submitted");
    assert_eq!(last["reason"], "late");
}

pub async fn an_approved_report_is_reopened_only_with_a_reason(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (etag, _) = act_ok(&app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    let (etag, _) = act_ok(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "approve",
        &etag,
        None,
    )
    .await;
    let response = act(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "reopen",
        &etag,
        Some(json!({"reason": "  "})),
    )
    .await;
    let problem = expect_json(response, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/reason");
    let (etag, report) = act_ok(
        &app,
        &people.commune_officer,
        VHXH,
        Q4,
        "reopen",
        &etag,
        Some(json!({"reason": "Sở yêu cầu bổ sung số liệu"})),
    )
    .await;
    assert_eq!(report["state"], "returned");
    assert_eq!(report["approvedBy"], serde_json::Value::Null);
    let fix = json!([{"indicatorCode": COUNT, "value": 5}]);
    let (_, report) = put_values(&app, &people.vhxh, VHXH, Q4, &etag, fix).await;
    assert_eq!(report["values"][0]["value"], 5.0);
    let got = send(
        &app,
        &people.vhxh,
        Method::GET,
        &report_url(VHXH, Q4),
        None,
        None,
    )
    .await;
    assert_eq!(etag_of(&got), format!("\"{}\"", report["version"]));
}
