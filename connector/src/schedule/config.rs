//! Which jobs run when: 6-field cron expressions (seconds first), in Asia/Ho_Chi_Minh.

use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;
use croner::Cron;
use croner::parser::{CronParser, Seconds};

use crate::error::SyncError;

pub const VIETNAM: Tz = chrono_tz::Asia::Ho_Chi_Minh;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Send what is due.
    Sync,
    /// The last sync before the deadline; what is still not sent is logged loudly.
    FinalSync,
    /// List the units whose report for the previous month is missing or unapproved.
    DeadlineWatch,
}

#[derive(Debug, Clone)]
pub struct JobSpec {
    /// The job's name in `sync_job_slots` and the logs.
    pub name: String,
    pub cron: String,
    pub kind: JobKind,
    parsed: Cron,
}

impl PartialEq for JobSpec {
    fn eq(&self, other: &Self) -> bool {
        (&self.name, &self.cron, self.kind) == (&other.name, &other.cron, other.kind)
    }
}

impl JobSpec {
    /// Parses the expression as tokio-cron-scheduler does: seconds required, day of month and
    /// day of week both apply.
    pub fn new(name: &str, cron: &str, kind: JobKind) -> Result<Self, SyncError> {
        let parsed = CronParser::builder()
            .seconds(Seconds::Required)
            .dom_and_dow(true)
            .build()
            .parse(cron)
            .map_err(|e| SyncError::Cron {
                job: name.to_owned(),
                expression: cron.to_owned(),
                detail: e.to_string(),
            })?;
        Ok(Self {
            name: name.to_owned(),
            cron: cron.to_owned(),
            kind,
            parsed,
        })
    }

    /// The slot a firing at `now` belongs to: the latest due instant not after `now`.
    pub fn slot_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        // Whole seconds, so every replica names the slot alike whenever its timer fired.
        let now = now.with_nanosecond(0).unwrap_or(now);
        self.parsed
            .find_previous_occurrence(&now.with_timezone(&VIETNAM), true)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    pub fn next_after(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let now = now.with_nanosecond(0).unwrap_or(now);
        self.parsed
            .find_next_occurrence(&now.with_timezone(&VIETNAM), false)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleConfig {
    pub jobs: Vec<JobSpec>,
    /// How far back a slot missed while every replica was down is still run at start-up.
    pub catch_up: chrono::Duration,
}

pub const DEFAULT_MORNING: &str = "0 0 7 1-5 * *";
pub const DEFAULT_EVENING: &str = "0 0 19 1-5 * *";
pub const DEFAULT_FINAL: &str = "0 0 21 5 * *";
pub const DEFAULT_DEADLINE_WATCH: &str = "0 0 8 3-5 * *";

impl ScheduleConfig {
    /// The four jobs, each expression replaceable (`None` keeps the default).
    pub fn with_expressions(
        morning: Option<&str>,
        evening: Option<&str>,
        final_run: Option<&str>,
        deadline_watch: Option<&str>,
    ) -> Result<Self, SyncError> {
        Ok(Self {
            jobs: vec![
                JobSpec::new(
                    "sync-morning",
                    morning.unwrap_or(DEFAULT_MORNING),
                    JobKind::Sync,
                )?,
                JobSpec::new(
                    "sync-evening",
                    evening.unwrap_or(DEFAULT_EVENING),
                    JobKind::Sync,
                )?,
                JobSpec::new(
                    "sync-final",
                    final_run.unwrap_or(DEFAULT_FINAL),
                    JobKind::FinalSync,
                )?,
                JobSpec::new(
                    "deadline-watch",
                    deadline_watch.unwrap_or(DEFAULT_DEADLINE_WATCH),
                    JobKind::DeadlineWatch,
                )?,
            ],
            catch_up: chrono::Duration::days(31),
        })
    }

    pub fn defaults() -> Self {
        // The defaults are constants checked by the tests below.
        Self::with_expressions(None, None, None, None).unwrap_or(Self {
            jobs: Vec::new(),
            catch_up: chrono::Duration::days(31),
        })
    }

    /// The next sync of any sync job after `now`.
    pub fn next_sync(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.jobs
            .iter()
            .filter(|j| j.kind != JobKind::DeadlineWatch)
            .filter_map(|j| j.next_after(now))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn vietnam(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        VIETNAM
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn the_defaults_parse() {
        assert_eq!(ScheduleConfig::defaults().jobs.len(), 4);
    }

    #[test]
    fn five_field_expressions_are_refused_naming_the_job() {
        let err = JobSpec::new("sync-morning", "0 7 1-5 * *", JobKind::Sync).unwrap_err();
        assert!(err.to_string().contains("sync-morning"));
    }

    #[test]
    fn a_morning_firing_belongs_to_its_slot_in_vietnam_time() {
        let morning = JobSpec::new("m", DEFAULT_MORNING, JobKind::Sync).unwrap();
        let fired = vietnam(2026, 12, 2, 7, 0) + chrono::Duration::milliseconds(350);
        assert_eq!(morning.slot_at(fired), Some(vietnam(2026, 12, 2, 7, 0)));
        // 07:00 in Hanoi is midnight UTC.
        assert_eq!(
            vietnam(2026, 12, 2, 7, 0).to_rfc3339(),
            "2026-12-02T00:00:00+00:00"
        );
    }

    #[test]
    fn after_day_five_the_next_sync_is_on_the_first_of_next_month() {
        let config = ScheduleConfig::defaults();
        let after_final = vietnam(2026, 12, 5, 22, 0);
        assert_eq!(
            config.next_sync(after_final),
            Some(vietnam(2027, 1, 1, 7, 0))
        );
        let final_job = &config.jobs[2];
        assert_eq!(
            final_job.slot_at(after_final),
            Some(vietnam(2026, 12, 5, 21, 0))
        );
    }
}
