//! HTTP semantics the document promises for every path, enforced once in front of all routes:
//! a method a documented path does not have is answered 405 with `Allow`, and a body sent to
//! an operation that reads none is refused with 400 rather than silently ignored.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};

use crate::error::ApiError;
use crate::openapi::routes::{Lookup, RouteTable};

pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    let refusal = match req.app_data::<web::Data<RouteTable>>() {
        Some(routes) => match routes.lookup(req.method().as_str(), req.path()) {
            Lookup::NotAllowed { allow } => Some(ApiError::MethodNotAllowed {
                method: req.method().to_string(),
                allow,
            }),
            Lookup::Allowed { takes_body: false } if carries_body(&req) => {
                Some(ApiError::Malformed {
                    detail: chitieu_schema::messages::Message::new("malformed-body-not-taken")
                        .arg("method", req.method())
                        .arg("path", req.path())
                        .into(),
                    errors: Vec::new(),
                })
            }
            _ => None,
        },
        None => None,
    };
    match refusal {
        Some(error) => Ok(req
            .into_response(error.error_response())
            .map_into_right_body()),
        None => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
    }
}

/// A body is on its way when its length is announced above zero or it comes in chunks.
fn carries_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|length| length > 0);
    announced || headers.contains_key(header::TRANSFER_ENCODING)
}
