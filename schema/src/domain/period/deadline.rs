use chrono::{DateTime, FixedOffset, Months, NaiveDate, TimeZone, Utc};

use super::{Period, PeriodType};
use crate::domain::Invalid;

/// Asia/Ho_Chi_Minh: UTC+7 all year (Vietnam keeps no daylight saving time).
pub const VIETNAM_OFFSET: i32 = 7 * 3600;

/// "Before day `day` of the month `month_offset` months after the period's last month", in
/// Vietnam time: the report is late from 00:00 of that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineRule {
    day: u32,
    month_offset: u32,
}

impl DeadlineRule {
    pub fn new(day: u32, month_offset: u32) -> Result<Self, Invalid> {
        if !(1..=28).contains(&day) {
            return Err(Invalid::said(crate::messages::Message::new(
                "invalid-deadline-day",
            )));
        }
        if month_offset > 12 {
            return Err(Invalid::said(crate::messages::Message::new(
                "invalid-deadline-offset",
            )));
        }
        Ok(Self { day, month_offset })
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    pub fn month_offset(&self) -> u32 {
        self.month_offset
    }

    /// The first instant at which a report for `period` is late.
    pub fn due_at(&self, period: &Period) -> DateTime<Utc> {
        let last_month = period.end();
        let month = last_month + Months::new(self.month_offset);
        let day = NaiveDate::from_ymd_opt(
            chrono::Datelike::year(&month),
            chrono::Datelike::month(&month),
            self.day,
        )
        .expect("days 1 to 28 exist in every month");
        let zone = FixedOffset::east_opt(VIETNAM_OFFSET).expect("UTC+7 is a valid offset");
        zone.from_local_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight exists"))
            .single()
            .expect("a fixed offset has no gaps")
            .with_timezone(&Utc)
    }
}

/// The deadline of each period type. Plans carry their own; the defaults are those of the
/// plans seen (Tiêu Cần commune, 2026): monthly reports before the 6th of the next month,
/// quarterly before the 6th of the quarter's last month, six-monthly before 06/06 and 06/12,
/// yearly before 06/12. Ad-hoc reports carry their own deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineRules {
    pub monthly: DeadlineRule,
    pub quarterly: DeadlineRule,
    pub six_monthly: DeadlineRule,
    pub yearly: DeadlineRule,
}

impl Default for DeadlineRules {
    fn default() -> Self {
        let rule = |day, month_offset| DeadlineRule { day, month_offset };
        Self {
            monthly: rule(6, 1),
            quarterly: rule(6, 0),
            six_monthly: rule(6, 0),
            yearly: rule(6, 0),
        }
    }
}

impl DeadlineRules {
    /// The rule for the period's type; `None` for ad-hoc periods.
    pub fn for_period(&self, period: &Period) -> Option<DeadlineRule> {
        match period.period_type() {
            PeriodType::Monthly => Some(self.monthly),
            PeriodType::Quarterly => Some(self.quarterly),
            PeriodType::SixMonthly => Some(self.six_monthly),
            PeriodType::Yearly => Some(self.yearly),
            PeriodType::AdHoc => None,
        }
    }

    /// Whether a report submitted at `submitted_at` is late for `period`.
    pub fn is_late(&self, period: &Period, submitted_at: DateTime<Utc>) -> Option<bool> {
        self.for_period(period)
            .map(|rule| submitted_at >= rule.due_at(period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(raw)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_january_report_is_due_before_the_6th_of_february_vietnam_time() {
        let rules = DeadlineRules::default();
        let january = Period::parse("202601").unwrap();
        let due = rules.monthly.due_at(&january);
        assert_eq!(due, utc("2026-02-05T17:00:00Z"));
        assert_eq!(
            rules.is_late(&january, utc("2026-02-05T16:59:59Z")),
            Some(false)
        );
        assert_eq!(
            rules.is_late(&january, utc("2026-02-05T17:00:00Z")),
            Some(true)
        );
    }

    #[test]
    fn quarters_half_years_and_years_are_due_in_their_last_month() {
        let rules = DeadlineRules::default();
        let due = |raw: &str| {
            rules
                .for_period(&Period::parse(raw).unwrap())
                .unwrap()
                .due_at(&Period::parse(raw).unwrap())
        };
        assert_eq!(due("2026Q1"), utc("2026-03-06T00:00:00+07:00"));
        assert_eq!(due("2026S1"), utc("2026-06-06T00:00:00+07:00"));
        assert_eq!(due("2026S2"), utc("2026-12-06T00:00:00+07:00"));
        assert_eq!(due("2026"), utc("2026-12-06T00:00:00+07:00"));
    }

    #[test]
    fn ad_hoc_reports_have_no_rule_and_bad_rules_are_refused() {
        let ad_hoc = Period::parse("2026-03-15..2026-03-20").unwrap();
        assert_eq!(DeadlineRules::default().for_period(&ad_hoc), None);
        assert!(DeadlineRule::new(31, 0).is_err());
        assert!(DeadlineRule::new(10, 13).is_err());
        assert_eq!(DeadlineRule::new(10, 0).unwrap().day(), 10);
    }
}
