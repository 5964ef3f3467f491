use actix_web::HttpRequest;
use chitieu_schema::accounts::Origin;

use crate::request_id;

/// The client address and request id of `req`, for the access log.
///
/// The address is the TCP peer: `X-Forwarded-For` is not trusted, since any client could set
/// it to escape the per-address sign-in limit. Behind a proxy all clients share its address,
/// which makes the limit stricter, never weaker.
pub fn origin_of(req: &HttpRequest) -> Origin {
    Origin {
        client_ip: req.peer_addr().map(|a| a.ip().to_string()),
        request_id: request_id::current().map(|c| c.id),
    }
}
