use crate::domain::{Invalid, OrgUnitCode, Period};
use crate::plans::PlanCode;

/// Which report: the unit, the plan and the period, by their codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey {
    pub unit: OrgUnitCode,
    pub plan: String,
    pub period: Period,
}

impl ReportKey {
    /// Parses a plan code: the rule of [`PlanCode`], with a message naming the code.
    pub fn parse_plan_code(raw: &str) -> Result<String, Invalid> {
        PlanCode::parse(raw)
            .map(|code| code.as_str().to_owned())
            .map_err(|_| {
                Invalid::said(
                    crate::messages::Message::new("invalid-plan-code")
                        .arg("raw", format!("{raw:?}")),
                )
            })
    }
}

/// Who makes a change, as written in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// A username or an API key prefix.
    pub subject: String,
    pub request_id: Option<String>,
}
