//! Submission enforces the rules: blocking ones refuse, warnings are acknowledged and kept.

use chitieu_e2e::reporting_fixture::{PLAN, VHXH, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::fixture::{
    PART_1, PART_2, Q1, TOTAL, commune_with_sub_items, create_rule, etag_of, report_with, send,
};

pub async fn a_blocking_rule_refuses_a_submission_listing_both_sides(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    create_rule(
        &app,
        &people.commune_officer,
        json!({"code": "TT-DN-TONG",
        "name": "Tổng hai loại hình không vượt quá tổng số doanh nghiệp",
        "leftSide": "#{NQ57-THAITAN-30.1} + #{NQ57-THAITAN-30.2}", "operator": "lessThanOrEqualTo",
        "rightSide": "#{NQ57-THAITAN-30}", "importance": "blocking"}),
    )
    .await;
    // Each part is within the total (no built-in warning), but together they exceed it.
    let etag = report_with(
        &app,
        &people.vhxh,
        VHXH,
        &[(TOTAL, 10.0), (PART_1, 7.0), (PART_2, 5.0)],
    )
    .await;
    let submit = format!("{}/submit", report_url(VHXH, Q1));
    let refused = send(&app, &people.vhxh, Method::POST, &submit, Some(&etag), None).await;
    let problem = expect_json(refused, 422).await;
    assert_eq!(
        problem["type"],
        "urn:chitieu:problem:validation-rules-violated"
    );
    let violation = &problem["violations"][0];
    assert_eq!(violation["ruleCode"], "TT-DN-TONG");
    assert_eq!(violation["importance"], "blocking");
    assert_eq!(
        (
            violation["leftSide"]["value"].as_f64(),
            violation["rightSide"]["value"].as_f64()
        ),
        (Some(12.0), Some(10.0))
    );

    // Acknowledging does not lift a blocking rule; the report stays a draft.
    let body = json!({"acknowledgedWarnings": ["TT-DN-TONG"]});
    let refused = send(
        &app,
        &people.vhxh,
        Method::POST,
        &submit,
        Some(&etag),
        Some(body),
    )
    .await;
    expect_json(refused, 422).await;
    let report = expect_json(
        send(
            &app,
            &people.vhxh,
            Method::GET,
            &report_url(VHXH, Q1),
            None,
            None,
        )
        .await,
        200,
    )
    .await;
    assert_eq!(report["state"], "draft");

    // Corrected, it goes through.
    let put = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &format!("{}/values", report_url(VHXH, Q1)),
        Some(&etag),
        Some(json!({"values": [{"indicatorCode": TOTAL, "value": 12}]})),
    )
    .await;
    let etag = etag_of(&put);
    expect_json(put, 200).await;
    let submitted = send(&app, &people.vhxh, Method::POST, &submit, Some(&etag), None).await;
    assert_eq!(expect_json(submitted, 200).await["state"], "submitted");
}

pub async fn a_warning_is_acknowledged_and_kept_on_the_report_and_in_the_audit_trail(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    // 30.1 = 15 exceeds its total 30 = 12: the catalog's built-in warning.
    let etag = report_with(&app, &people.vhxh, VHXH, &[(TOTAL, 12.0), (PART_1, 15.0)]).await;
    let submit = format!("{}/submit", report_url(VHXH, Q1));
    let refused = send(&app, &people.vhxh, Method::POST, &submit, Some(&etag), None).await;
    let problem = expect_json(refused, 422).await;
    let rule = format!("SUBITEM-{PART_1}");
    assert_eq!(problem["violations"][0]["ruleCode"], rule.as_str());
    assert_eq!(problem["violations"][0]["importance"], "warning");
    assert_eq!(problem["violations"][0]["builtIn"], true);

    let comment = "Số liệu 30.1 gồm cả doanh nghiệp của xã cũ sáp nhập, đã xác minh";
    let body = json!({"acknowledgedWarnings": [rule], "comment": comment});
    let submitted = send(
        &app,
        &people.vhxh,
        Method::POST,
        &submit,
        Some(&etag),
        Some(body),
    )
    .await;
    let report = expect_json(submitted, 200).await;
    assert_eq!(report["state"], "submitted");
    let kept = &report["acknowledgedWarnings"][0];
    assert_eq!(kept["ruleCode"], rule.as_str());
    assert_eq!(
        (kept["leftValue"].as_f64(), kept["rightValue"].as_f64()),
        (Some(15.0), Some(12.0))
    );
    assert_eq!(kept["comment"], comment);
    assert_eq!(kept["acknowledgedBy"], "vhxh.reporter");

    let trail = expect_json(
        app.get(&format!("/api/v1/audit-entries?unit={VHXH}&period={Q1}"))
            .await,
        200,
    )
    .await;
    let acknowledged = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "warning_acknowledged")
        .unwrap_or_else(|| panic!("the trail has the acknowledgement: {trail}"));
    assert_eq!(acknowledged["newValue"], rule.as_str());
    assert_eq!(acknowledged["reason"], comment);
    assert_eq!(
        acknowledged["oldValue"],
        format!("#{{{PART_1}}} = 15 ≤ #{{{TOTAL}}} = 12")
    );
    assert_eq!(acknowledged["planCode"], PLAN);
}

pub async fn built_in_rules_are_listed_beside_the_users_and_can_be_switched_off(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    let listed = expect_json(
        send(
            &app,
            &people.vhxh,
            Method::GET,
            &format!("/api/v1/validation-rules?plan={PLAN}"),
            None,
            None,
        )
        .await,
        200,
    )
    .await;
    let codes: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [format!("SUBITEM-{PART_1}"), format!("SUBITEM-{PART_2}")]
    );
    assert_eq!(listed["items"][0]["builtIn"], true);
    assert_eq!(listed["items"][0]["rightSide"], format!("#{{{TOTAL}}}"));

    let switch = format!("/api/v1/validation-rules/built-in/{PLAN}/SUBITEM-{PART_1}");
    let refused = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &switch,
        None,
        Some(json!({"enabled": false})),
    )
    .await;
    expect_json(refused, 403).await;
    let off = send(
        &app,
        &people.commune_officer,
        Method::PUT,
        &switch,
        None,
        Some(json!({"enabled": false})),
    )
    .await;
    assert_eq!(expect_json(off, 200).await["enabled"], false);

    // Switched off, the exceeding sub-item no longer holds up the submission.
    let etag = report_with(&app, &people.vhxh, VHXH, &[(TOTAL, 12.0), (PART_1, 15.0)]).await;
    let submitted = send(
        &app,
        &people.vhxh,
        Method::POST,
        &format!("{}/submit", report_url(VHXH, Q1)),
        Some(&etag),
        None,
    )
    .await;
    assert_eq!(
        expect_json(submitted, 200).await["acknowledgedWarnings"],
        json!([])
    );
}
