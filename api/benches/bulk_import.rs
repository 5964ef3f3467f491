//! The national month through `POST /api/v1/dataValueSets`: 34 provinces, 3,321 communes, a
//! catalog of 70 indicators and a plan assigning all of them to every commune (seeded through
//! the storage layer), then one dataValueSet of 232,470 values sent over HTTP to the real
//! server on port 0. Prints the wall time, values per second and the process's peak RSS.
//!
//! `cargo bench -p chitieu-api --bench bulk_import`; SQLite always, PostgreSQL too when
//! `CHITIEU_TEST_PG` is set (a fresh database, dropped afterwards).

use std::time::Instant;

use chitieu_api::auth::JwtSecret;
use chitieu_api::{Application, Settings};
use chitieu_schema::accounts::{Password, Username};
use chitieu_schema::db::{DatabaseUrl, Db, DbPool};
use chitieu_schema::domain::{
    CatalogCode, DeadlineRule, DeadlineRules, Name, OrgUnitCode, name_key,
};
use chitieu_schema::plans::{NewPlan, PlanCode};
use chitieu_schema::schema::{
    catalogs, indicators, org_units, plan_item_assignments, plan_items, plans,
};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde_json::{Value, json};

const PROVINCES: usize = 34;
const COMMUNES: usize = 3_321;
const INDICATORS: usize = 70;
const PLAN: &str = "KH-NQ57-2026";
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

fn kind(i: usize) -> &'static str {
    match i % 10 {
        0..=4 => "percent",
        5..=7 => "count",
        8 => "status",
        _ => "decimal",
    }
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
                _ => format!("{}.25", (c + i) % 1000),
            };
            rows.push(json!({"dataElement": code, "orgUnit": commune, "value": value}));
        }
    }
    json!({"dataSet": PLAN, "period": "202601", "dataValues": rows})
}

/// Multi-row INSERTs need the inner connection.
macro_rules! insert_chunks {
    ($conn:expr, $table:expr, $rows:expr, $chunk:expr) => {
        for chunk in $rows.chunks($chunk) {
            match &mut *$conn {
                Db::Postgresql(c) => diesel::insert_into($table).values(chunk).execute(c),
                Db::Sqlite(c) => diesel::insert_into($table).values(chunk).execute(c),
            }?;
        }
    };
}

