//! The success answers of the catalog endpoints: every editable resource goes out with its ETag.

use actix_web::HttpResponse;
use actix_web::http::header;
use serde::Serialize;

use crate::etag::with_etag;

/// 201 with the new resource, its URL in `Location` and its version in `ETag`.
pub fn created(location: String, version: i32, body: impl Serialize) -> HttpResponse {
    let mut response = HttpResponse::Created();
    with_etag(&mut response, version);
    response
        .insert_header((header::LOCATION, location))
        .json(body)
}

/// 200 with the resource and its version in `ETag`.
pub fn current(version: i32, body: impl Serialize) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    with_etag(&mut response, version);
    response.json(body)
}
