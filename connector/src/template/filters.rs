//! The filters a template has besides Jinja2's built-ins: `json` (a value as JSON, exactly as
//! the built-in profile writes it), `date` (a timestamp or date in another format and time
//! zone) and `number` (fixed decimals, written as a JSON number).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind};

pub fn register(env: &mut Environment<'static>) {
    env.add_filter("json", json);
    env.add_filter("date", date);
    env.add_filter("number", number);
}

/// `{{ outline | json }}`: the value as serde_json writes it (`"<b>"` stays `<b>`, unlike
/// Jinja's `tojson`, which escapes it for HTML).
fn json(value: Value) -> Result<Value, Error> {
    Ok(Value::from_safe_string(to_json(&value)?))
}

pub fn to_json(value: &Value) -> Result<String, Error> {
    if value.is_undefined() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "this value is not in the context",
        ));
    }
    serde_json::to_string(value)
        .map_err(|e| Error::new(ErrorKind::BadSerialization, "could not write JSON").with_source(e))
}

/// `{{ approvedAt | date("%d/%m/%Y %H:%M", "Asia/Ho_Chi_Minh") }}`: an RFC 3339 timestamp or
/// a `YYYY-MM-DD` date in a chrono format, in a time zone (UTC unless named). `none` stays
/// `none`.
fn date(value: Value, format: Option<String>, zone: Option<String>) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(value);
    }
    let text = value.to_string();
    let format = format.unwrap_or_else(|| "%Y-%m-%d".to_owned());
    let bad = |what: String| Error::new(ErrorKind::InvalidOperation, what);
    let at: DateTime<Utc> = match DateTime::parse_from_rfc3339(&text) {
        Ok(at) => at.with_timezone(&Utc),
        Err(_) => match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(day) => NaiveDateTime::from(day).and_utc(),
            Err(_) => {
                return Err(bad(format!(
                    "date: {text:?} is not a date or RFC 3339 time"
                )));
            }
        },
    };
    let mut out = String::new();
    let written = match zone.as_deref() {
        None | Some("UTC") => {
            use std::fmt::Write;
            write!(
                out,
                "{}",
                at.format_with_items(checked_items(&format)?.into_iter())
            )
        }
        Some(name) => {
            use std::fmt::Write;
            let zone: chrono_tz::Tz = name
                .parse()
                .map_err(|_| bad(format!("date: {name:?} is not a time zone name")))?;
            write!(
                out,
                "{}",
                at.with_timezone(&zone)
                    .format_with_items(checked_items(&format)?.into_iter())
            )
        }
    };
    written.map_err(|_| bad(format!("date: the format {format:?} cannot be written")))?;
    Ok(Value::from(out))
}

fn checked_items(format: &str) -> Result<Vec<chrono::format::Item<'_>>, Error> {
    let items: Vec<_> = chrono::format::StrftimeItems::new(format).collect();
    if items
        .iter()
        .any(|i| matches!(i, chrono::format::Item::Error))
    {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("date: {format:?} is not a valid chrono format"),
        ));
    }
    Ok(items)
}

/// `{{ kpi.value | number(2) }}`: the number with that many decimals, as a JSON number
/// (`12.50`); `none` is `null`.
fn number(value: Value, decimals: Option<u32>) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(Value::from_safe_string("null".to_owned()));
    }
    let n = f64::try_from(value.clone()).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("number: {value} is not a number"),
        )
    })?;
    if !n.is_finite() {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "number: not a finite number",
        ));
    }
    let text = match decimals {
        Some(d) => format!("{n:.*}", d.min(12) as usize),
        None => serde_json::Number::from_f64(n).map_or_else(|| n.to_string(), |j| j.to_string()),
    };
    Ok(Value::from_safe_string(text))
}

/// RFC 3986 percent-encoding of everything but the unreserved characters, for path values.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
