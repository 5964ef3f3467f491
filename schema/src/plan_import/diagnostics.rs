//! What the importer says about each row: what it understood and what it doubts.

use std::fmt;

use crate::messages::{Message, Text};

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
    /// The remark in English (logs, the command line).
    pub message: String,
    /// The remark as a catalogue message, for the API to say in the caller's language; `None`
    /// for remarks not yet in the catalogue.
    pub said: Option<Message>,
}

impl Diagnostic {
    pub fn info(reference: impl Into<String>, message: impl Into<Text>) -> Self {
        Self::new(reference.into(), Severity::Info, message.into())
    }

    pub fn warning(reference: impl Into<String>, message: impl Into<Text>) -> Self {
        Self::new(reference.into(), Severity::Warning, message.into())
    }

    fn new(reference: String, severity: Severity, text: Text) -> Self {
        Self {
            reference,
            severity,
            message: text.to_string(),
            said: match text {
                Text::Message(message) => Some(message),
                Text::Untranslated(_) => None,
            },
        }
    }

    /// The remark in `lang` (English when it is not in the catalogue yet).
    pub fn in_lang(&self, lang: crate::messages::Lang) -> String {
        self.said
            .as_ref()
            .map_or_else(|| self.message.clone(), |m| m.in_lang(lang))
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

/// Remarks that would repeat row after row ("the target column has no year"), counted and
/// said once: "62 rows: …", with where the first and the last are.
#[derive(Debug, Default)]
pub struct Tally {
    entries: Vec<(Severity, Text, Vec<String>)>,
}

impl Tally {
    pub fn note(&mut self, severity: Severity, reference: String, message: impl Into<Text>) {
        let message = message.into();
        match self
            .entries
            .iter_mut()
            .find(|(s, m, _)| *s == severity && *m == message)
        {
            Some((_, _, references)) => references.push(reference),
            None => self.entries.push((severity, message, vec![reference])),
        }
    }

    pub fn into_diagnostics(self) -> impl Iterator<Item = Diagnostic> {
        self.entries
            .into_iter()
            .map(|(severity, message, references)| {
                let (reference, message) = match references.as_slice() {
                    [one] => (one.clone(), message),
                    [first, .., last] => {
                        let repeated =
                            Message::new("import-repeated-rows").arg("count", references.len());
                        let repeated = match message {
                            Text::Message(said) => repeated.message("remark", said),
                            Text::Untranslated(text) => repeated.arg("remark", text),
                        };
                        (format!("{first} … {last}"), Text::Message(repeated))
                    }
                    [] => (String::new(), message),
                };
                Diagnostic::new(reference, severity, message)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remark_repeated_row_after_row_is_said_once_with_its_count() {
        let mut tally = Tally::default();
        for row in 5..=66 {
            tally.note(
                Severity::Info,
                format!("PL!{row}:{row}"),
                "the target column has no year; read as 2026",
            );
        }
        tally.note(Severity::Warning, "PL!9:9".into(), "once");
        let said: Vec<Diagnostic> = tally.into_diagnostics().collect();
        assert_eq!(said.len(), 2);
        assert_eq!(
            said[0].message,
            "62 rows: the target column has no year; read as 2026"
        );
        assert_eq!(said[0].reference, "PL!5:5 … PL!66:66");
        assert_eq!(said[1].message, "once");
    }
}
