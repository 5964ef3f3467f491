//! The conventions of DHIS2's own surface (`/api/dataValueSets`, `/api/{version}/dataValueSets`),
//! which answers as DHIS2 does rather than as `/api/v1`:
//!
//! - **Security**: the operation's own requirement (Basic, `ApiToken`, and our two), kept.
//! - **Errors**: DHIS2's `WebMessage` with status `ERROR` (`application/json`), except errors
//!   raised before the request reaches the import (an unreadable query, a body too large or of
//!   a type not read), which are our `Problem`; both are in the one `Dhis2Error` response.
//! - **Versions before 38** answer DHIS2's bare `ImportSummary` instead of the `WebMessage`.

use serde_json::{Value, json};

/// The name of the shared error response of DHIS2's surface in `components/responses`.
pub const ERROR_RESPONSE: &str = "Dhis2Error";

/// The error statuses DHIS2's surface can answer besides 409 (an import that failed, declared
/// by the route with its `WebMessage`).
pub fn error_statuses(path: &str) -> Vec<u16> {
    let mut statuses = vec![400, 401, 403, 413, 415, 422, 429, 500, 503];
    if path.contains('{') {
        statuses.push(404);
    }
    statuses.sort_unstable();
    statuses
}

pub(super) fn add_components(document: &mut Value) {
    document["components"]["responses"][ERROR_RESPONSE] = json!({
        "description": "An error as DHIS2 answers it: a `WebMessage` with status `ERROR` and \
            the reason in `message`, also for errors raised before the request reaches the \
            import or export (a query that cannot be read, a body over its limit or of a type \
            not read, missing credentials). A 401 carries `WWW-Authenticate` offering Basic; a \
            429 or 503 carries `Retry-After`.",
        "content": {
            "application/json": {
                "schema": { "$ref": "#/components/schemas/Dhis2ErrorMessage" },
                "example": {
                    "httpStatus": "Unauthorized", "httpStatusCode": 401, "status": "ERROR",
                    "message": "the username or password is wrong"
                }
            }
        }
    });
    document["components"]["schemas"]["Dhis2ErrorMessage"] = json!({
        "type": "object",
        "description": "DHIS2's `WebMessage` of an error (dhis2-core `WebMessageUtils`)",
        "required": ["httpStatus", "httpStatusCode", "status", "message"],
        "properties": {
            "httpStatus": { "type": "string", "description": "The reason phrase: `Forbidden`" },
            "httpStatusCode": { "type": "integer", "format": "int32", "minimum": 400, "maximum": 599 },
            "status": { "type": "string", "enum": ["ERROR"] },
            "message": { "type": "string" }
        }
    });
}

pub(super) fn apply_to_operation(path: &str, operation: &mut Value) {
    let imports = operation.get("requestBody").is_some();
    let responses = &mut operation["responses"];
    for status in error_statuses(path) {
        responses[status.to_string()] =
            json!({ "$ref": format!("#/components/responses/{ERROR_RESPONSE}") });
    }
    // Only the import (which has a body) answers the bare summary below version 38.
    if path.contains("{version}") && imports {
        for status in ["200", "409"] {
            if let Some(json) = responses[status]["content"].get_mut("application/json") {
                json["schema"] = json!({ "oneOf": [
                    { "$ref": "#/components/schemas/WebMessage" },
                    { "$ref": "#/components/schemas/ImportSummary" }
                ]});
            }
        }
    }
    if let Some(responses) = responses.as_object_mut() {
        super::sort_responses(responses);
    }
}
