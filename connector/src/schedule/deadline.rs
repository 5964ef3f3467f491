//! The deadline watch: as the 6th approaches, who still owes last month's report; and once it
//! has passed, who missed it.

use chitieu_schema::db::Db;
use chitieu_schema::domain::{DeadlineRules, Period};
use chitieu_schema::events;
use chitieu_schema::messages::Message;
use chitieu_schema::sync::{self, MissingReport};
use chrono::{DateTime, Datelike, Utc};

use super::config::VIETNAM;
use crate::error::SyncError;

/// The reports still owed for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineWatch {
    pub period: String,
    /// The period's deadline by the default rules (a monthly report before the 6th).
    pub due_at: Option<DateTime<Utc>>,
    pub missing: Vec<MissingReport>,
}

/// The deadline of `period` by the default rules; `None` for ad-hoc periods.
pub fn default_deadline(period: &Period) -> Option<DateTime<Utc>> {
    DeadlineRules::default()
        .for_period(period)
        .map(|rule| rule.due_at(period))
}

/// Whether the deadline `due_at` has passed at `now`: then owed reports have missed it, before
/// it they are owed as it approaches.
pub fn has_passed(due_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    due_at.is_some_and(|due| now >= due)
}

/// What the watch says of one owed report.
pub fn owed_message(
    missed: bool,
    period: &str,
    owed: &MissingReport,
    due_at: Option<DateTime<Utc>>,
) -> Message {
    let due = due_at
        .map(|due| {
            due.with_timezone(&VIETNAM)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    Message::new(if missed {
        "deadline-report-missed"
    } else {
        "deadline-report-approaching"
    })
    .arg("unit", &owed.unit_name)
    .arg("code", &owed.unit_code)
    .arg("plan", &owed.plan_code)
    .arg("period", period)
    .arg("due", due)
}

/// The watch's one-line total.
pub fn summary_message(missed: bool, period: &str, owed: usize) -> Message {
    Message::new(if missed {
        "deadline-summary-missed"
    } else {
        "deadline-summary-approaching"
    })
    .arg("period", period)
    .arg("count", owed)
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
            due_at: default_deadline(period),
            missing,
        })
    }

    /// A `deadline.approaching` event per owed report before the deadline at `now`, a
    /// `deadline.missed` one after it: each once per unit, plan and period however often the
    /// watch runs; how many were new.
    pub fn raise_events(&self, conn: &mut Db, now: DateTime<Utc>) -> Result<usize, SyncError> {
        let kind = if has_passed(self.due_at, now) {
            events::DEADLINE_MISSED
        } else {
            events::DEADLINE_APPROACHING
        };
        let mut raised = 0;
        for owed in &self.missing {
            let event = events::NewEvent {
                kind,
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

    /// One warning line per owed report (the first 200), and a total: "missed" once the
    /// deadline has passed at `now`, "approaching" before. The log is the operators', in
    /// English; the API's `GET /sync/deadline-watch` says the same in the caller's language.
    pub fn log(&self, now: DateTime<Utc>) {
        let missed = has_passed(self.due_at, now);
        for owed in self.missing.iter().take(200) {
            let line = owed_message(missed, &self.period, owed, self.due_at);
            tracing::warn!(period = %self.period, unit = %owed.unit_code, plan = %owed.plan_code,
                state = owed.state.as_deref().unwrap_or("missing"), missed, "{line}");
        }
        let total = summary_message(missed, &self.period, self.missing.len());
        tracing::warn!(period = %self.period, owed = self.missing.len(), missed, "{total}");
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn owed() -> MissingReport {
        MissingReport {
            unit_code: "31001".to_owned(),
            unit_name: "Xã Thái Tân".to_owned(),
            unit_path: "/31/31001/".to_owned(),
            plan_code: "TT-18-2025".to_owned(),
            state: None,
        }
    }

    #[test]
    fn a_report_owed_after_the_deadline_has_missed_it_and_before_it_the_deadline_approaches() {
        use chitieu_schema::messages::Lang;
        let november = Period::parse("202611").unwrap();
        let due = default_deadline(&november);
        // Due before 00:00 on 6 December in Hanoi: 17:00 UTC on the 5th.
        let before = Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 12, 5, 17, 0, 0).unwrap();
        assert!(!has_passed(due, before));
        assert!(has_passed(due, after));
        let missed = owed_message(true, "202611", &owed(), due);
        assert!(missed.in_lang(Lang::En).contains("missed"), "{missed}");
        assert!(missed.in_lang(Lang::Vi).contains("quá hạn"));
        let approaching = owed_message(false, "202611", &owed(), due);
        assert!(approaching.in_lang(Lang::En).contains("approaches"));
        assert!(approaching.in_lang(Lang::Vi).contains("sắp đến hạn"));
    }

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
