//! Rendering a [`TemplateSpec`] with MiniJinja: the path with its values percent-encoded, the
//! headers as text and the body with every `{{ value }}` escaped for its content type (written
//! as JSON, as XML text or percent-encoded for a form; `content`), so a quote in a unit's name
//! cannot break the document.

use std::borrow::Cow;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};
use reqwest::Method;
use reqwest::header::{HeaderName, HeaderValue};

use super::TemplateError;
use super::content::{self, BodyKind};
use super::filters;
use super::spec::TemplateSpec;

const BODY: &str = "body";
const PATH: &str = "path";
const HEADER_PREFIX: &str = "header ";
const JSON_ESCAPE: &str = "json";
const URL_ESCAPE: &str = "url";
const XML_ESCAPE: &str = "xml";

/// Headers the template may not set: the credential comes from `auth` (secrets by
/// environment variable or file only), the key and the content type from chitieu.
const RESERVED_HEADERS: [&str; 4] = [
    "authorization",
    "idempotency-key",
    "content-type",
    "content-length",
];

/// The request a template describes, ready to send below the target's base URL.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedRequest {
    pub method: Method,
    pub path: String,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub content_type: String,
    pub body: Vec<u8>,
    /// The version of the template it was rendered with (`TemplateSpec::version`).
    pub template_version: String,
}

/// A spec whose templates all parsed: rendering can only fail on the data.
pub struct Compiled {
    env: Environment<'static>,
    method: Method,
    header_names: Vec<(String, HeaderName)>,
    content_type: String,
    body_kind: BodyKind,
    version: String,
}

impl Compiled {
    /// Parses every template of the spec; the first that does not parse is named with its
    /// line and column.
    pub fn new(spec: &TemplateSpec) -> Result<Self, TemplateError> {
        let method = Method::from_bytes(spec.method.trim().to_ascii_uppercase().as_bytes())
            .map_err(|_| {
                TemplateError::Invalid(format!("method {:?} is not an HTTP method", spec.method))
            })?;
        if !spec.path.starts_with('/') {
            return Err(TemplateError::Invalid(format!(
                "path {:?} must start with '/' (it goes below the target's baseUrl)",
                spec.path
            )));
        }
        HeaderValue::from_str(&spec.content_type).map_err(|_| {
            TemplateError::Invalid(format!(
                "contentType {:?} is not a header value",
                spec.content_type
            ))
        })?;
        let body = spec.body.as_deref().ok_or_else(|| {
            TemplateError::Invalid("the template has neither body nor bodyFile".to_owned())
        })?;
        let body_kind = BodyKind::of(&spec.content_type);
        let mut env = environment(body_kind);
        add(&mut env, BODY, body)?;
        add(&mut env, PATH, &spec.path)?;
        let mut header_names = Vec::new();
        for (name, value) in &spec.headers {
            let header = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|_| {
                TemplateError::Invalid(format!("header name {name:?} is not valid"))
            })?;
            if RESERVED_HEADERS.contains(&header.as_str()) {
                return Err(TemplateError::Invalid(format!(
                    "header {name:?} is set by chitieu (credentials go in auth, read from an \
                     environment variable or a file; the content type in contentType)"
                )));
            }
            let part = format!("{HEADER_PREFIX}{name}");
            add(&mut env, &part, value)?;
            header_names.push((part, header));
        }
        Ok(Self {
            env,
            method,
            header_names,
            content_type: spec.content_type.clone(),
            body_kind,
            version: spec.version(),
        })
    }

    /// The version of the template compiled (`TemplateSpec::version`), computed once.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Renders the request from the context (`template::context`).
    pub fn render(&self, context: &serde_json::Value) -> Result<RenderedRequest, TemplateError> {
        let context = Value::from(minijinja::value::Serde(context));
        let render = |name: &str| -> Result<String, TemplateError> {
            let template = self
                .env
                .get_template(name)
                .map_err(|e| located(name, None, &e))?;
            template
                .render(&context)
                .map_err(|e| located(name, Some(template.source()), &e))
        };
        let body = render(BODY)?;
        self.body_kind.check(&body)?;
        let mut headers = Vec::new();
        for (part, name) in &self.header_names {
            let text = render(part)?;
            let value =
                HeaderValue::from_str(text.trim()).map_err(|_| TemplateError::Rendered {
                    part: part.clone(),
                    detail: format!("the value {text:?} cannot be sent in a header"),
                })?;
            headers.push((name.clone(), value));
        }
        Ok(RenderedRequest {
            method: self.method.clone(),
            path: render(PATH)?,
            headers,
            content_type: self.content_type.clone(),
            body: body.into_bytes(),
            template_version: self.version.clone(),
        })
    }
}

fn environment(body_kind: BodyKind) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_debug(true);
    // A misspelt member fails the delivery instead of sending an empty value.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(move |name| match name {
        BODY => match body_kind {
            BodyKind::Json => AutoEscape::Custom(Cow::Borrowed(JSON_ESCAPE)),
            BodyKind::Xml => AutoEscape::Custom(Cow::Borrowed(XML_ESCAPE)),
            BodyKind::Form => AutoEscape::Custom(Cow::Borrowed(URL_ESCAPE)),
            BodyKind::Other => AutoEscape::None,
        },
        PATH => AutoEscape::Custom(Cow::Borrowed(URL_ESCAPE)),
        _ => AutoEscape::None,
    });
    env.set_formatter(format_value);
    filters::register(&mut env);
    env
}

fn add(env: &mut Environment<'static>, name: &str, source: &str) -> Result<(), TemplateError> {
    env.add_template_owned(name.to_owned(), source.to_owned())
        .map_err(|e| located(name, Some(source), &e))
}

/// `{{ value }}` in the body of a JSON template is the value as JSON (a string with its
/// quotes, `null` for none), written as serde_json writes it, so a template can reproduce the
/// built-in profile byte for byte; a filter's safe output (`| json`, `| number`) goes as is.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_undefined() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "this value is not in the context",
        ));
    }
    let escape = match state.auto_escape() {
        AutoEscape::Custom(name) => name.as_ref(),
        _ => "",
    };
    let text = match escape {
        _ if value.is_safe() => value.to_string(),
        JSON_ESCAPE => filters::to_json(value)?,
        URL_ESCAPE => filters::percent_encode(&value.to_string()),
        XML_ESCAPE => content::xml_escape(&value.to_string()),
        _ => value.to_string(),
    };
    out.write_str(&text).map_err(Error::from)
}

/// The error with the part, line and column it happened at.
fn located(part: &str, source: Option<&str>, error: &Error) -> TemplateError {
    let (line, column) = match (error.range(), source) {
        (Some(range), Some(source)) => {
            let start = range.start.min(source.len());
            let before = &source[..start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            (Some(line), Some(column))
        }
        _ => (error.line(), None),
    };
    let detail = match error.detail() {
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.kind().to_string(),
    };
    TemplateError::Template {
        part: part.to_owned(),
        line,
        column,
        detail,
    }
}
