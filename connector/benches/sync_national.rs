//! One national month synced upstream: the 3,321 approved commune reports of January 2026
//! (70 values each, from the national data set of `schema/benches/support/national/`) are
//! delivered by the real outbox worker over HTTP to the upstream simulator, which waits 50 ms
//! before every answer. Once without faults, once with injected ones (10 % answered 500, 3 %
//! answered 429 with `Retry-After: 1`, 2 % stored and then dropped without an answer).
//!
//! Measured: the time until the outbox is drained, the requests the simulator received, the
//! reports it stored twice (must be 0) and the process's peak RSS (simulator, worker and
//! database together). Seeding and enqueuing are timed apart and printed, not measured.
//!
//! `cargo bench -p chitieu-connector --bench sync_national`: SQLite always, PostgreSQL too
//! when `CHITIEU_TEST_PG` names a server (a fresh database, dropped afterwards). The worker's
//! batch and concurrency are the product defaults unless `CHITIEU_SYNC_BATCH` or
//! `CHITIEU_SYNC_CONCURRENCY` say otherwise, as for the server.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chitieu_connector::sim::{self, Faults, SimConfig};
use chitieu_connector::worker::{Backoff, RunSummary, Worker, WorkerConfig};
use chitieu_connector::{HttpSettings, HttpTransport};
use chitieu_schema::db::{DatabaseUrl, Db, DbPool, build_pool, run_pending_migrations};
use chitieu_schema::domain::Period;
use chitieu_schema::sync::{self, ApprovedVersion, EntryState, NewTarget};
use diesel::prelude::*;
use serde_json::json;

// The benchmark uses the tree, the plan and one approved month, not the mixed months.
#[allow(dead_code)]
#[path = "../../schema/benches/support/national/mod.rs"]
mod national;
#[allow(dead_code)]
#[path = "../../schema/benches/support/report.rs"]
mod report;

const PERIOD: Period = Period::Monthly {
    year: 2026,
    month: 1,
};
const LATENCY: Duration = Duration::from_millis(50);
/// The server's default pool size (`CHITIEU_DB_POOL_SIZE`).
const POOL_SIZE: u32 = 8;
/// How long the drain waits between runs when what is left waits for its backoff; the
/// server's loop would wait `CHITIEU_SYNC_POLL_INTERVAL_MS`.
const POLL: Duration = Duration::from_millis(100);

struct Scenario {
    name: &'static str,
    faults: Faults,
    /// The production backoff starts at 30 s: a benchmark with it would measure the backoff.
    /// Short delays keep the retries' share of the time about the delivery path.
    backoff: Backoff,
}

fn scenarios() -> [Scenario; 2] {
    let short = Backoff {
        base: Duration::from_millis(250),
        cap: Duration::from_secs(2),
    };
    [
        Scenario {
            name: "no faults",
            faults: Faults {
                latency: LATENCY,
                ..Faults::default()
            },
            backoff: short,
        },
        Scenario {
            name: "10% 500, 3% 429 (Retry-After 1 s), 2% dropped",
            faults: Faults {
                latency: LATENCY,
                failure_rate: 0.10,
                rate_limit_rate: 0.03,
                retry_after: Duration::from_secs(1),
                drop_rate: 0.02,
                ..Faults::default()
            },
            backoff: short,
        },
    ]
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let mut report = report::Report::new(
        "sync_national",
        &[
            "backend",
            "scenario",
            "reports",
            "concurrency",
            "seconds",
            "reports/s",
            "requests",
            "replays",
            "duplicates",
            "runs",
            "RSS at start MiB",
            "peak RSS MiB",
        ],
    );
    let sqlite_dir = tempfile::tempdir()?;
    let sqlite_url = format!("sqlite://{}/bench.db", sqlite_dir.path().display());
    runtime.block_on(run("SQLite", &sqlite_url, &mut report))?;
    if let Ok(server) = std::env::var("CHITIEU_TEST_PG") {
        let server = server.trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_sync_{}", std::process::id());
        admin_sql(&server, &format!("CREATE DATABASE {name}"))?;
        let outcome = runtime.block_on(run("PostgreSQL", &format!("{server}/{name}"), &mut report));
        runtime.shutdown_background();
        admin_sql(&server, &format!("DROP DATABASE {name} WITH (FORCE)"))?;
        outcome?;
    }
    report.finish()?;
    Ok(())
}

