//! Error responses shared by many operations, documented once for the OpenAPI document.

use std::collections::BTreeMap;

use serde_json::json;
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, PartialSchema};

use crate::problem::Problem;

fn problem_response(description: &str, example: serde_json::Value) -> RefOr<Response> {
    let content = ContentBuilder::new()
        .schema(Some(Problem::schema()))
        .example(Some(example))
        .build();
    ResponseBuilder::new()
        .description(description)
        .content("application/problem+json", content)
        .build()
        .into()
}

/// 412 and 428: a change made against a stale ETag, or without `If-Match`.
pub struct EditPreconditions;

impl IntoResponses for EditPreconditions {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([
            (
                "412".to_owned(),
                problem_response(
                    "The resource changed since the ETag in If-Match was read",
                    json!({
                        "type": "urn:chitieu:problem:precondition-failed",
                        "title": "The resource changed since you read it", "status": 412,
                        "detail": "the resource is now at version 4: read it again and reapply your change"
                    }),
                ),
            ),
            (
                "428".to_owned(),
                problem_response(
                    "If-Match is missing",
                    json!({
                        "type": "urn:chitieu:problem:precondition-required",
                        "title": "If-Match is required", "status": 428,
                        "detail": "this change needs an If-Match header with the ETag of the version you edited"
                    }),
                ),
            ),
        ])
    }
}
