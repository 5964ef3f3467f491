//! The month's reports: the agencies fill and submit theirs, the commune reviews them, the
//! commune files its own and the province approves it.

use std::collections::HashMap;

use chitieu_e2e::TestApp;
use chitieu_e2e::thai_tan::{COMMUNE, PLAN, indicator_code, lead_unit, rows};
use reqwest::Method;
use serde_json::{Value, json};

use super::PERIOD;
use super::people::{AGENCY_CODES, KT, People, Person};
use super::trail::Journal;

/// The report of `unit` for the month.
fn report(unit: &str) -> String {
    format!("/api/v1/reports/{unit}/{PLAN}/{PERIOD}")
}

/// What `unit` enters for each indicator it reports: (code, value, the value as the audit
/// trail writes it). Agencies report the items they lead and the ones every agency shares
/// (20, 21); the commune reports its own figures for those two.
fn values_for(unit: &str) -> Vec<(String, Value, String)> {
    let mut values = Vec::new();
    for (i, row) in rows().into_iter().enumerate() {
        let lead = lead_unit(&row.lead);
        let reports = if unit == COMMUNE {
            lead.is_none()
        } else {
            lead.is_none() || lead == Some(unit)
        };
        if !reports {
            continue;
        }
        let (value, text) = match (row.value_kind.as_str(), unit == COMMUNE) {
            ("percent", _) => {
                let numerator = 20 + i;
                (
                    json!({"numerator": numerator, "denominator": 50}),
                    format!("{numerator}/50"),
                )
            }
            ("count", true) => (json!(9), "9".to_owned()),
            ("count", false) => (json!(2), "2".to_owned()),
            ("status", _) => (
                json!({"achieved": true, "label": "Đạt"}),
                "achieved (Đạt)".to_owned(),
            ),
            ("score", true) => (json!(0.71), "0.71".to_owned()),
            ("score", false) => (json!(0.65), "0.65".to_owned()),
            (kind, _) => panic!("item {} has an unexpected kind {kind}", row.number),
        };
        values.push((indicator_code(&row.number), value, text));
    }
    values
}

/// Opens, fills and submits `unit`'s report as `who`; returns the submitted report's ETag.
async fn file_report(app: &TestApp, who: &Person, unit: &str, journal: &mut Journal) -> String {
    let url = report(unit);
    let opened = who.expect(app, 201, Method::PUT, &url, None, None).await;
    assert_eq!(opened.body["state"], "draft");
    journal.step(who, &opened, "report_opened", unit);

    let values = values_for(unit);
    let entries: Vec<Value> = values
        .iter()
        .map(|(code, value, _)| json!({"indicatorCode": code, "value": value}))
        .collect();
    let path = format!("{url}/values");
    let body = json!({ "values": entries });
    let filled = who
        .expect(
            app,
            200,
            Method::PUT,
            &path,
            Some(&opened.etag()),
            Some(body),
        )
        .await;
    assert_eq!(
        filled.body["values"].as_array().map(Vec::len),
        Some(values.len()),
        "{unit} reported every assigned indicator"
    );
    for (code, _, text) in &values {
        journal.value(who, &filled, unit, code, (None, text));
    }

    let path = format!("{url}/submit");
    let submitted = who
        .expect(app, 200, Method::POST, &path, Some(&filled.etag()), None)
        .await;
    assert_eq!(submitted.body["state"], "submitted");
    assert_eq!(submitted.body["submittedBy"], who.username.as_str());
    journal.step(who, &submitted, "submitted", unit);
    submitted.etag()
}

/// Each agency reporter files its report; returns the ETags by agency.
pub async fn agencies_fill_and_submit(
    app: &TestApp,
    people: &People,
    journal: &mut Journal,
) -> HashMap<&'static str, String> {
    let mut etags = HashMap::new();
    for (agency, reporter) in &people.agency_reporters {
        // Another agency's report lies outside a reporter's part of the tree: 404, as if absent.
        let other = if *agency == KT { AGENCY_CODES[0] } else { KT };
        reporter
            .expect(app, 404, Method::PUT, &report(other), None, None)
            .await;
        etags.insert(*agency, file_report(app, reporter, agency, journal).await);
    }
    etags
}

