//! The organisation tree: creating, reading, moving and closing units, end to end.

use chitieu_e2e::{Scenario, TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

macro_rules! scenarios {
    ($($name:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($name), |app| Box::pin($name(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        a_province_commune_and_agency_are_created_and_read_back,
        the_subtree_and_ancestors_of_an_agency_come_from_its_path,
        the_subtree_filters_by_kind_and_relative_depth,
        a_duplicate_code_is_a_conflict_problem,
        a_field_of_the_wrong_type_is_malformed_and_named,
        an_invalid_code_for_its_kind_is_named_with_every_other_invalid_field,
        an_unknown_field_is_refused_by_name,
        a_body_that_is_not_json_is_an_unsupported_media_type,
        an_oversize_body_is_refused,
        a_name_sent_decomposed_comes_back_composed,
        a_parent_of_the_wrong_kind_unknown_or_closed_is_refused,
        a_change_needs_the_current_etag,
        moving_a_commune_rewrites_its_descendants_ancestors,
        moving_a_unit_under_its_own_descendant_is_refused,
        closing_a_commune_records_its_successors_and_keeps_it_readable,
        closing_a_unit_with_open_children_is_refused,
        successors_that_cannot_take_over_are_named_by_position,
        pages_report_their_totals,
        searching_by_name_ignores_case_and_tone_placement,
        units_created_while_their_commune_moves_keep_consistent_paths,
    ]
}

async fn create(app: &TestApp, body: Value) -> Value {
    expect_json(app.post_json("/api/v1/org-units", &body).await, 201).await
}

async fn province(app: &TestApp, code: &str, name: &str) -> Value {
    create(app, json!({"code": code, "name": name, "kind": "province"})).await
}

async fn commune(app: &TestApp, code: &str, name: &str, parent: &str) -> Value {
    create(
        app,
        json!({"code": code, "name": name, "kind": "commune", "parentCode": parent}),
    )
    .await
}

async fn agency(app: &TestApp, code: &str, name: &str, parent: &str) -> Value {
    create(
        app,
        json!({"code": code, "name": name, "kind": "unit", "parentCode": parent}),
    )
    .await
}

/// The ETag and body of a unit.
async fn read(app: &TestApp, code: &str) -> (String, Value) {
    let response = app.get(&format!("/api/v1/org-units/{code}")).await;
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    (etag, expect_json(response, 200).await)
}

fn codes(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|unit| unit["code"].as_str().unwrap())
        .collect()
}

fn pointers(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["pointer"].as_str().unwrap())
                .collect()
        })
        .unwrap_or_default()
}

/// Hà Nội (01) → Phường Hoàn Kiếm (01001) → Phòng Văn hóa – Xã hội (01001-VHXH).
async fn small_tree(app: &TestApp) {
    province(app, "01", "Thành phố Hà Nội").await;
    commune(app, "01001", "Phường Hoàn Kiếm", "01").await;
    agency(app, "01001-VHXH", "Phòng Văn hóa – Xã hội", "01001").await;
}