fn admin_sql(server: &str, sql: &str) -> anyhow::Result<()> {
    let mut conn = diesel::PgConnection::establish(&format!("{server}/postgres"))?;
    diesel::sql_query(sql).execute(&mut conn)?;
    Ok(())
}

async fn run(backend: &str, url: &str, report: &mut report::Report) -> anyhow::Result<()> {
    let pool = build_pool(&DatabaseUrl::parse(url)?, POOL_SIZE)?;
    let started = Instant::now();
    let seeding = pool.clone();
    let reports = tokio::task::spawn_blocking(move || seed(&seeding)).await??;
    println!(
        "[{backend}] seeded the national tree, the plan and {reports} approved reports of {PERIOD} in {:.1?}",
        started.elapsed()
    );
    for scenario in scenarios() {
        let upstream = sim::start(SimConfig {
            faults: scenario.faults.clone(),
            ..SimConfig::default()
        })
        .await?;
        let started = Instant::now();
        let enqueuing = pool.clone();
        let base_url = upstream.base_url();
        let entries = tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
            let mut conn = enqueuing.get()?;
            store_target(&mut conn, &base_url)?;
            enqueue_approved(&mut conn, national::PLAN, &PERIOD.to_string())
        })
        .await??;
        println!(
            "[{backend}] {}: {entries} outbox entries enqueued in {:.1?}",
            scenario.name,
            started.elapsed()
        );

        let worker = worker(&pool, scenario.backoff)?;
        let rss_at_start = rss_mib();
        report::reset_peak_rss(None);
        let started = Instant::now();
        let (runs, summary) = drain(&worker, &pool).await?;
        let elapsed = started.elapsed();
        let peak = report::peak_rss_mib(None);
        let stats = upstream.stats();
        upstream.stop().await;
        println!(
            "[{backend}] {}: {summary:?}; simulator {stats:?}; {elapsed:.2?}",
            scenario.name
        );
        anyhow::ensure!(
            summary.sent == entries,
            "{} of {entries} entries sent",
            summary.sent
        );
        anyhow::ensure!(stats.duplicates == 0, "the simulator stored duplicates");
        let seconds = elapsed.as_secs_f64();
        report.row(vec![
            json!(backend),
            json!(scenario.name),
            json!(entries),
            json!(worker.config().concurrency),
            json!(seconds),
            json!(entries as f64 / seconds),
            json!(stats.received),
            json!(stats.replays),
            json!(stats.duplicates),
            json!(runs),
            json!(rss_at_start),
            json!(peak),
        ]);
    }
    Ok(())
}

/// Resident memory now (VmRSS), in MiB: the peak starts from it, and most of it is what the
/// seeding left allocated, not the delivery.
fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| (kib / 1024.0).round())
}

/// Migrates, then writes the tree, the plan and one month in which every commune's report is
/// approved. Returns the reports written.
fn seed(pool: &DbPool) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    let conn: &mut Db = &mut conn;
    run_pending_migrations(conn)?;
    national::seed_tree(conn).map_err(|e| anyhow::anyhow!(e))?;
    let kinds = national::seed_plan(conn).map_err(|e| anyhow::anyhow!(e))?;
    let mut random = national::XorShift::new(0x5EED_0057);
    let (reports, _) = national::seed_approved_month(conn, PERIOD, &kinds, &mut random)
        .map_err(|e| anyhow::anyhow!(e))?;
    // As the schema benchmark does: production statistics would exist after such a load.
    if let Db::Postgresql(pg) = conn {
        diesel::sql_query("ANALYZE").execute(pg)?;
    }
    Ok(reports)
}

