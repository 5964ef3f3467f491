//! Conditional reads of computed answers (progress, roll-up, completeness): a strong ETag from
//! the data version and the query, `If-None-Match` answered with 304 without computing, and the
//! rendered bytes kept in the [`RenderedCache`] by (query, version).
//!
//! The order matters: the data version is read first (by the `/api/v1` middleware, with the
//! caller's account, see [`SeenDataVersion`]), then the caller is checked (skipped when
//! the same scope was already checked for the same answer at the same version: the checks read
//! only data the version covers), then the answer is computed from data at least as new as that
//! version. An answer may be tagged with an older version than its data, never a newer one, so
//! neither a client's copy nor a cached one is ever taken for current after a write.
//!
//! `Cache-Control: private, no-cache`: shared caches must not keep answers that depend on who
//! asks, and a client's own cache must revalidate each time, which costs it a 304.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, HttpResponseBuilder, web};
use chitieu_schema::data_version;
use chitieu_schema::db::Db;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::rendered_cache::Rendered;
use crate::state::AppState;

pub const CACHE_CONTROL: &str = "private, no-cache";

/// The data version the request's credentials were checked under, kept in the request by the
/// `/api/v1` middleware (read in the same trip as the account): a conditional read uses it
/// instead of reading it again. Read before anything the answer is computed from.
#[derive(Debug, Clone, Copy)]
pub struct SeenDataVersion(pub i64);

/// A read whose answer depends only on the data version and `key` (every parameter that
/// changes the bytes, the format and the caller's scope when it filters the answer included).
pub struct ConditionalRead {
    pub key: String,
}

enum Found<T> {
    NotModified,
    Cached(Arc<Rendered>),
    Computed(T),
}

impl ConditionalRead {
    /// Answers the request: 304 when `If-None-Match` names the current tag, the cached bytes
    /// when the version has not moved, otherwise `compute` then `render`. `authorize` answers
    /// 404/403 as the operation would.
    ///
    /// When the middleware has read the version and this caller's scope was already checked
    /// for the answer kept at that version, the request is answered (304 or the kept bytes)
    /// without going to the database at all: the middleware's one read of the version row is
    /// the whole cost.
    pub async fn answer<T: Send + 'static>(
        self,
        request: &HttpRequest,
        state: &web::Data<AppState>,
        caller: &Caller,
        authorize: impl FnOnce(&mut Db) -> Result<(), ApiError> + Send + 'static,
        compute: impl FnOnce(&mut Db) -> Result<T, ApiError> + Send + 'static,
        render: impl FnOnce(T) -> Result<Rendered, ApiError>,
    ) -> Result<HttpResponse, ApiError> {
        let reader = format!("{:?}", caller.scope());
        // The JSON answers say their explanations in the caller's `Accept-Language`: the same
        // query in another language is another answer, with its own tag and cache entry.
        let mut key = self.key;
        key.push_str(" lang=");
        key.push_str(crate::request_id::lang().tag());
        let seen = request
            .extensions()
            .get::<SeenDataVersion>()
            .map(|seen| seen.0);
        let cache = state.rendered();
        if let Some(version) = seen
            && let Some(hit) = cache
                .get(&key, version, &reader)
                .filter(|hit| hit.reader_known)
        {
            let tag = etag(version, &key);
            if let Some(not_modified) = not_modified(request, &tag) {
                return Ok(not_modified);
            }
            return Ok(respond(&mut HttpResponse::Ok(), &tag, &hit.answer));
        }
        let asked = request.headers().get(header::IF_NONE_MATCH).cloned();
        let (version, found) = {
            let key = key.clone();
            let reader = reader.clone();
            state
                .db(move |conn| {
                    let version = match seen {
                        Some(version) => version,
                        None => data_version::current(conn)?,
                    };
                    let hit = cache.get(&key, version, &reader);
                    if !hit.as_ref().is_some_and(|hit| hit.reader_known) {
                        authorize(conn)?;
                        cache.allow(&key, version, &reader);
                    }
                    if asked.is_some_and(|asked| matches(&asked, &etag(version, &key))) {
                        return Ok::<_, ApiError>((version, Found::NotModified));
                    }
                    if let Some(hit) = hit {
                        return Ok((version, Found::Cached(hit.answer)));
                    }
                    Ok((version, Found::Computed(compute(conn)?)))
                })
                .await?
        };
        let tag = etag(version, &key);
        let answer = match found {
            Found::NotModified => return Ok(not_modified_response(tag)),
            Found::Cached(answer) => answer,
            Found::Computed(computed) => {
                let answer = Arc::new(render(computed)?);
                state
                    .rendered()
                    .put(key, version, Arc::clone(&answer), &reader);
                answer
            }
        };
        Ok(respond(&mut HttpResponse::Ok(), &tag, &answer))
    }
}

