//! Reading a template target's answer by its rules: the status classes, the receipt's JSON
//! pointer and the rule that turns a 200 body into a refusal.

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;

use super::spec::{AnswerRules, RefusalRule, StatusRule};
use crate::delivery::Outcome;
use crate::http::answer::{self as builtin, MAX_MESSAGE_CHARS, truncate};
use crate::target::Profile;

/// What a status means under the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Stored,
    Replayed,
    Retry,
    Refused,
    /// No rule names it: read as the built-in profiles do.
    Default,
}

impl AnswerRules {
    /// An exact code wins over a class; a status no rule names is [`Meaning::Default`].
    pub fn meaning(&self, status: u16) -> Meaning {
        let lists = [
            (&self.stored, Meaning::Stored),
            (&self.replayed, Meaning::Replayed),
            (&self.retry, Meaning::Retry),
            (&self.refused, Meaning::Refused),
        ];
        let exact = lists.iter().find(|(rules, _)| {
            rules
                .iter()
                .any(|r| matches!(r, StatusRule::Code(c) if *c == status))
        });
        if let Some((_, meaning)) = exact {
            return *meaning;
        }
        lists
            .iter()
            .find(|(rules, _)| rules.iter().any(|r| r.class() == Some(status / 100)))
            .map_or(Meaning::Default, |(_, meaning)| *meaning)
    }

    /// Mistakes an operator should hear about at start-up, not on the 6th.
    pub fn check(&self) -> Result<(), String> {
        let mut seen: Vec<(String, &str)> = Vec::new();
        let named = [
            (&self.stored, "stored"),
            (&self.replayed, "replayed"),
            (&self.retry, "retry"),
            (&self.refused, "refused"),
        ];
        for (rules, list) in named {
            for rule in rules {
                let key = match rule {
                    StatusRule::Code(code) if (100..600).contains(code) => code.to_string(),
                    StatusRule::Code(code) => {
                        return Err(format!("answer.{list}: {code} is not an HTTP status"));
                    }
                    StatusRule::Class(text) => match rule.class() {
                        Some(d) => format!("{d}xx"),
                        None => {
                            return Err(format!(
                                "answer.{list}: {text:?} is neither a status nor a class like \"5xx\""
                            ));
                        }
                    },
                };
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                    return Err(format!("answer: {key} is both in {other} and in {list}"));
                }
                seen.push((key, list));
            }
        }
        for (pointer, what) in [
            (self.receipt.as_deref(), "answer.receipt"),
            (
                self.refusal.as_ref().map(|r| r.pointer.as_str()),
                "answer.refusal.pointer",
            ),
            (
                self.refusal.as_ref().and_then(|r| r.message.as_deref()),
                "answer.refusal.message",
            ),
        ] {
            if let Some(pointer) = pointer
                && !pointer.is_empty()
                && !pointer.starts_with('/')
            {
                return Err(format!(
                    "{what}: {pointer:?} is not a JSON pointer (they start with '/', e.g. \"/data/id\")"
                ));
            }
        }
        Ok(())
    }

    /// The outcome of an answer whose head and body arrived.
    pub fn outcome(&self, status: StatusCode, headers: &HeaderMap, body: &str) -> Outcome {
        let code = status.as_u16();
        let delivered = match self.meaning(code) {
            Meaning::Stored | Meaning::Replayed => true,
            Meaning::Retry => {
                return Outcome::Retry {
                    after: builtin::retry_after(headers),
                    reason: format!("HTTP {code}: {}", builtin::message_of(body, status)),
                };
            }
            Meaning::Refused => {
                return Outcome::Rejected {
                    status: code,
                    message: self.refusal_message(body, status),
                };
            }
            Meaning::Default => status.is_success(),
        };
        if !delivered {
            return builtin::outcome(Profile::Template, status, headers, body);
        }
        let json = serde_json::from_str::<Value>(body).ok();
        if let (Some(rule), Some(json)) = (&self.refusal, &json)
            && refuses(rule, json)
        {
            return Outcome::Rejected {
                status: code,
                message: self.refusal_message(body, status),
            };
        }
        let receipt = match (&self.receipt, &json) {
            (Some(pointer), Some(json)) => json.pointer(pointer).and_then(text_of),
            _ => None,
        };
        match receipt {
            Some(receipt) => Outcome::Delivered { receipt },
            None => builtin::outcome(Profile::Template, StatusCode::OK, headers, body),
        }
    }

    fn refusal_message(&self, body: &str, status: StatusCode) -> String {
        let pointer = self.refusal.as_ref().and_then(|r| r.message.as_deref());
        serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|json| json.pointer(pointer?).and_then(text_of))
            .map(|m| truncate(&m, MAX_MESSAGE_CHARS))
            .unwrap_or_else(|| builtin::message_of(body, status))
    }
}

fn refuses(rule: &RefusalRule, json: &Value) -> bool {
    let found = json.pointer(&rule.pointer);
    match (&rule.equals, found) {
        (Some(expected), Some(found)) => found == expected,
        (Some(_), None) => false,
        (None, Some(found)) => {
            !matches!(found, Value::Null | Value::Bool(false)) && found.as_str() != Some("")
        }
        (None, None) => false,
    }
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
