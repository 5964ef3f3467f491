//! A bulk import is whole or nothing: the real `chitieu` binary killed with SIGKILL while it
//! imports 42,000 values leaves either none of them (and none of their audit entries) or all
//! of them, never a part. Build the binary first: `cargo build -p chitieu-api`.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::schema::{audit_entries, report_values, reports};
use diesel::prelude::*;
use serde_json::{Value, json};

// The national data set of the benchmarks (3,321 communes, 70 indicators), loaded once.
use super::contention::national;

/// Communes in each import: 600 × 70 indicators = 42,000 values, many times what a write
/// transaction used to take at once (2,500).
const COMMUNES: usize = 600;

/// A `chitieu serve` over the test's database on a port of its own.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    async fn start(app: &TestApp) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = chitieu_e2e::chitieu_command(app.files.path())
            .env("DATABASE_URL", &app.database.url)
            .env("CHITIEU_PORT", port.to_string())
            .env("CHITIEU_JWT_SECRET", chitieu_e2e::TEST_JWT_SECRET)
            .env("CHITIEU_SYNC_WORKER", "off")
            .env("CHITIEU_SYNC_SCHEDULE", "off")
            .env("CHITIEU_LOG_FORMAT", "text")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("chitieu starts");
        let server = Server {
            child,
            address: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        loop {
            let ready = app
                .anonymous()
                .get(format!("{}/health/ready", server.address))
                .send()
                .await;
            if ready.is_ok_and(|r| r.status() == 200) {
                return server;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "not ready");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL: no graceful shutdown, the import's transaction cut wherever it is.
    fn kill(mut self) {
        self.child.kill().expect("chitieu is killed");
        self.child.wait().expect("chitieu is reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One value per commune and indicator for `period`.
fn month(period: &str, kinds: &[(String, &'static str)]) -> Value {
    let mut rows = Vec::with_capacity(COMMUNES * kinds.len());
    for c in 0..COMMUNES {
        let commune = national::commune_code(c);
        for (i, (code, kind)) in kinds.iter().enumerate() {
            let value = match *kind {
                "percent" => format!("{}.5", (c + i) % 100),
                "status" => "true".to_owned(),
                _ => format!("{}", 1 + (c * 7 + i) % 500),
            };
            rows.push(json!({"dataElement": code, "orgUnit": commune, "value": value}));
        }
    }
    json!({"dataSet": national::PLAN, "period": period, "dataValues": rows})
}

/// The values and the value entries of the audit trail stored for `period`.
async fn stored(app: &TestApp, period: &'static str) -> (i64, i64) {
    app.with_db(move |conn| {
        let values: i64 = report_values::table
            .inner_join(reports::table)
            .filter(reports::period.eq(period))
            .count()
            .get_result(conn)
            .unwrap();
        let entries: i64 = audit_entries::table
            .filter(audit_entries::period.eq(period))
            .filter(audit_entries::action.eq("value_set"))
            .count()
            .get_result(conn)
            .unwrap();
        (values, entries)
    })
    .await
}

async fn import(app: &TestApp, server: &Server, body: &Value) -> reqwest::Result<u16> {
    let url = format!("{}/api/v1/dataValueSets", server.address);
    let response = app.client.post(url).json(body).send().await?;
    Ok(response.status().as_u16())
}

pub async fn killing_the_server_mid_import_leaves_all_of_it_or_nothing(app: TestApp) {
    let kinds = app
        .with_db(|conn| {
            national::seed_tree(conn).unwrap();
            national::seed_plan(conn).unwrap()
        })
        .await;
    let all = (COMMUNES * kinds.len()) as i64;

    // A whole import first, to learn how long one takes here.
    let server = Server::start(&app).await;
    let started = Instant::now();
    let status = import(&app, &server, &month("202601", &kinds))
        .await
        .unwrap();
    let took = started.elapsed();
    assert_eq!(status, 200);
    assert_eq!(stored(&app, "202601").await, (all, all));
    server.kill();

    // Then imports killed at half and at nine tenths of that time.
    for (period, fraction) in [("202602", 0.5), ("202603", 0.9)] {
        let server = Server::start(&app).await;
        let body = month(period, &kinds);
        let killed_at = took.mul_f64(fraction);
        let answered = tokio::select! {
            answer = import(&app, &server, &body) => Some(answer),
            () = tokio::time::sleep(killed_at) => None,
        };
        server.kill();
        let (values, entries) = stored(&app, period).await;
        eprintln!(
            "[{period}] killed at {killed_at:.1?} (a whole import took {took:.1?}), answered \
             before: {answered:?}; stored {values} values and {entries} entries of {all}"
        );
        assert!(
            (values, entries) == (0, 0) || (values, entries) == (all, all),
            "a killed import left {values} values and {entries} audit entries of {all}"
        );
    }

    // What was imported in full is intact and the server takes the next import.
    let server = Server::start(&app).await;
    let again = expect_json(
        app.client
            .get(format!("{}/api/v1/auth/me", server.address))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert!(again.is_object());
    assert_eq!(stored(&app, "202601").await, (all, all));
}
