use chitieu_e2e::{TestApp, expect_json};
use serde_json::json;

use super::fixture::{
    THAI_TAN, code_of, create_catalog, create_indicator, create_section, pointers, thai_tan,
    try_indicator,
};

pub async fn a_rank_that_sums_is_refused_naming_the_aggregation(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-21", "number": "21",
            "name": "Chỉ số CDS xã", "valueKind": "rank", "aggregation": "sum"}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/aggregation"]);
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("do not sum"), "{detail}");
    assert_eq!(problem["type"], "urn:chitieu:problem:invalid-field");
}

pub async fn an_indicator_of_an_unknown_catalog_is_refused_naming_the_catalog_code(app: TestApp) {
    let problem = try_indicator(
        &app,
        json!({"catalogCode": "NQ57-NOWHERE", "code": "NQ57-NOWHERE-1", "number": "1",
            "name": "Tỷ lệ phủ sóng 5G", "valueKind": "percent"}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/catalogCode"]);
    assert!(
        problem["detail"].as_str().unwrap().contains("NQ57-NOWHERE"),
        "{problem}"
    );
}

pub async fn a_taken_indicator_code_is_a_conflict_naming_it(app: TestApp) {
    thai_tan(&app).await;
    create_catalog(&app, "NQ57-NGHIDUONG-2025").await;
    // Codes are global: another catalog cannot reuse Thái Tân's.
    let problem = try_indicator(
        &app,
        json!({"catalogCode": "NQ57-NGHIDUONG-2025", "code": code_of("1"), "number": "1",
            "name": "Tỷ lệ phủ sóng 5G", "valueKind": "percent"}),
        409,
    )
    .await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains(&code_of("1")), "{detail}");
    assert!(detail.contains(THAI_TAN), "{detail}");
}

pub async fn a_taken_number_in_the_same_section_is_a_conflict(app: TestApp) {
    thai_tan(&app).await;
    // Numbers are unique per section (plans restart their numbering in each): item 7 is in II.
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-BIS", "number": "7",
            "sectionCode": "II", "name": "Chỉ tiêu trùng số", "valueKind": "percent"}),
        409,
    )
    .await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("number 7 is taken in section II"),
        "{detail}"
    );
    // The same number in another section, or in another catalog, is fine.
    create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-III-7", "number": "7",
            "sectionCode": "III", "name": "Chỉ tiêu số 7 của phần III", "valueKind": "count"}),
    )
    .await;
    create_catalog(&app, "NQ57-NGHIDUONG-2025").await;
    create_indicator(
        &app,
        json!({"catalogCode": "NQ57-NGHIDUONG-2025", "code": "NQ57-NGHIDUONG-7", "number": "7",
            "name": "Tỷ lệ cán bộ làm chủ kỹ năng số", "valueKind": "percent"}),
    )
    .await;
}

pub async fn a_number_ending_in_a_dot_is_refused(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-7", "number": "7.",
            "name": "Tỷ lệ cán bộ làm chủ kỹ năng số", "valueKind": "percent"}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/number"]);
}

pub async fn every_invalid_field_is_listed_at_once(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "nq57 thai tan", "number": "7.",
            "name": "   ", "sectionCode": "4", "valueKind": "rank", "aggregation": "sum",
            "precision": 9}),
        422,
    )
    .await;
    assert_eq!(
        pointers(&problem),
        [
            "/code",
            "/number",
            "/name",
            "/sectionCode",
            "/aggregation",
            "/precision"
        ]
    );
}

pub async fn a_parent_in_another_catalog_is_refused(app: TestApp) {
    thai_tan(&app).await;
    create_catalog(&app, "NQ57-NGHIDUONG-2025").await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": "NQ57-NGHIDUONG-2025", "code": "NQ57-NGHIDUONG-7.1",
            "number": "7.1", "name": "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số",
            "valueKind": "percent", "parentCode": code_of("7")}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/parentCode"]);
    let unknown = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-7.1", "number": "7.1",
            "name": "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số", "valueKind": "percent",
            "parentCode": "NQ57-THAITAN-99"}),
        422,
    )
    .await;
    assert_eq!(pointers(&unknown), ["/parentCode"]);
}

pub async fn a_parent_in_another_section_is_refused(app: TestApp) {
    thai_tan(&app).await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-7.1", "number": "7.1",
            "name": "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số", "valueKind": "percent",
            "sectionCode": "III"}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/parentCode"]);
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("section II"), "{detail}");
    assert!(detail.contains("section III"), "{detail}");
    let unknown_section = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-40", "number": "40",
            "name": "Chỉ tiêu 40", "valueKind": "count", "sectionCode": "IX"}),
        422,
    )
    .await;
    assert_eq!(pointers(&unknown_section), ["/sectionCode"]);
}

pub async fn a_duplicate_catalog_or_section_is_a_conflict(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let again = json!({"code": THAI_TAN, "name": "Bản sao"});
    let problem = expect_json(app.post_json("/api/v1/catalogs", &again).await, 409).await;
    assert!(
        problem["detail"].as_str().unwrap().contains(THAI_TAN),
        "{problem}"
    );
    create_section(&app, THAI_TAN, "II", "Phát triển nguồn lực").await;
    let path = format!("/api/v1/catalogs/{THAI_TAN}/sections");
    let problem = expect_json(
        app.post_json(&path, &json!({"code": "ii", "title": "Nguồn lực"}))
            .await,
        409,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("section II"),
        "{problem}"
    );
    let missing = json!({"code": "I", "title": "Hạ tầng"});
    expect_json(
        app.post_json("/api/v1/catalogs/NQ57-NOWHERE/sections", &missing)
            .await,
        404,
    )
    .await;
}
