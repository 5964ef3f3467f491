//! The demo data set of a first start: a living system, not an empty one.

use chitieu_e2e::{Backend, Scenario, TestApp, expect_json};
use serde_json::Value;

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new("the_demo_shows_a_year_of_reports_in_every_state", |app| {
            Box::pin(the_demo_shows_a_year_of_reports_in_every_state(app))
        }),
        Scenario::new("the_demo_plan_reads_as_a_progress_table", |app| {
            Box::pin(the_demo_plan_reads_as_a_progress_table(app))
        }),
    ]
}

async fn with_demo(app: &TestApp) -> TestApp {
    TestApp::spawn_with(backend_of(app), |settings| settings.demo = true).await
}

fn backend_of(app: &TestApp) -> Backend {
    app.backend
}

async fn the_demo_shows_a_year_of_reports_in_every_state(app: TestApp) {
    let demo = with_demo(&app).await;
    let listed = expect_json(demo.get("/api/v1/reports?pageSize=200").await, 200).await;
    let states: Vec<&str> = listed["items"]
        .as_array()
        .expect("a page of reports")
        .iter()
        .filter_map(|r| r["state"].as_str())
        .collect();
    for state in ["draft", "submitted", "returned", "approved"] {
        assert!(states.contains(&state), "a {state} report among {states:?}");
    }
    let total = listed["totalItems"].as_u64().expect("a total");
    // Thái Tân: four agencies for twelve months and the commune for eleven; Nghi Dương twelve;
    // and both communes' reports of the last complete quarter.
    assert_eq!(total, 4 * 12 + 11 + 12 + 2);
}

async fn the_demo_plan_reads_as_a_progress_table(app: TestApp) {
    let demo = with_demo(&app).await;
    let path = "/api/v1/org-units/31001/progress?plan=TT-18-2025&period=2026";
    let report = expect_json(demo.get(path).await, 200).await;
    let rows: Vec<&Value> = report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["rows"].as_array().expect("rows"))
        .collect();
    assert_eq!(rows.len(), 28);
    assert!(
        rows.iter().any(|r| r["actual"] != Value::Null),
        "some figures"
    );
}
