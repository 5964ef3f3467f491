//! The `template` profile: an upstream whose request is described in the targets file, not
//! coded. The body is rendered with MiniJinja (Jinja2 syntax) from exactly the document the
//! `theodoinq` profile sends, plus `idempotencyKey` and `target`; the answer is read by the
//! target's rules. `connector/profiles/` ships two templates: the built-in profile's document
//! (a test proves the bodies byte-identical) and the shape of the known report API.

pub mod answer;
mod cache;
pub mod content;
mod filters;
pub mod render;
mod sample;
pub mod spec;

#[cfg(test)]
mod tests;

use std::path::Path;

use sha2::{Digest, Sha256};

pub use render::{Compiled, RenderedRequest};
pub use sample::sample_delivery;
pub use spec::{AnswerRules, RefusalRule, StatusRule, TemplateSpec};

use crate::delivery::Delivery;
use crate::payload::{PayloadError, theodoinq};
use crate::target::Target;

/// Why a template target cannot send: each names the part and, where it can, the line and
/// column, so the operator can mend the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    #[error("template {part}{}: {detail}", at(*line, *column))]
    Template {
        part: String,
        line: Option<usize>,
        column: Option<usize>,
        detail: String,
    },
    #[error("template {part}: {detail}")]
    Rendered { part: String, detail: String },
    #[error(
        "the rendered body is not JSON (line {line}, column {column}: {detail}); near: {excerpt}"
    )]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
        excerpt: String,
    },
    /// An XML or form body that its content type does not allow (`content::BodyKind`).
    #[error(
        "the rendered body is not {kind} (line {line}, column {column}: {detail}); near: {excerpt}"
    )]
    NotWellFormed {
        kind: &'static str,
        line: usize,
        column: usize,
        detail: String,
        excerpt: String,
    },
    #[error("template: {0}")]
    Invalid(String),
    #[error("template: {0}")]
    Document(String),
}

fn at(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}

impl TemplateSpec {
    /// Reads `bodyFile` (relative to `base`, the targets file's folder) into `body`.
    pub fn resolve_body(&mut self, base: &Path) -> Result<(), TemplateError> {
        match (&self.body, &self.body_file) {
            (Some(_), Some(_)) => Err(TemplateError::Invalid(
                "give body or bodyFile, not both".to_owned(),
            )),
            (None, None) => Err(TemplateError::Invalid(
                "the template has neither body nor bodyFile".to_owned(),
            )),
            (Some(_), None) => Ok(()),
            (None, Some(file)) => {
                let path = base.join(file);
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    TemplateError::Invalid(format!("bodyFile {}: {e}", path.display()))
                })?;
                self.body = Some(text);
                Ok(())
            }
        }
    }

    /// Everything that can be checked without a report: the templates parse, the method,
    /// headers and answer rules make sense.
    pub fn check(&self) -> Result<Compiled, TemplateError> {
        self.answer.check().map_err(TemplateError::Invalid)?;
        Compiled::new(self)
    }

    /// Names this exact template (request and answer rules): `sha256:` and 16 hex digits of
    /// the hash of its stored form. Every delivery records the version it was sent with.
    pub fn version(&self) -> String {
        let mut stored = self.clone();
        stored.body_file = None;
        let text = serde_json::to_string(&stored).unwrap_or_default();
        let digest = Sha256::digest(text.as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }
}

/// The context a template renders from: the `theodoinq` document of the delivery (codes
/// already mapped) with `idempotencyKey`, `target` (the target's code) and `outlineIds` (the
/// target's `mapping.outline`: our outline row codes to the upstream's row ids) added.
pub fn context(target: &Target, delivery: &Delivery) -> Result<serde_json::Value, PayloadError> {
    let document = theodoinq::document(delivery, &target.mapping)?;
    let mut context = serde_json::to_value(document).map_err(|source| PayloadError::Json {
        key: delivery.idempotency_key.clone(),
        source,
    })?;
    if let Some(members) = context.as_object_mut() {
        members.insert(
            "idempotencyKey".to_owned(),
            delivery.idempotency_key.clone().into(),
        );
        members.insert("target".to_owned(), target.code.clone().into());
        let ids = target.mapping.outline.clone().into_iter().collect();
        members.insert("outlineIds".to_owned(), serde_json::Value::Object(ids));
    }
    Ok(context)
}

/// The version of `spec`, as every delivery records it: from the cache of compiled templates
/// (computed once per template), or computed now for a template that does not compile.
pub fn version_of(spec: &TemplateSpec) -> String {
    cache::compiled(spec).map_or_else(|_| spec.version(), |c| c.version().to_owned())
}

/// The request for one delivery: the template's error (never sent) when it cannot be built.
pub fn render(target: &Target, delivery: &Delivery) -> Result<RenderedRequest, TemplateError> {
    let Some(spec) = &target.template else {
        return Err(TemplateError::Invalid(format!(
            "the target {} has the template profile but no template",
            target.code
        )));
    };
    let compiled = cache::compiled(spec)?;
    let context = context(target, delivery).map_err(|e| TemplateError::Document(e.to_string()))?;
    compiled.render(&context)
}

/// Checks a target of the targets file: a `template` target has a template that parses (its
/// `bodyFile` read into `body`), and no other profile has one.
pub fn check_target(target: &mut Target, base: &Path) -> Result<(), TemplateError> {
    match (target.profile, target.template.as_mut()) {
        (crate::target::Profile::Template, Some(spec)) => spec
            .resolve_body(base)
            .and_then(|()| spec.check().map(drop)),
        (crate::target::Profile::Template, None) => Err(TemplateError::Invalid(
            "the template profile needs a \"template\" object (method, path, headers, body or \
             bodyFile, answer)"
                .to_owned(),
        )),
        (_, Some(_)) => Err(TemplateError::Invalid(
            "only targets with \"profile\": \"template\" take a \"template\"".to_owned(),
        )),
        (_, None) => Ok(()),
    }
}
