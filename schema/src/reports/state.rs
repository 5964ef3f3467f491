use std::fmt;

use crate::domain::Invalid;

/// Where a report is in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportState {
    Draft,
    Submitted,
    Returned,
    Approved,
}

impl ReportState {
    pub fn as_db_str(self) -> &'static str {
        match self {
            ReportState::Draft => "draft",
            ReportState::Submitted => "submitted",
            ReportState::Returned => "returned",
            ReportState::Approved => "approved",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw {
            "draft" => Ok(ReportState::Draft),
            "submitted" => Ok(ReportState::Submitted),
            "returned" => Ok(ReportState::Returned),
            "approved" => Ok(ReportState::Approved),
            other => Err(Invalid::said(
                crate::messages::Message::new("invalid-report-state")
                    .arg("raw", format!("{other:?}")),
            )),
        }
    }

    /// Whether values and narrative may change: only while the reporter holds the report.
    pub fn is_editable(self) -> bool {
        matches!(self, ReportState::Draft | ReportState::Returned)
    }

    /// The state in words, in the reader's language.
    pub fn message(self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            ReportState::Draft => "report-state-draft",
            ReportState::Submitted => "report-state-submitted",
            ReportState::Returned => "report-state-returned",
            ReportState::Approved => "report-state-approved",
        })
    }

    /// Why values and narrative may not change now, when they may not.
    pub fn refusal_to_edit(self) -> Option<crate::messages::Message> {
        (!self.is_editable()).then(|| {
            crate::messages::Message::new("report-not-editable").message("state", self.message())
        })
    }
}

impl fmt::Display for ReportState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_db_str())
    }
}
