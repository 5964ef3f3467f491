//! The outbox worker: claims due entries, builds each delivery from the stored report, sends
//! it through a [`Transport`](crate::Transport) with bounded concurrency and records what came
//! of it. Every replica runs one; claiming keeps them from sending the same entry at once.

mod backoff;
mod checkpoint;
mod config;
mod document;
mod metrics;
mod run;
mod send;
mod webhook;

#[cfg(test)]
mod tests;

pub use backoff::Backoff;
pub use config::WorkerConfig;
pub use document::report_document;
pub use metrics::{MetricsSnapshot, SyncMetrics};
pub use run::{RunSummary, Worker, error_chain};
