//! The conventions every operation follows, applied to the generated document so that routes
//! only declare what is particular to them:
//!
//! - **Security**: one global requirement (`bearerAuth` or `apiKey`); the public operations
//!   ([`is_public`]) say `security: []`.
//! - **Error responses**: the statuses of [`VOCABULARY`] live once in `components/responses`,
//!   each referencing the one `Problem` schema; an operation lists the ones it can answer
//!   (those it declares, plus the ones every operation of its kind can answer, see
//!   [`statuses_every_operation_of_its_kind_answers`]). What a route said about one of its
//!   errors moves into its description, under "Errors".
//! - **Conditional reads**: a declared 304 is the shared `NotModified` response, and the
//!   operation takes the shared `If-None-Match` parameter (see [`conditional`]).
//! - **Pagination**: `page` is 1..2147483647 and `pageSize` 1..500 wherever they appear.
//! - **Optional bodies**: a body the operation may go without is its schema with
//!   `required: false`, not a `oneOf` with `null` (what utoipa writes for `Option<T>`): a
//!   generated client then leaves the body out when none is given, rather than sending its
//!   "unset" marker.
//! - **Files**: a response of bytes (`body = Vec<u8>`) in a media type that is neither JSON
//!   nor text is `type: string, format: binary`, which clients download as a file, rather
//!   than the array of integers utoipa writes for `Vec<u8>`.

use serde_json::{Map, Value, json};

pub mod conditional;
pub mod dhis2;

/// The error statuses of the API: the status, the name of its entry in
/// `components/responses`, and what it means. Every error an operation documents is one of
/// these (see the test in `openapi/tests/contract.rs`).
pub const VOCABULARY: &[(u16, &str, &str)] = &[
    (
        400,
        "BadRequest",
        "The request cannot be read: not JSON, a member of the wrong type or unknown, a query \
         parameter that cannot be parsed, or a body sent to an operation that takes none",
    ),
    (
        401,
        "Unauthorized",
        "Credentials are missing, invalid, expired or revoked, or two different credentials \
         were sent",
    ),
    (
        403,
        "Forbidden",
        "The caller's role or subtree does not allow this",
    ),
    (
        404,
        "NotFound",
        "Nothing at this address that the caller may read",
    ),
    (
        405,
        "MethodNotAllowed",
        "The path exists, but not with this method; `Allow` lists its methods",
    ),
    (409, "Conflict", "The change conflicts with stored data"),
    (
        412,
        "PreconditionFailed",
        "The resource changed since the ETag in `If-Match` was read",
    ),
    (413, "PayloadTooLarge", "The request body is over its limit"),
    (
        415,
        "UnsupportedMediaType",
        "The body's `Content-Type` is not one this operation reads",
    ),
    (
        422,
        "UnprocessableContent",
        "The request is well-formed but a value is invalid; `errors` names each one",
    ),
    (
        428,
        "PreconditionRequired",
        "This change needs `If-Match` with the ETag of the version edited",
    ),
    (
        429,
        "TooManyRequests",
        "Too many attempts; `Retry-After` says when to try again",
    ),
    (
        500,
        "InternalServerError",
        "An unexpected error; the `requestId` finds it in the server's log",
    ),
    (
        503,
        "ServiceUnavailable",
        "The database is not available right now; `Retry-After` says when to try again",
    ),
];

/// The operations anyone may call without credentials.
pub fn is_public(method: &str, path: &str) -> bool {
    path.starts_with("/health/") || (method == "post" && path == "/api/v1/auth/token")
}

/// DHIS2's own paths (`/api/dataValueSets`, `/api/{version}/dataValueSets`): they declare the
/// credentials DHIS2 clients send and answer errors as DHIS2 does (see [`dhis2`]).
pub fn is_dhis2_surface(path: &str) -> bool {
    path.starts_with("/api/") && !path.starts_with("/api/v1/")
}

