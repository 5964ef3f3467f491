//! Completeness of reporting over HTTP: province 41 with communes 41001, 41002 and 41003 and
//! their agencies, a province plan for 2090 (so its deadlines lie ahead of the real clock and
//! reports submitted now are on time), and commune 41003 merged into 41002 on 1 April 2090.
//!
//! March 2090 (`209003`), by hand:
//!
//! | unit | report | status |
//! |---|---|---|
//! | 41 (issued the plan) | none | missing |
//! | 41001 | submitted | on time |
//! | 41001-A | approved | on time |
//! | 41001-B | submitted | on time |
//! | 41002 | draft | missing |
//! | 41002-A | submitted after its deadline | late |
//! | 41002-B | returned | missing |
//! | 41003 | submitted | on time |
//! | 41003-A | none | missing |
//!
//! Expected 9, received 5 (4 on time, 1 late), missing 4.

mod fixture;

use chitieu_e2e::{Scenario, TestApp, expect_json};
use serde_json::{Value, json};

use fixture::province_with_reports;

pub fn scenarios() -> Vec<Scenario> {
    macro_rules! scenarios {
        ($($test:ident),+ $(,)?) => {
            vec![$(Scenario::new(concat!("completeness::", stringify!($test)), |app| Box::pin($test(app)))),+]
        };
    }
    scenarios![
        a_province_sees_expected_received_on_time_late_and_missing_reports_per_commune,
        each_unit_is_listed_with_its_report_state_and_status_and_can_be_filtered_by_status,
        a_merged_commune_is_expected_before_its_closure_and_not_after,
        a_plan_filter_counts_only_that_plans_reporting_units,
        a_caller_outside_the_province_gets_not_found,
        a_bad_period_or_an_unknown_plan_is_named_in_the_problem,
    ]
}

const PROVINCE_PLAN: &str = "KH-41-2090";
const COMMUNE_PLAN: &str = "KH-41001-2090";
const MARCH: &str = "209003";
const JUNE: &str = "209006";

