//! HTTP load on the real release `chitieu` binary: requests per second and p50/p99 latency of a
//! commune's progress report under 64 concurrent connections (`wrk -t2 -c64 -d10s`), next to
//! `/health/live` of the same server, the most the framework serves on this machine. The ratio
//! of the two is the figure to watch (targets of issue 21: a progress report at least 0.2 of it,
//! its conditional re-read answered 304 at least 0.5). The server's peak resident memory
//! (VmHWM) is read per scenario, reset before each one.
//!
//! The data set is the national one of `schema/benches/support/national/` (34 provinces, 3,321
//! communes with ten agencies each, 70 indicators, one national plan) with two months of
//! commune reports, generated through the schema crate into a fresh database before the
//! server starts on it.
//!
//! `cargo bench -p chitieu-api --bench http_load`; SQLite always, PostgreSQL too when
//! `CHITIEU_TEST_PG` names a server (a fresh database, dropped afterwards). Needs `wrk`
//! (`apt install wrk`). `CHITIEU_BENCH_DURATION_SECONDS` changes the 10 s of each run.

use std::time::{Duration, Instant};

use anyhow::Context;
use chitieu_schema::db::{DatabaseUrl, Db, run_pending_migrations};
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::json;

// Only the generator and the codes are used here, not every helper of the module.
#[allow(dead_code)]
#[path = "../../schema/benches/support/national/mod.rs"]
mod national;
#[allow(dead_code)]
#[path = "../../schema/benches/support/report.rs"]
mod report;
#[path = "http_load/server.rs"]
mod server;
#[path = "http_load/wrk.rs"]
mod wrk;

use report::Report;
use server::Server;
use wrk::{Load, WrkRun};

/// Months of reports generated: enough for a month with reports and a trajectory baseline
/// without the minutes a full year takes to generate.
const MONTHS: u32 = 2;
/// The month whose progress is read: the last one generated.
const PERIOD: &str = "202602";
/// Communes whose reports the rotating scenario reads, spread over the country.
const ROTATED_COMMUNES: usize = 16;
const CONNECTIONS: u32 = 64;
/// Of the trivial endpoint's requests/s: a progress report (200), and its re-read with the tag
/// it was given (304).
const TARGET_RATIO_200: f64 = 0.2;
const TARGET_RATIO_304: f64 = 0.5;

fn main() -> anyhow::Result<()> {
    wrk::ensure_installed()?;
    let duration = match std::env::var("CHITIEU_BENCH_DURATION_SECONDS") {
        Ok(raw) => Duration::from_secs(
            raw.trim()
                .parse()
                .with_context(|| format!("CHITIEU_BENCH_DURATION_SECONDS={raw:?}"))?,
        ),
        Err(_) => Duration::from_secs(10),
    };
    let mut report = Report::new(
        "http_load",
        &[
            "backend",
            "endpoint",
            "requests/s",
            "p50 ms",
            "p99 ms",
            "% of trivial",
            "response KiB",
            "server peak RSS MiB",
        ],
    );
    let mut verdicts = Vec::new();

    let dir = tempfile::tempdir()?;
    let sqlite = DatabaseUrl::parse(&format!("sqlite://{}/bench.db", dir.path().display()))?;
    verdicts.push(measure(
        "SQLite",
        &sqlite,
        dir.path(),
        duration,
        &mut report,
    )?);

    if let Some(server) = std::env::var("CHITIEU_TEST_PG")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        let server = server.trim().trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_http_{}", std::process::id());
        admin_sql(&server, &format!("CREATE DATABASE \"{name}\""))?;
        let outcome = DatabaseUrl::parse(&format!("{server}/{name}"))
            .map_err(anyhow::Error::from)
            .and_then(|url| measure("PostgreSQL", &url, dir.path(), duration, &mut report));
        // The server has stopped by now (its guard is dropped), so nothing holds the database.
        admin_sql(
            &server,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        )?;
        verdicts.push(outcome?);
    }

    report.finish()?;
    for verdict in verdicts {
        println!("{verdict}");
    }
    Ok(())
}

fn admin_sql(server: &str, sql: &str) -> anyhow::Result<()> {
    let mut conn = PgConnection::establish(&format!("{server}/postgres"))
        .with_context(|| format!("connecting to {server}/postgres"))?;
    diesel::sql_query(sql).execute(&mut conn)?;
    Ok(())
}

