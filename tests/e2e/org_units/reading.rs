//! Creating units and reading them back: one unit, lists, subtrees, ancestors, pages, search.

use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

use super::{agency, codes, commune, pointers, province, read, small_tree};

pub(super) async fn a_province_commune_and_agency_are_created_and_read_back(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    commune(&app, "01001", "Phường Hoàn Kiếm", "01").await;
    let response = app
        .post_json(
            "/api/v1/org-units",
            &json!({"code": "01001-VHXH", "name": "Phòng Văn hóa – Xã hội", "kind": "unit",
                "parentCode": "01001", "validFrom": "2025-07-01"}),
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        "/api/v1/org-units/01001-VHXH"
    );
    assert_eq!(response.headers()["etag"], "\"1\"");
    let created = expect_json(response, 201).await;

    let (etag, unit) = read(&app, "01001-VHXH").await;
    assert_eq!(etag, "\"1\"");
    assert_eq!(unit, created);
    assert_eq!(unit["kind"], "unit");
    assert_eq!(unit["parentCode"], "01001");
    assert_eq!(unit["level"], 3);
    assert_eq!(unit["validFrom"], "2025-07-01");
    assert_eq!(unit["closed"], false);
    assert_eq!(unit["successors"], json!([]));

    let (_, root) = read(&app, "01").await;
    assert_eq!(root["parentCode"], Value::Null);
    assert_eq!(root["level"], 1);
    let roots = expect_json(app.get("/api/v1/org-units").await, 200).await;
    assert_eq!(codes(&roots["items"]), ["01"]);
    let children = expect_json(app.get("/api/v1/org-units/01/children").await, 200).await;
    assert_eq!(codes(&children["items"]), ["01001"]);
    expect_json(app.get("/api/v1/org-units/99").await, 404).await;
}

pub(super) async fn the_subtree_and_ancestors_of_an_agency_come_from_its_path(app: TestApp) {
    small_tree(&app).await;
    province(&app, "02", "Tỉnh Hà Giang").await;
    let subtree = expect_json(app.get("/api/v1/org-units/01/subtree").await, 200).await;
    assert_eq!(codes(&subtree["items"]), ["01", "01001", "01001-VHXH"]);
    assert_eq!(subtree["totalItems"], 3);

    let ancestors = expect_json(app.get("/api/v1/org-units/01001-VHXH/ancestors").await, 200).await;
    assert_eq!(codes(&ancestors), ["01", "01001"]);
    let none = expect_json(app.get("/api/v1/org-units/01/ancestors").await, 200).await;
    assert_eq!(none, json!([]));
}

pub(super) async fn the_subtree_filters_by_kind_and_relative_depth(app: TestApp) {
    small_tree(&app).await;
    agency(&app, "01-SKHCN", "Sở Khoa học và Công nghệ", "01").await;
    let shallow = expect_json(
        app.get("/api/v1/org-units/01/subtree?maxDepth=1").await,
        200,
    )
    .await;
    assert_eq!(codes(&shallow["items"]), ["01", "01-SKHCN", "01001"]);
    let agencies = expect_json(app.get("/api/v1/org-units/01/subtree?kind=unit").await, 200).await;
    assert_eq!(codes(&agencies["items"]), ["01-SKHCN", "01001-VHXH"]);
    let alone = expect_json(
        app.get("/api/v1/org-units/01001/subtree?maxDepth=0").await,
        200,
    )
    .await;
    assert_eq!(codes(&alone["items"]), ["01001"]);
}

pub(super) async fn pages_report_their_totals(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    for n in 1..=7 {
        commune(&app, &format!("0100{n}"), &format!("Phường số {n}"), "01").await;
    }
    let first = expect_json(
        app.get("/api/v1/org-units/01/children?pageSize=3").await,
        200,
    )
    .await;
    assert_eq!(first["totalItems"], 7);
    assert_eq!(first["totalPages"], 3);
    assert_eq!(codes(&first["items"]), ["01001", "01002", "01003"]);
    let last = expect_json(
        app.get("/api/v1/org-units/01/subtree?page=3&pageSize=3")
            .await,
        200,
    )
    .await;
    assert_eq!(last["totalItems"], 8);
    assert_eq!(codes(&last["items"]), ["01006", "01007"]);
    let communes = expect_json(
        app.get("/api/v1/org-units?kind=commune&pageSize=5").await,
        200,
    )
    .await;
    assert_eq!(communes["totalItems"], 7);
    assert_eq!(communes["items"].as_array().unwrap().len(), 5);
    expect_json(app.get("/api/v1/org-units?pageSize=501").await, 422).await;
}

pub(super) async fn searching_by_name_ignores_case_and_tone_placement(app: TestApp) {
    small_tree(&app).await;
    agency(&app, "01001-KT", "Phòng Kinh tế", "01001").await;
    let found = expect_json(
        app.get("/api/v1/org-units?q=V%C4%82N%20HO%C3%81").await,
        200,
    )
    .await;
    assert_eq!(codes(&found["items"]), ["01001-VHXH"]);
    let by_code = expect_json(app.get("/api/v1/org-units?q=01001-").await, 200).await;
    assert_eq!(codes(&by_code["items"]), ["01001-KT", "01001-VHXH"]);
    let under = expect_json(
        app.get("/api/v1/org-units?parentCode=01001&q=kinh").await,
        200,
    )
    .await;
    assert_eq!(codes(&under["items"]), ["01001-KT"]);
    let unknown = expect_json(app.get("/api/v1/org-units?parentCode=77").await, 422).await;
    assert_eq!(pointers(&unknown), ["parentCode"]);
}
