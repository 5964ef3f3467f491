use actix_web::HttpMessage;
use actix_web::ResponseError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use super::Caller;
use crate::conditional::SeenDataVersion;
use crate::error::ApiError;

/// Wraps `/api/v1`: no route under it is served without valid credentials, even one that
/// forgets to take a [`Caller`]. The caller found is kept in the request for the extractor,
/// so it is read from the database once per request; so is the data version it was checked
/// under, for the conditional reads (see `conditional`), which then need no trip of their own.
pub async fn require_credentials(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    match Caller::authenticate_stamped(req.request()).await {
        Ok((caller, _))
            if caller.must_change_password() && !changes_own_password(&req, &caller) =>
        {
            let error = ApiError::said(
                crate::error::SaidKind::Forbidden,
                chitieu_schema::messages::Message::new("access-password-set-by-other-sign-in")
                    .arg("username", caller.subject()),
            );
            Ok(req
                .into_response(error.error_response())
                .map_into_right_body())
        }
        Ok((caller, stamp)) => {
            {
                let mut extensions = req.extensions_mut();
                extensions.insert(caller);
                extensions.insert(SeenDataVersion(stamp.data));
            }
            next.call(req)
                .await
                .map(ServiceResponse::map_into_left_body)
        }
        Err(error) => Ok(req
            .into_response(error.error_response())
            .map_into_right_body()),
    }
}

/// What an account whose password must be changed may still do: see who it is, and change it.
fn changes_own_password(req: &ServiceRequest, caller: &Caller) -> bool {
    let own = format!("/api/v1/users/{}", caller.subject());
    match *req.method() {
        actix_web::http::Method::GET => req.path() == "/api/v1/auth/me",
        actix_web::http::Method::PATCH => req.path() == own,
        _ => false,
    }
}
