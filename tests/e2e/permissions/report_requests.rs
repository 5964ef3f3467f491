//! The report and audit rows' requests. Reads look at agency 00001-A's (00002-A's) shared
//! report; every change gets a fresh plan of the anchor's side, whose report the administrator
//! first brings to the state the cell needs (open, submitted, approved).

use chitieu_e2e::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::fixture::{INDICATOR, PERIOD, Side, reporting_plan};
use super::requests::{Prepared, etag_of};

#[derive(Debug, Clone, Copy)]
pub enum ReportReq {
    List,
    Open,
    Show,
    Values,
    Narrative,
    Submit,
    Return,
    Approve,
    /// The commune's own report, its agency's already approved.
    ApproveCommune,
    Reopen,
    /// The shared report as a Word document.
    Document,
    /// Its document particulars, on a fresh report.
    DocumentDetails,
    AuditEntries,
    VerifyAudit,
}

pub async fn prepare(app: &TestApp, req: ReportReq, anchor: &str, n: u32) -> Prepared {
    let side = Side::of(anchor);
    let plan = format!("PERM-R{n}");
    let agency = url(side.agency(), &plan);
    match req {
        ReportReq::List => Prepared::get("/api/v1/reports"),
        ReportReq::AuditEntries => Prepared::get("/api/v1/audit-entries"),
        ReportReq::VerifyAudit => Prepared::get("/api/v1/audit-entries/verify"),
        ReportReq::Show => Prepared::get(url(side.agency(), side.plan())),
        ReportReq::Document => {
            Prepared::get(format!("{}/document", url(side.agency(), side.plan())))
        }
        ReportReq::DocumentDetails => {
            reporting_plan(app, &plan, side).await;
            step(app, Method::PUT, &agency, None, None).await;
            let body = json!({"documentNumber": "11/BC-UBND", "place": "Thái Tân"});
            Prepared::new(Method::PUT, format!("{agency}/document"), Some(body), None)
        }
        ReportReq::Open => {
            reporting_plan(app, &plan, side).await;
            Prepared::new(Method::PUT, agency, None, None)
        }
        ReportReq::Values | ReportReq::Narrative | ReportReq::Submit => {
            reporting_plan(app, &plan, side).await;
            let etag = step(app, Method::PUT, &agency, None, None).await;
            let (path, body) = match req {
                ReportReq::Values => (format!("{agency}/values"), values()),
                ReportReq::Narrative => (format!("{agency}/narrative"), narrative()),
                _ => (format!("{agency}/submit"), Value::Null),
            };
            let method = if path.ends_with("/submit") {
                Method::POST
            } else {
                Method::PUT
            };
            Prepared::new(method, path, (!body.is_null()).then_some(body), Some(etag))
        }
        ReportReq::Return | ReportReq::Approve | ReportReq::Reopen => {
            reporting_plan(app, &plan, side).await;
            let mut etag = submitted(app, &agency).await;
            if matches!(req, ReportReq::Reopen) {
                etag = step(
                    app,
                    Method::POST,
                    &format!("{agency}/approve"),
                    Some(&etag),
                    None,
                )
                .await;
            }
            let (action, body) = match req {
                ReportReq::Approve => ("approve", None),
                ReportReq::Return => ("return", Some(json!({"reason": "Số liệu chưa khớp"}))),
                _ => ("reopen", Some(json!({"reason": "Cần sửa số liệu"}))),
            };
            Prepared::new(Method::POST, format!("{agency}/{action}"), body, Some(etag))
        }
        ReportReq::ApproveCommune => {
            reporting_plan(app, &plan, side).await;
            let etag = submitted(app, &agency).await;
            step(
                app,
                Method::POST,
                &format!("{agency}/approve"),
                Some(&etag),
                None,
            )
            .await;
            let commune = url(side.commune(), &plan);
            let etag = submitted(app, &commune).await;
            Prepared::new(Method::POST, format!("{commune}/approve"), None, Some(etag))
        }
    }
}

fn url(unit: &str, plan: &str) -> String {
    format!("/api/v1/reports/{unit}/{plan}/{PERIOD}")
}

/// Opens and submits the report at `report` as the administrator; returns its ETag.
async fn submitted(app: &TestApp, report: &str) -> String {
    let etag = step(app, Method::PUT, report, None, None).await;
    step(
        app,
        Method::POST,
        &format!("{report}/submit"),
        Some(&etag),
        None,
    )
    .await
}

/// One step as the administrator, which must succeed; returns the new ETag.
async fn step(
    app: &TestApp,
    method: Method,
    path: &str,
    etag: Option<&str>,
    body: Option<Value>,
) -> String {
    let mut request = app.request(method, path);
    if let Some(etag) = etag {
        request = request.header("If-Match", etag);
    }
    if let Some(body) = &body {
        request = request.json(body);
    }
    let response = request.send().await.expect("the server answers");
    let etag = etag_of(&response);
    let status = response.status().as_u16();
    assert!(
        (200..300).contains(&status),
        "preparing {path}: {status} {}",
        response.text().await.unwrap_or_default()
    );
    etag
}

fn values() -> Value {
    json!({"values": [{"indicatorCode": INDICATOR,
        "value": {"numerator": 45, "denominator": 50}}]})
}

fn narrative() -> Value {
    json!({"sections": [{"code": "I", "title": "Công tác lãnh đạo, chỉ đạo", "position": 1,
        "contentHtml": "<p>Đã ban hành kế hoạch.</p>"}]})
}
