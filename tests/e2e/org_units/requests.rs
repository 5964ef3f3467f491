//! Requests that are refused, and how: the status, the problem document and the field named.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::{close, commune, pointers, province, read, small_tree};

pub(super) async fn a_duplicate_code_is_a_conflict_problem(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    let response = app
        .post_json(
            "/api/v1/org-units",
            &json!({"code": "01", "name": "Hà Nội again", "kind": "province"}),
        )
        .await;
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem = expect_json(response, 409).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("01"),
        "{problem}"
    );
}

pub(super) async fn a_field_of_the_wrong_type_is_malformed_and_named(app: TestApp) {
    let problem = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "01", "name": 5, "kind": "province"}),
        )
        .await,
        400,
    )
    .await;
    assert_eq!(pointers(&problem), ["/name"]);
}

pub(super) async fn an_invalid_code_for_its_kind_is_named_with_every_other_invalid_field(
    app: TestApp,
) {
    let problem = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "011", "name": "Hà Nội", "kind": "province"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/code"]);
    let both = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "0100A", "name": "  ", "kind": "commune", "parentCode": "01"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&both), ["/code", "/name"]);
}

pub(super) async fn an_unknown_field_is_refused_by_name(app: TestApp) {
    let problem = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "01", "name": "Hà Nội", "kind": "province", "colour": "red"}),
        )
        .await,
        400,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("colour"),
        "{problem}"
    );
}

pub(super) async fn a_body_that_is_not_json_is_an_unsupported_media_type(app: TestApp) {
    let response = app
        .request(Method::POST, "/api/v1/org-units")
        .header("Content-Type", "text/plain")
        .body(r#"{"code": "01", "name": "Hà Nội", "kind": "province"}"#)
        .send()
        .await
        .unwrap();
    expect_json(response, 415).await;
}

pub(super) async fn an_oversize_body_is_refused(app: TestApp) {
    // 1 KiB still lets the harness sign in; the unit below is far larger.
    let small = TestApp::spawn_with(app.backend, |settings| settings.body_limit = 1024).await;
    let name = "Thành phố Hà Nội ".repeat(100);
    let problem = expect_json(
        small
            .post_json(
                "/api/v1/org-units",
                &json!({"code": "01", "name": name, "kind": "province"}),
            )
            .await,
        413,
    )
    .await;
    assert_eq!(problem["status"], 413);
}

pub(super) async fn a_name_sent_decomposed_comes_back_composed(app: TestApp) {
    let decomposed = "Xa\u{303} Tha\u{301}i Ta\u{302}n";
    province(&app, "01", "Thành phố Hà Nội").await;
    let created = commune(&app, "01002", decomposed, "01").await;
    assert_eq!(created["name"], "Xã Thái Tân");
    let (_, unit) = read(&app, "01002").await;
    assert_eq!(
        unit["name"].as_str().unwrap().as_bytes(),
        "Xã Thái Tân".as_bytes()
    );
}

pub(super) async fn a_parent_of_the_wrong_kind_unknown_or_closed_is_refused(app: TestApp) {
    small_tree(&app).await;
    let under_commune = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "01002", "name": "Phường Ba Đình", "kind": "commune",
                "parentCode": "01001"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&under_commune), ["/parentCode"]);
    let detail = under_commune["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("a province"), "{detail}");

    let unknown = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "01002", "name": "Phường Ba Đình", "kind": "commune",
                "parentCode": "77"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&unknown), ["/parentCode"]);

    commune(&app, "01004", "Phường Cửa Nam", "01").await;
    close(
        &app,
        "01004",
        json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"}),
        200,
    )
    .await;
    let closed = expect_json(
        app.post_json(
            "/api/v1/org-units",
            &json!({"code": "01004-KT", "name": "Phòng Kinh tế", "kind": "unit",
                "parentCode": "01004"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&closed), ["/parentCode"]);
}
