//! The national month through `POST /api/v1/dataValueSets`: the national data set of
//! `schema/benches/support/national/` (34 provinces, 3,321 communes with ten agencies each, a
//! catalog of 70 indicators and a national plan assigning all of them to every commune), then
//! one dataValueSet of 232,470 values sent over HTTP to the real server on port 0. Prints the
//! wall time, values per second and the process's peak RSS.
//!
//! `cargo bench -p chitieu-api --bench bulk_import`; SQLite always, PostgreSQL too when
//! `CHITIEU_TEST_PG` is set (a fresh database, dropped afterwards).

use std::time::Instant;

use chitieu_api::auth::JwtSecret;
use chitieu_api::{Application, Settings};
use chitieu_schema::accounts::{Password, Username};
use chitieu_schema::db::{DatabaseUrl, Db, DbPool};
use diesel::prelude::*;
use serde_json::{Value, json};

// The month generator and its random numbers serve the schema benchmarks only.
#[allow(dead_code)]
#[path = "../../schema/benches/support/national/mod.rs"]
mod national;

use national::{COMMUNES, INDICATORS, PLAN, PROVINCES};

const PASSWORD: &str = "bench administrator password";

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let sqlite_dir = tempfile::tempdir()?;
    let sqlite_url = format!("sqlite://{}/bench.db", sqlite_dir.path().display());
    runtime.block_on(run("SQLite", &sqlite_url))?;
    if let Ok(server) = std::env::var("CHITIEU_TEST_PG") {
        let server = server.trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_{}", std::process::id());
        admin_sql(&server, &format!("CREATE DATABASE {name}"))?;
        let outcome = runtime.block_on(run("PostgreSQL", &format!("{server}/{name}")));
        runtime.shutdown_background();
        admin_sql(&server, &format!("DROP DATABASE {name} WITH (FORCE)"))?;
        outcome?;
    }
    Ok(())
}

fn admin_sql(server: &str, sql: &str) -> anyhow::Result<()> {
    let mut conn = diesel::PgConnection::establish(&format!("{server}/postgres"))?;
    diesel::sql_query(sql).execute(&mut conn)?;
    Ok(())
}

async fn run(backend: &str, url: &str) -> anyhow::Result<()> {
    let mut settings = Settings::local(DatabaseUrl::parse(url)?);
    settings.port = 0;
    settings.auth.jwt_secret = Some(
        JwtSecret::parse("bench secret: at least thirty-two bytes").map_err(anyhow::Error::msg)?,
    );
    settings.auth.bootstrap_admin =
        Some(Username::parse("admin").map_err(|e| anyhow::anyhow!("{e}"))?);
    settings.auth.bootstrap_admin_password =
        Some(Password::parse(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?);
    let app = Application::build(settings).await?;
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool().clone();
    tokio::spawn(app.run_until_stopped());

    let started = Instant::now();
    let (communes, kinds) = tokio::task::spawn_blocking(move || seed(&pool)).await??;
    println!(
        "[{backend}] seeded {PROVINCES} provinces, {} communes, {INDICATORS} indicators, {} assignments in {:.1?}",
        communes.len(),
        communes.len() * INDICATORS,
        started.elapsed()
    );

    let body = data_value_set(&communes, &kinds);
    let values = body["dataValues"].as_array().map_or(0, Vec::len);
    let bytes = serde_json::to_vec(&body)?;
    drop(body);
    let client = reqwest::Client::new();
    let token: Value = client
        .post(format!("{address}/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": "admin", "password": PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let token = token["accessToken"].as_str().unwrap_or_default().to_owned();
    for label in ["first import", "same import again"] {
        let started = Instant::now();
        let response = client
            .post(format!("{address}/api/v1/dataValueSets"))
            .bearer_auth(&token)
            .header("Content-Type", "application/json")
            .body(bytes.clone())
            .send()
            .await?;
        let status = response.status();
        let summary: Value = response.json().await?;
        let elapsed = started.elapsed();
        println!(
            "[{backend}] {label}: {values} values ({:.1} MB) in {:.2} s = {:.0} values/s; HTTP {status}, {} {}; peak RSS {} MiB",
            bytes.len() as f64 / 1e6,
            elapsed.as_secs_f64(),
            values as f64 / elapsed.as_secs_f64(),
            summary["status"],
            summary["importCount"],
            peak_rss_kib() / 1024
        );
        anyhow::ensure!(status.is_success(), "the import failed: {summary}");
    }
    Ok(())
}

/// The process's peak resident set size (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// One row per commune and indicator, for January 2026.
fn data_value_set(communes: &[String], kinds: &[(String, &'static str)]) -> Value {
    let mut rows = Vec::with_capacity(communes.len() * kinds.len());
    for (c, commune) in communes.iter().enumerate() {
        for (i, (code, kind)) in kinds.iter().enumerate() {
            let value = match *kind {
                "percent" => format!("{}.5", (c + i) % 100),
                "count" => format!("{}", (c * 7 + i) % 500),
                "status" => if (c + i) % 3 == 0 { "Đạt" } else { "true" }.to_owned(),
                _ => format!("{}", 1 + (c + i) % 63),
            };
            rows.push(json!({"dataElement": code, "orgUnit": commune, "value": value}));
        }
    }
    json!({"dataSet": PLAN, "period": "202601", "dataValues": rows})
}

type Seeded = (Vec<String>, Vec<(String, &'static str)>);

fn seed(pool: &DbPool) -> anyhow::Result<Seeded> {
    let mut conn = pool.get()?;
    let conn: &mut Db = &mut conn;
    national::seed_tree(conn).map_err(|e| anyhow::anyhow!(e))?;
    let kinds = national::seed_plan(conn).map_err(|e| anyhow::anyhow!(e))?;
    let communes = (0..COMMUNES).map(national::commune_code).collect();
    Ok((communes, kinds))
}
