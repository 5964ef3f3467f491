//! An audit trail that resists forgery: a keyed chain, checkpoints of its head kept outside the
//! database, and stored values reconciled with the trail.

use chitieu_e2e::reporting_fixture::{COUNT, VHXH};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::audit::checkpoint;
use chitieu_schema::schema::{audit_entries, report_values};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::reports::support::{commune, open, put_values, vhxh_values};

/// A report with values, and a checkpoint of the chain's head as the server's timer takes it.
async fn audited_report_with_checkpoint(app: &TestApp) {
    let people = commune(app).await;
    let etag = open(app, &people.vhxh, VHXH, "2026Q4").await;
    put_values(app, &people.vhxh, VHXH, "2026Q4", &etag, vhxh_values()).await;
    let file = app.files.path().join("audit-checkpoints");
    app.with_db(move |conn| {
        checkpoint::append_to_file(conn, &file, chitieu_schema::now_utc())
            .unwrap()
            .expect("a checkpoint of a non-empty chain")
    })
    .await;
}

async fn verify(app: &TestApp) -> Value {
    expect_json(app.get("/api/v1/audit-entries/verify").await, 200).await
}

pub async fn deleting_the_newest_entries_is_found_by_the_checkpoint(app: TestApp) {
    audited_report_with_checkpoint(&app).await;
    let intact = verify(&app).await;
    assert_eq!(
        (&intact["valid"], &intact["checkpoints"], &intact["entries"]),
        (&json!(true), &json!(1), &json!(4)),
        "{intact}"
    );
    // Someone with write access removes the newest entries (and the values, to hide it).
    app.with_db(|conn| {
        let newest: Vec<i64> = audit_entries::table
            .order(audit_entries::id.desc())
            .limit(3)
            .select(audit_entries::id)
            .load(conn)
            .unwrap();
        diesel::delete(audit_entries::table.filter(audit_entries::id.eq_any(newest)))
            .execute(conn)
            .unwrap();
        diesel::delete(report_values::table).execute(conn).unwrap();
    })
    .await;
    let verified = verify(&app).await;
    assert_eq!(verified["valid"], false, "{verified}");
    assert!(
        verified["reason"]
            .as_str()
            .unwrap()
            .contains("newest entries were removed"),
        "{verified}"
    );
}

pub async fn a_rewritten_entry_with_relinked_hashes_is_found_without_the_key(app: TestApp) {
    audited_report_with_checkpoint(&app).await;
    let rewritten = app
        .with_db(|conn| {
            let ids: Vec<i64> = audit_entries::table
                .order(audit_entries::id)
                .select(audit_entries::id)
                .load(conn)
                .unwrap();
            let (target, next) = (ids[1], ids[2]);
            // The forger edits an entry and relinks the chain with a hash of their own making.
            let forged = "f".repeat(64);
            diesel::update(audit_entries::table.find(target))
                .set((
                    audit_entries::new_value.eq("999"),
                    audit_entries::hash.eq(&forged),
                ))
                .execute(conn)
                .unwrap();
            diesel::update(audit_entries::table.find(next))
                .set(audit_entries::prev_hash.eq(&forged))
                .execute(conn)
                .unwrap();
            target
        })
        .await;
    let verified = verify(&app).await;
    assert_eq!(verified["valid"], false);
    assert_eq!(verified["brokenAt"], rewritten, "{verified}");
}

pub async fn a_value_edited_without_an_entry_is_reported(app: TestApp) {
    audited_report_with_checkpoint(&app).await;
    app.with_db(|conn| {
        use chitieu_schema::schema::indicators;
        let indicator: i64 = indicators::table
            .filter(indicators::code.eq(COUNT))
            .select(indicators::id)
            .first(conn)
            .unwrap();
        diesel::update(report_values::table.filter(report_values::indicator_id.eq(indicator)))
            .set(report_values::number_value.eq(Some(99.0)))
            .execute(conn)
            .unwrap();
    })
    .await;
    let verified = verify(&app).await;
    assert_eq!(verified["valid"], false, "{verified}");
    // The chain itself is intact: only the value is unaccounted for.
    assert!(verified.get("brokenAt").is_none(), "{verified}");
    let unaccounted = &verified["unaccountedValues"];
    assert_eq!(unaccounted.as_array().unwrap().len(), 1, "{verified}");
    assert_eq!(
        (
            &unaccounted[0]["indicatorCode"],
            &unaccounted[0]["stored"],
            &unaccounted[0]["audited"]
        ),
        (&json!(COUNT), &json!("99"), &json!("3"))
    );
}
