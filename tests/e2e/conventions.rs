//! Conventions every route shares: health, request ids, problem+json, the OpenAPI document.

use chitieu_e2e::{Scenario, TestApp, expect_json};

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new("readiness_reports_the_database_backend", |app| {
            Box::pin(readiness_reports_the_database_backend(app))
        }),
        Scenario::new(
            "an_unknown_route_is_a_problem_document_with_a_request_id",
            |app| {
                Box::pin(an_unknown_route_is_a_problem_document_with_a_request_id(
                    app,
                ))
            },
        ),
        Scenario::new("a_caller_supplied_request_id_is_echoed", |app| {
            Box::pin(a_caller_supplied_request_id_is_echoed(app))
        }),
        Scenario::new(
            "the_served_openapi_document_equals_the_generated_one",
            |app| Box::pin(the_served_openapi_document_equals_the_generated_one(app)),
        ),
        Scenario::new("swagger_ui_is_served_without_internet", |app| {
            Box::pin(swagger_ui_is_served_without_internet(app))
        }),
    ]
}

async fn readiness_reports_the_database_backend(app: TestApp) {
    let body = expect_json(app.get("/health/ready").await, 200).await;
    let expected = match app.backend {
        chitieu_e2e::Backend::Sqlite => "sqlite",
        chitieu_e2e::Backend::Postgres => "postgres",
    };
    assert_eq!(body["database"], expected);
    expect_json(app.get("/health/live").await, 200).await;
}

async fn an_unknown_route_is_a_problem_document_with_a_request_id(app: TestApp) {
    let response = app.get("/api/v1/nothing-here").await;
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let header_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = expect_json(response, 404).await;
    assert_eq!(body["status"], 404);
    assert_eq!(body["requestId"], header_id.as_str());
    assert_eq!(body["instance"], "/api/v1/nothing-here");
}

async fn a_caller_supplied_request_id_is_echoed(app: TestApp) {
    let response = app
        .request(reqwest::Method::GET, "/health/live")
        .header("X-Request-Id", "caller-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "caller-42");
}

async fn the_served_openapi_document_equals_the_generated_one(app: TestApp) {
    let served = expect_json(app.get("/api-docs/openapi.json").await, 200).await;
    let generated: serde_json::Value =
        serde_json::from_str(&chitieu_api::openapi::document_json()).unwrap();
    assert_eq!(served, generated);
}

async fn swagger_ui_is_served_without_internet(app: TestApp) {
    let response = app.get("/swagger-ui/").await;
    assert_eq!(response.status().as_u16(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("swagger-ui"), "{page}");
    assert!(
        !page.contains("cdn"),
        "Swagger UI must not load assets from a CDN"
    );
}
