//! Roll-ups on province 31 of the progress fixture, checked against figures computed by hand.

use chitieu_e2e::progress_fixture::{
    A, A_VHXH, A_YTE, B, C, CONNECTED, INITIATIVES, ONLINE, PROVINCE, enter, merge_into, rollup,
    seed_province,
};
use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

fn close(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is a number"));
    assert!((actual - expected).abs() < 1e-9, "{actual} ≠ {expected}");
}

async fn january_online(app: &TestApp) {
    enter(
        app,
        "202601",
        &[
            (A_VHXH, ONLINE, json!([90, 100])),
            (A_YTE, ONLINE, json!([10, 300])),
            (B, ONLINE, json!([50, 100])),
            (C, ONLINE, json!([20, 40])),
        ],
    )
    .await;
}

pub async fn a_province_rolls_up_percentages_as_a_ratio_of_sums(app: TestApp) {
    seed_province(&app).await;
    january_online(&app).await;
    let commune = &rollup(&app, A, "202601", ONLINE).await[0];
    // (90 + 10) / (100 + 300) = 25%; the mean of 90% and 3.3% would be 46.7%.
    close(&commune["value"], 25.0);
    assert_eq!(commune["reportingUnits"], 2);
    assert_eq!(commune["own"], false);
    let province = &rollup(&app, PROVINCE, "202601", ONLINE).await[0];
    assert_eq!(
        province["figure"],
        json!({"kind": "ratio", "numerator": 170.0, "denominator": 540.0})
    );
    close(&province["value"], 170.0 / 540.0 * 100.0);
    assert_eq!(province["reportingUnits"], 4);
}

pub async fn a_merged_commune_counts_under_its_successor_from_the_merger_date(app: TestApp) {
    seed_province(&app).await;
    enter(
        &app,
        "202603",
        &[(B, INITIATIVES, json!(5)), (C, INITIATIVES, json!(7))],
    )
    .await;
    enter(
        &app,
        "202604",
        &[(B, INITIATIVES, json!(6)), (C, INITIATIVES, json!(2))],
    )
    .await;
    merge_into(&app, C, B, "2026-03-31").await;
    let value = |figures: Vec<Value>| figures[0]["value"].clone();
    assert_eq!(
        value(rollup(&app, B, "202603", INITIATIVES).await),
        json!(5.0)
    );
    assert_eq!(
        value(rollup(&app, B, "202604", INITIATIVES).await),
        json!(8.0)
    );
    assert_eq!(
        value(rollup(&app, C, "202603", INITIATIVES).await),
        json!(7.0)
    );
    assert_eq!(
        value(rollup(&app, C, "202604", INITIATIVES).await),
        Value::Null
    );
    assert_eq!(
        value(rollup(&app, PROVINCE, "202604", INITIATIVES).await),
        json!(8.0)
    );
}

pub async fn a_quarter_sums_the_months_of_a_count(app: TestApp) {
    seed_province(&app).await;
    for (month, count) in [("202601", 3), ("202602", 4), ("202603", 5)] {
        enter(&app, month, &[(B, INITIATIVES, json!(count))]).await;
    }
    let quarter = &rollup(&app, B, "2026Q1", INITIATIVES).await[0];
    assert_eq!(quarter["value"], 12.0);
    assert_eq!(quarter["derived"], true);
}

pub async fn a_missing_report_leaves_its_unit_out_of_the_count(app: TestApp) {
    seed_province(&app).await;
    // 31003 sends nothing for January.
    enter(
        &app,
        "202601",
        &[
            (A_VHXH, ONLINE, json!([90, 100])),
            (A_YTE, ONLINE, json!([10, 300])),
            (B, ONLINE, json!([50, 100])),
        ],
    )
    .await;
    let province = &rollup(&app, PROVINCE, "202601", ONLINE).await[0];
    assert_eq!(
        province["figure"],
        json!({"kind": "ratio", "numerator": 150.0, "denominator": 500.0})
    );
    assert_eq!(province["reportingUnits"], 3);
}

pub async fn only_approved_values_count_when_asked(app: TestApp) {
    seed_province(&app).await;
    january_online(&app).await;
    let path = format!(
        "/api/v1/org-units/{PROVINCE}/rollup?period=202601&indicators={ONLINE}&approvedOnly=true"
    );
    let body = expect_json(app.get(&path).await, 200).await;
    assert_eq!(body["approvedOnly"], true);
    assert_eq!(body["figures"][0]["figure"], Value::Null);
    assert_eq!(body["figures"][0]["reportingUnits"], 0);
}

pub async fn statuses_roll_up_as_the_share_of_units_that_achieved_them(app: TestApp) {
    seed_province(&app).await;
    enter(
        &app,
        "202601",
        &[
            (A, CONNECTED, json!("true")),
            (B, CONNECTED, json!("false")),
            (C, CONNECTED, json!("true")),
        ],
    )
    .await;
    let province = &rollup(&app, PROVINCE, "202601", CONNECTED).await[0];
    assert_eq!(
        province["figure"],
        json!({"kind": "share", "achieved": 2, "reporting": 3})
    );
}

pub async fn a_bad_period_is_refused_naming_the_parameter(app: TestApp) {
    seed_province(&app).await;
    let path = format!("/api/v1/org-units/{PROVINCE}/rollup?period=2026Q5&indicators={ONLINE}");
    let problem = expect_json(app.get(&path).await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "period");
}
