use chitieu_e2e::reporting_fixture::{
    COMMUNE, COUNT, PERCENT, STATUS, TEXT, VHXH, YTE, report_url, seed_commune_plan,
};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::schema::reports;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use super::support::{Q1, audit_count, counts, import, set, stored};

fn indexes_and_objects(summary: &Value) -> Vec<(u64, String)> {
    summary["conflicts"]
        .as_array()
        .expect("conflicts")
        .iter()
        .map(|c| {
            (
                c["indexes"][0].as_u64().unwrap(),
                c["property"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

pub async fn atomic_mode_all_with_one_bad_value_stores_nothing(app: TestApp) {
    seed_commune_plan(&app).await;
    let body = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "value": "3"},
            {"dataElement": STATUS, "value": "true"},
            {"dataElement": PERCENT, "value": "90"},
            {"dataElement": COUNT, "orgUnit": YTE, "value": "-1"},
        ]),
    );
    let (status, problem) = import(&app, &app.client, "atomicMode=ALL", &body).await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["type"], "urn:chitieu:problem:import-rejected");
    let summary = &problem["importSummary"];
    assert_eq!(summary["status"], "ERROR");
    assert_eq!(counts(summary), [0, 0, 0, 4, 0]);
    assert_eq!(indexes_and_objects(summary), [(3, "value".to_owned())]);
    assert_eq!(stored(&app, VHXH, Q1).await, None);
    assert_eq!(audit_count(&app, VHXH).await, 0);
}

pub async fn atomic_mode_none_stores_the_good_values_and_lists_each_bad_one(app: TestApp) {
    seed_commune_plan(&app).await;
    // YTE's 2026Q2 report is submitted: its values are no longer the reporter's to change.
    let response = app
        .request(Method::PUT, &report_url(YTE, "2026Q2"))
        .send()
        .await
        .unwrap();
    expect_json(response, 201).await;
    app.with_db(|conn| {
        diesel::update(reports::table.filter(reports::period.eq("2026Q2")))
            .set(reports::state.eq("submitted"))
            .execute(conn)
            .expect("the report is marked submitted")
    })
    .await;
    let body = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "value": "2"},
            {"dataElement": STATUS, "value": "12"},
            {"dataElement": COUNT, "orgUnit": YTE, "value": "-1"},
            {"dataElement": PERCENT, "orgUnit": YTE, "categoryOptionCombo": "NUMERATOR", "value": "60"},
            {"dataElement": PERCENT, "orgUnit": YTE, "categoryOptionCombo": "DENOMINATOR", "value": "50"},
            {"dataElement": TEXT, "value": "Không thuộc đơn vị"},
            {"dataElement": COUNT, "orgUnit": "99999", "value": "1"},
            {"dataElement": COUNT, "period": "2024Q1", "value": "1"},
            {"dataElement": COUNT, "orgUnit": YTE, "period": "2026Q2", "value": "1"},
            {"dataElement": PERCENT, "value": "75"},
        ]),
    );
    let (status, summary) = import(&app, &app.client, "atomicMode=NONE", &body).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["status"], "WARNING");
    assert_eq!(counts(&summary), [2, 0, 0, 7, 0]);
    let expected = [
        (1, "value"),
        (2, "value"),
        (3, "value"),
        (5, "dataElement"),
        (6, "orgUnit"),
        (7, "period"),
        (8, "period"),
    ]
    .map(|(i, o)| (i, o.to_owned()));
    assert_eq!(indexes_and_objects(&summary), expected);
    let reason = |i: usize| {
        summary["conflicts"][i]["value"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(reason(0).contains("not a status"), "{}", reason(0));
    assert!(reason(1).contains("whole number ≥ 0"), "{}", reason(1));
    assert!(reason(2).contains("numerator must be between 0 and the denominator"));
    assert!(
        reason(3).contains("is not assigned to unit"),
        "{}",
        reason(3)
    );
    assert_eq!(reason(4), "organisation unit 99999 not found");
    assert!(
        reason(5).contains("not within the validity of plan"),
        "{}",
        reason(5)
    );
    assert!(
        reason(6).contains("the report is submitted"),
        "{}",
        reason(6)
    );
    let values = stored(&app, VHXH, Q1).await.unwrap();
    assert_eq!(values[COUNT], json!(2.0));
    assert_eq!(values[PERCENT], json!(75.0));
    assert!(values.get(STATUS).is_none());
    assert_eq!(stored(&app, YTE, Q1).await, None);
}

pub async fn an_unknown_id_scheme_is_refused_naming_it(app: TestApp) {
    seed_commune_plan(&app).await;
    let body = set(VHXH, json!([{"dataElement": COUNT, "value": "2"}]));
    let (status, problem) = import(&app, &app.client, "idScheme=uid", &body).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["pointer"], "idScheme", "{problem}");
    assert_eq!(stored(&app, VHXH, Q1).await, None);
}

pub async fn a_reporter_importing_for_other_units_gets_conflicts(app: TestApp) {
    seed_commune_plan(&app).await;
    let reporter = app
        .client_for("vhxh.reporter", "reporter", Some(VHXH))
        .await;
    let body = set(
        VHXH,
        json!([
            {"dataElement": COUNT, "orgUnit": YTE, "value": "4"},
            {"dataElement": COUNT, "value": "2"},
            {"dataElement": PERCENT, "orgUnit": COMMUNE, "value": "50"},
            {"dataElement": COUNT, "orgUnit": "99999", "value": "1"},
        ]),
    );
    let (status, summary) = import(&app, &reporter, "", &body).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["status"], "WARNING");
    assert_eq!(counts(&summary), [1, 0, 0, 3, 0]);
    // Units outside the reporter's scope read exactly like units that do not exist.
    let reasons: Vec<&str> = summary["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            format!("organisation unit {YTE} not found"),
            format!("organisation unit {COMMUNE} not found"),
            "organisation unit 99999 not found".to_owned(),
        ]
    );
    assert_eq!(stored(&app, YTE, Q1).await, None);
    assert_eq!(stored(&app, VHXH, Q1).await.unwrap()[COUNT], json!(2.0));
}

pub async fn a_caller_who_enters_data_nowhere_is_forbidden(app: TestApp) {
    seed_commune_plan(&app).await;
    let officer = app
        .client_for("xa.officer", "communeOfficer", Some(COMMUNE))
        .await;
    let body = set(VHXH, json!([{"dataElement": COUNT, "value": "2"}]));
    let (status, _) = import(&app, &officer, "", &body).await;
    assert_eq!(status, 403);
    assert_eq!(stored(&app, VHXH, Q1).await, None);
}