impl ConditionalRead {
    /// A JSON read whose access checks are part of its query (a list filtered by the caller's
    /// scope, a parent checked inside the query): the caller's scope is added to the key, so
    /// callers of different scopes never share an answer, and `compute` is the whole read.
    pub async fn answer_json<T: serde::Serialize + Send + 'static>(
        mut self,
        request: &HttpRequest,
        state: &web::Data<AppState>,
        caller: &Caller,
        compute: impl FnOnce(&mut Db) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<HttpResponse, ApiError> {
        use std::fmt::Write;
        let _ = write!(self.key, " scope={:?}", caller.scope());
        self.answer(
            request,
            state,
            caller,
            |_| Ok(()),
            compute,
            |view| json_answer(&view),
        )
        .await
    }
}

/// 304 when the request's `If-None-Match` names `tag`: for reads whose tag is not the data
/// version's (a report's own version, which `If-Match` takes too).
pub fn not_modified(request: &HttpRequest, tag: &str) -> Option<HttpResponse> {
    let asked = request.headers().get(header::IF_NONE_MATCH)?;
    matches(asked, tag).then(|| not_modified_response(tag.to_owned()))
}

fn not_modified_response(tag: String) -> HttpResponse {
    HttpResponse::NotModified()
        .insert_header((header::ETAG, tag))
        .insert_header((header::VARY, "Accept-Language"))
        .insert_header((header::CACHE_CONTROL, CACHE_CONTROL))
        .finish()
}

fn respond(builder: &mut HttpResponseBuilder, tag: &str, answer: &Rendered) -> HttpResponse {
    builder
        .insert_header((header::ETAG, tag.to_owned()))
        .insert_header((header::VARY, "Accept-Language"))
        .insert_header((header::CACHE_CONTROL, CACHE_CONTROL))
        .insert_header((header::CONTENT_TYPE, answer.content_type.clone()));
    if let Some(disposition) = &answer.disposition {
        builder.insert_header((header::CONTENT_DISPOSITION, disposition.clone()));
    }
    builder.body(answer.body.clone())
}

/// A JSON body, as `HttpResponse::json` would send it.
pub fn json_answer(view: &impl serde::Serialize) -> Result<Rendered, ApiError> {
    let body = serde_json::to_vec(view).map_err(|error| {
        ApiError::Internal(anyhow::Error::new(error).context("writing a JSON answer"))
    })?;
    Ok(Rendered {
        content_type: "application/json".to_owned(),
        disposition: None,
        body: body.into(),
    })
}

/// The strong ETag of the answer to `key` at `version`: the same on every replica of one build.
pub fn etag(version: i64, key: &str) -> String {
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    format!("\"{version}-{:016x}\"", hasher.finish())
}

/// `If-None-Match` against the current tag, by the weak comparison RFC 9110 asks for: a list
/// of tags, `W/` ignored, or `*` (an answer exists).
fn matches(asked: &HeaderValue, current: &str) -> bool {
    let Ok(asked) = asked.to_str() else {
        return false;
    };
    asked.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == current
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_the_version_and_differs_between_queries() {
        assert!(etag(7, "a").starts_with("\"7-"));
        assert_ne!(etag(7, "a"), etag(7, "b"));
        assert_ne!(etag(7, "a"), etag(8, "a"));
    }

    #[test]
    fn if_none_match_takes_a_list_weak_tags_and_a_star() {
        let current = etag(3, "q");
        let list = HeaderValue::from_str(&format!("\"1-0\", W/{current}")).unwrap();
        assert!(matches(&list, &current));
        assert!(matches(&HeaderValue::from_static("*"), &current));
        assert!(!matches(&HeaderValue::from_static("\"2-0\""), &current));
    }
}
