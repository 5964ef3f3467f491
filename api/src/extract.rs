//! Request extractors that answer in problem+json: JSON bodies (415, 413, 400 with the field
//! path), query strings and path parameters.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::Deserialize;
use serde::de::DeserializeOwned;

mod objects_only;

use chitieu_schema::messages::Message;

use crate::error::{ApiError, SaidKind};
use crate::problem::FieldError;

/// The largest body accepted; set once in `startup` from the settings.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON request body deserialised into `T`; unknown fields are refused by `T` itself
/// (`#[serde(deny_unknown_fields)]`).
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<BodyLimit>().map_or(2 * 1024 * 1024, |l| l.0);
        let content_type = check_content_type(req);
        let declared_length = declared_length(req);
        let payload = payload.take();
        Box::pin(async move {
            content_type?;
            let body = read_limited(payload, declared_length, limit).await?;
            parse_json(&body).map(JsonBody)
        })
    }
}

/// The body, refused with 413 as soon as it exceeds `limit` (or declares it will).
async fn read_limited(
    mut payload: Payload,
    declared_length: Option<usize>,
    limit: usize,
) -> Result<web::BytesMut, ApiError> {
    if declared_length.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let mut body = web::BytesMut::with_capacity(declared_length.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Malformed {
            detail: Message::new("malformed-body-unreadable")
                .arg("error", e)
                .into(),
            errors: Vec::new(),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// The body limit of bulk data exchange (`POST /api/v1/dataValueSets`), larger than
/// [`BodyLimit`]; set in `startup` from `CHITIEU_BULK_BODY_LIMIT_BYTES`. Only [`BulkBody`]
/// reads it, so it applies to that route alone.
#[derive(Debug, Clone, Copy)]
pub struct BulkBodyLimit(pub usize);

/// The format of a bulk body, from its `Content-Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkFormat {
    Json,
    Csv,
    /// `application/adx+xml`.
    Adx,
}

/// A JSON or CSV body of up to [`BulkBodyLimit`] bytes, unparsed.
#[derive(Debug)]
pub struct BulkBody {
    pub format: BulkFormat,
    pub bytes: web::Bytes,
}

impl FromRequest for BulkBody {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BulkBodyLimit>()
            .map_or(64 * 1024 * 1024, |l| l.0);
        let format = match content_type_essence(req).as_deref() {
            Some("text/csv" | "application/csv") => Ok(BulkFormat::Csv),
            Some("application/adx+xml") => Ok(BulkFormat::Adx),
            _ => check_content_type(req)
                .map(|()| BulkFormat::Json)
                .map_err(|_| {
                    ApiError::said(
                        SaidKind::UnsupportedMediaType,
                        Message::new("media-type-bulk"),
                    )
                }),
        };
        let declared = declared_length(req);
        let payload = payload.take();
        Box::pin(async move {
            let format = format?;
            let bytes = read_limited(payload, declared, limit).await?.freeze();
            Ok(BulkBody { format, bytes })
        })
    }
}

fn content_type_essence(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
}

fn check_content_type(req: &HttpRequest) -> Result<(), ApiError> {
    match content_type_essence(req).as_deref() {
        Some("application/json") => Ok(()),
        Some(other) if other.starts_with("application/") && other.ends_with("+json") => Ok(()),
        Some(other) => Err(ApiError::said(
            SaidKind::UnsupportedMediaType,
            Message::new("media-type-json-not").arg("other", other),
        )),
        None => Err(ApiError::said(
            SaidKind::UnsupportedMediaType,
            Message::new("media-type-json-missing"),
        )),
    }
}

/// An optional body: none (or only whitespace) is `T::default()`; anything else must be a `T`.
/// `null` is refused like any other wrong type, as the document describes the body as `T`.
pub fn parse_optional_json<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        parse_json(body)
    }
}

/// Deserialises JSON, naming the failing field as a JSON Pointer. A number with a zero
/// fraction (`1.0`, `1e2`) is an integer, as in JSON Schema, so integer members accept it.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let document =
        serde_json::Value::deserialize(&mut deserializer).map_err(|e| ApiError::Malformed {
            detail: Message::new("malformed-json").arg("error", &e).into(),
            errors: Vec::new(),
        })?;
    // Trailing data after the document is as malformed as a broken document.
    deserializer.end().map_err(|e| ApiError::Malformed {
        detail: Message::new("malformed-json").arg("error", &e).into(),
        errors: Vec::new(),
    })?;
    // Every body of the API is an object; serde would read an array as the members of a
    // struct in declaration order, here and at every depth (see `objects_only`).
    if document.is_array() {
        return Err(ApiError::Malformed {
            detail: Message::new("malformed-array").into(),
            errors: vec![FieldError::new(
                "/",
                Message::new("malformed-expected-object"),
            )],
        });
    }
    let document = whole_numbers_as_integers(document);
    serde_path_to_error::deserialize(objects_only::ObjectsOnly(document)).map_err(to_api_error)
}

fn whole_numbers_as_integers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(number) if number.is_f64() => {
            let float = number.as_f64().unwrap_or(f64::NAN);
            // Within ±2^53 every whole float is exact.
            if float.fract() == 0.0 && float.abs() <= 9_007_199_254_740_992.0 {
                Value::from(float as i64)
            } else {
                Value::Number(number)
            }
        }
        Value::Array(items) => {
            Value::Array(items.into_iter().map(whole_numbers_as_integers).collect())
        }
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(name, member)| (name, whole_numbers_as_integers(member)))
                .collect(),
        ),
        other => other,
    }
}

