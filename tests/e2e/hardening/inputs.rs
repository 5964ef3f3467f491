//! Input that stays within bounds: numbers, names, narrative HTML, and answers that do not tell
//! which units exist outside the caller's part of the tree.

use chitieu_e2e::reporting_fixture::{COUNT, VHXH, report_url};
use chitieu_e2e::thai_tan::{self, CATALOG, COMMUNE, PLAN};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use crate::reports::support::{commune, open, pointers, put_expecting, send};

pub async fn numbers_beyond_ten_to_the_fifteenth_are_refused_naming_the_field(app: TestApp) {
    let people = commune(&app).await;
    let etag = open(&app, &people.vhxh, VHXH, "2026Q4").await;
    let url = format!("{}/values", report_url(VHXH, "2026Q4"));
    // 1.7e308 would roll up to infinity; 9007199254740993 would be stored as …992.
    for huge in [json!(1.7e308), json!(9_007_199_254_740_993_u64)] {
        let body = json!({"values": [{"indicatorCode": COUNT, "value": huge}]});
        let problem = put_expecting(&app, &people.vhxh, &url, &etag, &body, 422).await;
        assert_eq!(pointers(&problem), ["/values/0/value"], "{problem}");
        assert!(
            problem["detail"].as_str().unwrap().contains("10^15"),
            "{problem}"
        );
    }
    let body = json!({"values": [{"indicatorCode": COUNT, "value": 1_000_000_000_000_000_u64}]});
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&body),
    )
    .await;
    expect_json(response, 200).await;
}

pub async fn names_with_direction_overrides_or_invisible_characters_are_refused(app: TestApp) {
    for name in [
        "Xã \u{202E}nâT iáhT",
        "Thái\u{200B}Tân",
        "\u{2067}Thái Tân\u{2069}",
    ] {
        let body = json!({"code": "31", "name": name, "kind": "province"});
        let problem = expect_json(app.post_json("/api/v1/org-units", &body).await, 422).await;
        assert_eq!(pointers(&problem), ["/name"], "{name:?}: {problem}");
    }
    let body = json!({"code": "31", "name": "Thành phố Hải Phòng", "kind": "province"});
    expect_json(app.post_json("/api/v1/org-units", &body).await, 201).await;
}

pub async fn narrative_html_is_sanitised_on_input(app: TestApp) {
    let people = commune(&app).await;
    let unit = chitieu_e2e::reporting_fixture::COMMUNE;
    let etag = open(&app, &people.commune_reporter, unit, "2026Q1").await;
    let url = format!("{}/narrative", report_url(unit, "2026Q1"));
    let body = json!({"sections": [{"code": "I", "title": "Lãnh đạo", "position": 1,
        "contentHtml": "<p onclick=\"steal()\">Đã <b>ban hành</b> kế hoạch.</p>\
            <script>alert(1)</script><img src=x onerror=alert(1)>"}]});
    let response = send(
        &app,
        &people.commune_reporter,
        Method::PUT,
        &url,
        Some(&etag),
        Some(&body),
    )
    .await;
    let report = expect_json(response, 200).await;
    assert_eq!(
        report["sections"][0]["contentHtml"],
        "<p>Đã <b>ban hành</b> kế hoạch.</p>"
    );
}

pub async fn an_out_of_scope_unit_and_a_missing_one_get_the_same_answer(app: TestApp) {
    app.seed_unit("31", "province", None).await;
    app.seed_unit(COMMUNE, "commune", Some("31")).await;
    app.seed_unit("01", "province", None).await;
    app.seed_unit("01001", "commune", Some("01")).await;
    thai_tan::catalog(&app, CATALOG).await;
    thai_tan::indicators(&app).await;
    expect_json(
        app.post_json("/api/v1/plans", &thai_tan::plan_body(PLAN))
            .await,
        201,
    )
    .await;
    let officer = app
        .client_for("xa.officer", "communeOfficer", Some(COMMUNE))
        .await;
    let items = format!("/api/v1/plans/{PLAN}/items");
    let mut details = Vec::new();
    for unit in ["01001", "99001"] {
        let body = json!({"indicatorCode": thai_tan::indicator_code("1"),
            "targets": {"2026": "≥ 70%"}, "coordinatingUnitCodes": [unit]});
        let response = send(&app, &officer, Method::POST, &items, None, Some(&body)).await;
        let problem = expect_json(response, 422).await;
        details.push(
            problem["errors"][0]["detail"]
                .as_str()
                .unwrap()
                .replace(unit, "X"),
        );
    }
    assert_eq!(details[0], details[1]);
}
