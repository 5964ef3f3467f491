use actix_web::{HttpRequest, HttpResponse, patch, web};
use chitieu_schema::accounts::users::{self, User, UserChanges};
use chitieu_schema::accounts::{Password, Role, Username, verify_password};
use chitieu_schema::db::Db;
use chitieu_schema::domain::{Name, OrgUnitCode};

use super::access::{ensure_visible, missing, resolve_unit};
use super::types::{UpdateUserRequest, UserResponse};
use crate::auth::{Caller, origin_of};
use crate::error::ApiError;
use crate::etag::{IfMatch, with_etag};
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Change an account: display name, role, home unit, disabled flag or password.
///
/// Managers (administrators; officers for accounts homed in their subtree with a role not above
/// their own) change any field, within the same limits. Anyone may change their own display
/// name and password (with `currentPassword`). Nobody sets the password of an account with the
/// same or a higher role at their own unit, or above it; a password set by someone else must
/// be changed by its owner at the next sign-in. A new password, disabling, or a new role or
/// home unit ends every token issued before.
#[utoipa::path(
    tag = "Accounts",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(
        ("username" = String, Path, description = "The sign-in name", example = "lan.nguyen"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited"),
    ),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "The changed account", body = UserResponse,
            headers(("ETag" = String))),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to make this change",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in the caller's reach",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/users/{username}")]
pub async fn update_user(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<String>,
    if_match: IfMatch,
    JsonBody(body): JsonBody<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let raw = path.into_inner();
    let username = Username::parse(&raw).map_err(|_| missing(&raw))?;
    let mut errors = FieldErrors::new();
    let display_name = body
        .display_name
        .as_deref()
        .and_then(|n| errors.check("/displayName", Name::parse(n)));
    let password = body
        .password
        .as_deref()
        .and_then(|p| errors.check("/password", Password::parse(p)));
    let unit_code = body
        .home_unit_code
        .as_deref()
        .and_then(|c| errors.check("/homeUnitCode", OrgUnitCode::parse(c)));
    errors.finish(|| Some(()))?;
    let request = Request {
        display_name,
        role: body.role.map(Role::from),
        unit_code,
        disabled: body.disabled,
        password,
        current_password: body.current_password,
    };
    let origin = origin_of(&req);
    let user = state
        .db(move |conn| {
            let target = users::find(conn, &username)?.ok_or_else(|| missing(&raw))?;
            ensure_visible(&caller, &target)?;
            let changes = authorise(conn, &caller, &target, request)?;
            let expected = if_match.expected().unwrap_or(target.version);
            Ok::<_, ApiError>(users::update(conn, &username, expected, changes, &origin)?)
        })
        .await?;
    let mut response = HttpResponse::Ok();
    with_etag(&mut response, user.version);
    Ok(response.json(UserResponse::from(user)))
}

/// The parsed request, before the policy is applied.
struct Request {
    display_name: Option<Name>,
    role: Option<Role>,
    unit_code: Option<OrgUnitCode>,
    disabled: Option<bool>,
    password: Option<Password>,
    current_password: Option<String>,
}

/// Checks the change against the caller's rights and turns it into stored changes.
fn authorise(
    conn: &mut Db,
    caller: &Caller,
    target: &User,
    request: Request,
) -> Result<UserChanges, ApiError> {
    let own = caller.username() == Some(&target.username);
    let manages_access =
        request.role.is_some() || request.unit_code.is_some() || request.disabled.is_some();
    if own && manages_access {
        // Guards against locking oneself out and against raising one's own rights.
        return Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-change-own-account"),
        ));
    }
    if own && request.password.is_some() {
        let current = request.current_password.as_deref().ok_or_else(|| {
            ApiError::invalid(
                "/currentPassword",
                chitieu_schema::messages::Message::new("account-current-password-needed"),
            )
        })?;
        let (_, hash) = users::find_with_password(conn, &target.username)?
            .ok_or_else(|| missing(target.username.as_str()))?;
        if !verify_password(current, &hash) {
            return Err(ApiError::invalid(
                "/currentPassword",
                chitieu_schema::messages::Message::new("account-not-your-password"),
            ));
        }
    }
    if !own {
        // The account as it is must be within the caller's reach ...
        caller.ensure_may_grant(target.role, target.home_unit.as_ref())?;
        if request.password.is_some() {
            ensure_may_reset(caller, target)?;
        }
    }
    let home_unit = match &request.unit_code {
        Some(code) => Some(resolve_unit(conn, caller, code)?),
        None => None,
    };
    if !own {
        // ... and so must the account as it will be.
        let role = request.role.unwrap_or(target.role);
        let unit = home_unit.as_ref().or(target.home_unit.as_ref());
        caller.ensure_may_grant(role, unit)?;
    }
    Ok(UserChanges {
        display_name: request.display_name,
        role: request.role,
        home_unit,
        disabled: request.disabled,
        password_hash: request.password.map(|p| p.hash()).transpose()?,
        password_by_owner: own,
    })
}

/// Who may set someone else's password: nobody for an account of the same or a higher role at
/// the same unit (two administrators without a unit included), nor above their own unit; so a
/// peer cannot take over a peer's account to act as two people. The owner must change a
/// password set this way at the next sign-in, and the reset is in the access log.
fn ensure_may_reset(caller: &Caller, target: &User) -> Result<(), ApiError> {
    let same_unit = caller.home_unit().map(|u| u.id) == target.home_unit.as_ref().map(|u| u.id);
    if same_unit && target.role.rank() >= caller.role().rank() {
        return Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-password-of-peer")
                .arg("username", &target.username),
        ));
    }
    let below_or_at_own = match (caller.home_unit(), &target.home_unit) {
        (None, _) => caller.is_admin(),
        (Some(own), Some(theirs)) => theirs.path.starts_with(&own.path),
        (Some(_), None) => false,
    };
    if !below_or_at_own {
        return Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-password-outside-unit")
                .arg("username", &target.username),
        ));
    }
    Ok(())
}
