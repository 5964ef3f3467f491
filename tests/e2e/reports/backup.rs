use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chitieu_e2e::reporting_fixture::{COUNT, VHXH, YTE, report_url};
use chitieu_e2e::{Backend, TestApp};
use chitieu_schema::db::{DatabaseUrl, Db};
use chitieu_schema::schema::audit_entries;
use diesel::prelude::*;
use serde_json::{Value, json};

use super::support::{commune, open};

const Q4: &str = "2026Q4";

/// `chitieu ARGS` over the database at `url`, as an operator runs it.
async fn chitieu(url: &str, args: &[&str]) -> Output {
    // Each run keeps its audit files apart (the checkpoints of one database are not another's).
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let (url, args) = (
        url.to_owned(),
        args.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
    );
    tokio::task::spawn_blocking(move || {
        chitieu_e2e::chitieu_command(scratch.path())
            .args(&args)
            .env("DATABASE_URL", url)
            .env("CHITIEU_LOG_FORMAT", "text")
            .env("RUST_LOG", "warn")
            .output()
            .expect("chitieu runs")
    })
    .await
    .unwrap()
}

/// Every audit entry's id and hash, oldest first.
fn chain(url: &str) -> Vec<(i64, String)> {
    let mut conn = Db::open(&DatabaseUrl::parse(url).unwrap()).unwrap();
    audit_entries::table
        .select((audit_entries::id, audit_entries::hash))
        .order(audit_entries::id)
        .load(&mut conn)
        .unwrap()
}

/// A backup taken while two reporters keep writing is the database of one instant: restored,
/// its audit chain is a whole prefix of the live one and verifies, and nothing after the
/// backup is in it. PostgreSQL is backed up with pg_dump, which the command says.
pub async fn a_backup_taken_during_writes_restores_to_a_consistent_database(app: TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("chitieu-backup.db");
    if app.backend == Backend::Postgres {
        let refused = chitieu(&app.database.url, &["backup", backup.to_str().unwrap()]).await;
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains("pg_dump"));
        return;
    }
    let people = commune(&app).await;
    open(&app, &people.vhxh, VHXH, Q4).await;
    open(&app, &people.yte, YTE, Q4).await;
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let mut writers = Vec::new();
    for (client, unit) in [(people.vhxh.clone(), VHXH), (people.yte.clone(), YTE)] {
        let (stop, written) = (Arc::clone(&stop), Arc::clone(&written));
        let url = app.url(&format!("{}/values", report_url(unit, Q4)));
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let status = client
                    .put(&url)
                    .header("If-Match", "*")
                    .json(&json!({"values": [{"indicatorCode": COUNT, "value": n}]}))
                    .send()
                    .await
                    .unwrap()
                    .status();
                assert_eq!(status, 200);
                written.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    while written.load(Ordering::Relaxed) < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let before = chain(&app.database.url).len();
    let made = chitieu(&app.database.url, &["backup", backup.to_str().unwrap()]).await;
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let written_at_backup = written.load(Ordering::Relaxed);
    while written.load(Ordering::Relaxed) < written_at_backup + 10 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await.unwrap();
    }
    let again = chitieu(&app.database.url, &["backup", backup.to_str().unwrap()]).await;
    assert!(!again.status.success(), "a backup never overwrites another");

    let restored_url = format!("sqlite://{}", dir.path().join("restored.db").display());
    let restored = chitieu(&restored_url, &["restore", backup.to_str().unwrap()]).await;
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );

    let live = chain(&app.database.url);
    let copy = chain(&restored_url);
    assert!(
        copy.len() >= before,
        "the backup holds what was there when it began"
    );
    assert!(
        copy.len() < live.len(),
        "writes after the backup are not in it"
    );
    assert_eq!(
        copy,
        live[..copy.len()],
        "the restored chain is the live chain's beginning"
    );
    let verified = chitieu(&restored_url, &["audit", "verify"]).await;
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    let outcome: Value = serde_json::from_slice(&verified.stdout).unwrap();
    assert_eq!(
        (&outcome["valid"], &outcome["entries"]),
        (&json!(true), &json!(copy.len())),
        "{outcome}"
    );
}
