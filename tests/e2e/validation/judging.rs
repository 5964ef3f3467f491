//! Rules judged over a report, checked against values computed by hand.

use chitieu_e2e::reporting_fixture::{COUNT, VHXH};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::fixture::{
    PART_1, PART_2, TOTAL, commune_with_sub_items, create_rule, judgement, report_with, send,
};

fn rule(code: &str, left: &str, operator: &str, right: &str) -> serde_json::Value {
    json!({"code": code, "name": format!("Quy tắc {code}"), "leftSide": left,
        "operator": operator, "rightSide": right, "importance": "warning"})
}

pub async fn each_operator_judges_values_as_computed_by_hand(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    // 30.1 + 30.2 = 7 + 5 = 12 against 30 = 12, and against 3 × 4 = 12 / 13.
    let cases = [
        ("R-EQ", "equalTo", "#{NQ57-THAITAN-30}", "passed"),
        ("R-NE", "notEqualTo", "#{NQ57-THAITAN-30}", "violated"),
        ("R-GT", "greaterThan", "3 * 4", "violated"),
        ("R-GE", "greaterThanOrEqualTo", "3 * 4", "passed"),
        ("R-LT", "lessThan", "(3 * 4 + 1)", "passed"),
        ("R-LE", "lessThanOrEqualTo", "13 - 2", "violated"),
    ];
    for (code, operator, right, _) in cases {
        create_rule(
            &app,
            &people.commune_officer,
            rule(
                code,
                "#{NQ57-THAITAN-30.1} + #{NQ57-THAITAN-30.2}",
                operator,
                right,
            ),
        )
        .await;
    }
    report_with(
        &app,
        &people.vhxh,
        VHXH,
        &[(TOTAL, 12.0), (PART_1, 7.0), (PART_2, 5.0)],
    )
    .await;
    for (code, _, _, outcome) in cases {
        let judged = judgement(&app, &people.vhxh, VHXH, code).await;
        assert_eq!(judged["outcome"], outcome, "{code}: {judged}");
        assert_eq!(judged["leftSide"]["value"], 12.0, "{code}");
    }
    let le = judgement(&app, &people.vhxh, VHXH, "R-LE").await;
    assert_eq!(
        le["rightSide"],
        json!({"expression": "13 - 2", "value": 11.0, "noValueBecause": null})
    );
}

pub async fn pairs_look_at_which_sides_have_values_and_missing_values_follow_the_strategy(
    app: TestApp,
) {
    let people = commune_with_sub_items(&app).await;
    let officer = &people.commune_officer;
    create_rule(
        &app,
        officer,
        rule(
            "P-COMPULSORY",
            "#{NQ57-THAITAN-30.1}",
            "compulsoryPair",
            "#{NQ57-THAITAN-30.2}",
        ),
    )
    .await;
    create_rule(
        &app,
        officer,
        rule(
            "P-EXCLUSIVE",
            "#{NQ57-THAITAN-30.1}",
            "exclusivePair",
            "#{NQ57-THAITAN-12}",
        ),
    )
    .await;
    create_rule(
        &app,
        officer,
        rule("M-SKIP", "#{NQ57-THAITAN-30.2}", "greaterThan", "0"),
    )
    .await;
    let mut zero = rule("M-ZERO", "#{NQ57-THAITAN-30.2}", "greaterThan", "0");
    zero["missingValueStrategy"] = json!("neverSkip");
    create_rule(&app, officer, zero).await;
    let mut some = rule(
        "M-SOME",
        "#{NQ57-THAITAN-30.1} + #{NQ57-THAITAN-30.2}",
        "equalTo",
        "4",
    );
    some["missingValueStrategy"] = json!("skipIfAllValuesMissing");
    create_rule(&app, officer, some).await;

    // 30.1 = 4 and the count 12 = 3 are there; 30.2 is missing.
    report_with(&app, &people.vhxh, VHXH, &[(PART_1, 4.0), (COUNT, 3.0)]).await;
    let outcome = |j: serde_json::Value| j["outcome"].as_str().unwrap().to_owned();
    assert_eq!(
        outcome(judgement(&app, &people.vhxh, VHXH, "P-COMPULSORY").await),
        "violated"
    );
    assert_eq!(
        outcome(judgement(&app, &people.vhxh, VHXH, "P-EXCLUSIVE").await),
        "violated"
    );
    let skipped = judgement(&app, &people.vhxh, VHXH, "M-SKIP").await;
    assert_eq!(skipped["outcome"], "skipped");
    assert_eq!(skipped["leftSide"]["noValueBecause"], "missing");
    let zero = judgement(&app, &people.vhxh, VHXH, "M-ZERO").await;
    assert_eq!(
        (zero["outcome"].as_str(), zero["leftSide"]["value"].as_f64()),
        (Some("violated"), Some(0.0))
    );
    assert_eq!(
        outcome(judgement(&app, &people.vhxh, VHXH, "M-SOME").await),
        "passed"
    );
}

