//! The `template` member of a target: the request described, not coded, and how its answers
//! are read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A target's request: method, path and headers (each a template), the body template and the
/// rules that read the answer. In the targets file the body is given inline (`body`) or as a
/// file (`bodyFile`, relative to the targets file); it is stored inline, so every replica
/// renders the same text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateSpec {
    #[serde(default = "default_method")]
    pub method: String,
    /// Below the target's base URL, with placeholders (`/reports/{{ unit.code }}`); values are
    /// percent-encoded.
    pub path: String,
    /// Extra headers; values are templates too. Credentials belong in `auth`, never here.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    #[serde(default = "default_content_type")]
    pub content_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Where the body was read from; kept to show the operator, not used once stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_file: Option<String>,
    #[serde(default)]
    pub answer: AnswerRules,
}

fn default_method() -> String {
    "POST".to_owned()
}

fn default_content_type() -> String {
    "application/json".to_owned()
}

/// Which answers mean what. A status listed by its exact code wins over a class (`"5xx"`);
/// a status no rule names is read as for the built-in profiles (2xx stored; 408, 429 and 5xx
/// retried; other 3xx and 4xx refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerRules {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stored: Vec<StatusRule>,
    /// Answers to a key the upstream has seen: delivered too, with the first receipt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replayed: Vec<StatusRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retry: Vec<StatusRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<StatusRule>,
    /// A JSON pointer (RFC 6901) to the receipt in a stored answer (`/data/id`); without it,
    /// the usual members (`receipt`, `id`, `reference`…) or the answer's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// Turns a stored-looking answer (a 200) into a refusal, as upstreams that answer
    /// `{"success": false, "message": …}` need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<RefusalRule>,
}

/// An exact status (`409`) or a class (`"4xx"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StatusRule {
    Code(u16),
    Class(String),
}

impl StatusRule {
    /// The hundreds a class names (`"4xx"` → 4), `None` for an exact code or a bad class.
    pub fn class(&self) -> Option<u16> {
        match self {
            StatusRule::Code(_) => None,
            StatusRule::Class(text) => {
                let text = text.trim().to_ascii_lowercase();
                let digit = text.strip_suffix("xx")?;
                match digit.parse::<u16>() {
                    Ok(d) if (1..=5).contains(&d) && digit.len() == 1 => Some(d),
                    _ => None,
                }
            }
        }
    }
}

/// The answer is a refusal when the value at `pointer` equals `equals`, or, without `equals`,
/// when it is present and neither `null`, `false` nor `""` (an `error` member, say). The
/// operator sees the text at `message` (or the usual message members).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefusalRule {
    pub pointer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
