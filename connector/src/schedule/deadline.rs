//! The deadline watch: as the 6th approaches, who still owes last month's report.

use chitieu_schema::db::Db;
use chitieu_schema::domain::Period;
use chitieu_schema::events;
use chitieu_schema::sync::{self, MissingReport};
use chrono::{DateTime, Datelike, Utc};

use super::config::VIETNAM;
use crate::error::SyncError;

/// The reports still owed for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineWatch {
    pub period: String,
    pub missing: Vec<MissingReport>,
}

/// The monthly period before the one `now` falls in, in Vietnam time.
pub fn previous_month(now: DateTime<Utc>) -> Option<Period> {
    let local = now.with_timezone(&VIETNAM);
    let (year, month) = if local.month() == 1 {
        (local.year() - 1, 12)
    } else {
        (local.year(), local.month() - 1)
    };
    Period::parse(&format!("{year:04}{month:02}")).ok()
}

impl DeadlineWatch {
    pub fn of(conn: &mut Db, period: &Period) -> Result<Self, SyncError> {
        let missing = sync::missing_reports(conn, period)
            .map_err(SyncError::store("reading the reports still owed"))?;
        Ok(Self {
            period: period.to_string(),
            missing,
        })
    }

    /// A `deadline.approaching` event per owed report, once per unit, plan and period however
    /// often the watch runs; how many were new.
    pub fn raise_events(&self, conn: &mut Db) -> Result<usize, SyncError> {
        let mut raised = 0;
        for owed in &self.missing {
            let event = events::NewEvent {
                kind: events::DEADLINE_APPROACHING,
                unit_code: owed.unit_code.clone(),
                unit_path: owed.unit_path.clone(),
                plan_code: Some(owed.plan_code.clone()),
                period: Some(self.period.clone()),
                data: serde_json::json!({"state": owed.state}),
            };
            if events::append_once(conn, &event)
                .map_err(SyncError::store("raising a deadline event"))?
            {
                raised += 1;
            }
        }
        Ok(raised)
    }

    /// One warning line per owed report (the first 200), and a total.
    pub fn log(&self) {
        for owed in self.missing.iter().take(200) {
            tracing::warn!(period = %self.period, unit = %owed.unit_code, plan = %owed.plan_code,
                state = owed.state.as_deref().unwrap_or("missing"),
                "a report is not approved as the deadline approaches");
        }
        tracing::warn!(period = %self.period, owed = self.missing.len(),
            "deadline watch: reports missing or unapproved");
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn early_january_in_vietnam_watches_december() {
        // 1 January 03:00 in Hanoi is still 31 December in UTC.
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 20, 0, 0).unwrap();
        assert_eq!(
            previous_month(now).map(|p| p.to_string()).as_deref(),
            Some("202612")
        );
    }
}