pub async fn a_division_by_zero_skips_the_rule_instead_of_inventing_a_value(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    create_rule(
        &app,
        &people.commune_officer,
        rule(
            "D-ZERO",
            "#{NQ57-THAITAN-30} / (#{NQ57-THAITAN-30.1} - #{NQ57-THAITAN-30.2})",
            "lessThan",
            "100",
        ),
    )
    .await;
    report_with(
        &app,
        &people.vhxh,
        VHXH,
        &[(TOTAL, 10.0), (PART_1, 5.0), (PART_2, 5.0)],
    )
    .await;
    let judged = judgement(&app, &people.vhxh, VHXH, "D-ZERO").await;
    assert_eq!(judged["outcome"], "skipped");
    assert_eq!(judged["leftSide"]["noValueBecause"], "divisionByZero");
}

pub async fn an_expression_that_does_not_parse_is_refused_naming_the_position(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    let mut body = rule(
        "BAD",
        "#{NQ57-THAITAN-30.1} + * 2",
        "equalTo",
        "#{NQ57-THAITAN-99}",
    );
    body["planCode"] = json!(chitieu_e2e::reporting_fixture::PLAN);
    let response = send(
        &app,
        &people.commune_officer,
        Method::POST,
        "/api/v1/validation-rules",
        None,
        Some(body.clone()),
    )
    .await;
    let problem = expect_json(response, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/leftSide");
    assert!(
        problem["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("at position 24:"),
        "{problem}"
    );

    // Parsed, but naming an indicator the plan does not have: its position is named too.
    body["leftSide"] = json!("#{NQ57-THAITAN-30.1}");
    let response = send(
        &app,
        &people.commune_officer,
        Method::POST,
        "/api/v1/validation-rules",
        None,
        Some(body),
    )
    .await;
    let problem = expect_json(response, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/rightSide");
    assert_eq!(
        problem["errors"][0]["detail"],
        "at position 1: indicator NQ57-THAITAN-99 is not an item of plan KH-18-THAITAN-2025"
    );
}

pub async fn rules_are_created_read_replaced_and_deleted_with_their_version(app: TestApp) {
    let people = commune_with_sub_items(&app).await;
    let officer = &people.commune_officer;
    let created = create_rule(
        &app,
        officer,
        rule(
            "R-CRUD",
            "#{NQ57-THAITAN-30.1}",
            "lessThanOrEqualTo",
            "#{NQ57-THAITAN-30}",
        ),
    )
    .await;
    assert_eq!(created["version"], 1);
    assert_eq!(created["missingValueStrategy"], "skipIfAnyValueMissing");
    let url = "/api/v1/validation-rules/R-CRUD";
    let read = send(&app, &people.vhxh, Method::GET, url, None, None).await;
    assert_eq!(read.headers()["etag"], "\"1\"");
    let mut replacement = rule(
        "ignored",
        "#{NQ57-THAITAN-30.2}",
        "lessThanOrEqualTo",
        "#{NQ57-THAITAN-30}",
    );
    replacement.as_object_mut().unwrap().remove("code");
    replacement["importance"] = json!("blocking");
    let refused = send(
        &app,
        &people.vhxh,
        Method::PUT,
        url,
        Some("\"1\""),
        Some(replacement.clone()),
    )
    .await;
    expect_json(refused, 403).await;
    let replaced = send(
        &app,
        officer,
        Method::PUT,
        url,
        Some("\"1\""),
        Some(replacement.clone()),
    )
    .await;
    let replaced = expect_json(replaced, 200).await;
    assert_eq!(
        (
            replaced["version"].as_i64(),
            replaced["importance"].as_str()
        ),
        (Some(2), Some("blocking"))
    );
    let stale = send(
        &app,
        officer,
        Method::PUT,
        url,
        Some("\"1\""),
        Some(replacement),
    )
    .await;
    expect_json(stale, 412).await;
    let taken = send(
        &app,
        officer,
        Method::POST,
        "/api/v1/validation-rules",
        None,
        Some(
            json!({"code": "R-CRUD", "planCode": chitieu_e2e::reporting_fixture::PLAN, "name": "x",
            "leftSide": "1", "operator": "equalTo", "rightSide": "1", "importance": "warning"}),
        ),
    )
    .await;
    expect_json(taken, 409).await;
    let deleted = send(&app, officer, Method::DELETE, url, Some("\"2\""), None).await;
    assert_eq!(deleted.status(), 204);
    expect_json(send(&app, officer, Method::GET, url, None, None).await, 404).await;
}
