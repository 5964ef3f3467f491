//! The sync settings, from `CHITIEU_SYNC_*` environment variables (listed in the README).

use std::time::Duration;

use chitieu_connector::schedule::ScheduleConfig;
use chitieu_connector::worker::{Backoff, WorkerConfig};

use crate::settings::SettingsError;

#[derive(Debug, Clone, PartialEq)]
pub struct SyncSettings {
    /// Run the background worker loop in this process (`CHITIEU_SYNC_WORKER=on|off`).
    pub worker: bool,
    /// Run the cron schedule in this process (`CHITIEU_SYNC_SCHEDULE=on|off`).
    pub schedule: bool,
    /// Targets to store at start-up (`CHITIEU_SYNC_TARGETS_FILE`).
    pub targets_file: Option<String>,
    pub worker_config: WorkerConfig,
    pub schedule_config: ScheduleConfig,
}

impl Default for SyncSettings {
    fn default() -> Self {
        Self {
            worker: true,
            schedule: true,
            targets_file: None,
            worker_config: WorkerConfig::default(),
            schedule_config: ScheduleConfig::defaults(),
        }
    }
}

impl SyncSettings {
    pub fn from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let mut sync = Self::default();
        if let Some(v) = lookup("CHITIEU_SYNC_WORKER") {
            sync.worker = on_off("CHITIEU_SYNC_WORKER", &v)?;
        }
        if let Some(v) = lookup("CHITIEU_SYNC_SCHEDULE") {
            sync.schedule = on_off("CHITIEU_SYNC_SCHEDULE", &v)?;
        }
        sync.targets_file = lookup("CHITIEU_SYNC_TARGETS_FILE").filter(|v| !v.trim().is_empty());
        let config = &mut sync.worker_config;
        let millis = |name: &'static str| -> Result<Option<Duration>, SettingsError> {
            lookup(name)
                .map(|v| positive(name, &v).map(Duration::from_millis))
                .transpose()
        };
        if let Some(d) = millis("CHITIEU_SYNC_POLL_INTERVAL_MS")? {
            config.poll_interval = d;
        }
        if let Some(d) = millis("CHITIEU_SYNC_LEASE_MS")? {
            config.lease = d;
        }
        if let Some(d) = millis("CHITIEU_SYNC_SEND_TIMEOUT_MS")? {
            config.send_timeout = d;
        }
        let mut backoff = Backoff::default();
        if let Some(d) = millis("CHITIEU_SYNC_BACKOFF_BASE_MS")? {
            backoff.base = d;
        }
        if let Some(d) = millis("CHITIEU_SYNC_BACKOFF_CAP_MS")? {
            backoff.cap = d;
        }
        config.backoff = backoff;
        if let Some(v) = lookup("CHITIEU_SYNC_BATCH") {
            config.batch = positive("CHITIEU_SYNC_BATCH", &v)? as i64;
        }
        if let Some(v) = lookup("CHITIEU_SYNC_CONCURRENCY") {
            config.concurrency = positive("CHITIEU_SYNC_CONCURRENCY", &v)? as usize;
        }
        if let Some(v) = lookup("CHITIEU_SYNC_MAX_ATTEMPTS") {
            let max = positive("CHITIEU_SYNC_MAX_ATTEMPTS", &v)?;
            config.max_attempts = i32::try_from(max)
                .map_err(|_| SettingsError::new("CHITIEU_SYNC_MAX_ATTEMPTS", &v, "too large"))?;
        }
        if config.send_timeout >= config.lease {
            return Err(SettingsError::new(
                "CHITIEU_SYNC_LEASE_MS",
                &config.lease.as_millis().to_string(),
                "must be longer than CHITIEU_SYNC_SEND_TIMEOUT_MS, or a live worker's entry \
                 could be taken over mid-send",
            ));
        }
        let cron = |name| lookup(name).filter(|v| !v.trim().is_empty());
        let (morning, evening, final_run, watch) = (
            cron("CHITIEU_SYNC_CRON_MORNING"),
            cron("CHITIEU_SYNC_CRON_EVENING"),
            cron("CHITIEU_SYNC_CRON_FINAL"),
            cron("CHITIEU_SYNC_CRON_DEADLINE_WATCH"),
        );
        sync.schedule_config = ScheduleConfig::with_expressions(
            morning.as_deref(),
            evening.as_deref(),
            final_run.as_deref(),
            watch.as_deref(),
        )
        .map_err(|e| SettingsError::new("CHITIEU_SYNC_CRON_*", "", e.to_string()))?;
        Ok(sync)
    }
}

fn on_off(name: &'static str, value: &str) -> Result<bool, SettingsError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "1" | "yes" => Ok(true),
        "off" | "false" | "0" | "no" => Ok(false),
        _ => Err(SettingsError::new(name, value, "must be on or off")),
    }
}

fn positive(name: &'static str, value: &str) -> Result<u64, SettingsError> {
    match value.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        Ok(_) => Err(SettingsError::new(name, value, "must be greater than 0")),
        Err(e) => Err(SettingsError::new(name, value, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<SyncSettings, SettingsError> {
        SyncSettings::from_lookup(&|name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_worker_and_schedule_run_unless_switched_off() {
        let sync = from(&[]).unwrap();
        assert!(sync.worker && sync.schedule);
        let off = from(&[("CHITIEU_SYNC_WORKER", "off")]).unwrap();
        assert!(!off.worker);
    }

    #[test]
    fn a_five_field_cron_expression_names_the_variables() {
        let err = from(&[("CHITIEU_SYNC_CRON_MORNING", "0 7 1-5 * *")]).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_SYNC_CRON_"));
    }

    #[test]
    fn a_lease_shorter_than_the_send_timeout_is_refused() {
        let err = from(&[("CHITIEU_SYNC_LEASE_MS", "1000")]).unwrap_err();
        assert!(err.to_string().contains("CHITIEU_SYNC_LEASE_MS"));
    }
}
