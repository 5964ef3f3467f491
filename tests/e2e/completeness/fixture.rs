//! The province of the scenarios, built over HTTP as the administrator.

use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::schema::reports;
use chrono::NaiveDate;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::json;

use super::{COMMUNE_PLAN, MARCH, PROVINCE_PLAN};

/// The province of the module documentation, built over HTTP as the administrator, with the
/// March reports in their states and 41003 merged into 41002 on 1 April 2090.
pub async fn province_with_reports(app: &TestApp) {
    unit(app, "41", "Tỉnh 41", "province", None).await;
    for commune in ["41001", "41002", "41003"] {
        unit(
            app,
            commune,
            &format!("Xã {commune}"),
            "commune",
            Some("41"),
        )
        .await;
    }
    for agency in ["41001-A", "41001-B", "41002-A", "41002-B", "41003-A"] {
        let commune = &agency[..5];
        unit(
            app,
            agency,
            &format!("Phòng {agency}"),
            "unit",
            Some(commune),
        )
        .await;
    }
    let catalog = json!({"code": "NQ57-41", "name": "Chỉ tiêu Nghị quyết 57 tỉnh 41",
        "level": "province"});
    expect_json(app.post_json("/api/v1/catalogs", &catalog).await, 201).await;
    for (code, number, kind) in [("NQ57-41-1", "1", "percent"), ("NQ57-41-2", "2", "count")] {
        let indicator = json!({"catalogCode": "NQ57-41", "code": code, "number": number,
            "name": format!("Chỉ tiêu {number}"), "valueKind": kind});
        expect_json(app.post_json("/api/v1/indicators", &indicator).await, 201).await;
    }
    plan(app, PROVINCE_PLAN, "41").await;
    item(
        app,
        PROVINCE_PLAN,
        "NQ57-41-1",
        "41001",
        &["41002", "41003"],
    )
    .await;
    item(
        app,
        PROVINCE_PLAN,
        "NQ57-41-2",
        "41001-A",
        &["41001-B", "41002-A", "41002-B", "41003-A"],
    )
    .await;
    plan(app, COMMUNE_PLAN, "41001").await;
    item(app, COMMUNE_PLAN, "NQ57-41-1", "41001-A", &[]).await;

    for unit in ["41001", "41001-A", "41001-B", "41002-A", "41002-B", "41003"] {
        let etag = step(app, Method::PUT, unit, "", None, 201).await;
        if unit == "41002-A" {
            let_the_deadline_pass(app, unit).await;
        }
        step(app, Method::POST, unit, "/submit", Some(&etag), 200).await;
    }
    step(app, Method::PUT, "41002", "", None, 201).await;
    let etag = current_etag(app, "41001-A").await;
    step(app, Method::POST, "41001-A", "/approve", Some(&etag), 200).await;
    let etag = current_etag(app, "41002-B").await;
    let reason = json!({"reason": "Số liệu chưa khớp với biên bản"});
    let url = report_url("41002-B", "/return");
    let response = app
        .request(Method::POST, &url)
        .header("If-Match", etag)
        .json(&reason)
        .send()
        .await
        .unwrap();
    expect_json(response, 200).await;

    close(app, "41003-A", "41002-A").await;
    close(app, "41003", "41002").await;
}

async fn unit(app: &TestApp, code: &str, name: &str, kind: &str, parent: Option<&str>) {
    let body = json!({"code": code, "name": name, "kind": kind, "parentCode": parent});
    expect_json(app.post_json("/api/v1/org-units", &body).await, 201).await;
}

async fn plan(app: &TestApp, code: &str, issuer: &str) {
    let body = json!({"code": code, "number": "57/KH-UBND", "issuedOn": "2089-12-20",
        "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2090", "issuingUnitCode": issuer,
        "catalogCode": "NQ57-41", "validFrom": "2090-01-01", "validTo": "2090-12-31"});
    expect_json(app.post_json("/api/v1/plans", &body).await, 201).await;
}

async fn item(app: &TestApp, plan: &str, indicator: &str, lead: &str, coordinating: &[&str]) {
    let body = json!({"indicatorCode": indicator, "leadUnitCode": lead,
        "coordinatingUnitCodes": coordinating, "outputProduct": "Bộ số liệu báo cáo"});
    let path = format!("/api/v1/plans/{plan}/items");
    expect_json(app.post_json(&path, &body).await, 201).await;
}

fn report_url(unit: &str, action: &str) -> String {
    format!("/api/v1/reports/{unit}/{PROVINCE_PLAN}/{MARCH}{action}")
}

/// One workflow step on a March report as the administrator; returns the new ETag.
async fn step(
    app: &TestApp,
    method: Method,
    unit: &str,
    action: &str,
    etag: Option<&str>,
    status: u16,
) -> String {
    let mut request = app.request(method, &report_url(unit, action));
    if let Some(etag) = etag {
        request = request.header("If-Match", etag);
    }
    let response = request.send().await.unwrap();
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    expect_json(response, status).await;
    etag
}

async fn current_etag(app: &TestApp, unit: &str) -> String {
    let response = app.get(&report_url(unit, "")).await;
    response.headers()["etag"].to_str().unwrap().to_owned()
}

/// The deadline of 2090 is far ahead of the real clock; moving this draft's stored deadline
/// into the past is how its submission comes after it.
async fn let_the_deadline_pass(app: &TestApp, unit: &str) {
    let unit = unit.to_owned();
    app.with_db(move |conn| {
        let unit_id = chitieu_schema::reports::unit_ref(conn, &unit).unwrap().id;
        let long_ago = NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .unwrap();
        diesel::update(reports::table.filter(reports::unit_id.eq(unit_id)))
            .set(reports::due_at.eq(long_ago))
            .execute(conn)
            .unwrap();
    })
    .await;
}

/// Closes `code` on 1 April 2090 with `successor` taking over.
async fn close(app: &TestApp, code: &str, successor: &str) {
    let path = format!("/api/v1/org-units/{code}");
    let response = app.get(&path).await;
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let body = json!({"closedOn": "2090-04-01", "successorCodes": [successor],
        "reason": "Sáp nhập"});
    let response = app
        .request(Method::POST, &format!("{path}/close"))
        .header("If-Match", etag)
        .json(&body)
        .send()
        .await
        .unwrap();
    expect_json(response, 200).await;
}
