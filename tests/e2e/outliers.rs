//! Outliers through the HTTP route: values planted in fourteen months of six sibling agencies
//! are listed against their history and their peers, with score, median, reason and report
//! state, within the caller's scope; and the demo's planted value is found.

use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT, PLAN, VHXH, YTE, seed_commune_plan};
use chitieu_e2e::{Scenario, TestApp, expect_json};
use chitieu_schema::domain::{OrgUnitCode, Period, ValueInput};
use chitieu_schema::reports::{self, Actor, ReportKey, Transition, ValueEntry};
use chitieu_schema::schema::{indicators, plan_item_assignments, plan_items, plans};
use diesel::prelude::*;
use reqwest::Client;
use serde_json::Value;

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "planted_outliers_are_listed_against_history_and_peers_within_the_callers_scope",
            |app| {
                Box::pin(
                    planted_outliers_are_listed_against_history_and_peers_within_the_callers_scope(
                        app,
                    ),
                )
            },
        ),
        Scenario::new("the_demos_planted_outlier_is_listed", |app| {
            Box::pin(the_demos_planted_outlier_is_listed(app))
        }),
    ]
}

/// Four more agencies beside VHXH and YTE, all reporting the count indicator.
const MORE: [&str; 4] = ["31001-A1", "31001-A2", "31001-A3", "31001-A4"];
const JUDGED: &str = "202610";
/// Small wobbles around each unit's level, month by month.
const WOBBLE: [f64; 14] = [
    0.0, 1.0, -1.0, 2.0, -2.0, 0.0, 1.0, -1.0, 0.0, 2.0, -1.0, 1.0, 0.0, 1.0,
];

/// Months 202509 to 202610 (the plan is valid from 18/8/2025).
fn months() -> Vec<Period> {
    let first = Period::parse("202509").expect("a period");
    std::iter::successors(Some(first), Period::next)
        .take(WOBBLE.len())
        .collect()
}

/// The value planted or drawn for a unit and month: VHXH ×10 and YTE ÷10 (a whole count)
/// in October 2026.
fn value(unit_index: usize, month: usize, period: &Period) -> f64 {
    let level = 20.0 + 5.0 * unit_index as f64;
    let value = level + WOBBLE[month];
    match (unit_index, period.to_string().as_str()) {
        (0, JUDGED) => value * 10.0,
        (1, JUDGED) => (value / 10.0).round(),
        _ => value,
    }
}

async fn seed(app: &TestApp) -> Vec<&'static str> {
    seed_commune_plan(app).await;
    for unit in MORE {
        app.seed_unit(unit, "unit", Some(COMMUNE)).await;
    }
    let units: Vec<&'static str> = [VHXH, YTE].into_iter().chain(MORE).collect();
    let seeded = units.clone();
    app.with_db(move |conn| {
        let item: i64 = plan_items::table
            .inner_join(plans::table)
            .inner_join(indicators::table)
            .filter(plans::code.eq(PLAN))
            .filter(indicators::code.eq(COUNT))
            .select(plan_items::id)
            .first(conn)
            .expect("the count item");
        for unit in MORE {
            let unit_id = reports::unit_ref(conn, unit).expect("seeded").id;
            diesel::insert_into(plan_item_assignments::table)
                .values((
                    plan_item_assignments::plan_item_id.eq(item),
                    plan_item_assignments::unit_id.eq(unit_id),
                    plan_item_assignments::role.eq("coordinating"),
                ))
                .execute(conn)
                .expect("the assignment is inserted");
        }
        let actor = Actor {
            subject: "seed".to_owned(),
            request_id: None,
        };
        for (unit_index, unit) in seeded.iter().enumerate() {
            for (month, period) in months().into_iter().enumerate() {
                let key = ReportKey {
                    unit: OrgUnitCode::parse(unit).expect("a code"),
                    plan: PLAN.to_owned(),
                    period,
                };
                reports::open(conn, &key, &actor).expect("the report opens");
                let entry = ValueEntry {
                    index: 0,
                    indicator_code: COUNT.to_owned(),
                    input: ValueInput::Number(value(unit_index, month, &period)),
                    comment: None,
                    evidence: Vec::new(),
                };
                reports::set_values(conn, &key, None, vec![entry], false, &actor)
                    .expect("the value is set");
                if *unit == VHXH && period.to_string() == JUDGED {
                    reports::transition(
                        conn,
                        &key,
                        None,
                        Transition::Submit(Default::default()),
                        &actor,
                    )
                    .expect("the report is submitted");
                }
            }
        }
    })
    .await;
    units
}

async fn listing(app: &TestApp, client: &Client, path: &str, lang: &str) -> reqwest::Response {
    client
        .get(app.url(path))
        .header("Accept-Language", lang)
        .send()
        .await
        .expect("the server answers")
}

fn url(unit: &str, extra: &str) -> String {
    format!("/api/v1/org-units/{unit}/outliers?plan={PLAN}&period={JUDGED}{extra}")
}

/// (unit, basis) of every listed item.
fn flagged(page: &Value) -> Vec<(String, String)> {
    let mut flagged: Vec<(String, String)> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["unitCode"].as_str().expect("a unit").to_owned(),
                i["basis"].as_str().expect("a basis").to_owned(),
            )
        })
        .collect();
    flagged.sort();
    flagged
}

fn pair(unit: &str, basis: &str) -> (String, String) {
    (unit.to_owned(), basis.to_owned())
}

