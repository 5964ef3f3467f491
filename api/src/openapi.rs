//! The OpenAPI document, gathered from the registered routes.

use actix_web::App;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "chitieu",
        description = "Resolution 57 indicator reporting for Vietnamese provinces and communes: \
            the organisation tree, the indicator catalog, plans, reports, progress and the sync \
            to the national monitoring system.\n\nConventions: JSON in camelCase; official codes \
            in URLs; `?page=&pageSize=` pagination with totals; every error is \
            `application/problem+json` (RFC 9457) naming the invalid fields as JSON Pointers; \
            changes need `If-Match` with the resource's `ETag`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "Organisation units", description = "The tree: national → province → commune → unit"),
        (name = "Catalogs", description = "Indicator catalogs, their sections and indicators"),
        (name = "Operations", description = "Health checks"),
    ),
    components(schemas(crate::problem::Problem, crate::problem::FieldError))
)]
pub(crate) struct ApiDoc;

/// The document's info, tags and shared schemas, before the routes add their paths.
pub(crate) fn document_base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The complete document, as served at `/api-docs/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, document) = App::new()
        .into_utoipa_app()
        .openapi(document_base())
        .configure(crate::routes::configure)
        .split_for_parts();
    document
}

/// The document as committed in `openapi/openapi.json`: pretty JSON with a final newline.
pub fn document_json() -> String {
    let mut json = document()
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    json.push('\n');
    json
}
