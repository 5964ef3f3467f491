use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::fixture::{
    INDICATORS, THAI_TAN, code_of, create_catalog, pointers, read_with_etag, sub_item, thai_tan,
};

pub async fn a_change_needs_if_match_and_the_current_version(app: TestApp) {
    thai_tan(&app).await;
    let path = format!("/api/v1/indicators/{}", code_of("21"));
    let without = app
        .request(Method::PATCH, &path)
        .json(&json!({"name": "Xếp hạng chỉ số CDS xã"}))
        .send()
        .await
        .unwrap();
    expect_json(without, 428).await;

    let (etag, _) = read_with_etag(&app, &path).await;
    assert_eq!(etag, "\"1\"");
    let changed = app
        .patch_json(&path, &etag, &json!({"name": "Xếp hạng chỉ số CDS xã"}))
        .await;
    assert_eq!(changed.headers()["etag"], "\"2\"");
    let changed = expect_json(changed, 200).await;
    assert_eq!(changed["name"], "Xếp hạng chỉ số CDS xã");
    assert_eq!(changed["version"], 2);

    let stale = app.patch_json(&path, &etag, &json!({"precision": 0})).await;
    expect_json(stale, 412).await;
    let stale_delete = app.delete(&path, &etag).await;
    expect_json(stale_delete, 412).await;

    let catalog_path = format!("/api/v1/catalogs/{THAI_TAN}");
    let without = app
        .request(Method::PATCH, &catalog_path)
        .json(&json!({"description": null}))
        .send()
        .await
        .unwrap();
    expect_json(without, 428).await;
}

pub async fn clearing_a_field_that_cannot_be_empty_is_refused(app: TestApp) {
    thai_tan(&app).await;
    let path = format!("/api/v1/indicators/{}", code_of("1"));
    let problem = expect_json(
        app.patch_json(
            &path,
            "\"1\"",
            &json!({"name": null, "valueKind": null, "unitOfMeasure": null}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/name", "/valueKind"]);
    let (etag, unchanged) = read_with_etag(&app, &path).await;
    assert_eq!(etag, "\"1\"");
    assert_eq!(unchanged["unitOfMeasure"], "%");
}

pub async fn a_catalog_version_moves_only_when_its_fields_change(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let path = format!("/api/v1/catalogs/{THAI_TAN}");
    let same = app
        .patch_json(&path, "\"1\"", &json!({"level": "commune"}))
        .await;
    assert_eq!(expect_json(same, 200).await["version"], 1);
    let cleared = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"description": null}))
            .await,
        200,
    )
    .await;
    assert_eq!(cleared["version"], 2);
    assert_eq!(cleared["description"], serde_json::Value::Null);
    // Adding a section is not a change of the catalog's own fields.
    super::fixture::create_section(&app, THAI_TAN, "I", "Phát triển hạ tầng").await;
    let (etag, _) = read_with_etag(&app, &path).await;
    assert_eq!(etag, "\"2\"");
}

pub async fn an_indicator_cannot_sit_under_its_own_sub_item(app: TestApp) {
    thai_tan(&app).await;
    sub_item(&app, "7.1", None).await;
    let path = format!("/api/v1/indicators/{}", code_of("7"));
    let problem = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"parentCode": code_of("7.1")}))
            .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/parentCode"]);
    let itself = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"parentCode": code_of("7")}))
            .await,
        422,
    )
    .await;
    assert_eq!(pointers(&itself), ["/parentCode"]);
}

pub async fn moving_an_item_to_another_section_moves_its_sub_items(app: TestApp) {
    thai_tan(&app).await;
    sub_item(&app, "7.1", None).await;
    let path = format!("/api/v1/indicators/{}", code_of("7"));
    let moved = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"sectionCode": "III"}))
            .await,
        200,
    )
    .await;
    assert_eq!(moved["sectionCode"], "III");
    let (etag, sub) = read_with_etag(&app, &format!("/api/v1/indicators/{}", code_of("7.1"))).await;
    assert_eq!(sub["sectionCode"], "III");
    assert_eq!(etag, "\"2\"");
    // A sub-item alone cannot leave its parent's section.
    let problem = expect_json(
        app.patch_json(
            &format!("/api/v1/indicators/{}", code_of("7.1")),
            &etag,
            &json!({"sectionCode": "II"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/sectionCode"]);
    // Detaching it and moving it in one change is fine.
    let detached = expect_json(
        app.patch_json(
            &format!("/api/v1/indicators/{}", code_of("7.1")),
            &etag,
            &json!({"sectionCode": "II", "parentCode": null}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(detached["parentCode"], serde_json::Value::Null);
    assert_eq!(detached["sectionCode"], "II");
}

pub async fn changing_the_kind_rechecks_the_aggregation(app: TestApp) {
    thai_tan(&app).await;
    // Item 18 is a count that sums, across units and over months; as a rank it could do
    // neither. The aggregation is named first.
    let path = format!("/api/v1/indicators/{}", code_of("18"));
    let problem = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"valueKind": "rank"}))
            .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/aggregation"]);
    let changed = expect_json(
        app.patch_json(
            &path,
            "\"1\"",
            &json!({"valueKind": "rank", "aggregation": "none", "periodAggregation": "last",
                "direction": "lowerIsBetter"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(changed["valueKind"], "rank");
    assert_eq!(changed["aggregation"], "none");
    assert_eq!(changed["periodAggregation"], "last");
}

pub async fn a_catalog_with_indicators_cannot_be_deleted(app: TestApp) {
    thai_tan(&app).await;
    let path = format!("/api/v1/catalogs/{THAI_TAN}");
    let problem = expect_json(app.delete(&path, "\"1\"").await, 409).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains(&format!("{} indicator", INDICATORS.len())),
        "{detail}"
    );
    for (number, ..) in INDICATORS {
        let indicator = format!("/api/v1/indicators/{}", code_of(number));
        expect_json(app.delete(&indicator, "\"1\"").await, 204).await;
    }
    expect_json(app.delete(&path, "\"1\"").await, 204).await;
    expect_json(app.get(&path).await, 404).await;
}

pub async fn an_indicator_with_sub_items_cannot_be_deleted(app: TestApp) {
    thai_tan(&app).await;
    sub_item(&app, "7.1", None).await;
    let path = format!("/api/v1/indicators/{}", code_of("7"));
    let problem = expect_json(app.delete(&path, "\"1\"").await, 409).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains(&code_of("7.1")),
        "{problem}"
    );
    expect_json(
        app.delete(&format!("/api/v1/indicators/{}", code_of("7.1")), "\"1\"")
            .await,
        204,
    )
    .await;
    expect_json(app.delete(&path, "\"1\"").await, 204).await;
}

pub async fn a_section_in_use_cannot_be_deleted(app: TestApp) {
    thai_tan(&app).await;
    let in_use = format!("/api/v1/catalogs/{THAI_TAN}/sections/IV");
    let problem = expect_json(app.delete(&in_use, "\"1\"").await, 409).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("1 indicator"),
        "{problem}"
    );
    let unused = format!("/api/v1/catalogs/{THAI_TAN}/sections/vi");
    let (etag, section) = read_with_etag(&app, &unused).await;
    assert_eq!(section["code"], "VI");
    let renamed = expect_json(
        app.patch_json(&unused, &etag, &json!({"title": "Phát triển dữ liệu số"}))
            .await,
        200,
    )
    .await;
    assert_eq!(renamed["version"], 2);
    expect_json(app.delete(&unused, "\"2\"").await, 204).await;
    expect_json(app.delete(&unused, "\"2\"").await, 404).await;
}