/// The worker as the server builds it (`chitieu_api::sync::start`): the HTTP transport with
/// the send timeout, the default configuration with the environment's overrides.
fn worker(pool: &DbPool, backoff: Backoff) -> anyhow::Result<Worker> {
    let mut config = WorkerConfig {
        backoff,
        poll_interval: POLL,
        ..WorkerConfig::default()
    };
    if let Ok(v) = std::env::var("CHITIEU_SYNC_BATCH") {
        config.batch = v.parse().context("CHITIEU_SYNC_BATCH")?;
    }
    if let Ok(v) = std::env::var("CHITIEU_SYNC_CONCURRENCY") {
        config.concurrency = v.parse().context("CHITIEU_SYNC_CONCURRENCY")?;
    }
    let transport = HttpTransport::new(HttpSettings {
        timeout: config.send_timeout,
        ..HttpSettings::default()
    })?;
    Ok(Worker::new(pool.clone(), Arc::new(transport), config))
}

/// What the server's worker loop does (`Worker::spawn_loop`), until nothing is left to send:
/// a run sends everything due; entries that failed wait for their backoff and a later run.
async fn drain(worker: &Worker, pool: &DbPool) -> anyhow::Result<(usize, RunSummary)> {
    let (mut runs, mut total) = (0, RunSummary::default());
    loop {
        let summary = worker.run_once(None).await?;
        runs += 1;
        total.claimed += summary.claimed;
        total.sent += summary.sent;
        total.retrying += summary.retrying;
        total.attention += summary.attention;
        total.dead += summary.dead;
        total.superseded += summary.superseded;
        total.unrecorded += summary.unrecorded;
        let counting = pool.clone();
        let left =
            tokio::task::spawn_blocking(move || outstanding(&mut *counting.get()?)).await??;
        anyhow::ensure!(
            left.stuck == 0,
            "{} entries need attention or are dead",
            left.stuck
        );
        if left.waiting == 0 {
            return Ok((runs, total));
        }
        tokio::time::sleep(POLL).await;
    }
}

const TARGET: &str = "theodoinq";

/// The one target, open (no credential), pointing at this scenario's simulator.
fn store_target(conn: &mut Db, base_url: &str) -> anyhow::Result<()> {
    sync::upsert_target(
        conn,
        &NewTarget {
            code: TARGET.to_owned(),
            profile: "theodoinq".to_owned(),
            base_url: base_url.to_owned(),
            auth_json: r#"{"type":"none"}"#.to_owned(),
            mapping_json: "{}".to_owned(),
            enabled: true,
            tls_json: None,
            template_json: None,
        },
    )?;
    Ok(())
}

/// One outbox entry per approved report of the period, after clearing the last scenario's.
/// The entries are written by `sync::enqueue`, the function an approval calls inside its
/// transaction, with the report's stored version; the approvals themselves were set by the
/// seeding in bulk (3,321 calls of the workflow, with their audit entries, would time the
/// workflow rather than the sync), and all entries go in one transaction here.
fn enqueue_approved(conn: &mut Db, plan: &str, period: &str) -> anyhow::Result<usize> {
    use chitieu_schema::schema::{org_units, plans, reports, sync_outbox};
    conn.transaction(|conn| {
        diesel::delete(sync_outbox::table).execute(conn)?;
        let plan_id: i64 = plans::table
            .filter(plans::code.eq(plan))
            .select(plans::id)
            .first(conn)?;
        let approved: Vec<(i64, String, i32)> = reports::table
            .inner_join(org_units::table)
            .filter(reports::plan_id.eq(plan_id))
            .filter(reports::period.eq(period))
            .filter(reports::state.eq("approved"))
            .order(reports::id)
            .select((reports::id, org_units::code, reports::version))
            .load(conn)?;
        let mut entries = 0;
        for (report_id, unit_code, version) in approved {
            entries += sync::enqueue(
                conn,
                &ApprovedVersion {
                    report_id,
                    unit_code,
                    plan_code: plan.to_owned(),
                    period: period.to_owned(),
                    version,
                },
            )?;
        }
        Ok(entries)
    })
}

/// Entries still to send, and those no run will send (attention, dead).
struct Left {
    waiting: i64,
    stuck: i64,
}

fn outstanding(conn: &mut Db) -> anyhow::Result<Left> {
    let status = sync::target_status(conn, Some(TARGET))?;
    let status = status.first().context("the target is not stored")?;
    Ok(Left {
        waiting: status.count(EntryState::Pending) + status.count(EntryState::Sending),
        stuck: status.count(EntryState::Attention) + status.count(EntryState::Dead),
    })
}
