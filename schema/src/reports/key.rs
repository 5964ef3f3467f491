use crate::domain::{Invalid, OrgUnitCode, Period};

/// Which report: the unit, the plan and the period, by their codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey {
    pub unit: OrgUnitCode,
    pub plan: String,
    pub period: Period,
}

impl ReportKey {
    /// Parses a plan code: 2 to 64 of `A-Z 0-9 . _ -`, starting with a letter or digit.
    pub fn parse_plan_code(raw: &str) -> Result<String, Invalid> {
        let allowed = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || "._-".contains(c);
        let starts_well = raw
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if (2..=64).contains(&raw.len()) && raw.chars().all(allowed) && starts_well {
            Ok(raw.to_owned())
        } else {
            Err(Invalid::new(format!(
                "{raw:?} is not a plan code: 2 to 64 of A-Z, 0-9, '.', '_' and '-'"
            )))
        }
    }
}

/// Who makes a change, as written in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// A username or an API key prefix.
    pub subject: String,
    pub request_id: Option<String>,
}
