//! DHIS2's export, `GET /api/dataValueSets` (and `/api/{version}/…`, `.json`/`.csv`/`.adx`):
//! what was posted is read back in each form, and errors on DHIS2's paths, those raised
//! before a handler runs included, are DHIS2's `WebMessage`.

use chitieu_e2e::reporting_fixture::{COMMUNE, COUNT, PLAN, TEXT, VHXH, seed_commune_plan};
use chitieu_e2e::{TestApp, adx_loose};
use serde_json::{Value, json};

use super::sets::{basic, post_json};

const Q1: &str = "2026Q1";

async fn get(app: &TestApp, path: &str, accept: &str) -> (u16, String, String) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .header("Authorization", basic())
        .header("Accept", accept)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    (status, content_type, response.text().await.unwrap())
}

async fn post_two_values(app: &TestApp) {
    let set = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH, "dataValues": [
        {"dataElement": COUNT, "value": "3", "comment": "Theo sổ"},
        {"dataElement": TEXT, "value": "Đã triển khai, đạt yêu cầu"}]});
    let (status, answer) = post_json(app, "/api/dataValueSets", &set).await;
    assert_eq!(status, 200, "{answer}");
}

fn value_of<'a>(set: &'a Value, element: &str) -> &'a Value {
    set["dataValues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["dataElement"] == element)
        .unwrap_or_else(|| panic!("{element} in {set}"))
}

pub async fn dhis2_export_reads_a_posted_set_back_as_json_csv_and_adx(app: TestApp) {
    seed_commune_plan(&app).await;
    post_two_values(&app).await;
    let query = format!("dataSet={PLAN}&period={Q1}&orgUnit={VHXH}");

    let (status, content_type, body) = get(
        &app,
        &format!("/api/dataValueSets?{query}"),
        "application/json",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(content_type.starts_with("application/json"));
    let set: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(set["dataSet"], PLAN);
    assert_eq!(set["orgUnit"], VHXH);
    let count = value_of(&set, COUNT);
    assert_eq!(count["value"], "3");
    assert_eq!(count["period"], Q1);
    assert_eq!(count["comment"], "Theo sổ");
    assert_eq!(count["categoryOptionCombo"], "default");
    assert_eq!(count["storedBy"], "admin");
    // The text value is refused by the import (a conflict), so it is not exported.
    assert_eq!(set["dataValues"].as_array().unwrap().len(), 1);

    // The versioned path and the extension answer the same values.
    let (status, _, versioned) = get(&app, &format!("/api/40/dataValueSets?{query}"), "*/*").await;
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&versioned).unwrap(), set);
    let (_, _, by_extension) = get(&app, &format!("/api/dataValueSets.json?{query}"), "*/*").await;
    assert_eq!(serde_json::from_str::<Value>(&by_extension).unwrap(), set);

    let (status, content_type, csv) =
        get(&app, &format!("/api/dataValueSets.csv?{query}"), "*/*").await;
    assert_eq!(status, 200);
    assert!(
        content_type.starts_with("application/csv"),
        "{content_type}"
    );
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("dataelement,period,orgunit,")
    );
    assert!(
        csv.contains(&format!("{COUNT},{Q1},{VHXH},default,default,3,admin,")),
        "{csv}"
    );
    let (_, _, by_format) = get(
        &app,
        &format!("/api/dataValueSets?{query}&format=csv"),
        "*/*",
    )
    .await;
    assert_eq!(by_format, csv);

    let (status, content_type, adx) = get(
        &app,
        &format!("/api/dataValueSets?{query}"),
        "application/adx+xml",
    )
    .await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("application/adx+xml"));
    adx_loose::validate(&adx).unwrap_or_else(|e| panic!("{e}\n{adx}"));
    assert!(
        adx.contains(&format!("dataElement=\"{COUNT}\" value=\"3\"")),
        "{adx}"
    );
}

pub async fn dhis2_export_takes_subtrees_dates_and_changes_since(app: TestApp) {
    seed_commune_plan(&app).await;
    post_two_values(&app).await;
    let read = |query: String| {
        let app = &app;
        async move {
            let (status, _, body) = get(
                app,
                &format!("/api/dataValueSets?{query}"),
                "application/json",
            )
            .await;
            assert_eq!(status, 200, "{body}");
            let set: Value = serde_json::from_str(&body).unwrap();
            set["dataValues"].as_array().map_or(0, Vec::len)
        }
    };
    assert_eq!(
        read(format!("dataSet={PLAN}&period={Q1}&orgUnit={COMMUNE}")).await,
        0
    );
    assert_eq!(
        read(format!(
            "dataSet={PLAN}&period={Q1}&orgUnit={COMMUNE}&children=true"
        ))
        .await,
        1
    );
    assert_eq!(
        read(format!(
            "dataSet={PLAN}&startDate=2026-01-01&endDate=2026-03-31&orgUnit={VHXH}"
        ))
        .await,
        1
    );
    assert_eq!(
        read(format!(
            "dataSet={PLAN}&startDate=2026-02-01&endDate=2026-03-31&orgUnit={VHXH}"
        ))
        .await,
        0
    );
    assert_eq!(
        read(format!(
            "dataSet={PLAN}&lastUpdatedDuration=1d&orgUnit={VHXH}"
        ))
        .await,
        1
    );
    assert_eq!(
        read(format!(
            "dataSet={PLAN}&lastUpdated=2999-01-01&orgUnit={VHXH}"
        ))
        .await,
        0
    );
    assert_eq!(
        read(format!("dataSet={PLAN}&period={Q1}&orgUnit={VHXH}&limit=1")).await,
        1
    );
}