pub const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub fn apply(document: &mut Value) {
    document["security"] =
        json!([{ crate::auth::BEARER_SCHEME: [] }, { crate::auth::API_KEY_SCHEME: [] }]);
    document["components"]["responses"] = shared_responses();
    dhis2::add_components(document);
    conditional::add_components(document);
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        for method in HTTP_METHODS {
            if let Some(operation) = item.get_mut(method) {
                apply_to_operation(method, path, operation);
            }
        }
    }
}

fn apply_to_operation(method: &str, path: &str, operation: &mut Value) {
    if is_dhis2_surface(path) {
        dhis2::apply_to_operation(path, operation);
        return;
    }
    let public = is_public(method, path);
    let operation = operation
        .as_object_mut()
        .expect("an operation is an object");
    if public {
        operation.insert("security".into(), json!([]));
    } else {
        operation.remove("security");
    }
    bound_pagination(operation);
    optional_body_without_null(operation);
    if let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    {
        responses.values_mut().for_each(bytes_as_binary);
    }
    let mut errors_described = Vec::new();
    let responses = operation
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    for (status, name, _) in VOCABULARY {
        let key = status.to_string();
        if let Some(declared) = responses.get(&key) {
            if !is_problem(declared) {
                continue;
            }
            if let Some(text) = declared["description"].as_str() {
                errors_described.push(format!("- {status}: {text}"));
            }
            responses.insert(key, reference(name));
        }
    }
    let takes_body = operation.contains_key("requestBody");
    let has_parameters = operation
        .get("parameters")
        .and_then(Value::as_array)
        .is_some_and(|p| !p.is_empty());
    let kind = OperationKind {
        public,
        takes_body,
        has_parameters,
        has_path_parameters: path.contains('{'),
        uses_database: path != "/health/live",
    };
    let responses = operation["responses"].as_object_mut().expect("responses");
    for status in statuses_every_operation_of_its_kind_answers(&kind) {
        let key = status.to_string();
        if !responses.contains_key(&key) {
            responses.insert(key, reference(name_of(status)));
        }
    }
    sort_responses(responses);
    if !errors_described.is_empty() {
        let description = operation
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let joined = errors_described.join("\n");
        let text = if description.is_empty() {
            format!("Errors:\n{joined}")
        } else {
            format!("{description}\n\nErrors:\n{joined}")
        };
        operation.insert("description".into(), Value::String(text));
    }
    // Last: the header parameter it adds makes no operation answer 422.
    conditional::apply_to_operation(operation);
}

/// What decides the errors an operation can answer without declaring them itself.
pub struct OperationKind {
    pub public: bool,
    pub takes_body: bool,
    pub has_parameters: bool,
    pub has_path_parameters: bool,
    pub uses_database: bool,
}

/// 400 everywhere (a body sent where none is read, a query that cannot be parsed); 401 and 403
/// behind credentials; 404 where the path names something; 422 where a parameter or body can
/// be invalid; 413 and 415 where a body is read; 500 everywhere; 503 where the database is
/// read.
pub fn statuses_every_operation_of_its_kind_answers(kind: &OperationKind) -> Vec<u16> {
    let mut statuses = vec![400];
    if !kind.public {
        statuses.extend([401, 403]);
    }
    if kind.has_path_parameters {
        statuses.push(404);
    }
    if kind.takes_body {
        statuses.extend([413, 415]);
    }
    if kind.takes_body || kind.has_parameters {
        statuses.push(422);
    }
    statuses.push(500);
    if kind.uses_database {
        statuses.push(503);
    }
    statuses
}

fn name_of(status: u16) -> &'static str {
    VOCABULARY
        .iter()
        .find(|(s, _, _)| *s == status)
        .map(|(_, name, _)| *name)
        .expect("the status is in the vocabulary")
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/responses/{name}") })
}

fn is_problem(response: &Value) -> bool {
    response.get("$ref").is_some()
        || response["content"]
            .as_object()
            .is_some_and(|c| c.contains_key("application/problem+json"))
}

fn sort_responses(responses: &mut Map<String, Value>) {
    let mut entries: Vec<(String, Value)> = std::mem::take(responses).into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    responses.extend(entries);
}