async fn a_province_commune_and_agency_are_created_and_read_back(app: TestApp) {
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

async fn the_subtree_and_ancestors_of_an_agency_come_from_its_path(app: TestApp) {
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

async fn the_subtree_filters_by_kind_and_relative_depth(app: TestApp) {
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

async fn a_duplicate_code_is_a_conflict_problem(app: TestApp) {
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

async fn a_field_of_the_wrong_type_is_malformed_and_named(app: TestApp) {
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

async fn an_invalid_code_for_its_kind_is_named_with_every_other_invalid_field(app: TestApp) {
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

async fn an_unknown_field_is_refused_by_name(app: TestApp) {
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

async fn a_body_that_is_not_json_is_an_unsupported_media_type(app: TestApp) {
    let response = app
        .request(Method::POST, "/api/v1/org-units")
        .header("Content-Type", "text/plain")
        .body(r#"{"code": "01", "name": "Hà Nội", "kind": "province"}"#)
        .send()
        .await
        .unwrap();
    expect_json(response, 415).await;
}

async fn an_oversize_body_is_refused(app: TestApp) {
    let small = TestApp::spawn_with(app.backend, |settings| settings.body_limit = 64).await;
    let name = "Thành phố Hà Nội ".repeat(10);
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

async fn a_name_sent_decomposed_comes_back_composed(app: TestApp) {
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

async fn a_parent_of_the_wrong_kind_unknown_or_closed_is_refused(app: TestApp) {
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

async fn a_change_needs_the_current_etag(app: TestApp) {
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

async fn moving_a_commune_rewrites_its_descendants_ancestors(app: TestApp) {
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

async fn moving_a_unit_under_its_own_descendant_is_refused(app: TestApp) {
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

async fn close(app: &TestApp, code: &str, body: Value, status: u16) -> Value {
    let (etag, _) = read(app, code).await;
    let response = app
        .request(Method::POST, &format!("/api/v1/org-units/{code}/close"))
        .header("If-Match", etag)
        .json(&body)
        .send()
        .await
        .unwrap();
    expect_json(response, status).await
}

async fn closing_a_commune_records_its_successors_and_keeps_it_readable(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    commune(&app, "00070", "Phường Hàng Bạc", "01").await;
    commune(&app, "01001", "Phường Hoàn Kiếm", "01").await;
    let closed = close(
        &app,
        "00070",
        json!({"closedOn": "2025-06-30", "successorCodes": ["01001"],
            "reason": "Sáp nhập theo Nghị quyết 1656/NQ-UBTVQH15"}),
        200,
    )
    .await;
    assert_eq!(closed["closed"], true);
    assert_eq!(closed["validTo"], "2025-06-30");
    assert_eq!(closed["successors"], json!(["01001"]));
    let (_, readable) = read(&app, "00070").await;
    assert_eq!(readable, closed);
    let (_, successor) = read(&app, "01001").await;
    assert_eq!(successor["predecessors"], json!(["00070"]));

    let open = expect_json(app.get("/api/v1/org-units/01/children").await, 200).await;
    assert_eq!(codes(&open["items"]), ["01001"]);
    let all = expect_json(
        app.get("/api/v1/org-units/01/children?includeClosed=true")
            .await,
        200,
    )
    .await;
    assert_eq!(codes(&all["items"]), ["00070", "01001"]);
    let again = close(
        &app,
        "00070",
        json!({"closedOn": "2025-07-01", "reason": "x"}),
        409,
    )
    .await;
    assert!(
        again["detail"].as_str().unwrap().contains("already closed"),
        "{again}"
    );
}

async fn closing_a_unit_with_open_children_is_refused(app: TestApp) {
    small_tree(&app).await;
    agency(&app, "01001-KT", "Phòng Kinh tế", "01001").await;
    let problem = close(
        &app,
        "01001",
        json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"}),
        409,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("2 open child"),
        "{problem}"
    );
    let (_, unit) = read(&app, "01001").await;
    assert_eq!(unit["closed"], false);
}

async fn successors_that_cannot_take_over_are_named_by_position(app: TestApp) {
    small_tree(&app).await;
    commune(&app, "01002", "Phường Ba Đình", "01").await;
    agency(&app, "01002-KT", "Phòng Kinh tế", "01002").await;
    let problem = close(
        &app,
        "01002-KT",
        json!({"closedOn": "2025-06-30", "reason": "Giải thể",
            "successorCodes": ["01001-VHXH", "01", "01002-KT", "ZZ-NONE"]}),
        422,
    )
    .await;
    assert_eq!(
        pointers(&problem),
        [
            "/successorCodes/1",
            "/successorCodes/2",
            "/successorCodes/3"
        ]
    );
    let early = close(
        &app,
        "01001-VHXH",
        json!({"closedOn": "2024-01-01", "reason": "Giải thể"}),
        200,
    )
    .await;
    assert_eq!(early["closed"], true);
}

async fn pages_report_their_totals(app: TestApp) {
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

async fn searching_by_name_ignores_case_and_tone_placement(app: TestApp) {
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

async fn units_created_while_their_commune_moves_keep_consistent_paths(app: TestApp) {
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
