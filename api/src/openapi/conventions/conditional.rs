//! Conditional reads (see `crate::conditional`): an operation that declares a 304 gets the one
//! shared `NotModified` response and the `If-None-Match` parameter of [`if_none_match`], so
//! that every conditional read says the same thing in the same words. (The parameter is
//! written into each operation: the document is read back into utoipa's model, whose
//! parameters cannot be references.)

use serde_json::{Map, Value, json};

/// The shared response in `components/responses`.
pub const NOT_MODIFIED: &str = "NotModified";

pub(super) fn add_components(document: &mut Value) {
    document["components"]["responses"][NOT_MODIFIED] = json!({
        "description": "The copy the client holds is current: the ETag sent in `If-None-Match` \
            is the answer's tag. No body; the client uses its copy. Answered without computing \
            the answer (for computed reads and lists, the tag is the database's data version and \
            a digest of the query, caller's scope and language; for a report, its version).",
        "headers": {
            "ETag": {
                "description": "The current tag, the one sent",
                "required": true,
                "schema": { "type": "string" }
            },
            "Cache-Control": {
                "description": "`private, no-cache`: only the caller's own cache keeps the \
                    answer, and revalidates it every time",
                "required": true,
                "schema": { "type": "string" }
            }
        }
    });
}

/// The header a conditional read takes.
fn if_none_match() -> Value {
    json!({
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "The `ETag` of the copy held (a list, `W/` tags and `*` are understood): \
            answered 304 with no body while it is current.",
        "schema": { "type": "string" },
        "example": "\"1742-5c0d1e8a9b3f2a71\""
    })
}

/// A declared 304 becomes the shared response, and the operation takes `If-None-Match`.
pub(super) fn apply_to_operation(operation: &mut Map<String, Value>) {
    let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    if !responses.contains_key("304") {
        return;
    }
    responses.insert(
        "304".into(),
        json!({ "$ref": format!("#/components/responses/{NOT_MODIFIED}") }),
    );
    let parameters = operation
        .entry("parameters")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .expect("parameters is an array");
    parameters.retain(|parameter| {
        !(parameter["in"] == "header"
            && parameter["name"]
                .as_str()
                .is_some_and(|name| name.eq_ignore_ascii_case("if-none-match")))
    });
    parameters.push(if_none_match());
}
