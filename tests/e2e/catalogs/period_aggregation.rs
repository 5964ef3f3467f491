//! How a quarter, half-year or year derives from its months: a catalog property of each
//! indicator, defaulted by value kind and checked against it like the aggregation.

use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

use super::fixture::{
    THAI_TAN, code_of, create_catalog, create_indicator, pointers, thai_tan, try_indicator,
};

async fn indicator(app: &TestApp, number: &str) -> Value {
    let path = format!("/api/v1/indicators/{}", code_of(number));
    expect_json(app.get(&path).await, 200).await
}

pub async fn an_indicator_takes_its_period_aggregation_from_its_kind_by_default(app: TestApp) {
    thai_tan(&app).await;
    let expected = [
        ("18", "count", "sum"),
        ("1", "percent", "last"),
        ("19", "status", "last"),
        ("21", "rank", "last"),
    ];
    for (number, kind, period_aggregation) in expected {
        let indicator = indicator(&app, number).await;
        assert_eq!(indicator["valueKind"], kind, "{number}");
        assert_eq!(
            indicator["periodAggregation"], period_aggregation,
            "{number}"
        );
    }
    let text = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-30", "number": "30",
            "name": "Kết quả khác", "valueKind": "text"}),
    )
    .await;
    assert_eq!(text["periodAggregation"], "none");

    // Lists carry it too, not only the single indicator.
    let listed = expect_json(
        app.get(&format!(
            "/api/v1/indicators?catalog={THAI_TAN}&section=III"
        ))
        .await,
        200,
    )
    .await;
    let listed: Vec<(&str, &str)> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap(),
                i["periodAggregation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, [("18", "sum"), ("19", "last")]);
}

pub async fn an_indicator_can_be_created_with_a_period_aggregation(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    // A share of records digitised in the quarter: numerators and denominators add up.
    let summed_percent = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": code_of("25"), "number": "25",
            "name": "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
            "valueKind": "percent", "unitOfMeasure": "%", "periodAggregation": "sum"}),
    )
    .await;
    assert_eq!(summed_percent["periodAggregation"], "sum");
    assert_eq!(summed_percent["aggregation"], "ratio");

    let mean_score = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": code_of("22"), "number": "22",
            "name": "Điểm chỉ số PAPI", "valueKind": "score", "periodAggregation": "mean"}),
    )
    .await;
    assert_eq!(mean_score["periodAggregation"], "mean");
    assert_eq!(indicator(&app, "22").await["periodAggregation"], "mean");
}

pub async fn a_status_indicator_cannot_sum_over_months(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let status = json!({"catalogCode": THAI_TAN, "code": code_of("19"), "number": "19",
        "name": "Triển khai ứng dụng AI trợ lý ảo cho cán bộ, công chức và người dân",
        "valueKind": "status", "periodAggregation": "sum"});
    let problem = try_indicator(&app, status.clone(), 422).await;
    assert_eq!(problem["type"], "urn:chitieu:problem:invalid-field");
    assert_eq!(pointers(&problem), ["/periodAggregation"]);
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("not summed or averaged"), "{detail}");

    // A value that is no period aggregation at all is malformed, and named as well.
    let mut unknown = status;
    unknown["periodAggregation"] = json!("average");
    let problem = try_indicator(&app, unknown, 400).await;
    assert_eq!(pointers(&problem), ["/periodAggregation"]);
}

pub async fn both_misfits_of_a_rank_are_listed_at_once(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let problem = try_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": code_of("21"), "number": "21",
            "name": "Chỉ số CDS xã", "valueKind": "rank", "aggregation": "sum",
            "periodAggregation": "sum"}),
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/aggregation", "/periodAggregation"]);
}

pub async fn an_update_changes_the_period_aggregation(app: TestApp) {
    thai_tan(&app).await;
    // Item 18 counts research tasks a year; the plan may want the mean month instead.
    let path = format!("/api/v1/indicators/{}", code_of("18"));
    let changed = expect_json(
        app.patch_json(&path, "\"1\"", &json!({"periodAggregation": "mean"}))
            .await,
        200,
    )
    .await;
    assert_eq!(changed["periodAggregation"], "mean");
    assert_eq!(changed["version"], 2);

    let problem = expect_json(
        app.patch_json(&path, "\"2\"", &json!({"periodAggregation": null}))
            .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/periodAggregation"]);
    assert_eq!(indicator(&app, "18").await["periodAggregation"], "mean");
}

pub async fn changing_the_kind_rechecks_the_period_aggregation(app: TestApp) {
    thai_tan(&app).await;
    // Item 19 is a status that keeps its last month; as text it could derive nothing.
    let path = format!("/api/v1/indicators/{}", code_of("19"));
    let problem = expect_json(
        app.patch_json(
            &path,
            "\"1\"",
            &json!({"valueKind": "text", "aggregation": "none"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&problem), ["/periodAggregation"]);
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("period itself"), "{detail}");

    let changed = expect_json(
        app.patch_json(
            &path,
            "\"1\"",
            &json!({"valueKind": "text", "aggregation": "none", "periodAggregation": "none"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(changed["valueKind"], "text");
    assert_eq!(changed["periodAggregation"], "none");
}