pub async fn dhis2_export_query_dhis2_calls_illegal_is_409_with_its_error_code(app: TestApp) {
    seed_commune_plan(&app).await;
    for (query, code) in [
        (format!("period={Q1}&orgUnit={VHXH}"), "E2001"),
        (
            format!("dataSet=NO-SUCH-PLAN&period={Q1}&orgUnit={VHXH}"),
            "E2001",
        ),
        (format!("dataSet={PLAN}&orgUnit={VHXH}"), "E2002"),
        (format!("dataSet={PLAN}&period={Q1}"), "E2006"),
        (format!("dataSet={PLAN}&period={Q1}&orgUnit=99999"), "E2012"),
    ] {
        let (status, _, body) = get(&app, &format!("/api/dataValueSets?{query}"), "*/*").await;
        let message: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(status, 409, "{query}: {body}");
        assert_eq!(message["status"], "ERROR");
        assert_eq!(message["httpStatusCode"], 409);
        assert_eq!(message["errorCode"], code, "{query}");
    }
    let (status, _, body) = get(
        &app,
        &format!("/api/dataValueSets?dataSet={PLAN}&period={Q1}&orgUnit={VHXH}&limit=x"),
        "*/*",
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("limit"), "{body}");
}

/// A WebMessage of an error, with its status.
async fn web_message(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status().as_u16(), status);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let message: Value = response.json().await.unwrap();
    assert_eq!(message["status"], "ERROR", "{message}");
    assert_eq!(message["httpStatusCode"], status, "{message}");
    assert!(
        !message["message"].as_str().unwrap().is_empty(),
        "{message}"
    );
    message
}

pub async fn dhis2_errors_before_the_handler_are_web_messages(app: TestApp) {
    seed_commune_plan(&app).await;
    let client = reqwest::Client::new();
    let set = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH, "dataValues": []});
    // 401, keeping the offer of Basic.
    let anonymous = client
        .post(app.url("/api/dataValueSets"))
        .json(&set)
        .send()
        .await
        .unwrap();
    assert!(
        anonymous.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    web_message(anonymous, 401).await;
    let anonymous_get = client
        .get(app.url(&format!("/api/40/dataValueSets?dataSet={PLAN}")))
        .send()
        .await
        .unwrap();
    web_message(anonymous_get, 401).await;
    // 415: a body of a type not read.
    let plain = client
        .post(app.url("/api/dataValueSets"))
        .header("Authorization", basic())
        .header("Content-Type", "text/plain")
        .body("3")
        .send()
        .await
        .unwrap();
    web_message(plain, 415).await;
    // 422: a query value outside its closed set, named.
    let strategy = client
        .post(app.url("/api/dataValueSets?importStrategy=MERGE"))
        .header("Authorization", basic())
        .json(&set)
        .send()
        .await
        .unwrap();
    let message = web_message(strategy, 422).await;
    assert!(
        message["message"]
            .as_str()
            .unwrap()
            .contains("importStrategy"),
        "{message}"
    );
    // Our own route keeps problem+json for the same mistake.
    let own = app
        .request(
            reqwest::Method::POST,
            "/api/v1/dataValueSets?importStrategy=MERGE",
        )
        .json(&set)
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 422);
    assert!(
        own.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
}

pub async fn dhis2_an_oversize_set_is_413_as_a_web_message(app: TestApp) {
    let small = TestApp::spawn_with(app.backend, |settings| settings.bulk_body_limit = 4096).await;
    seed_commune_plan(&small).await;
    let values: Vec<Value> = (0..200)
        .map(|_| json!({"dataElement": COUNT, "period": Q1, "orgUnit": VHXH, "value": "2"}))
        .collect();
    let set = json!({"dataSet": PLAN, "period": Q1, "orgUnit": VHXH, "dataValues": values});
    let oversize = reqwest::Client::new()
        .post(small.url("/api/dataValueSets"))
        .header("Authorization", basic())
        .json(&set)
        .send()
        .await
        .unwrap();
    let message = web_message(oversize, 413).await;
    assert!(
        message["message"].as_str().unwrap().contains("4096"),
        "{message}"
    );
}
