//! Reporting periods with DHIS2 identifiers (`202601`, `2026Q1`, `2026S1`, `2026`) and ad-hoc
//! periods with their own dates (`2026-03-15..2026-03-20`); containment, ADX intervals, the
//! data cut-off windows of Decree 09/2019/NĐ-CP art. 12, and deadlines.

mod deadline;

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

pub use deadline::{DeadlineRule, DeadlineRules, VIETNAM_OFFSET};

use super::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodType {
    Monthly,
    Quarterly,
    SixMonthly,
    Yearly,
    AdHoc,
}

/// A reporting period. Built only through [`Period::parse`] or the constructors, so it is
/// always a real period (month 1–12, quarter 1–4, an ad-hoc end not before its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Monthly { year: i32, month: u32 },
    Quarterly { year: i32, quarter: u32 },
    SixMonthly { year: i32, half: u32 },
    Yearly { year: i32 },
    AdHoc { start: NaiveDate, end: NaiveDate },
}

const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Months `01`–`12` and days `01`–`31`, for [`Period::PATTERN`].
const MONTH: &str = "(0[1-9]|1[0-2])";
const DAY: &str = "(0[1-9]|[12][0-9]|3[01])";

impl Period {
    /// What [`Period::parse`] accepts, as the ECMA-262 regular expression the OpenAPI document
    /// publishes: exact for years, months, quarters and half-years (2000–2100); for ad-hoc
    /// periods the pattern checks the shape, the parser also that the dates exist and that the
    /// end is not before the start.
    pub fn pattern() -> String {
        let date = format!("[0-9]{{4}}-{MONTH}-{DAY}");
        format!("^((20[0-9]{{2}}|2100)({MONTH}|Q[1-4]|S[12])?|{date}\\.\\.{date})$")
    }

