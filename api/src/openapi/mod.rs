//! The OpenAPI document, gathered from the registered routes, then brought to the API's
//! conventions in one pass ([`conventions`], [`schemas`], [`operation_ids`]) so a route added
//! later gets them without repeating them.

mod codes;
pub mod conventions;
pub mod enum_values;
mod languages;
pub mod operation_ids;
pub mod routes;
mod schemas;

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
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
            changes need `If-Match` with the resource's `ETag`.\n\nLanguages: texts for people \
            (problem titles and details, field errors, import diagnostics, explanations) are \
            Vietnamese when `Accept-Language` asks for `vi`, English otherwise; the progress \
            files take `lang=vi|en` (Vietnamese by default).\n\nAuthentication: everything under \
            `/api/v1` needs `Authorization: Bearer <token>` (from `POST /api/v1/auth/token`) or \
            `X-API-Key`; a caller sees only the subtree of its home unit.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
        contact(name = "chitieu maintainers"),
    ),
    servers((url = "/", description = "The server that serves this document")),
    tags(
        (name = "Organisation units", description = "The tree: national → province → commune → unit"),
        (name = "Catalogs", description = "Indicator catalogs, their sections and indicators"),
        (name = "Plans", description = "Plans: their indicators, targets per milestone year and the units that report them"),
        (name = "Operations", description = "Health checks"),
        (name = "Authentication", description = "Access tokens and who the caller is"),
        (name = "Accounts", description = "Users and the access log"),
        (name = "API keys", description = "Keys for other systems"),
        (name = "Reports", description = "Reports of a unit per plan and period: values, narrative, submission and approval up the tree"),
        (name = "Audit", description = "The tamper-evident trail of report changes"),
        (name = "Progress", description = "Progress against target: roll-ups over the tree for any period, status and trajectory, completeness and exports"),
        (name = "Sync", description = "Delivery of approved reports to upstream monitoring systems (theodoinq, DHIS2): runs, status per target, dead letters and the deadline watch"),
        (name = "Data exchange", description = "Bulk import in DHIS2's dataValueSets shape (JSON, CSV or ADX, idScheme=code) answered with DHIS2's WebMessage and import summary"),
        (name = "Validation rules", description = "Rules between a report's values in DHIS2's notation (left side, operator, right side, importance), built-in rules from the catalog, and their verdicts on a report and a subtree; submission enforces them"),
        (name = "Outliers", description = "Values that stand out against the unit's own history and against its siblings, scored with DHIS2's outlier detection methods (modified z-score, z-score, min-max), for reviewers before approving"),
        (name = "Events", description = "The event feed: report submissions, returns, approvals and reopenings, deadlines, sync entries needing a person and plan imports in order, with a cursor, for systems that cannot receive webhooks"),
        (name = "Webhooks", description = "Subscriptions to the events of a subtree, delivered as signed POSTs following the Standard Webhooks specification, retried with backoff through the sync outbox"),
        (name = "DHIS2 compatibility", description = "DHIS2's own paths (/api/dataValueSets, /api/{version}/dataValueSets) with its logins (Basic, ApiToken) and answers; see docs/DHIS2.md"),
    ),
    modifiers(&SecuritySchemes),
    // Enums that only query parameters use: utoipa collects the schemas of bodies, not of
    // parameters.
    components(schemas(
        crate::problem::Problem,
        crate::problem::FieldError,
        chitieu_schema::dhis2::ImportStrategyName,
        chitieu_schema::dhis2::AtomicModeName,
        chitieu_schema::dhis2::IdSchemeName,
        crate::routes::dhis2::DataExportFormat
    ))
)]
pub(crate) struct ApiDoc;

/// The two ways to authenticate, so Swagger UI's "Authorize" offers both.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            crate::auth::BEARER_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A token from POST /api/v1/auth/token (HS256, valid for \
                         CHITIEU_TOKEN_TTL_SECONDS, 900 s by default)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            crate::auth::API_KEY_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "An API key from POST /api/v1/api-keys: ctk_<prefix>_<secret>",
            ))),
        );
        // DHIS2's surface only (`/api/dataValueSets`): what DHIS2 clients send.
        components.add_security_scheme(
            crate::auth::BASIC_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Basic)
                    .description(Some(
                        "A user's password, on DHIS2's paths only; throttled like sign-in",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            crate::auth::API_TOKEN_SCHEME,
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Authorization",
                "DHIS2's `Authorization: ApiToken <key>` with an API key, on DHIS2's paths only",
            ))),
        );
    }
}

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
    finish(document)
}

/// Applies the conventions to the document the routes produced: global security, the shared
/// error responses, pinned operation ids, named schema variants.
pub(crate) fn finish(document: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut json = serde_json::to_value(&document).expect("the OpenAPI document serialises");
    conventions::apply(&mut json);
    schemas::apply(&mut json);
    enum_values::apply(&mut json);
    codes::apply(&mut json);
    languages::apply(&mut json);
    operation_ids::apply(&mut json);
    serde_json::from_value(json).expect("the finished OpenAPI document reads back")
}

/// The document as committed in `openapi/openapi.json`: pretty JSON with a final newline.
pub fn document_json() -> String {
    let mut json = document()
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    json.push('\n');
    json
}
