//! What the importer says about each row: what it understood and what it doubts.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// What was understood or inferred, for the record.
    Info,
    /// Something a person should check: a guess, a gap, a repeat.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }
}

/// One remark about a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The cell or row: `table 1, R12C3`, `Sheet1!B12`, `line 40`.
    pub reference: String,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn info(reference: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            reference: reference.into(),
            severity: Severity::Info,
            message: message.into(),
        }
    }

    pub fn warning(reference: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            reference: reference.into(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}",
            self.reference,
            self.severity.as_str(),
            self.message
        )
    }
}