    /// Parses a period identifier exactly as written: no surrounding spaces, dates of an
    /// ad-hoc period as `YYYY-MM-DD`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let bad = || {
            Invalid::said(
                crate::messages::Message::new("invalid-period").arg("raw", format!("{raw:?}")),
            )
        };
        if let Some((start, end)) = raw.split_once("..") {
            // chrono alone would also take `2026-3-5` or `+2026-03-05`.
            let shaped = |s: &str| {
                s.len() == 10
                    && s.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
            };
            let date = |s: &str| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .filter(|_| shaped(s))
                    .ok_or_else(bad)
            };
            return Self::ad_hoc(date(start)?, date(end)?);
        }
        let year = |s: &str| {
            s.parse::<i32>()
                .ok()
                .filter(|y| YEARS.contains(y) && s.len() == 4)
        };
        let period = match raw.len() {
            4 => year(raw).map(|year| Period::Yearly { year }),
            6 if raw.bytes().all(|b| b.is_ascii_digit()) => {
                let month = raw[4..].parse().ok().filter(|m| (1..=12).contains(m));
                year(&raw[..4])
                    .zip(month)
                    .map(|(year, month)| Period::Monthly { year, month })
            }
            // Byte offsets below are character offsets only in ASCII text.
            6 if raw.is_ascii() => {
                let n = raw[5..].parse::<u32>().ok();
                match (&raw[4..5], year(&raw[..4]), n) {
                    ("Q", Some(year), Some(q @ 1..=4)) => {
                        Some(Period::Quarterly { year, quarter: q })
                    }
                    ("S", Some(year), Some(h @ 1..=2)) => {
                        Some(Period::SixMonthly { year, half: h })
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        period.ok_or_else(bad)
    }

    pub fn ad_hoc(start: NaiveDate, end: NaiveDate) -> Result<Self, Invalid> {
        if end < start {
            return Err(Invalid::said(crate::messages::Message::new(
                "invalid-ad-hoc-order",
            )));
        }
        Ok(Period::AdHoc { start, end })
    }

    pub fn period_type(&self) -> PeriodType {
        match self {
            Period::Monthly { .. } => PeriodType::Monthly,
            Period::Quarterly { .. } => PeriodType::Quarterly,
            Period::SixMonthly { .. } => PeriodType::SixMonthly,
            Period::Yearly { .. } => PeriodType::Yearly,
            Period::AdHoc { .. } => PeriodType::AdHoc,
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        let first = |year, month| NaiveDate::from_ymd_opt(year, month, 1).expect("a valid month");
        match *self {
            Period::Monthly { year, month } => first(year, month),
            Period::Quarterly { year, quarter } => first(year, quarter * 3 - 2),
            Period::SixMonthly { year, half } => first(year, half * 6 - 5),
            Period::Yearly { year } => first(year, 1),
            Period::AdHoc { start, .. } => start,
        }
    }

    /// The last day of the period (inclusive).
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::AdHoc { end, .. } => end,
            _ => self.start() + Months::new(self.months()) - chrono::Days::new(1),
        }
    }

    /// Months the period spans (0 for ad-hoc periods).
    fn months(&self) -> u32 {
        match self {
            Period::Monthly { .. } => 1,
            Period::Quarterly { .. } => 3,
            Period::SixMonthly { .. } => 6,
            Period::Yearly { .. } => 12,
            Period::AdHoc { .. } => 0,
        }
    }

    pub fn year(&self) -> i32 {
        self.start().year()
    }

    /// Whether `other` lies wholly inside this period (`2026` contains `2026Q1` and `202603`).
    pub fn contains(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    pub fn contains_date(&self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// The months that make up the period, for deriving it from monthly values.
    pub fn monthly_periods(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut day = self.start().with_day(1).expect("day 1 exists");
        while day <= self.end() {
            months.push(Period::Monthly {
                year: day.year(),
                month: day.month(),
            });
            day = day + Months::new(1);
        }
        months
    }

    /// The period of the same type that follows this one (ad-hoc periods have none).
    pub fn next(&self) -> Option<Period> {
        self.same_type_starting(self.start() + Months::new(self.months()))
    }

    /// The period of the same type before this one (ad-hoc periods have none).
    pub fn previous(&self) -> Option<Period> {
        self.same_type_starting(self.start() - Months::new(self.months()))
    }

    /// The period of this one's type that starts on `start`.
    fn same_type_starting(&self, start: NaiveDate) -> Option<Period> {
        let (year, month) = (start.year(), start.month());
        match self {
            Period::Monthly { .. } => Some(Period::Monthly { year, month }),
            Period::Quarterly { .. } => Some(Period::Quarterly {
                year,
                quarter: month.div_ceil(3),
            }),
            Period::SixMonthly { .. } => Some(Period::SixMonthly {
                year,
                half: month.div_ceil(6),
            }),
            Period::Yearly { .. } => Some(Period::Yearly { year }),
            Period::AdHoc { .. } => None,
        }
    }

    /// The period as an ADX (SDMX) interval: `2026-01-01/P1M`, `2026-01-01/P3M`, ….
    pub fn adx(&self) -> String {
        let start = self.start().format("%Y-%m-%d");
        match self {
            Period::AdHoc { start: s, end } => format!("{start}/P{}D", (*end - *s).num_days() + 1),
            Period::Yearly { .. } => format!("{start}/P1Y"),
            _ => format!("{start}/P{}M", self.months()),
        }
    }

    /// The data window of Decree 09/2019/NĐ-CP art. 12: from the 15th of the month before the
    /// period to the 14th of its last month (monthly: 15th of the previous month to the 14th;
    /// six-monthly: 15/12 to 14/6; yearly: 15/12 to 14/12). Ad-hoc periods use their own dates.
    pub fn data_window(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Period::AdHoc { start, end } => (start, end),
            _ => {
                let day = |d: NaiveDate, n| d.with_day(n).expect("days 14 and 15 exist");
                let from = day(self.start() - Months::new(1), 15);
                let to = day(self.end(), 14);
                (from, to)
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Monthly { year, month } => write!(f, "{year}{month:02}"),
            Period::Quarterly { year, quarter } => write!(f, "{year}Q{quarter}"),
            Period::SixMonthly { year, half } => write!(f, "{year}S{half}"),
            Period::Yearly { year } => write!(f, "{year}"),
            Period::AdHoc { start, end } => {
                write!(
                    f,
                    "{}..{}",
                    start.format("%Y-%m-%d"),
                    end.format("%Y-%m-%d")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests;