fn shared_responses() -> Value {
    let mut responses = Map::new();
    for (status, name, description) in VOCABULARY {
        let mut response = json!({
            "description": description,
            "content": {
                "application/problem+json": {
                    "schema": { "$ref": "#/components/schemas/Problem" },
                    "example": example(*status, description),
                }
            }
        });
        let header = match status {
            401 => Some((
                "WWW-Authenticate",
                "The scheme to use: `Bearer realm=\"chitieu\"`",
            )),
            405 => Some(("Allow", "The methods the path has, e.g. `GET, PATCH`")),
            429 | 503 => Some(("Retry-After", "Seconds to wait before trying again")),
            _ => None,
        };
        if let Some((header, text)) = header {
            response["headers"] = json!({
                header: { "description": text, "required": true, "schema": { "type": "string" } }
            });
        }
        responses.insert((*name).to_owned(), response);
    }
    Value::Object(responses)
}

/// The `type` and `title` the server answers with (`ApiError::kind`).
fn example(status: u16, description: &str) -> Value {
    let (slug, title) = match status {
        400 => ("malformed-request", "The request is malformed"),
        401 => ("unauthorized", "Authentication is required"),
        403 => ("forbidden", "Not allowed"),
        404 => ("not-found", "Not found"),
        405 => ("method-not-allowed", "Method not allowed"),
        409 => ("conflict", "The change conflicts with stored data"),
        412 => (
            "precondition-failed",
            "The resource changed since you read it",
        ),
        413 => ("payload-too-large", "The request is too large"),
        415 => (
            "unsupported-media-type",
            "The content type is not supported",
        ),
        422 => ("invalid-field", "A field is invalid"),
        428 => ("precondition-required", "If-Match is required"),
        429 => ("too-many-requests", "Too many requests"),
        503 => ("unavailable", "Service unavailable"),
        _ => ("internal", "Internal server error"),
    };
    let mut example = json!({
        "type": format!("urn:chitieu:problem:{slug}"),
        "title": title,
        "status": status,
        "detail": description,
    });
    if status == 422 {
        example["detail"] = json!("period: unknown period \"2026Q5\"");
        example["errors"] = json!([{ "pointer": "period", "detail": "unknown period \"2026Q5\"" }]);
    }
    example
}

/// `page` and `pageSize` have the same bounds on every list.
fn optional_body_without_null(operation: &mut Map<String, Value>) {
    let Some(body) = operation.get_mut("requestBody") else {
        return;
    };
    if body["required"].as_bool() == Some(true) {
        return;
    }
    body["required"] = Value::Bool(false);
    let Some(contents) = body["content"].as_object_mut() else {
        return;
    };
    for content in contents.values_mut() {
        let Some(variants) = content["schema"]["oneOf"].as_array() else {
            continue;
        };
        let not_null: Vec<&Value> = variants
            .iter()
            .filter(|variant| variant["type"] != "null")
            .collect();
        if let [only] = not_null[..] {
            content["schema"] = only.clone();
        }
    }
}

fn bound_pagination(operation: &mut Map<String, Value>) {
    let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for parameter in parameters {
        if parameter["in"] != "query" {
            continue;
        }
        let (minimum, maximum) = match parameter["name"].as_str() {
            Some("page") => (1, i64::from(i32::MAX)),
            Some("pageSize") => (1, 500),
            _ => continue,
        };
        let schema = &mut parameter["schema"];
        schema["minimum"] = json!(minimum);
        schema["maximum"] = json!(maximum);
    }
}

fn bytes_as_binary(response: &mut Value) {
    let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
        return;
    };
    for (media_type, body) in content.iter_mut() {
        let textual = media_type.contains("json") || media_type.starts_with("text/");
        let schema = &mut body["schema"];
        if !textual && schema["type"] == "array" && schema["items"]["type"] == "integer" {
            *schema = json!({ "type": "string", "format": "binary" });
        }
    }
}
