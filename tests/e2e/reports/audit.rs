use chitieu_e2e::reporting_fixture::{COUNT, PERCENT, VHXH};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::schema::audit_entries;
use diesel::prelude::*;
use serde_json::json;

use super::support::{act_ok, commune, open, put_values, vhxh_values};

const Q4: &str = "2026Q4";

/// A VHXH report through draft, values, submission, return, correction and approval.
async fn one_report_through_its_life(app: &TestApp) {
    let people = commune(app).await;
    let etag = open(app, &people.vhxh, VHXH, Q4).await;
    let (etag, _) = put_values(app, &people.vhxh, VHXH, Q4, &etag, vhxh_values()).await;
    let (etag, _) = act_ok(app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    let reason = json!({"reason": "Kiểm tra lại tỷ lệ"});
    let (etag, _) = act_ok(
        app,
        &people.commune_officer,
        VHXH,
        Q4,
        "return",
        &etag,
        Some(reason),
    )
    .await;
    let fix = json!([{"indicatorCode": PERCENT, "value": {"numerator": 40, "denominator": 50}}]);
    let (etag, _) = put_values(app, &people.vhxh, VHXH, Q4, &etag, fix).await;
    let (etag, _) = act_ok(app, &people.vhxh, VHXH, Q4, "submit", &etag, None).await;
    act_ok(
        app,
        &people.commune_officer,
        VHXH,
        Q4,
        "approve",
        &etag,
        None,
    )
    .await;
}

pub async fn the_audit_trail_lists_every_step_and_verifies(app: TestApp) {
    one_report_through_its_life(&app).await;
    let trail = app
        .get(&format!("/api/v1/audit-entries?unit={VHXH}&period={Q4}"))
        .await;
    let trail = expect_json(trail, 200).await;
    let items = trail["items"].as_array().unwrap();
    let actions: Vec<&str> = items
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "report_opened",
            "value_set",
            "value_set",
            "value_set",
            "submitted",
            "returned",
            "value_set",
            "submitted",
            "approved",
        ]
    );
    let correction = &items[6];
    assert_eq!(correction["indicatorCode"], PERCENT);
    assert_eq!(correction["oldValue"], "45/50");
    assert_eq!(correction["newValue"], "40/50");
    assert_eq!(correction["actor"], "vhxh.reporter");
    assert!(
        correction["requestId"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    assert_eq!(items[5]["reason"], "Kiểm tra lại tỷ lệ");
    assert_eq!(items[0]["prevHash"], "0".repeat(64));
    for pair in items.windows(2) {
        assert_eq!(pair[1]["prevHash"], pair[0]["hash"]);
    }
    let by_indicator = app
        .get(&format!(
            "/api/v1/audit-entries?indicator={COUNT}&actor=vhxh.reporter"
        ))
        .await;
    assert_eq!(expect_json(by_indicator, 200).await["totalItems"], 1);

    let verified = expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(
        (
            &verified["valid"],
            &verified["entries"],
            &verified["unaccountedValues"]
        ),
        (&json!(true), &json!(9), &json!([]))
    );
}

pub async fn editing_a_stored_entry_is_detected_at_its_id(app: TestApp) {
    one_report_through_its_life(&app).await;
    let tampered: i64 = app
        .with_db(|conn| {
            let id: i64 = audit_entries::table
                .filter(audit_entries::action.eq("value_set"))
                .order(audit_entries::id.desc())
                .select(audit_entries::id)
                .first(conn)
                .unwrap();
            diesel::update(audit_entries::table.find(id))
                .set(audit_entries::new_value.eq("50/50"))
                .execute(conn)
                .unwrap();
            id
        })
        .await;
    let verified = expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(verified["valid"], false);
    assert_eq!(verified["brokenAt"], tampered);
    assert_eq!(verified["entries"], 6);
    assert!(verified["reason"].as_str().unwrap().contains("edited"));

    // Removing an entry instead breaks the link of the one after it.
    app.with_db(move |conn| {
        diesel::update(audit_entries::table.find(tampered))
            .set(audit_entries::new_value.eq("40/50"))
            .execute(conn)
            .unwrap();
        diesel::delete(audit_entries::table.find(tampered - 1))
            .execute(conn)
            .unwrap();
    })
    .await;
    let verified = expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(verified["brokenAt"], tampered);
    assert!(verified["reason"].as_str().unwrap().contains("removed"));
}

pub async fn concurrent_changes_never_fork_the_chain(app: TestApp) {
    let people = commune(&app).await;
    open(&app, &people.vhxh, VHXH, Q4).await;
    open(&app, &people.yte, chitieu_e2e::reporting_fixture::YTE, Q4).await;
    let mut tasks = Vec::new();
    for n in 0..12 {
        let (client, unit) = if n % 2 == 0 {
            (people.vhxh.clone(), VHXH)
        } else {
            (people.yte.clone(), chitieu_e2e::reporting_fixture::YTE)
        };
        let url = app.url(&format!(
            "{}/values",
            chitieu_e2e::reporting_fixture::report_url(unit, Q4)
        ));
        tasks.push(tokio::spawn(async move {
            client
                .put(url)
                .header("If-Match", "*")
                .json(&json!({"values": [{"indicatorCode": COUNT, "value": n}]}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let verified = expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await;
    assert_eq!(
        (
            &verified["valid"],
            &verified["entries"],
            &verified["unaccountedValues"]
        ),
        (&json!(true), &json!(14), &json!([]))
    );
}
