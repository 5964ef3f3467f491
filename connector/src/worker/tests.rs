//! The worker against a fake transport with injected failures, on a SQLite file.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chitieu_schema::db::{DatabaseUrl, DbPool, build_pool, run_pending_migrations};
use chitieu_schema::sync::{self, ApprovedVersion, EntryState, NewTarget};
use diesel::connection::SimpleConnection;
use futures_util::future::BoxFuture;

use super::*;
use crate::{Delivery, Outcome, Target, Transport};

/// Answers from a script per call number, and remembers every key it stored.
struct FakeUpstream {
    answer: Box<dyn Fn(u64) -> Outcome + Send + Sync>,
    calls: Mutex<u64>,
    stored: Mutex<HashMap<String, u32>>,
}

impl FakeUpstream {
    fn new(answer: impl Fn(u64) -> Outcome + Send + Sync + 'static) -> Arc<Self> {
        Arc::new(Self {
            answer: Box::new(answer),
            calls: Mutex::new(0),
            stored: Mutex::new(HashMap::new()),
        })
    }

    fn stored(&self) -> HashMap<String, u32> {
        self.stored.lock().unwrap().clone()
    }
}

impl Transport for FakeUpstream {
    fn send<'a>(&'a self, _target: &'a Target, delivery: &'a Delivery) -> BoxFuture<'a, Outcome> {
        let call = {
            let mut calls = self.calls.lock().unwrap();
            *calls += 1;
            *calls
        };
        let outcome = (self.answer)(call);
        if let Outcome::Delivered { .. } = outcome {
            *self
                .stored
                .lock()
                .unwrap()
                .entry(delivery.idempotency_key.clone())
                .or_default() += 1;
        }
        Box::pin(async move { outcome })
    }
}

fn retry() -> Outcome {
    Outcome::Retry {
        after: None,
        reason: "503".into(),
    }
}

