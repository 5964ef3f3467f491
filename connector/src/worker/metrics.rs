//! Counters of what the worker did, for `/metrics` (Prometheus text) and the status endpoint.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct SyncMetrics {
    sent: AtomicU64,
    failed: AtomicU64,
    retried: AtomicU64,
    attention: AtomicU64,
    dead: AtomicU64,
}

/// A copy of the counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MetricsSnapshot {
    /// Entries stored upstream.
    pub sent: u64,
    /// Attempts that failed and will be tried again (timeouts, 5xx, 429).
    pub failed: u64,
    /// Entries delivered on a later attempt than their first.
    pub retried: u64,
    /// Entries refused by the upstream (4xx), waiting for a person.
    pub attention: u64,
    /// Entries past the attempt limit.
    pub dead: u64,
}

impl SyncMetrics {
    pub(crate) fn count_sent(&self, attempts: i32) {
        self.sent.fetch_add(1, Ordering::Relaxed);
        if attempts > 1 {
            self.retried.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn count_failed(&self) {
        self.failed.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_attention(&self) {
        self.attention.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_dead(&self) {
        self.dead.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> MetricsSnapshot {
        MetricsSnapshot {
            sent: self.sent.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            retried: self.retried.load(Ordering::Relaxed),
            attention: self.attention.load(Ordering::Relaxed),
            dead: self.dead.load(Ordering::Relaxed),
        }
    }
}

impl MetricsSnapshot {
    /// The Prometheus text exposition format, version 0.0.4.
    pub fn to_prometheus(&self) -> String {
        let counters = [
            ("sent", "Outbox entries stored upstream", self.sent),
            (
                "failed",
                "Attempts that failed and will be retried",
                self.failed,
            ),
            (
                "retried",
                "Entries delivered after more than one attempt",
                self.retried,
            ),
            (
                "attention",
                "Entries refused by the upstream (4xx)",
                self.attention,
            ),
            ("dead", "Entries moved to the dead letter list", self.dead),
        ];
        let mut text = String::new();
        for (name, help, value) in counters {
            text.push_str(&format!(
                "# HELP chitieu_sync_{name}_total {help} (this process).\n\
                 # TYPE chitieu_sync_{name}_total counter\n\
                 chitieu_sync_{name}_total {value}\n"
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_render_as_prometheus_text() {
        let metrics = SyncMetrics::default();
        metrics.count_sent(1);
        metrics.count_sent(3);
        metrics.count_failed();
        let text = metrics.snapshot().to_prometheus();
        assert!(
            text.contains("# TYPE chitieu_sync_sent_total counter\nchitieu_sync_sent_total 2\n")
        );
        assert!(text.contains("chitieu_sync_retried_total 1\n"));
        assert!(text.contains("chitieu_sync_failed_total 1\n"));
        assert!(text.contains("chitieu_sync_dead_total 0\n"));
    }
}
