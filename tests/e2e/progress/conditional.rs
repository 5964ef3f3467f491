//! Conditional reads of computed answers (issue 21): a strong ETag that changes with every
//! write below, `If-None-Match` answered with 304 and no body, `Cache-Control: private,
//! no-cache`, and never a cached answer older than the data.

use chitieu_e2e::progress_fixture::{
    A, A_VHXH, B, C, ONLINE, PLAN, PROVINCE, enter, merge_into, seed_province,
};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Response;
use serde_json::json;

fn rollup_path(unit: &str) -> String {
    format!("/api/v1/org-units/{unit}/rollup?period=202601&indicators={ONLINE}")
}

fn etag_of(response: &Response) -> String {
    response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("a computed answer has an ETag")
        .to_owned()
}

async fn get_if_none_match(app: &TestApp, path: &str, tag: &str) -> Response {
    app.request(reqwest::Method::GET, path)
        .header("if-none-match", tag)
        .send()
        .await
        .expect("GET is answered")
}

pub async fn a_reread_with_its_tag_is_answered_304_without_a_body(app: TestApp) {
    seed_province(&app).await;
    enter(&app, "202601", &[(B, ONLINE, json!([50, 100]))]).await;
    let first = app.get(&rollup_path(PROVINCE)).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "private, no-cache");
    let tag = etag_of(&first);
    assert!(tag.starts_with('"'), "a strong tag: {tag}");

    let again = get_if_none_match(&app, &rollup_path(PROVINCE), &tag).await;
    assert_eq!(again.status(), 304);
    assert_eq!(etag_of(&again), tag);
    assert_eq!(again.headers()["cache-control"], "private, no-cache");
    assert!(again.bytes().await.unwrap().is_empty());
}

pub async fn a_value_entered_below_changes_the_tag_and_the_answer(app: TestApp) {
    seed_province(&app).await;
    enter(&app, "202601", &[(B, ONLINE, json!([50, 100]))]).await;
    let first = app.get(&rollup_path(PROVINCE)).await;
    let tag = etag_of(&first);
    let before = expect_json(first, 200).await;
    assert_eq!(before["figures"][0]["reportingUnits"], 1);

    enter(&app, "202601", &[(C, ONLINE, json!([20, 40]))]).await;
    let after = get_if_none_match(&app, &rollup_path(PROVINCE), &tag).await;
    assert_eq!(after.status(), 200, "the old tag no longer matches");
    assert_ne!(etag_of(&after), tag);
    let after = expect_json(after, 200).await;
    assert_eq!(after["figures"][0]["reportingUnits"], 2);
}

pub async fn a_merger_changes_what_the_successor_answers(app: TestApp) {
    seed_province(&app).await;
    enter(
        &app,
        "202601",
        &[(B, ONLINE, json!([50, 100])), (C, ONLINE, json!([20, 40]))],
    )
    .await;
    let before = expect_json(app.get(&rollup_path(B)).await, 200).await;
    assert_eq!(before["figures"][0]["reportingUnits"], 1);
    merge_into(&app, C, B, "2025-12-31").await;
    let after = expect_json(app.get(&rollup_path(B)).await, 200).await;
    assert_eq!(after["figures"][0]["reportingUnits"], 2, "{after}");
}

pub async fn each_format_of_a_progress_report_has_its_own_tag(app: TestApp) {
    seed_province(&app).await;
    enter(&app, "202601", &[(A_VHXH, ONLINE, json!([90, 100]))]).await;
    let path = |extension: &str| {
        format!("/api/v1/org-units/{A}/progress{extension}?plan={PLAN}&period=202601")
    };
    let json_answer = app.get(&path("")).await;
    assert_eq!(json_answer.status(), 200);
    let csv_answer = app.get(&path(".csv")).await;
    assert_eq!(csv_answer.status(), 200);
    let (json_tag, csv_tag) = (etag_of(&json_answer), etag_of(&csv_answer));
    assert_ne!(json_tag, csv_tag);
    let first_csv = csv_answer.bytes().await.unwrap();

    let reread = get_if_none_match(&app, &path(".csv"), &csv_tag).await;
    assert_eq!(reread.status(), 304);
    let other = get_if_none_match(&app, &path(".csv"), &json_tag).await;
    assert_eq!(other.status(), 200);
    assert!(
        other.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(
        other.bytes().await.unwrap(),
        first_csv,
        "the same bytes again"
    );
}

pub async fn completeness_answers_304_until_a_report_is_entered(app: TestApp) {
    seed_province(&app).await;
    let path = format!("/api/v1/org-units/{PROVINCE}/completeness?period=202601&plan={PLAN}");
    let first = app.get(&path).await;
    let tag = etag_of(&first);
    expect_json(first, 200).await;
    assert_eq!(get_if_none_match(&app, &path, &tag).await.status(), 304);
    enter(&app, "202601", &[(B, ONLINE, json!([50, 100]))]).await;
    assert_eq!(get_if_none_match(&app, &path, &tag).await.status(), 200);
}
