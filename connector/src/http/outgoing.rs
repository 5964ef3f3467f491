//! The request for one delivery, whichever profile made it, and how its answer is read: by
//! the built-in profile's rules or by a template target's own.

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};

use super::answer;
use crate::delivery::{Delivery, Outcome};
use crate::payload;
use crate::target::{Profile, Target};
use crate::template::{self, AnswerRules};

pub struct Outgoing {
    pub method: Method,
    /// Below the target's base URL.
    pub path: String,
    pub content_type: String,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Vec<u8>,
    pub reading: Reading,
    /// The template's version, for a template target.
    pub template_version: Option<String>,
}

pub enum Reading {
    Profile(Profile),
    Rules(AnswerRules),
}

impl Reading {
    pub fn outcome(&self, status: StatusCode, headers: &HeaderMap, body: &str) -> Outcome {
        match self {
            Reading::Profile(profile) => answer::outcome(*profile, status, headers, body),
            Reading::Rules(rules) => rules.outcome(status, headers, body),
        }
    }
}

/// The request, or why it cannot be built (our data or the template: nothing is sent).
pub fn prepare(target: &Target, delivery: &Delivery) -> Result<Outgoing, String> {
    if target.profile == Profile::Template {
        let rendered = template::render(target, delivery).map_err(|e| e.to_string())?;
        let spec = target.template.as_ref();
        return Ok(Outgoing {
            method: rendered.method,
            path: rendered.path,
            content_type: rendered.content_type,
            headers: rendered.headers,
            body: rendered.body,
            reading: Reading::Rules(spec.map(|s| s.answer.clone()).unwrap_or_default()),
            template_version: Some(rendered.template_version),
        });
    }
    let built = payload::build(target, delivery).map_err(|e| e.to_string())?;
    Ok(Outgoing {
        method: Method::POST,
        path: built.path.to_owned(),
        content_type: "application/json".to_owned(),
        headers: Vec::new(),
        body: built.body,
        reading: Reading::Profile(built.profile),
        template_version: None,
    })
}