pub async fn a_province_sees_expected_received_on_time_late_and_missing_reports_per_commune(
    app: TestApp,
) {
    province_with_reports(&app).await;
    let found = completeness(&app, "41", &format!("period={MARCH}&plan={PROVINCE_PLAN}")).await;
    assert_eq!(found["unit"]["code"], "41");
    assert_eq!(found["period"], MARCH);
    assert_eq!(found["plan"], PROVINCE_PLAN);
    assert_eq!(found["summary"], tally(9, 5, 4, 1, 4, json!(0.5556)));
    assert_eq!(
        found["byChild"],
        json!([
            {"code": "41001", "name": "Xã 41001", "summary": tally(3, 3, 3, 0, 0, json!(1.0))},
            {"code": "41002", "name": "Xã 41002", "summary": tally(3, 1, 0, 1, 2, json!(0.3333))},
            {"code": "41003", "name": "Xã 41003", "summary": tally(2, 1, 1, 0, 1, json!(0.5))},
        ])
    );

    let commune = completeness(&app, "41002", &format!("period={MARCH}")).await;
    assert_eq!(commune["summary"], tally(3, 1, 0, 1, 2, json!(0.3333)));
    let agencies: Vec<(&str, u64)> = commune["byChild"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap(),
                c["summary"]["received"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(agencies, [("41002-A", 1), ("41002-B", 0)]);
}

pub async fn each_unit_is_listed_with_its_report_state_and_status_and_can_be_filtered_by_status(
    app: TestApp,
) {
    province_with_reports(&app).await;
    let found = completeness(&app, "41", &format!("period={MARCH}&plan={PROVINCE_PLAN}")).await;
    assert_eq!(
        lines(&found["units"]["items"]),
        [
            ("41", None, "missing"),
            ("41001", Some("submitted"), "onTime"),
            ("41001-A", Some("approved"), "onTime"),
            ("41001-B", Some("submitted"), "onTime"),
            ("41002", Some("draft"), "missing"),
            ("41002-A", Some("submitted"), "late"),
            ("41002-B", Some("returned"), "missing"),
            ("41003", Some("submitted"), "onTime"),
            ("41003-A", None, "missing"),
        ]
    );
    let late = &found["units"]["items"][5];
    assert_eq!(late["parentCode"], "41002");
    assert_eq!(late["planCode"], PROVINCE_PLAN);
    assert_eq!(late["dueAt"], "2000-01-01T00:00:00Z");
    assert!(late["submittedAt"].is_string(), "{late}");
    assert_eq!(
        found["units"]["items"][0]["dueAt"], "2090-04-05T17:00:00Z",
        "a missing report shows the plan's deadline for the period"
    );

    let missing = completeness(
        &app,
        "41",
        &format!("period={MARCH}&plan={PROVINCE_PLAN}&status=missing&pageSize=3&page=2"),
    )
    .await;
    assert_eq!(missing["units"]["totalItems"], 4);
    assert_eq!(missing["units"]["totalPages"], 2);
    assert_eq!(
        lines(&missing["units"]["items"]),
        [("41003-A", None, "missing")]
    );
    assert_eq!(
        missing["summary"]["expected"], 9,
        "the counts are never filtered"
    );
}

pub async fn a_merged_commune_is_expected_before_its_closure_and_not_after(app: TestApp) {
    province_with_reports(&app).await;
    let june = completeness(&app, "41", &format!("period={JUNE}&plan={PROVINCE_PLAN}")).await;
    assert_eq!(june["summary"], tally(7, 0, 0, 0, 7, json!(0.0)));
    let children: Vec<&str> = june["byChild"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["41001", "41002"]);
    let units: Vec<&str> = lines(&june["units"]["items"])
        .into_iter()
        .map(|(code, _, _)| code)
        .collect();
    assert_eq!(
        units,
        [
            "41", "41001", "41001-A", "41001-B", "41002", "41002-A", "41002-B"
        ]
    );

    // April: 41003 closed on its first day, so it owes nothing for it.
    let april = completeness(&app, "41", "period=209004").await;
    assert!(
        !april["byChild"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "41003"),
        "{april}"
    );
}

pub async fn a_plan_filter_counts_only_that_plans_reporting_units(app: TestApp) {
    province_with_reports(&app).await;
    let every_plan = completeness(&app, "41", &format!("period={MARCH}")).await;
    assert_eq!(every_plan["plan"], Value::Null);
    assert_eq!(every_plan["summary"], tally(11, 5, 4, 1, 6, json!(0.4545)));
    let commune_plan =
        completeness(&app, "41", &format!("period={MARCH}&plan={COMMUNE_PLAN}")).await;
    assert_eq!(commune_plan["summary"], tally(2, 0, 0, 0, 2, json!(0.0)));
    assert_eq!(
        lines(&commune_plan["units"]["items"]),
        [("41001", None, "missing"), ("41001-A", None, "missing")]
    );
    let outside_validity = completeness(&app, "41", "period=209101").await;
    assert_eq!(
        outside_validity["summary"],
        tally(0, 0, 0, 0, 0, Value::Null)
    );
}

pub async fn a_caller_outside_the_province_gets_not_found(app: TestApp) {
    province_with_reports(&app).await;
    app.seed_unit("42", "province", None).await;
    let neighbour = app
        .client_for("tinh42.officer", "provinceOfficer", Some("42"))
        .await;
    let url = app.url(&format!("/api/v1/org-units/41/completeness?period={MARCH}"));
    let response = neighbour.get(&url).send().await.unwrap();
    let problem = expect_json(response, 404).await;
    assert_eq!(
        problem["detail"], "organisation unit 41 does not exist",
        "the same answer as for a unit that does not exist"
    );

    let commune_viewer = app
        .client_for("xa41001.viewer", "viewer", Some("41001"))
        .await;
    let response = commune_viewer.get(&url).send().await.unwrap();
    expect_json(response, 404).await;
    let own = app.url(&format!(
        "/api/v1/org-units/41001/completeness?period={MARCH}"
    ));
    let response = commune_viewer.get(&own).send().await.unwrap();
    let found = expect_json(response, 200).await;
    assert_eq!(
        found["summary"]["expected"], 5,
        "both plans, 41001 and its agencies"
    );
}

pub async fn a_bad_period_or_an_unknown_plan_is_named_in_the_problem(app: TestApp) {
    province_with_reports(&app).await;
    for (query, pointer) in [
        ("period=2090-13", "period"),
        ("plan=KH-41-2090", "period"),
        ("period=209003&plan=KH-KHONG-CO", "plan"),
        ("period=209003&status=done", "status"),
    ] {
        let response = app
            .get(&format!("/api/v1/org-units/41/completeness?{query}"))
            .await;
        let content_type = response.headers()["content-type"].to_str().unwrap();
        assert!(
            content_type.starts_with("application/problem+json"),
            "{content_type}"
        );
        let problem = expect_json(response, 422).await;
        assert_eq!(
            problem["errors"][0]["pointer"], pointer,
            "{query}: {problem}"
        );
    }
}

fn tally(
    expected: u64,
    received: u64,
    on_time: u64,
    late: u64,
    missing: u64,
    rate: Value,
) -> Value {
    json!({"expected": expected, "received": received, "onTime": on_time, "late": late,
        "missing": missing, "rate": rate})
}

fn lines(items: &Value) -> Vec<(&str, Option<&str>, &str)> {
    items
        .as_array()
        .expect("an array of units")
        .iter()
        .map(|line| {
            (
                line["unitCode"].as_str().unwrap(),
                line["state"].as_str(),
                line["status"].as_str().unwrap(),
            )
        })
        .collect()
}

async fn completeness(app: &TestApp, unit: &str, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/org-units/{unit}/completeness?{query}"))
        .await;
    expect_json(response, 200).await
}