type Seeded = (Vec<String>, Vec<(String, &'static str)>);

fn seed(pool: &DbPool) -> anyhow::Result<Seeded> {
    let mut conn = pool.get()?;
    let conn: &mut Db = &mut conn;
    let now = chitieu_schema::now_utc();
    let unit = |code: &str, kind: &'static str, parent: Option<i64>, path: String, depth: i32| {
        let name = format!("Đơn vị {code}");
        (
            org_units::code.eq(code.to_owned()),
            org_units::name_key.eq(name_key(&name)),
            org_units::name.eq(name),
            org_units::kind.eq(kind),
            org_units::parent_id.eq(parent),
            org_units::path.eq(path),
            org_units::depth.eq(depth),
            org_units::version.eq(1),
            org_units::created_at.eq(now),
            org_units::updated_at.eq(now),
        )
    };
    let provinces: Vec<_> = (1..=PROVINCES)
        .map(|p| {
            let code = format!("{p:02}");
            unit(&code, "province", None, format!("/{code}/"), 0)
        })
        .collect();
    insert_chunks!(conn, org_units::table, provinces, 1_000);
    let province_ids: Vec<(i64, String)> = org_units::table
        .filter(org_units::kind.eq("province"))
        .order(org_units::code)
        .select((org_units::id, org_units::code))
        .load(conn)?;
    let mut communes = Vec::with_capacity(COMMUNES);
    let mut rows = Vec::with_capacity(COMMUNES);
    for n in 0..COMMUNES {
        let (province_id, province) = &province_ids[n % PROVINCES];
        let code = format!("{:05}", n + 1);
        rows.push(unit(
            &code,
            "commune",
            Some(*province_id),
            format!("/{province}/{code}/"),
            1,
        ));
        communes.push(code);
    }
    insert_chunks!(conn, org_units::table, rows, 2_000);

    let catalog_id: i64 = diesel::insert_into(catalogs::table)
        .values((
            catalogs::code.eq("NQ57-QUOCGIA"),
            catalogs::name.eq("Chỉ tiêu Nghị quyết 57"),
            catalogs::version.eq(1),
            catalogs::created_at.eq(now),
            catalogs::updated_at.eq(now),
        ))
        .returning(catalogs::id)
        .get_result(conn)?;
    let kinds: Vec<(String, &'static str)> = (0..INDICATORS)
        .map(|i| (format!("NQ57-{:02}", i + 1), kind(i)))
        .collect();
    let indicator_rows: Vec<_> = kinds
        .iter()
        .enumerate()
        .map(|(i, (code, kind))| {
            let name = format!("Chỉ tiêu số {}", i + 1);
            (
                indicators::catalog_id.eq(catalog_id),
                indicators::code.eq(code.clone()),
                indicators::number.eq(format!("{}", i + 1)),
                indicators::name_key.eq(name_key(&name)),
                indicators::name.eq(name),
                indicators::value_kind.eq(*kind),
                indicators::direction.eq("higher_is_better"),
                indicators::aggregation.eq(match *kind {
                    "percent" => "ratio",
                    "count" => "sum",
                    "status" => "share_achieved",
                    _ => "none",
                }),
                indicators::period_aggregation.eq(chitieu_schema::domain::ValueKind::from_db_str(
                    kind,
                )
                .expect("a known kind")
                .default_period_aggregation()
                .as_db_str()),
                indicators::position.eq(i as i32),
                indicators::version.eq(1),
                indicators::created_at.eq(now),
                indicators::updated_at.eq(now),
            )
        })
        .collect();
    insert_chunks!(conn, indicators::table, indicator_rows, 1_000);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let rule = |day, offset| DeadlineRule::new(day, offset).map_err(|e| anyhow::anyhow!(e));
    let new_plan = NewPlan {
        code: PlanCode::parse(PLAN).map_err(|e| anyhow::anyhow!(e))?,
        number: Name::parse("57/KH-UBND").map_err(|e| anyhow::anyhow!(e))?,
        issued_on: date(2025, 7, 1),
        title: Name::parse("Kế hoạch thực hiện Nghị quyết 57-NQ/TW")
            .map_err(|e| anyhow::anyhow!(e))?,
        issuing_unit: OrgUnitCode::parse(&province_ids[0].1).map_err(|e| anyhow::anyhow!(e))?,
        catalog: CatalogCode::parse("NQ57-QUOCGIA").map_err(|e| anyhow::anyhow!(e))?,
        valid_from: date(2025, 7, 1),
        valid_to: date(2030, 12, 31),
        deadlines: DeadlineRules {
            monthly: rule(6, 1)?,
            quarterly: rule(6, 1)?,
            six_monthly: rule(6, 0)?,
            yearly: rule(6, 0)?,
        },
    };
    chitieu_schema::plans::create_plan(conn, new_plan)?;
    let plan_id: i64 = plans::table
        .filter(plans::code.eq(PLAN))
        .select(plans::id)
        .first(conn)?;
    let indicator_ids: Vec<i64> = indicators::table
        .order(indicators::position)
        .select(indicators::id)
        .load(conn)?;
    let items: Vec<_> = indicator_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                plan_items::plan_id.eq(plan_id),
                plan_items::indicator_id.eq(*id),
                plan_items::output_product.eq("Bộ số liệu báo cáo"),
                plan_items::position.eq(i as i32),
                plan_items::version.eq(1),
            )
        })
        .collect();
    insert_chunks!(conn, plan_items::table, items, 1_000);
    let item_ids: Vec<i64> = plan_items::table
        .filter(plan_items::plan_id.eq(plan_id))
        .select(plan_items::id)
        .load(conn)?;
    let commune_ids: Vec<i64> = org_units::table
        .filter(org_units::kind.eq("commune"))
        .select(org_units::id)
        .load(conn)?;
    let mut assignments = Vec::with_capacity(item_ids.len() * commune_ids.len());
    for item in &item_ids {
        for unit in &commune_ids {
            assignments.push((
                plan_item_assignments::plan_item_id.eq(*item),
                plan_item_assignments::unit_id.eq(*unit),
                plan_item_assignments::role.eq("lead"),
            ));
        }
    }
    insert_chunks!(conn, plan_item_assignments::table, assignments, 10_000);
    Ok((communes, kinds))
}
