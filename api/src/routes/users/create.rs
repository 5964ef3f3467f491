use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::accounts::users::{self, NewUser};
use chitieu_schema::accounts::{Password, Role, Username};
use chitieu_schema::domain::{Name, OrgUnitCode};

use super::access::resolve_unit;
use super::types::{CreateUserRequest, UserResponse};
use crate::auth::{Caller, origin_of};
use crate::error::ApiError;
use crate::etag::with_etag;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Create an account.
///
/// Administrators create any account. Province and commune officers create accounts homed in
/// their subtree with a role not above their own; others may not create accounts.
#[utoipa::path(
    tag = "Accounts",
    security(("bearerAuth" = []), ("apiKey" = [])),
    request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created", body = UserResponse,
            headers(("ETag" = String), ("Location" = String))),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Outside the caller's subtree or above the caller's role",
            body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:chitieu:problem:forbidden", "title": "Not allowed",
                "status": 403, "detail": "the unit 02 is outside your part of the organisation tree"})),
        (status = 409, description = "The username is taken", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/users")]
pub async fn create_user(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = FieldErrors::new();
    let username = errors.check("/username", Username::parse(&body.username));
    let display_name = errors.check("/displayName", Name::parse(&body.display_name));
    let password = errors.check("/password", Password::parse(&body.password));
    let unit_code = match &body.home_unit_code {
        Some(code) => errors.check("/homeUnitCode", OrgUnitCode::parse(code)),
        None => None,
    };
    let role = Role::from(body.role);
    if role.needs_home_unit() && body.home_unit_code.is_none() {
        errors.add(
            "/homeUnitCode",
            "every role except administrator needs a home unit",
        );
    }
    let (username, display_name, password) =
        errors.finish(|| Some((username?, display_name?, password?)))?;
    let origin = origin_of(&req);
    let user = state
        .db(move |conn| {
            let home_unit = match &unit_code {
                Some(code) => Some(resolve_unit(conn, &caller, code)?),
                None => None,
            };
            caller.ensure_may_grant(role, home_unit.as_ref())?;
            let new = NewUser {
                username,
                display_name,
                password_hash: password.hash()?,
                role,
                home_unit,
                // Chosen by the creator: the owner replaces it at the first sign-in.
                password_must_change: true,
            };
            Ok::<_, ApiError>(users::create(conn, new, &origin)?)
        })
        .await?;
    let mut response = HttpResponse::Created();
    with_etag(&mut response, user.version);
    response.insert_header((header::LOCATION, format!("/api/v1/users/{}", user.username)));
    Ok(response.json(UserResponse::from(user)))
}
