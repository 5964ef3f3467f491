//! The acceptance walk-through: Thái Tân commune (seed 002, plan 18/KH-UBND) reports
//! January 2026 entirely through the HTTP API, each step by the role that does it in real life.
//!
//! The administrator builds Hải Phòng, the commune, its four agencies and the accounts, and
//! loads the catalog; the commune officer loads the plan with all 28 items, targets and lead
//! agencies. Each agency reporter opens, fills and submits its report; the commune officer
//! returns one with a reason, its reporter corrects a value and resubmits, and the commune
//! officer approves the agencies. A reporter of the commune itself files the commune's report,
//! which the province officer may approve only once every agency's is approved. The audit trail
//! shows every step with its actor and request id, and verifies.

mod people;
mod reports;
mod trail;

use chitieu_e2e::thai_tan::{self, AGENCIES, CATALOG, COMMUNE, PLAN, indicator_code};
use chitieu_e2e::{Scenario, TestApp};
use reqwest::Method;
use serde_json::json;

use people::{People, Person};
use trail::Journal;

pub const PERIOD: &str = "202601";

pub fn scenarios() -> Vec<Scenario> {
    vec![Scenario::new(
        "thai_tan_reports_january_2026_from_plan_to_province_approval_with_a_verified_audit_trail",
        |app| Box::pin(a_month_of_thai_tan(app)),
    )]
}

async fn a_month_of_thai_tan(app: TestApp) {
    let people = people::set_up(&app).await;
    load_catalog_and_plan(&app, &people).await;
    let mut journal = Journal::default();
    let etags = reports::agencies_fill_and_submit(&app, &people, &mut journal).await;
    reports::review_and_approve(&app, &people, &mut journal, etags).await;
    journal.check(&app, &people.admin).await;
}

/// The catalog by the administrator (catalogs are shared reference data); the plan, its items
/// and targets by the commune officer, who manages plans issued in the commune.
async fn load_catalog_and_plan(app: &TestApp, people: &People) {
    thai_tan::catalog(app, CATALOG).await;
    thai_tan::indicators(app).await;
    let officer = &people.commune_officer;
    let plans = "/api/v1/plans";
    let plan = officer
        .expect(
            app,
            201,
            Method::POST,
            plans,
            None,
            Some(thai_tan::plan_body(PLAN)),
        )
        .await;
    assert_eq!(plan.body["issuingUnitCode"], COMMUNE);
    thai_tan::items(app, officer.client(), PLAN).await;

    // Items 20 and 21 (initiatives recognised, the commune's CĐS index) name no lead agency:
    // every agency contributes, and the commune reports its own figure for them too.
    for number in ["20", "21"] {
        let path = format!("{plans}/{PLAN}/items/{}", indicator_code(number));
        let item = officer
            .expect(app, 200, Method::GET, &path, None, None)
            .await;
        let mut units: Vec<&str> = AGENCIES.to_vec();
        units.push(COMMUNE);
        let change = json!({"coordinatingUnitCodes": units});
        officer
            .expect(
                app,
                200,
                Method::PATCH,
                &path,
                Some(&item.etag()),
                Some(change),
            )
            .await;
    }

    // A reporter of an agency reads what it must report and this year's targets.
    let reporter = people.reporter_of(people::CA);
    let items = reporter
        .expect(
            app,
            200,
            Method::GET,
            &format!("{plans}/{PLAN}/items"),
            None,
            None,
        )
        .await;
    assert_eq!(items.body.as_array().map(Vec::len), Some(28));
    let year = format!("{plans}/{PLAN}/targets?year=2026");
    let targets = reporter
        .expect(app, 200, Method::GET, &year, None, None)
        .await;
    assert_eq!(targets.body["items"].as_array().map(Vec::len), Some(28));
    assert_no_change_by(app, reporter).await;
}

/// A reporter reads the plan but cannot change it.
async fn assert_no_change_by(app: &TestApp, reporter: &Person) {
    let path = format!("/api/v1/plans/{PLAN}");
    let plan = reporter
        .expect(app, 200, Method::GET, &path, None, None)
        .await;
    let change = json!({"title": "Kế hoạch khác"});
    reporter
        .expect(
            app,
            403,
            Method::PATCH,
            &path,
            Some(&plan.etag()),
            Some(change),
        )
        .await;
}