async fn planted_outliers_are_listed_against_history_and_peers_within_the_callers_scope(
    app: TestApp,
) {
    seed(&app).await;
    let officer = app
        .client_for("xa.officer", "communeOfficer", Some(COMMUNE))
        .await;
    let page = expect_json(listing(&app, &officer, &url(COMMUNE, ""), "en").await, 200).await;
    assert_eq!(
        flagged(&page),
        vec![
            pair(VHXH, "history"),
            pair(VHXH, "peers"),
            pair(YTE, "history"),
            pair(YTE, "peers"),
        ],
        "{page}"
    );
    let vhxh = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["unitCode"] == VHXH && i["basis"] == "history")
        .expect("VHXH against its history");
    // History 202510–202609: 20 + WOBBLE[1..13], median 20 and MAD 1; the value (20 + 1) × 10.
    let history: Vec<f64> = (1..13).map(|m| 20.0 + WOBBLE[m]).collect();
    assert_eq!(vhxh["value"], 210.0);
    assert_eq!(vhxh["baselineSize"], 12);
    assert_eq!(
        vhxh["median"].as_f64(),
        Some(chitieu_schema::outliers::score::median(&history))
    );
    assert_eq!(vhxh["method"], "modifiedZScore");
    assert_eq!(vhxh["threshold"], 3.5);
    assert_eq!(vhxh["reportState"], "submitted");
    assert_eq!(vhxh["indicatorCode"], COUNT);
    assert!(vhxh["score"].as_f64().expect("a score") >= 3.5);
    let reason = vhxh["reason"].as_str().expect("a reason");
    assert!(
        reason.starts_with("210 is far above the median"),
        "{reason}"
    );
    let yte = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["unitCode"] == YTE && i["basis"] == "history")
        .expect("YTE against its history");
    assert_eq!(yte["reportState"], "draft");

    // In Vietnamese, with the decimal comma.
    let vi = expect_json(listing(&app, &officer, &url(COMMUNE, ""), "vi").await, 200).await;
    let reasons: Vec<&str> = vi["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["reason"].as_str())
        .collect();
    // YTE: 3 against a median of 25 and a MAD of 1: 0.6745 × 22 = 14.839.
    assert!(
        reasons.contains(
            &"3 thấp bất thường so với trung vị 25 của 12 kỳ trước: điểm z hiệu chỉnh 14,84, \
              bất thường từ 3,5"
        ),
        "{reasons:?}"
    );

    // The other methods find the same planted values against history.
    for method in ["zScore", "minMax"] {
        let page = expect_json(
            listing(
                &app,
                &officer,
                &url(COMMUNE, &format!("&method={method}")),
                "en",
            )
            .await,
            200,
        )
        .await;
        let listed = flagged(&page);
        for planted in [pair(VHXH, "history"), pair(YTE, "history")] {
            assert!(listed.contains(&planted), "{method}: {listed:?}");
        }
        assert_eq!(page["items"][0]["method"], method);
    }

    // A reporter sees its own unit against its own history; its siblings are outside its
    // part of the tree, so no peer comparison, and the commune is not found.
    let reporter = app
        .client_for("vhxh.reporter", "reporter", Some(VHXH))
        .await;
    let own = expect_json(listing(&app, &reporter, &url(VHXH, ""), "en").await, 200).await;
    assert_eq!(flagged(&own), vec![pair(VHXH, "history")]);
    expect_json(listing(&app, &reporter, &url(COMMUNE, ""), "en").await, 404).await;

    // Paged like other lists, largest score first.
    let second = expect_json(
        listing(&app, &officer, &url(COMMUNE, "&page=2&pageSize=3"), "en").await,
        200,
    )
    .await;
    assert_eq!(
        (second["totalItems"].as_i64(), second["totalPages"].as_i64()),
        (Some(4), Some(2))
    );

    // A method or threshold that is not one is refused naming the parameter.
    for (extra, pointer) in [
        ("&method=MOD_Z_SCORE", "method"),
        ("&threshold=0", "threshold"),
    ] {
        let problem = expect_json(
            listing(&app, &officer, &url(COMMUNE, extra), "en").await,
            422,
        )
        .await;
        assert!(problem.to_string().contains(pointer), "{problem}");
    }
}

async fn the_demos_planted_outlier_is_listed(app: TestApp) {
    let demo = TestApp::spawn_with(app.backend, |settings| settings.demo = true).await;
    let reports = expect_json(
        demo.get("/api/v1/reports?plan=TT-18-2025&pageSize=200")
            .await,
        200,
    )
    .await;
    let mut periods: Vec<String> = reports["items"]
        .as_array()
        .expect("reports")
        .iter()
        .filter_map(|r| r["period"].as_str().map(str::to_owned))
        .filter(|p| p.len() == 6)
        .collect();
    periods.sort();
    periods.dedup();
    let june = periods
        .iter()
        .find(|p| p.ends_with("06"))
        .expect("the demo has a June")
        .clone();
    let mut found = false;
    for period in &periods {
        let path = format!(
            "/api/v1/org-units/31001/outliers?plan=TT-18-2025&period={period}&pageSize=500"
        );
        let page = expect_json(demo.get(&path).await, 200).await;
        for item in page["items"].as_array().expect("items") {
            // What the demo flags besides the planted value, for the closing note.
            eprintln!(
                "demo outlier {period} {} {} {} value {} median {} score {:.2}: {}",
                item["unitCode"].as_str().unwrap_or_default(),
                item["indicatorCode"].as_str().unwrap_or_default(),
                item["basis"].as_str().unwrap_or_default(),
                item["value"],
                item["median"],
                item["score"].as_f64().unwrap_or_default(),
                item["reason"].as_str().unwrap_or_default(),
            );
            if *period == june
                && item["indicatorCode"] == "NQ57-THAITAN-2025-18"
                && item["basis"] == "history"
            {
                found = true;
            }
        }
    }
    assert!(
        found,
        "item 18 of June ({june}) is listed against its history"
    );
}
