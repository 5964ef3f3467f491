use chitieu_e2e::reporting_fixture::{COMMUNE, PROVINCE, VHXH, YTE, report_url};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::json;

use super::support::{act, act_ok, commune, open, send};

const Q4: &str = "2026Q4";

pub async fn reports_outside_the_callers_subtree_are_not_found(app: TestApp) {
    let people = commune(&app).await;
    open(&app, &people.vhxh, VHXH, Q4).await;
    open(&app, &people.yte, YTE, Q4).await;
    // A reporter of one agency does not see the other's report, nor learn that it exists.
    let response = send(
        &app,
        &people.vhxh,
        Method::GET,
        &report_url(YTE, Q4),
        None,
        None,
    )
    .await;
    expect_json(response, 404).await;
    let response = send(
        &app,
        &people.vhxh,
        Method::PUT,
        &report_url(YTE, Q4),
        None,
        None,
    )
    .await;
    expect_json(response, 404).await;
    let list = people
        .vhxh
        .get(app.url("/api/v1/reports"))
        .send()
        .await
        .unwrap();
    let list = expect_json(list, 200).await;
    assert_eq!(list["totalItems"], 1);
    assert_eq!(list["items"][0]["unitCode"], VHXH);
    let trail = people
        .vhxh
        .get(app.url("/api/v1/audit-entries"))
        .send()
        .await
        .unwrap();
    let trail = expect_json(trail, 200).await;
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["unitCode"] == VHXH)
    );
    // The commune officer sees both.
    let list = people
        .commune_officer
        .get(app.url("/api/v1/reports"))
        .send()
        .await
        .unwrap();
    assert_eq!(expect_json(list, 200).await["totalItems"], 2);
    let verify = people
        .commune_officer
        .get(app.url("/api/v1/audit-entries/verify"))
        .send()
        .await
        .unwrap();
    expect_json(verify, 403).await;
}

pub async fn only_reporters_of_the_unit_enter_data_and_only_officers_above_approve(app: TestApp) {
    let people = commune(&app).await;
    let viewer = app.client_for("xa.viewer", "viewer", Some(COMMUNE)).await;
    let response = send(
        &app,
        &viewer,
        Method::PUT,
        &report_url(VHXH, Q4),
        None,
        None,
    )
    .await;
    expect_json(response, 403).await;
    // The commune officer may not open an agency's report: entering data is the reporter's.
    let response = send(
        &app,
        &people.commune_officer,
        Method::PUT,
        &report_url(VHXH, Q4),
        None,
        None,
    )
    .await;
    expect_json(response, 403).await;
    let etag = open(&app, &people.vhxh, VHXH, Q4).await;
    let (etag, _) = act_ok(&app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    // A reporter cannot approve its own report; a viewer cannot either.
    let response = act(&app, &people.vhxh, VHXH, Q4, "approve", &etag, None).await;
    expect_json(response, 403).await;
    let response = act(&app, &viewer, VHXH, Q4, "approve", &etag, None).await;
    expect_json(response, 403).await;
    // The commune officer cannot approve the commune's own report: the province does.
    let commune_etag = open(&app, &people.commune_reporter, COMMUNE, Q4).await;
    let (commune_etag, _) = act_ok(
        &app,
        &people.commune_reporter,
        COMMUNE,
        Q4,
        "submit",
        &commune_etag,
        None,
    )
    .await;
    let response = act(
        &app,
        &people.commune_officer,
        COMMUNE,
        Q4,
        "approve",
        &commune_etag,
        Some(json!({"overrideReason": "x"})),
    )
    .await;
    expect_json(response, 403).await;
    // An officer of another province does not see it at all.
    app.seed_unit("32", "province", None).await;
    let stranger = app
        .client_for("other.officer", "provinceOfficer", Some("32"))
        .await;
    let response = act(&app, &stranger, VHXH, Q4, "approve", &etag, None).await;
    expect_json(response, 404).await;
    let _ = PROVINCE;
}
