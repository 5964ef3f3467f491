//! The real `chitieu` binary as a child process (build it first: `cargo build -p
//! chitieu-api`), over the test's database, delivering to an in-process simulator.

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chitieu_connector::sim::{self, Faults, RunningSim, SimConfig};
use chitieu_e2e::TestApp;
use chitieu_e2e::sync_fixture::{approve_reports, outbox_counts, store_target, targets_json};
use chitieu_schema::schema::sync_outbox;
use diesel::prelude::*;

/// A `chitieu serve` with its worker on, short leases and backoff.
struct Service {
    child: Child,
}

impl Service {
    fn start(app: &TestApp, targets_file: &std::path::Path, schedule: bool) -> Service {
        let scratch = targets_file
            .parent()
            .expect("the targets file is in a folder");
        let child = chitieu_e2e::chitieu_command(scratch)
            .env("DATABASE_URL", &app.database.url)
            .env("CHITIEU_PORT", "0")
            .env("CHITIEU_JWT_SECRET", chitieu_e2e::TEST_JWT_SECRET)
            .env("CHITIEU_DB_POOL_SIZE", "4")
            .env("CHITIEU_SYNC_TARGETS_FILE", targets_file)
            .env("CHITIEU_SYNC_WORKER", "on")
            .env("CHITIEU_SYNC_SCHEDULE", if schedule { "on" } else { "off" })
            .env("CHITIEU_SYNC_POLL_INTERVAL_MS", "200")
            .env("CHITIEU_SYNC_LEASE_MS", "3000")
            .env("CHITIEU_SYNC_SEND_TIMEOUT_MS", "2000")
            .env("CHITIEU_SYNC_BACKOFF_BASE_MS", "50")
            .env("CHITIEU_SYNC_BACKOFF_CAP_MS", "400")
            .env("CHITIEU_SYNC_BATCH", "8")
            .env("CHITIEU_SYNC_CONCURRENCY", "4")
            .env("CHITIEU_LOG_FORMAT", "text")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("chitieu starts");
        Service { child }
    }

    /// SIGKILL: no graceful shutdown, claims left as they are.
    fn kill(mut self) {
        self.child.kill().expect("chitieu is killed");
        self.child.wait().expect("chitieu is reaped");
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn wait_for(
    app: &TestApp,
    what: &str,
    limit: Duration,
    done: impl Fn((i64, i64, i64, i64)) -> bool,
) {
    let started = Instant::now();
    loop {
        let counts = outbox_counts(app).await;
        if done(counts) {
            return;
        }
        assert!(
            started.elapsed() < limit,
            "timed out waiting for {what}: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn upstream(faults: Faults) -> (RunningSim, tempfile::TempDir, PathBuf) {
    let upstream = sim::start(SimConfig {
        faults,
        seed: 6,
        ..SimConfig::default()
    })
    .await
    .expect("the simulator starts");
    let dir = tempfile::tempdir().expect("a directory");
    let file = dir.path().join("targets.json");
    std::fs::write(&file, targets_json(&upstream.base_url())).expect("the targets file");
    (upstream, dir, file)
}

pub async fn killing_the_service_mid_sync_loses_and_duplicates_nothing(app: TestApp) {
    const REPORTS: usize = 120;
    // Slow answers come after the upstream has stored the report: a kill while waiting for
    // one leaves an entry that is stored upstream but still `sending` here.
    let (upstream, _dir, file) = upstream(Faults {
        latency: Duration::from_millis(150),
        failure_rate: 0.1,
        slow_rate: 0.2,
        slow: Duration::from_millis(700),
        ..Faults::default()
    })
    .await;
    store_target(&app, &upstream.base_url()).await;
    approve_reports(&app, REPORTS).await;

    let first = Service::start(&app, &file, false);
    wait_for(
        &app,
        "some deliveries",
        Duration::from_secs(60),
        |(sent, ..)| sent >= 20,
    )
    .await;
    first.kill();
    let (sent_before, _, unsent, _) = outbox_counts(&app).await;
    let in_flight: i64 = app
        .with_db(|conn| {
            sync_outbox::table
                .filter(sync_outbox::state.eq("sending"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    eprintln!("killed with {sent_before} sent, {unsent} unsent of which {in_flight} in flight");
    assert!(unsent > 0, "the kill came after the sync had finished");

    let started = Instant::now();
    let _second = Service::start(&app, &file, false);
    wait_for(
        &app,
        "the outbox to drain",
        Duration::from_secs(90),
        |(_, _, unsent, _)| unsent == 0,
    )
    .await;
    eprintln!(
        "restarted and drained in {:?}; upstream {:?}",
        started.elapsed(),
        upstream.stats()
    );

    let stats = upstream.stats();
    assert_eq!(
        (stats.unique, stats.duplicates),
        (REPORTS as u64, 0),
        "{stats:?}"
    );
    assert_eq!(
        outbox_counts(&app).await,
        (REPORTS as i64, REPORTS as i64, 0, 0)
    );
}

pub async fn two_replicas_deliver_each_report_exactly_once(app: TestApp) {
    const REPORTS: usize = 200;
    // Slow enough that one replica alone needs several seconds for the lot, so the second has
    // started and claims its share even when a loaded machine slows its start-up.
    let (upstream, _dir, file) = upstream(Faults {
        latency: Duration::from_millis(150),
        failure_rate: 0.2,
        drop_rate: 0.05,
        ..Faults::default()
    })
    .await;
    store_target(&app, &upstream.base_url()).await;
    approve_reports(&app, REPORTS).await;

    let started = Instant::now();
    let _one = Service::start(&app, &file, true);
    let _two = Service::start(&app, &file, true);
    wait_for(
        &app,
        "the outbox to drain",
        Duration::from_secs(90),
        |(_, _, unsent, _)| unsent == 0,
    )
    .await;
    eprintln!(
        "two replicas drained {REPORTS} in {:?}; upstream {:?}",
        started.elapsed(),
        upstream.stats()
    );

    let stats = upstream.stats();
    assert_eq!(
        (stats.unique, stats.duplicates),
        (REPORTS as u64, 0),
        "{stats:?}"
    );
    assert_eq!(
        outbox_counts(&app).await,
        (REPORTS as i64, REPORTS as i64, 0, 0)
    );
    let workers: Vec<String> = app
        .with_db(|conn| {
            sync_outbox::table
                .select(sync_outbox::claimed_by.assume_not_null())
                .distinct()
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(workers.len(), 2, "both replicas sent: {workers:?}");
}
