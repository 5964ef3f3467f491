//! Renaming and moving units against their ETag.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::{agency, codes, pointers, province, read, small_tree};

pub(super) async fn a_change_needs_the_current_etag(app: TestApp) {
    small_tree(&app).await;
    let path = "/api/v1/org-units/01001";
    let rename = json!({"name": "Phường Hoàn Kiếm mới"});
    let missing = app
        .request(Method::PATCH, path)
        .json(&rename)
        .send()
        .await
        .unwrap();
    expect_json(missing, 428).await;
    expect_json(app.patch_json(path, "\"7\"", &rename).await, 412).await;

    let (etag, _) = read(&app, "01001").await;
    let response = app.patch_json(path, &etag, &rename).await;
    assert_eq!(response.headers()["etag"], "\"2\"");
    let renamed = expect_json(response, 200).await;
    assert_eq!(renamed["name"], "Phường Hoàn Kiếm mới");
    expect_json(app.patch_json(path, &etag, &rename).await, 412).await;

    let code_change = expect_json(
        app.patch_json(path, "\"2\"", &json!({"code": "01009"}))
            .await,
        400,
    )
    .await;
    assert!(
        code_change["detail"].as_str().unwrap().contains("code"),
        "{code_change}"
    );
}

pub(super) async fn moving_a_commune_rewrites_its_descendants_ancestors(app: TestApp) {
    small_tree(&app).await;
    province(&app, "79", "Thành phố Hồ Chí Minh").await;
    agency(&app, "01001-VHXH-TV", "Thư viện phường", "01001-VHXH").await;
    let (etag, _) = read(&app, "01001").await;
    let moved = expect_json(
        app.patch_json(
            "/api/v1/org-units/01001",
            &etag,
            &json!({"parentCode": "79"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(moved["parentCode"], "79");
    assert_eq!(moved["version"], 2);

    let ancestors = expect_json(
        app.get("/api/v1/org-units/01001-VHXH-TV/ancestors").await,
        200,
    )
    .await;
    assert_eq!(codes(&ancestors), ["79", "01001", "01001-VHXH"]);
    let (etag, deepest) = read(&app, "01001-VHXH-TV").await;
    assert_eq!(deepest["level"], 4);
    assert_eq!(etag, "\"2\"", "a moved descendant gets a new version");
    let old = expect_json(app.get("/api/v1/org-units/01/subtree").await, 200).await;
    assert_eq!(codes(&old["items"]), ["01"]);
    let new = expect_json(app.get("/api/v1/org-units/79/subtree").await, 200).await;
    assert_eq!(
        codes(&new["items"]),
        ["79", "01001", "01001-VHXH", "01001-VHXH-TV"]
    );
}

pub(super) async fn moving_a_unit_under_its_own_descendant_is_refused(app: TestApp) {
    small_tree(&app).await;
    agency(&app, "01001-VHXH-TV", "Thư viện phường", "01001-VHXH").await;
    let (etag, _) = read(&app, "01001-VHXH").await;
    let problem = expect_json(
        app.patch_json(
            "/api/v1/org-units/01001-VHXH",
            &etag,
            &json!({"parentCode": "01001-VHXH-TV"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/parentCode"]);
    let itself = expect_json(
        app.patch_json(
            "/api/v1/org-units/01001-VHXH",
            &etag,
            &json!({"parentCode": "01001-VHXH"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&itself), ["/parentCode"]);
    let (after, unit) = read(&app, "01001-VHXH").await;
    assert_eq!(after, etag, "a refused change leaves the unit as it was");
    assert_eq!(unit["parentCode"], "01001");
}

pub(super) async fn units_created_while_their_commune_moves_keep_consistent_paths(app: TestApp) {
    small_tree(&app).await;
    province(&app, "79", "Thành phố Hồ Chí Minh").await;
    let (etag, _) = read(&app, "01001").await;
    let to_79 = json!({"parentCode": "79"});
    let creates = (1..=12).map(|n| {
        let body = json!({"code": format!("01001-N{n:02}"), "name": format!("Tổ {n}"),
            "kind": "unit", "parentCode": "01001"});
        let app = &app;
        async move {
            app.post_json("/api/v1/org-units", &body)
                .await
                .status()
                .as_u16()
        }
    });
    let moving = app.patch_json("/api/v1/org-units/01001", &etag, &to_79);
    let (statuses, moved) =
        futures_util::future::join(futures_util::future::join_all(creates), moving).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    expect_json(moved, 200).await;
    let subtree = expect_json(app.get("/api/v1/org-units/79/subtree").await, 200).await;
    assert_eq!(subtree["totalItems"], 15, "{subtree}");
    for n in 1..=12 {
        let ancestors = expect_json(
            app.get(&format!("/api/v1/org-units/01001-N{n:02}/ancestors"))
                .await,
            200,
        )
        .await;
        assert_eq!(codes(&ancestors), ["79", "01001"]);
    }
}