/// A migrated SQLite file with `reports` approved reports of unit 31001 (months from 2024-01)
/// and one outbox entry each for target `theodoinq`.
fn database(reports: usize) -> (tempfile::TempDir, DbPool) {
    let dir = tempfile::tempdir().unwrap();
    let url =
        DatabaseUrl::parse(&format!("sqlite://{}", dir.path().join("w.db").display())).unwrap();
    let pool = build_pool(&url, 4).unwrap();
    let mut conn = pool.get().unwrap();
    run_pending_migrations(&mut conn).unwrap();
    conn.batch_execute(
        "INSERT INTO org_units (id, code, name, name_key, kind, path, depth, version, created_at, updated_at)
           VALUES (1, '31001', 'Xã Thái Tân', 'xa thai tan', 'commune', '31001/', 0, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00');
         INSERT INTO catalogs (id, code, name, version, created_at, updated_at)
           VALUES (1, 'C-1', 'Catalog', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00');
         INSERT INTO plans (id, code, number, issued_on, title, issuing_unit_id, catalog_id, valid_from, valid_to,
             monthly_due_day, monthly_due_offset, quarterly_due_day, quarterly_due_offset,
             six_monthly_due_day, six_monthly_due_offset, yearly_due_day, yearly_due_offset,
             version, created_at, updated_at)
           VALUES (1, 'P-1', '1/KH', '2024-01-01', 'Plan', 1, 1, '2024-01-01', '2030-12-31',
             6, 1, 6, 1, 6, 0, 6, 0, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00');",
    )
    .unwrap();
    sync::upsert_target(
        &mut conn,
        &NewTarget {
            code: "theodoinq".into(),
            profile: "theodoinq".into(),
            base_url: "http://127.0.0.1:9".into(),
            auth_json: r#"{"type":"none"}"#.into(),
            mapping_json: "{}".into(),
            enabled: true,
            tls_json: None,
            template_json: None,
        },
    )
    .unwrap();
    for i in 0..reports {
        let (year, month) = (2024 + i / 12, i % 12 + 1);
        let period = format!("{year}{month:02}");
        conn.batch_execute(&format!(
            "INSERT INTO reports (id, unit_id, plan_id, period, period_start, period_end, state, late, version, created_at, updated_at)
               VALUES ({id}, 1, 1, '{period}', '{year}-{month:02}-01', '{year}-{month:02}-28', 'approved', FALSE, 5, '2024-01-01 00:00:00', '2024-01-01 00:00:00');",
            id = i + 1
        ))
        .unwrap();
        sync::enqueue(
            &mut conn,
            &ApprovedVersion {
                report_id: i as i64 + 1,
                unit_code: "31001".into(),
                plan_code: "P-1".into(),
                period,
                version: 5,
            },
        )
        .unwrap();
    }
    drop(conn);
    (dir, pool)
}

fn quick_config() -> WorkerConfig {
    WorkerConfig {
        batch: 7,
        concurrency: 4,
        lease: Duration::from_secs(30),
        send_timeout: Duration::from_secs(5),
        backoff: Backoff {
            base: Duration::from_millis(5),
            cap: Duration::from_millis(20),
        },
        max_attempts: 10,
        ..WorkerConfig::default()
    }
}

fn counts(pool: &DbPool) -> (i64, i64, i64, i64) {
    let mut conn = pool.get().unwrap();
    let status = sync::target_status(&mut conn, Some("theodoinq"))
        .unwrap()
        .remove(0);
    (
        status.count(EntryState::Sent),
        status.count(EntryState::Pending) + status.count(EntryState::Sending),
        status.count(EntryState::Attention),
        status.count(EntryState::Dead),
    )
}

async fn drain(worker: &Worker, pool: &DbPool) {
    for _ in 0..200 {
        worker.run_once(None).await.unwrap();
        if counts(pool).1 == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the outbox did not drain: {:?}", counts(pool));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_report_is_stored_once_although_a_third_of_the_attempts_fail() {
    let (_dir, pool) = database(40);
    let upstream = FakeUpstream::new(|call| {
        if call % 3 == 0 {
            retry()
        } else {
            Outcome::Delivered {
                receipt: format!("r-{call}"),
            }
        }
    });
    let worker = Worker::new(pool.clone(), upstream.clone(), quick_config());
    drain(&worker, &pool).await;
    assert_eq!(counts(&pool), (40, 0, 0, 0));
    let stored = upstream.stored();
    assert_eq!(stored.len(), 40);
    assert!(stored.values().all(|n| *n == 1), "no key stored twice");
    let metrics = worker.metrics().snapshot();
    assert_eq!(metrics.sent, 40);
    assert!(metrics.failed > 0 && metrics.retried > 0, "{metrics:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_needs_attention_with_the_upstreams_message() {
    let (_dir, pool) = database(1);
    let upstream = FakeUpstream::new(|_| Outcome::Rejected {
        status: 422,
        message: "unknown orgUnit 31001".into(),
    });
    let worker = Worker::new(pool.clone(), upstream, quick_config());
    let summary = worker.run_once(None).await.unwrap();
    assert_eq!((summary.claimed, summary.attention), (1, 1));
    let mut conn = pool.get().unwrap();
    let entry = sync::find_entry(&mut conn, 1).unwrap();
    assert_eq!(entry.state, EntryState::Attention);
    assert_eq!(
        entry.last_error.as_deref(),
        Some("422: unknown orgUnit 31001")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_that_keeps_failing_is_dead_after_the_attempt_limit() {
    let (_dir, pool) = database(1);
    let worker = Worker::new(
        pool.clone(),
        FakeUpstream::new(|_| retry()),
        WorkerConfig {
            max_attempts: 3,
            ..quick_config()
        },
    );
    for _ in 0..20 {
        worker.run_once(None).await.unwrap();
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(counts(&pool), (0, 0, 0, 1));
    let mut conn = pool.get().unwrap();
    assert_eq!(sync::find_entry(&mut conn, 1).unwrap().attempts, 3);
    assert_eq!(worker.metrics().snapshot().dead, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_reopened_after_approval_is_not_sent() {
    let (_dir, pool) = database(1);
    pool.get()
        .unwrap()
        .batch_execute("UPDATE reports SET state = 'returned', version = 6")
        .unwrap();
    let upstream = FakeUpstream::new(|_| Outcome::Delivered {
        receipt: "never".into(),
    });
    let worker = Worker::new(pool.clone(), upstream.clone(), quick_config());
    let summary = worker.run_once(None).await.unwrap();
    assert_eq!(summary.superseded, 1);
    assert!(upstream.stored().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_that_outlasts_the_timeout_is_retried_later() {
    let (_dir, pool) = database(1);
    struct Silent;
    impl Transport for Silent {
        fn send<'a>(&'a self, _: &'a Target, _: &'a Delivery) -> BoxFuture<'a, Outcome> {
            Box::pin(async {
                tokio::time::sleep(Duration::from_secs(60)).await;
                retry()
            })
        }
    }
    let config = WorkerConfig {
        send_timeout: Duration::from_millis(50),
        backoff: Backoff {
            base: Duration::from_secs(60),
            cap: Duration::from_secs(60),
        },
        ..quick_config()
    };
    let worker = Worker::new(pool.clone(), Arc::new(Silent), config);
    let summary = worker.run_once(None).await.unwrap();
    assert_eq!(summary.retrying, 1);
    let mut conn = pool.get().unwrap();
    let entry = sync::find_entry(&mut conn, 1).unwrap();
    assert!(entry.last_error.unwrap().contains("no answer within"));
}