fn to_api_error(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    {
        let pointer = json_pointer(error.path());
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            ApiError::Malformed {
                detail: Message::new("malformed-json").arg("error", inner).into(),
                errors: Vec::new(),
            }
        } else {
            let detail = strip_position(&inner.to_string());
            ApiError::Malformed {
                detail: format!("{pointer}: {detail}").into(),
                errors: vec![FieldError::new(pointer, detail)],
            }
        }
    }
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        pointer.push('/');
        match segment {
            Segment::Seq { index } => pointer.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => pointer.push('?'),
        }
    }
    if pointer.is_empty() {
        "/".to_owned()
    } else {
        pointer
    }
}

/// serde_json appends "at line 1 column 37"; the pointer says where more usefully.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Query-string and path errors in the same shape as body errors. serde_urlencoded does not say
/// which parameter it failed on; a value outside a closed set is found again in the query
/// string so that the answer names its parameter (422), as every other field error does.
pub fn query_error(
    error: actix_web::error::QueryPayloadError,
    request: &HttpRequest,
) -> actix_web::Error {
    let detail = error.to_string();
    if let Some(invalid) = unknown_enum_value(&detail, request.query_string()) {
        return invalid.into();
    }
    ApiError::Malformed {
        detail: Message::new("malformed-query").arg("error", detail).into(),
        errors: Vec::new(),
    }
    .into()
}

/// serde's "unknown variant `x`, expected one of `a`, `b`" for the one parameter whose value
/// is `x`; `None` when the message is another or the value cannot be placed.
fn unknown_enum_value(detail: &str, query: &str) -> Option<ApiError> {
    let rest = detail.split("unknown variant `").nth(1)?;
    let (value, expected) = rest.split_once('`')?;
    let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let mut named = pairs
        .into_iter()
        .filter(|(_, given)| given == value)
        .map(|(name, _)| name);
    let name = named.next()?;
    if named.next().is_some() {
        return None;
    }
    Some(ApiError::invalid(
        name,
        Message::new("invalid-enum-value")
            .arg("raw", format!("{value:?}"))
            .arg("allowed", allowed.join(", ")),
    ))
}

pub fn path_error(error: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::said(
        SaidKind::NotFound,
        Message::new("not-found-path").arg("error", error),
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, Default, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        count: u32,
    }

    fn field_of(error: ApiError) -> String {
        match error {
            ApiError::Malformed { errors, .. } => errors[0].pointer.clone(),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_value_outside_a_closed_set_in_the_query_names_its_parameter() {
        let detail = "unknown variant `uid`, expected one of `code`, `CODE`";
        match unknown_enum_value(detail, "page=2&idScheme=uid") {
            Some(ApiError::Invalid(errors)) => assert_eq!(errors[0].pointer, "idScheme"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_value_given_to_two_parameters_is_not_guessed_at() {
        let detail = "unknown variant `x`, expected `a`";
        assert!(unknown_enum_value(detail, "one=x&two=x").is_none());
        assert!(unknown_enum_value("invalid digit found in string", "page=x").is_none());
    }

    #[test]
    fn an_optional_body_may_be_absent_but_not_null() {
        let absent: Option<u32> = parse_optional_json(b"  ").unwrap();
        assert_eq!(absent, None);
        assert!(parse_optional_json::<Item>(b"null").is_err());
    }

    #[test]
    fn a_wrong_type_deep_in_the_body_names_its_pointer() {
        let err = parse_json::<Body>(br#"{"name":"x","items":[{"count":1},{"count":"two"}]}"#);
        assert_eq!(field_of(err.unwrap_err()), "/items/1/count");
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let err = parse_json::<Body>(br#"{"name":"x","items":[],"colour":"red"}"#).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn a_whole_number_written_with_a_fraction_is_an_integer() {
        let body = parse_json::<Body>(br#"{"name":"x","items":[{"count":3.0},{"count":1e1}]}"#);
        let counts: Vec<u32> = body.unwrap().items.iter().map(|i| i.count).collect();
        assert_eq!(counts, [3, 10]);
        let fraction = parse_json::<Body>(br#"{"name":"x","items":[{"count":1.5}]}"#);
        assert_eq!(field_of(fraction.unwrap_err()), "/items/0/count");
    }

    #[test]
    fn an_array_is_not_read_as_the_members_of_an_object() {
        let err = parse_json::<Body>(br#"["x", []]"#).unwrap_err();
        assert_eq!(field_of(err), "/");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        inner: Option<Item>,
        list: Option<Vec<Item>>,
    }

    #[test]
    fn an_array_where_a_nested_object_belongs_is_refused_by_name() {
        let err = parse_json::<Outer>(br#"{"inner": [3]}"#).unwrap_err();
        assert_eq!(field_of(err), "/inner");
        let err = parse_json::<Outer>(br#"{"list": [{"count": 1}, [2]]}"#).unwrap_err();
        assert_eq!(field_of(err), "/list/1");
        let fine = parse_json::<Outer>(br#"{"inner": {"count": 2.0}, "list": []}"#).unwrap();
        assert_eq!(fine.inner.unwrap().count, 2);
    }

    #[test]
    fn broken_json_is_malformed_without_a_field() {
        let err = parse_json::<Body>(br#"{"name": "#).unwrap_err();
        assert!(matches!(err, ApiError::Malformed { ref errors, .. } if errors.is_empty()));
    }
}
