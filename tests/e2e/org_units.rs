//! The organisation tree: creating, reading, moving and closing units, end to end.

mod changes;
mod closing;
mod reading;
mod requests;

use chitieu_e2e::{Scenario, TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

/// Each scenario by its module and name; the test is named after the function alone.
macro_rules! scenarios {
    ($($module:ident :: $name:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($name), |app| Box::pin($module::$name(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        reading::a_province_commune_and_agency_are_created_and_read_back,
        reading::the_subtree_and_ancestors_of_an_agency_come_from_its_path,
        reading::the_subtree_filters_by_kind_and_relative_depth,
        reading::pages_report_their_totals,
        reading::searching_by_name_ignores_case_and_tone_placement,
        requests::a_duplicate_code_is_a_conflict_problem,
        requests::a_field_of_the_wrong_type_is_malformed_and_named,
        requests::an_invalid_code_for_its_kind_is_named_with_every_other_invalid_field,
        requests::an_unknown_field_is_refused_by_name,
        requests::a_body_that_is_not_json_is_an_unsupported_media_type,
        requests::an_oversize_body_is_refused,
        requests::a_name_sent_decomposed_comes_back_composed,
        requests::a_parent_of_the_wrong_kind_unknown_or_closed_is_refused,
        changes::a_change_needs_the_current_etag,
        changes::moving_a_commune_rewrites_its_descendants_ancestors,
        changes::moving_a_unit_under_its_own_descendant_is_refused,
        changes::units_created_while_their_commune_moves_keep_consistent_paths,
        closing::closing_a_commune_records_its_successors_and_keeps_it_readable,
        closing::closing_a_unit_with_open_children_is_refused,
        closing::successors_that_cannot_take_over_are_named_by_position,
        closing::a_unit_cannot_close_before_it_began_nor_begin_after_it_closed,
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
