//! Conditional reads of reports and lists (issue 21): the same `If-None-Match` and 304 as the
//! computed answers, never an answer older than the data or meant for another scope; and the
//! caller a credential stands for, kept in memory between writes, is refused as soon as the
//! account changes, even by a write made straight into the database (another replica).

use chitieu_e2e::accounts::client_with_token;
use chitieu_e2e::progress_fixture::{A, B, ONLINE, PLAN, PROVINCE, enter, seed_province};
use chitieu_e2e::{TestApp, expect_json};
use diesel::RunQueryDsl;
use reqwest::{Client, Response};
use serde_json::json;

fn etag_of(response: &Response) -> String {
    response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("a conditional read has an ETag")
        .to_owned()
}

async fn get_with(client: &Client, app: &TestApp, path: &str, tag: &str) -> Response {
    client
        .get(app.url(path))
        .header("if-none-match", tag)
        .send()
        .await
        .expect("GET is answered")
}

pub async fn a_report_and_the_list_of_reports_answer_304_until_a_value_changes_them(app: TestApp) {
    seed_province(&app).await;
    enter(&app, "202601", &[(B, ONLINE, json!([50, 100]))]).await;
    let admin = &app.client;
    let list = "/api/v1/reports?period=202601";
    let report = format!("/api/v1/reports/{B}/{PLAN}/202601");

    let first_list = app.get(list).await;
    assert_eq!(first_list.headers()["cache-control"], "private, no-cache");
    let list_tag = etag_of(&first_list);
    expect_json(first_list, 200).await;
    let first_report = app.get(&report).await;
    assert_eq!(first_report.headers()["cache-control"], "private, no-cache");
    let report_tag = etag_of(&first_report);
    expect_json(first_report, 200).await;

    let list_again = get_with(admin, &app, list, &list_tag).await;
    assert_eq!(list_again.status(), 304);
    assert!(list_again.bytes().await.unwrap().is_empty());
    let report_again = get_with(admin, &app, &report, &report_tag).await;
    assert_eq!(report_again.status(), 304);
    assert_eq!(
        etag_of(&report_again),
        report_tag,
        "the version If-Match takes"
    );

    enter(&app, "202601", &[(B, ONLINE, json!([60, 100]))]).await;
    assert_eq!(get_with(admin, &app, list, &list_tag).await.status(), 200);
    let changed = get_with(admin, &app, &report, &report_tag).await;
    assert_ne!(etag_of(&changed), report_tag);
    expect_json(changed, 200).await;
}

pub async fn a_list_of_units_is_never_served_to_another_scope_nor_after_a_new_unit(app: TestApp) {
    seed_province(&app).await;
    let communes = format!("/api/v1/org-units/{PROVINCE}/children");
    let first = app.get(&communes).await;
    let tag = etag_of(&first);
    let all = expect_json(first, 200).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 3, "{all}");
    assert_eq!(
        get_with(&app.client, &app, &communes, &tag).await.status(),
        304
    );

    // A viewer of one commune asks the same question, with the administrator's tag.
    let viewer = client_with_token(&app.token_for("xem-a", "viewer", Some(A)).await);
    let search = "/api/v1/org-units?kind=commune";
    let everything = expect_json(app.get(search).await, 200).await;
    assert_eq!(everything["items"].as_array().unwrap().len(), 3);
    let own = get_with(&viewer, &app, search, &tag).await;
    let own = expect_json(own, 200).await;
    let codes: Vec<&str> = own["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| unit["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, [A], "only the viewer's own part of the tree");

    app.seed_unit("31004", "commune", Some(PROVINCE)).await;
    let after = get_with(&app.client, &app, &communes, &tag).await;
    let after = expect_json(after, 200).await;
    assert_eq!(after["items"].as_array().unwrap().len(), 4);
}

pub async fn a_disabled_account_is_refused_at_once_though_it_was_just_let_in(app: TestApp) {
    seed_province(&app).await;
    let viewer = client_with_token(&app.token_for("xem-b", "viewer", Some(B)).await);
    for _ in 0..3 {
        let me = viewer.get(app.url("/api/v1/auth/me")).send().await.unwrap();
        assert_eq!(me.status(), 200);
    }
    // Straight into the database, as another replica would: no call of this process knows.
    app.with_db(|conn| {
        diesel::sql_query("UPDATE users SET disabled = TRUE WHERE username = 'xem-b'")
            .execute(conn)
            .expect("the account is disabled")
    })
    .await;
    let me = viewer.get(app.url("/api/v1/auth/me")).send().await.unwrap();
    assert_eq!(me.status(), 401);
}