/// Generates the data, starts the server on it and runs every scenario; returns the line
/// saying whether the target ratio was reached.
fn measure(
    backend: &str,
    url: &DatabaseUrl,
    scratch: &std::path::Path,
    duration: Duration,
    report: &mut Report,
) -> anyhow::Result<String> {
    let started = Instant::now();
    let mut conn = Db::open(url)?;
    run_pending_migrations(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
    let set = national::generate(&mut conn, MONTHS).map_err(|e| anyhow::anyhow!(e))?;
    drop(conn);
    eprintln!(
        "[{backend}] generated {} units, {} reports, {} values in {:.1?}",
        set.units,
        set.reports,
        set.values,
        started.elapsed()
    );

    let server = Server::start(url, &scratch.join(format!("server-{backend}")))?;
    eprintln!(
        "[{backend}] server pid {} at {}",
        server.pid(),
        server.base_url()
    );
    let token = server.token()?;
    let communes = server.communes_with_data(&token, national::PLAN, PERIOD, ROTATED_COMMUNES)?;
    let progress_path = |code: &str| {
        format!(
            "/api/v1/org-units/{code}/progress?plan={}&period={PERIOD}&format=json",
            national::PLAN
        )
    };
    let response_kib = server.response_bytes(&token, &progress_path(&communes[0]))? as f64 / 1024.0;
    let if_none_match = format!(
        "If-None-Match: {}",
        server.etag(&token, &progress_path(&communes[0]))?
    );
    let scenarios = [
        (
            "/health/live (trivial)",
            Load::One("/health/live".to_owned()),
            None,
            None,
        ),
        (
            "progress, one commune",
            Load::One(progress_path(&communes[0])),
            None,
            Some(TARGET_RATIO_200),
        ),
        (
            "progress, communes in turn",
            Load::Rotating(communes.iter().map(|c| progress_path(c)).collect()),
            None,
            Some(TARGET_RATIO_200),
        ),
        (
            "progress, one commune, re-read with its ETag (304)",
            Load::One(progress_path(&communes[0])),
            Some(if_none_match.as_str()),
            Some(TARGET_RATIO_304),
        ),
    ];

    let mut trivial_rps = None;
    let mut missed = Vec::new();
    for (label, load, header, target) in scenarios {
        let run = WrkRun {
            base_url: server.base_url(),
            token: &token,
            connections: CONNECTIONS,
            load: &load,
            header,
            scratch,
        };
        // Warm-up: connections, the pool, SQLite's page cache and the allocator's arenas.
        run.execute(Duration::from_secs(2))
            .with_context(|| format!("[{backend}] warming up {label}"))?;
        report::reset_peak_rss(Some(server.pid()));
        let outcome = run
            .execute(duration)
            .with_context(|| format!("[{backend}] {label}"))?;
        let peak = report::peak_rss_mib(Some(server.pid()));
        eprintln!(
            "[{backend}] {label}: {} requests, {:.0}/s, p50 {:.2} ms, p99 {:.2} ms",
            outcome.requests, outcome.requests_per_second, outcome.p50_ms, outcome.p99_ms
        );
        let trivial = *trivial_rps.get_or_insert(outcome.requests_per_second);
        let ratio = outcome.requests_per_second / trivial;
        let is_trivial = target.is_none();
        if target.is_some_and(|target| ratio < target) {
            missed.push(format!("{label} at {ratio:.3}"));
        }
        report.row(vec![
            json!(backend),
            json!(label),
            json!(outcome.requests_per_second),
            json!(outcome.p50_ms),
            json!(outcome.p99_ms),
            json!((ratio * 1000.0).round() / 10.0),
            if is_trivial {
                json!(null)
            } else if header.is_some() {
                json!(0.0)
            } else {
                json!(response_kib)
            },
            json!(peak),
        ]);
    }
    Ok(if missed.is_empty() {
        format!(
            "[{backend}] targets reached: 200 at least {TARGET_RATIO_200}, 304 at least \
             {TARGET_RATIO_304} of the trivial endpoint's requests/s"
        )
    } else {
        format!(
            "[{backend}] targets NOT reached (200 ≥ {TARGET_RATIO_200}, 304 ≥ \
             {TARGET_RATIO_304} of trivial): {}",
            missed.join(", ")
        )
    })
}