/// Approves `unit`'s report as `who`; returns the new ETag.
async fn approve(
    app: &TestApp,
    who: &Person,
    unit: &str,
    etag: &str,
    journal: &mut Journal,
) -> String {
    let path = format!("{}/approve", report(unit));
    let approved = who
        .expect(app, 200, Method::POST, &path, Some(etag), None)
        .await;
    assert_eq!(approved.body["state"], "approved");
    assert_eq!(approved.body["approvedBy"], who.username.as_str());
    journal.step(who, &approved, "approved", unit);
    approved.etag()
}

/// The commune returns Phòng Kinh tế's report, which comes back corrected; the commune files
/// its own report; the province approves it once every agency's is approved.
pub async fn review_and_approve(
    app: &TestApp,
    people: &People,
    journal: &mut Journal,
    mut etags: HashMap<&'static str, String>,
) {
    let officer = &people.commune_officer;
    let reason = "Tỷ lệ chi cho KHCN, ĐMST, CĐS phải tính trên tổng chi ngân sách xã";
    let path = format!("{}/return", report(KT));
    let returned = officer
        .expect(
            app,
            200,
            Method::POST,
            &path,
            Some(&etags[KT]),
            Some(json!({"reason": reason})),
        )
        .await;
    assert_eq!(returned.body["state"], "returned");
    assert_eq!(returned.body["stateReason"], reason);
    journal.step_with_reason(officer, &returned, "returned", KT, reason);

    let kt = people.reporter_of(KT);
    let (code, _, old) = values_for(KT)
        .into_iter()
        .find(|(code, _, _)| *code == indicator_code("4"))
        .expect("Phòng Kinh tế reports item 4");
    let fix = json!({"values": [{"indicatorCode": code,
        "value": {"numerator": 3, "denominator": 100},
        "comment": "Tính lại trên tổng chi ngân sách xã"}]});
    let path = format!("{}/values", report(KT));
    let corrected = kt
        .expect(
            app,
            200,
            Method::PUT,
            &path,
            Some(&returned.etag()),
            Some(fix),
        )
        .await;
    journal.value(kt, &corrected, KT, &code, (Some(&old), "3/100"));
    let path = format!("{}/submit", report(KT));
    let resubmitted = kt
        .expect(app, 200, Method::POST, &path, Some(&corrected.etag()), None)
        .await;
    assert_eq!(resubmitted.body["state"], "submitted");
    journal.step(kt, &resubmitted, "submitted", KT);
    etags.insert(KT, resubmitted.etag());

    for agency in AGENCY_CODES.into_iter().filter(|a| *a != KT) {
        approve(app, officer, agency, &etags[agency], journal).await;
    }

    // The commune's own report, by a reporter homed at the commune (only a unit's own
    // reporters enter its data; the commune officer approves below the commune, not it).
    let commune_etag = file_report(app, &people.commune_reporter, COMMUNE, journal).await;
    let path = format!("{}/approve", report(COMMUNE));
    officer
        .expect(app, 403, Method::POST, &path, Some(&commune_etag), None)
        .await;
    let province = &people.province_officer;
    let refused = province
        .expect(app, 409, Method::POST, &path, Some(&commune_etag), None)
        .await;
    let detail = refused.body["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains(KT),
        "the refusal names the pending agency: {detail}"
    );

    approve(app, officer, KT, &etags[KT], journal).await;
    approve(app, province, COMMUNE, &commune_etag, journal).await;

    let listed = province
        .expect(
            app,
            200,
            Method::GET,
            &format!("/api/v1/reports?plan={PLAN}&period={PERIOD}"),
            None,
            None,
        )
        .await;
    let states: Vec<(&str, &str)> = listed.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            (
                r["unitCode"].as_str().unwrap(),
                r["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(states.len(), 5, "{states:?}");
    assert!(
        states.iter().all(|(_, state)| *state == "approved"),
        "{states:?}"
    );
}
