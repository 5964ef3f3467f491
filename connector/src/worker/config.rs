use std::time::Duration;

use super::backoff::Backoff;

/// How a worker claims and sends.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerConfig {
    /// Written on claimed entries; unique per process.
    pub worker_id: String,
    /// Entries claimed at a time.
    pub batch: i64,
    /// Deliveries in flight at a time.
    pub concurrency: usize,
    /// How long a claim holds. Longer than `send_timeout`, so a live worker's entry is not
    /// taken over while it is still being sent.
    pub lease: Duration,
    pub send_timeout: Duration,
    /// How often the background loop looks for due entries.
    pub poll_interval: Duration,
    pub backoff: Backoff,
    /// After this many attempts a failing entry is dead.
    pub max_attempts: i32,
}

impl WorkerConfig {
    /// A unique id for this process: several replicas may share a host name.
    pub fn new_worker_id() -> String {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "chitieu".to_owned());
        format!("{host}-{}-{:08x}", std::process::id(), fastrand::u32(..))
    }
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            worker_id: Self::new_worker_id(),
            batch: 50,
            // Deliveries wait on the upstream, not on this process: at 8 in flight and 50 ms
            // per answer a national month (3,321 reports) took 24 s on PostgreSQL and 31 s
            // with 15 % of the answers failing; 16 halves that and is still a modest load on
            // the national system (`benches/sync_national.rs`).
            concurrency: 16,
            lease: Duration::from_secs(300),
            send_timeout: Duration::from_secs(60),
            poll_interval: Duration::from_secs(30),
            backoff: Backoff::default(),
            max_attempts: 10,
        }
    }
}
