//! The HTTP side of the OpenAPI contract: what the document promises for every operation
//! holds on the wire (issue 13).

use chitieu_e2e::{Scenario, TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new("a_good_token_with_a_bad_api_key_is_refused", |app| {
            Box::pin(a_good_token_with_a_bad_api_key_is_refused(app))
        }),
        Scenario::new("an_undeclared_method_is_405_with_allow", |app| {
            Box::pin(an_undeclared_method_is_405_with_allow(app))
        }),
        Scenario::new("a_body_sent_where_none_is_read_is_refused", |app| {
            Box::pin(a_body_sent_where_none_is_read_is_refused(app))
        }),
        Scenario::new("a_misspelt_sync_run_member_is_refused", |app| {
            Box::pin(a_misspelt_sync_run_member_is_refused(app))
        }),
        Scenario::new("swagger_ui_redirects_and_validates_nowhere", |app| {
            Box::pin(swagger_ui_redirects_and_validates_nowhere(app))
        }),
        Scenario::new("catalog_timestamps_carry_their_offset", |app| {
            Box::pin(catalog_timestamps_carry_their_offset(app))
        }),
        Scenario::new("a_whole_number_written_as_2_0_is_an_integer", |app| {
            Box::pin(a_whole_number_written_as_2_0_is_an_integer(app))
        }),
        Scenario::new(
            "page_above_int32_is_refused_like_the_document_says",
            |app| Box::pin(page_above_int32_is_refused_like_the_document_says(app)),
        ),
    ]
}

async fn a_good_token_with_a_bad_api_key_is_refused(app: TestApp) {
    let response = app
        .request(Method::GET, "/api/v1/auth/me")
        .header("X-API-Key", "ctk_0000000000000000_wrong")
        .send()
        .await
        .unwrap();
    let problem = expect_json(response, 401).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("not both"),
        "{problem}"
    );
    expect_json(app.get("/api/v1/auth/me").await, 200).await;
}

async fn an_undeclared_method_is_405_with_allow(app: TestApp) {
    let response = app
        .request(Method::DELETE, "/api/v1/org-units/31001")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["allow"], "GET, PATCH");
    let problem = expect_json(response, 405).await;
    assert_eq!(problem["type"], "urn:chitieu:problem:method-not-allowed");
    // A path nobody documents is still 404.
    expect_json(
        app.request(Method::DELETE, "/api/v1/nothing")
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
}

async fn a_body_sent_where_none_is_read_is_refused(app: TestApp) {
    let response = app
        .request(Method::GET, "/api/v1/auth/me")
        .json(&json!({"role": "administrator"}))
        .send()
        .await
        .unwrap();
    let problem = expect_json(response, 400).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("takes no request body"),
        "{problem}"
    );
}

async fn a_misspelt_sync_run_member_is_refused(app: TestApp) {
    let misspelt = app
        .post_json("/api/v1/sync/runs", &json!({"traget": "theodoinq"}))
        .await;
    let problem = expect_json(misspelt, 400).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("traget"),
        "{problem}"
    );
    let empty = app
        .request(Method::POST, "/api/v1/sync/runs")
        .send()
        .await
        .unwrap();
    expect_json(empty, 202).await;
}

async fn swagger_ui_redirects_and_validates_nowhere(app: TestApp) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client.get(app.url("/swagger-ui")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers()["location"], "/swagger-ui/");
    let config = app.get("/swagger-ui/swagger-initializer.js").await;
    assert_eq!(config.status().as_u16(), 200);
    let script = config.text().await.unwrap();
    assert!(
        script.contains(r#""validatorUrl": "none""#) || script.contains(r#""validatorUrl":"none""#),
        "{script}"
    );
}

async fn catalog_timestamps_carry_their_offset(app: TestApp) {
    let body = json!({"code": "DM-MUI-GIO", "name": "Danh mục múi giờ", "level": "commune"});
    let catalog = expect_json(app.post_json("/api/v1/catalogs", &body).await, 201).await;
    for member in ["createdAt", "updatedAt"] {
        let text = catalog[member].as_str().unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            "{member} is not RFC 3339: {text}"
        );
    }
}

async fn a_whole_number_written_as_2_0_is_an_integer(app: TestApp) {
    let body = json!({"code": "DM-SO-NGUYEN", "name": "Danh mục số nguyên", "level": "commune"});
    expect_json(app.post_json("/api/v1/catalogs", &body).await, 201).await;
    let section = json!({"code": "II", "title": "Phần hai", "position": 2.0});
    let created = expect_json(
        app.post_json("/api/v1/catalogs/DM-SO-NGUYEN/sections", &section)
            .await,
        201,
    )
    .await;
    assert_eq!(created["position"], 2);
}

async fn page_above_int32_is_refused_like_the_document_says(app: TestApp) {
    expect_json(app.get("/api/v1/org-units?page=2147483647").await, 200).await;
    let problem = expect_json(app.get("/api/v1/org-units?page=2147483648").await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "page");
}
