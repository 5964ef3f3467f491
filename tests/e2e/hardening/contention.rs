//! No 500 when the database is busy: a writer that cannot get a lock in time gets 503 with
//! `Retry-After`, reads with an API key write nothing, and a national-size bulk import leaves
//! other writers answered.

use std::time::{Duration, Instant};

use chitieu_e2e::accounts::USER_PASSWORD;
use chitieu_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, Backend, TestApp, expect_json};
use diesel::connection::SimpleConnection;
use serde_json::{Value, json};

// The national data set of the benchmarks: 3,321 communes, 70 indicators, every item assigned
// to every commune.
#[allow(dead_code)]
#[path = "../../../schema/benches/support/national/mod.rs"]
pub(super) mod national;

/// Holds the write lock of the database (SQLite) or of the access log (PostgreSQL) for `hold`.
fn hold_write_lock(app: &TestApp, hold: Duration) -> std::thread::JoinHandle<()> {
    let pool = app.pool.clone();
    let (started, wait) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let mut conn = pool.get().expect("a connection");
        let begin = match &*conn {
            chitieu_schema::db::Db::Sqlite(_) => "BEGIN IMMEDIATE",
            chitieu_schema::db::Db::Postgresql(_) => {
                "BEGIN; LOCK TABLE access_events, sign_in_throttle IN EXCLUSIVE MODE"
            }
        };
        conn.batch_execute(begin).expect("the lock is taken");
        started.send(()).expect("the test waits");
        std::thread::sleep(hold);
        conn.batch_execute("ROLLBACK")
            .expect("the lock is released");
    });
    wait.recv().expect("the lock holder starts");
    holder
}

async fn sign_in_status(app: &TestApp) -> (u16, Option<String>) {
    let response = app
        .anonymous()
        .post(app.url("/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": ADMIN_USERNAME,
            "password": ADMIN_PASSWORD}))
        .send()
        .await
        .expect("the token endpoint answers");
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    (response.status().as_u16(), retry_after)
}

fn key_client(secret: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-api-key", secret.parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

pub async fn a_busy_database_answers_503_with_retry_after_and_key_reads_go_on(app: TestApp) {
    let key = json!({"name": "Hệ thống tổng hợp", "role": "administrator"});
    let key = expect_json(app.post_json("/api/v1/api-keys", &key).await, 201).await;
    let reader = key_client(key["apiKey"].as_str().unwrap());

    let holder = hold_write_lock(&app, Duration::from_secs(8));
    // Reading with a key needs no write: answered while the lock is held.
    let read = reader.get(app.url("/api/v1/auth/me")).send().await.unwrap();
    assert_eq!(read.status(), 200);
    // Signing in writes (the throttle count, the access log): it waits, then gets 503.
    let (status, retry_after) = sign_in_status(&app).await;
    assert_eq!((status, retry_after.as_deref()), (503, Some("5")));
    tokio::task::spawn_blocking(move || holder.join().unwrap())
        .await
        .unwrap();
    assert_eq!(sign_in_status(&app).await.0, 200);
}

/// What the writers running next to the import saw.
#[derive(Default)]
struct Seen {
    statuses: std::collections::BTreeMap<u16, u32>,
    worst: Duration,
}

pub async fn a_national_import_leaves_other_writers_answered(app: TestApp) {
    // A measuring run (`CHITIEU_E2E_LOG=1`, in a release build) also prints how long the
    // import's phases took, the write transaction among them.
    if std::env::var_os("CHITIEU_E2E_LOG").is_some() {
        chitieu_api::telemetry::init(&chitieu_api::telemetry::LogSettings {
            json: Some(false),
            filter: "chitieu_schema::reports::bulk=info".to_owned(),
        });
    }
    let seeded = app
        .with_db(|conn| {
            national::seed_tree(conn).unwrap();
            national::seed_plan(conn).unwrap()
        })
        .await;
    let communes: Vec<String> = (0..national::COMMUNES)
        .map(national::commune_code)
        .collect();
    let body = national_month(&communes, &seeded);
    let values = body["dataValues"].as_array().unwrap().len();
    assert!(values >= 230_000, "{values}");

    // A reporter of another commune enters another month's value over and over.
    let writer_unit = national::commune_code(1);
    let reporter = app
        .client_for("bc.writer", "reporter", Some(&writer_unit))
        .await;
    let report = format!("/api/v1/reports/{writer_unit}/{}/202602", national::PLAN);
    let opened = reporter.put(app.url(&report)).send().await.unwrap();
    expect_json(opened, 201).await;
    let count = seeded
        .iter()
        .find(|(_, kind)| *kind == "count")
        .unwrap()
        .0
        .clone();

    let importing = {
        let client = app.client.clone();
        let url = app.url("/api/v1/dataValueSets");
        tokio::spawn(async move {
            let started = Instant::now();
            let response = client.post(url).json(&body).send().await.unwrap();
            (response.status().as_u16(), started.elapsed())
        })
    };
    let mut seen = Seen::default();
    let mut n = 0;
    while !importing.is_finished() {
        n += 1;
        let write = json!({"values": [{"indicatorCode": count, "value": n}]});
        let requests = [
            reporter
                .put(app.url(&format!("{report}/values")))
                .header("If-Match", "*")
                .json(&write),
            app.client
                .patch(app.url("/api/v1/users/admin"))
                .header("If-Match", "*")
                .json(&json!({"displayName": format!("Quản trị {n}")})),
            app.anonymous().post(app.url("/api/v1/auth/token")).json(
                &json!({"grantType": "password", "username": "bc.writer", "password": USER_PASSWORD}),
            ),
        ];
        for request in requests {
            let started = Instant::now();
            let response = request.send().await.unwrap();
            let waited = started.elapsed();
            let status = response.status().as_u16();
            if status == 503 {
                assert!(response.headers().contains_key("retry-after"));
            }
            *seen.statuses.entry(status).or_default() += 1;
            seen.worst = seen.worst.max(waited);
        }
    }
    let (import_status, took) = importing.await.unwrap();
    let backend = match app.backend {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    };
    eprintln!(
        "[{backend}] import of {values} values: HTTP {import_status} in {took:.1?}; writers \
         meanwhile: {:?} (status: count), worst wait {:.2?}",
        seen.statuses, seen.worst
    );
    assert_eq!(import_status, 200);
    let failures: Vec<_> = seen
        .statuses
        .keys()
        .filter(|s| **s >= 500 && **s != 503)
        .collect();
    assert!(failures.is_empty(), "{:?}", seen.statuses);
    assert!(
        seen.statuses.get(&200).copied().unwrap_or(0) > 0,
        "{:?}",
        seen.statuses
    );
}

/// One value per commune and indicator for January 2026, as the benchmark sends it.
fn national_month(communes: &[String], kinds: &[(String, &'static str)]) -> Value {
    let mut rows = Vec::with_capacity(communes.len() * kinds.len());
    for (c, commune) in communes.iter().enumerate() {
        for (i, (code, kind)) in kinds.iter().enumerate() {
            let value = match *kind {
                "percent" => format!("{}.5", (c + i) % 100),
                "count" => format!("{}", (c * 7 + i) % 500),
                "status" => "true".to_owned(),
                _ => format!("{}", 1 + (c + i) % 63),
            };
            rows.push(json!({"dataElement": code, "orgUnit": commune, "value": value}));
        }
    }
    json!({"dataSet": national::PLAN, "period": "202601", "dataValues": rows})
}
