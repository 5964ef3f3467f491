//! The national month through `POST /api/v1/dataValueSets`: the national data set of
//! `schema/benches/support/national/` (34 provinces, 3,321 communes with ten agencies each, a
//! catalog of 70 indicators and a national plan assigning all of them to every commune), then
//! one dataValueSet of 232,470 values sent over HTTP to the real server on port 0, next to the
//! storage limit: the same rows (drafts, values, audit entries) inserted by plain prepared
//! single-row statements in one transaction, for another month of the same database. Prints
//! values per second, the ratio, and the process's peak RSS during each step.
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

#[path = "support/raw_inserts.rs"]
mod raw_inserts;
// Each benchmark uses part of the reporting helpers.
#[allow(dead_code)]
#[path = "../../schema/benches/support/report.rs"]
mod report;

use national::{COMMUNES, INDICATORS, PLAN, PROVINCES};
use raw_inserts::RawValue;
use report::Report;

const PASSWORD: &str = "bench administrator password";

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let mut table = Report::new(
        "bulk_import",
        &[
            "backend",
            "step",
            "values",
            "seconds",
            "values/s",
            "ratio to raw inserts",
            "peak RSS MiB",
        ],
    );
    let sqlite_dir = tempfile::tempdir()?;
    let sqlite_url = format!("sqlite://{}/bench.db", sqlite_dir.path().display());
    runtime.block_on(run("SQLite", &sqlite_url, &mut table))?;
    if let Ok(server) = std::env::var("CHITIEU_TEST_PG") {
        let server = server.trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_{}", std::process::id());
        admin_sql(&server, &format!("CREATE DATABASE {name}"))?;
        let outcome = runtime.block_on(run("PostgreSQL", &format!("{server}/{name}"), &mut table));
        runtime.shutdown_background();
        admin_sql(&server, &format!("DROP DATABASE {name} WITH (FORCE)"))?;
        outcome?;
    }
    table.finish()?;
    Ok(())
}

fn admin_sql(server: &str, sql: &str) -> anyhow::Result<()> {
    let mut conn = diesel::PgConnection::establish(&format!("{server}/postgres"))?;
    diesel::sql_query(sql).execute(&mut conn)?;
    Ok(())
}

async fn run(backend: &str, url: &str, table: &mut Report) -> anyhow::Result<()> {
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
    let seeding_pool = pool.clone();
    let (communes, kinds) = tokio::task::spawn_blocking(move || seed(&seeding_pool)).await??;
    println!(
        "[{backend}] seeded {PROVINCES} provinces, {} communes, {INDICATORS} indicators, {} assignments in {:.1?}",
        communes.len(),
        communes.len() * INDICATORS,
        started.elapsed()
    );

    // The storage limit first, into February: the import of January then meets a table that
    // already holds a month, which only makes the comparison harder for the import.
    let raw_kinds = kinds.clone();
    report::reset_peak_rss(None);
    let (raw_values, raw_elapsed) =
        tokio::task::spawn_blocking(move || insert_raw(&pool, &raw_kinds)).await??;
    let raw_rate = raw_values as f64 / raw_elapsed;
    table.row(vec![
        json!(backend),
        json!("raw prepared INSERTs, one transaction"),
        json!(raw_values),
        json!(raw_elapsed),
        json!(raw_rate),
        json!(1.0),
        json!(report::peak_rss_mib(None)),
    ]);

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
    for label in [
        "POST /dataValueSets, first import",
        "POST /dataValueSets, same again",
    ] {
        report::reset_peak_rss(None);
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
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "[{backend}] {label}: {values} values ({:.1} MB) in {seconds:.2} s; HTTP {status}, {} {}",
            bytes.len() as f64 / 1e6,
            summary["response"]["status"],
            summary["response"]["importCount"],
        );
        anyhow::ensure!(status.is_success(), "the import failed: {summary}");
        table.row(vec![
            json!(backend),
            json!(label),
            json!(values),
            json!(seconds),
            json!(values as f64 / seconds),
            json!(values as f64 / seconds / raw_rate),
            json!(report::peak_rss_mib(None)),
        ]);
    }
    Ok(())
}

/// The value of commune `c` for indicator `i` of kind `kind`, as sent.
fn value_text(c: usize, i: usize, kind: &str) -> String {
    match kind {
        "percent" => format!("{}.5", (c + i) % 100),
        "count" => format!("{}", (c * 7 + i) % 500),
        "status" => if (c + i).is_multiple_of(3) {
            "Đạt"
        } else {
            "true"
        }
        .to_owned(),
        _ => format!("{}", 1 + (c + i) % 63),
    }
}

/// One row per commune and indicator, for January 2026.
fn data_value_set(communes: &[String], kinds: &[(String, &'static str)]) -> Value {
    let mut rows = Vec::with_capacity(communes.len() * kinds.len());
    for (c, commune) in communes.iter().enumerate() {
        for (i, (code, kind)) in kinds.iter().enumerate() {
            let value = value_text(c, i, kind);
            rows.push(json!({"dataElement": code, "orgUnit": commune, "value": value}));
        }
    }
    json!({"dataSet": PLAN, "period": "202601", "dataValues": rows})
}

/// The same values as stored, for February 2026; the values written and the seconds taken.
fn insert_raw(pool: &DbPool, kinds: &[(String, &'static str)]) -> anyhow::Result<(usize, f64)> {
    use chitieu_schema::schema::{indicators, org_units, plans};
    let mut conn = pool.get()?;
    let conn: &mut Db = &mut conn;
    let plan_id: i64 = plans::table
        .filter(plans::code.eq(PLAN))
        .select(plans::id)
        .first(conn)?;
    let codes: Vec<String> = (0..COMMUNES).map(national::commune_code).collect();
    let mut communes: Vec<(i64, String)> = org_units::table
        .filter(org_units::code.eq_any(&codes))
        .select((org_units::id, org_units::code))
        .load(conn)?;
    communes.sort_by(|a, b| a.1.cmp(&b.1));
    let ids: std::collections::HashMap<String, i64> = indicators::table
        .select((indicators::code, indicators::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let values: Vec<Vec<RawValue>> = (0..communes.len())
        .map(|c| {
            kinds
                .iter()
                .enumerate()
                .map(|(i, (code, kind))| {
                    let text = value_text(c, i, kind);
                    let status = *kind == "status";
                    RawValue {
                        indicator_id: ids.get(code).copied().unwrap_or_default(),
                        indicator_code: code.clone(),
                        number: if status { None } else { text.parse().ok() },
                        achieved: status.then_some(true),
                        text: (status && text != "true").then_some(text),
                    }
                })
                .collect()
        })
        .collect();
    let started = Instant::now();
    let written = raw_inserts::insert_month(conn, plan_id, &communes, &values, (2026, 2))?;
    Ok((written, started.elapsed().as_secs_f64()))
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
