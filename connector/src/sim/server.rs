//! The simulator's HTTP side on hyper: a service error makes hyper close the connection
//! without an answer, which is how a dropped connection after storing is simulated.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderMap, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

use super::Sim;
use super::dhis2;
use super::generic;
use super::receive::{self, Refusal};
use super::state::Stored;
use crate::http::IDEMPOTENCY_KEY;
use crate::target::Profile;

pub(super) type Answer = Response<Full<Bytes>>;

const BODY_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// Returned by the service to make hyper close the connection without answering.
#[derive(Debug, thiserror::Error)]
#[error("connection closed on purpose after storing the submission")]
pub struct Dropped;

pub async fn serve(listener: TcpListener, acceptor: Option<TlsAcceptor>, sim: Arc<Sim>) {
    // Owned here so that aborting this task closes every open connection too.
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of file descriptors and the like: wait rather than spin.
                tracing::warn!(%error, "simulator could not accept a connection");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let sim = Arc::clone(&sim);
        let acceptor = acceptor.clone();
        connections.spawn(async move {
            match acceptor {
                None => serve_connection(stream, sim).await,
                Some(acceptor) => match acceptor.accept(stream).await {
                    Ok(stream) => serve_connection(stream, sim).await,
                    // A client that does not trust us, or that we do not trust.
                    Err(error) => tracing::debug!(%error, "simulator TLS handshake failed"),
                },
            }
        });
    }
}

async fn serve_connection<S>(stream: S, sim: Arc<Sim>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let service = service_fn(move |request| {
        let sim = Arc::clone(&sim);
        async move { sim.handle(request).await }
    });
    // Errors here are clients going away and our own drops: nothing to report.
    let _ = http1::Builder::new()
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

impl Sim {
    async fn handle(&self, request: Request<Incoming>) -> Result<Answer, Dropped> {
        let latency = self.faults().latency;
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        let (parts, body) = request.into_parts();
        let body = match Limited::new(body, BODY_LIMIT_BYTES).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(error) => {
                return Ok(refusal(&Refusal::problem(
                    400,
                    "Unreadable body",
                    format!("the body could not be read: {error}"),
                )));
            }
        };
        match (&parts.method, parts.uri.path()) {
            (&Method::POST, "/api/v1/submissions") => {
                self.submission(Profile::Theodoinq, &parts.headers, &body)
                    .await
            }
            (&Method::POST, "/api/dataValueSets") => {
                self.submission(Profile::Dhis2, &parts.headers, &body).await
            }
            (&Method::POST, "/oauth/token") => Ok(self.token(&parts.headers, &body, false)),
            (&Method::POST, "/uaa/oauth/token") => Ok(self.token(&parts.headers, &body, true)),
            (&Method::GET, "/_sim/stats") => Ok(json_answer(200, &json!(self.state().stats))),
            (&Method::GET, "/_sim/submissions") => {
                Ok(json_answer(200, &json!(self.state().submissions())))
            }
            (&Method::GET, "/") => Ok(json_answer(200, &index())),
            (method, path) if self.config.generic.is_some() && !path.starts_with("/_sim/") => {
                let request = format!("{method} {}", parts.uri);
                self.generic_submission(&request, &parts.headers, &body)
                    .await
            }
            _ => Ok(refusal(&Refusal::problem(
                404,
                "Not found",
                format!(
                    "no {} {} here: GET / lists the endpoints",
                    parts.method,
                    parts.uri.path()
                ),
            ))),
        }
    }

    async fn submission(
        &self,
        profile: Profile,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Answer, Dropped> {
        self.receive_submission(profile, "", headers, body).await
    }

    /// A `template` target's request, in the generic mode.
    async fn generic_submission(
        &self,
        request: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Answer, Dropped> {
        self.receive_submission(Profile::Template, request, headers, body)
            .await
    }

    async fn receive_submission(
        &self,
        profile: Profile,
        request: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Answer, Dropped> {
        let faults = &self.faults();
        let key = headers
            .get(IDEMPOTENCY_KEY)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|k| !k.is_empty());
        let name = profile_name(profile);
        let shown_key = key.unwrap_or("no key");
        {
            let mut state = self.state();
            state.stats.received += 1;
            if state.roll(faults.failure_rate) {
                state.stats.faults.server_error += 1;
                drop(state);
                self.say(format!(
                    "⚡ {name} [{shown_key}] injected 500, nothing stored"
                ));
                return Ok(refusal(&Refusal::problem(
                    500,
                    "Injected failure",
                    "the simulator failed on purpose (--failure-rate); nothing was stored",
                )));
            }
            if state.roll(faults.rate_limit_rate) {
                state.stats.faults.rate_limited += 1;
                drop(state);
                let seconds = faults.retry_after.as_secs();
                self.say(format!(
                    "⏳ {name} [{shown_key}] injected 429, retry after {seconds} s"
                ));
                let mut answer = refusal(&Refusal::problem(
                    429,
                    "Too many requests",
                    format!("rate limited on purpose (--rate-limit-rate); retry after {seconds} s"),
                ));
                answer
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(seconds));
                return Ok(answer);
            }
        }
        if let Err(denied) = self.authorize(headers) {
            self.state().stats.unauthorized += 1;
            self.say(format!("🔒 {name} [{shown_key}] 401: {}", denied.summary()));
            let mut answer = refusal(&denied);
            answer
                .headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return Ok(answer);
        }
        let answer = match self.intake(profile, request, key, body) {
            Ok(answer) => answer,
            Err(refused) => {
                self.state().stats.rejected += 1;
                self.say(format!(
                    "✗ {name} [{shown_key}] {}: {}",
                    refused.status,
                    refused.summary()
                ));
                return Ok(refusal(&refused));
            }
        };
        let (drop_it, slow) = {
            let mut state = self.state();
            let drop_it = state.roll(faults.drop_rate);
            let slow = !drop_it && state.roll(faults.slow_rate);
            if drop_it {
                state.stats.faults.dropped += 1;
            }
            if slow {
                state.stats.faults.slow += 1;
            }
            (drop_it, slow)
        };
        if drop_it {
            self.say(format!(
                "✂ {name} [{shown_key}] taken, then closed the connection without answering"
            ));
            return Err(Dropped);
        }
        if slow {
            self.say(format!(
                "🐢 {name} [{shown_key}] stored, answering in {} ms",
                faults.slow.as_millis()
            ));
            tokio::time::sleep(faults.slow).await;
        }
        Ok(answer)
    }

    /// Validates and stores (or replays) a submission; its answer is built here.
    fn intake(
        &self,
        profile: Profile,
        request: &str,
        key: Option<&str>,
        body: &[u8],
    ) -> Result<Answer, Refusal> {
        let name = profile_name(profile);
        let mut dhis2_conflicts = (Vec::new(), Vec::new());
        let intake = match profile {
            Profile::Template => generic::receive(request, key, body)?,
            Profile::Theodoinq => {
                let Some(key) = key else {
                    return Err(Refusal::problem(
                        400,
                        "Idempotency-Key required",
                        "send an Idempotency-Key header, stable per report version, so a retry \
                         is recognised",
                    ));
                };
                receive::theodoinq(&json_of(body)?, Some(key))?
            }
            // DHIS2 itself takes no key: without one, only duplicates are counted.
            Profile::Dhis2 => {
                let accepted = dhis2::receive(&json_of(body)?, key, &self.config.dhis2)?;
                dhis2_conflicts = (accepted.conflicts, accepted.rejected);
                accepted.intake
            }
        };
        let (fingerprint, values) = (intake.fingerprint, intake.values);
        let natural = intake.natural.clone();
        let version = intake.version.map(|v| format!(" v{v}")).unwrap_or_default();
        let what = match profile {
            Profile::Template => format!("{name} {request}"),
            _ => format!(
                "{name} {} {} {}{version}",
                natural.unit, natural.plan, natural.period
            ),
        };
        let shown_key = key.unwrap_or("no key");
        let generic = self.config.generic.clone().unwrap_or_default();
        let mut state = self.state();
        match state.store(intake, receipt_prefix(profile)) {
            Stored::New { receipt, duplicate } => {
                let (status, answer) = match profile {
                    Profile::Theodoinq => (
                        201,
                        json!({"receipt": receipt, "status": "stored",
                            "receivedAt": chrono::Utc::now().to_rfc3339()}),
                    ),
                    Profile::Dhis2 => {
                        let (conflicts, rejected) = &dhis2_conflicts;
                        let (status, mut answer) =
                            dhis2::answer(values, conflicts, rejected, self.config.dhis2.release);
                        answer["response"]["reference"] = json!(receipt);
                        (status, answer)
                    }
                    Profile::Template => (generic.status, generic.answer(&receipt)),
                };
                state.remember_answer(key, fingerprint, &answer);
                drop(state);
                let warning = if duplicate {
                    "  ⚠ DUPLICATE: this report was already stored under another key"
                } else {
                    ""
                };
                self.say(format!(
                    "✓ {what}: stored as {receipt} [{shown_key}]{warning}"
                ));
                Ok(json_answer(status, &answer))
            }
            Stored::Replay { answer } => {
                drop(state);
                self.say(format!(
                    "↺ {what}: same key again, first receipt returned [{shown_key}]"
                ));
                let status = match profile {
                    Profile::Template => generic.replay_status,
                    _ => 200,
                };
                let mut response = json_answer(status, &answer);
                response
                    .headers_mut()
                    .insert("Idempotent-Replayed", HeaderValue::from_static("true"));
                Ok(response)
            }
            Stored::KeyReused => Err(Refusal::problem(
                422,
                "Idempotency-Key reused",
                format!("the Idempotency-Key {shown_key:?} was used for a different body"),
            )),
        }
    }

    pub(super) fn say(&self, line: String) {
        if self.config.verbose {
            println!("{} {line}", chrono::Utc::now().format("%H:%M:%S%.3f"));
        }
    }
}

fn json_of(body: &[u8]) -> Result<Value, Refusal> {
    serde_json::from_slice(body).map_err(|error| {
        Refusal::problem(400, "Not JSON", format!("the body is not JSON: {error}"))
    })
}

fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Theodoinq => "theodoinq",
        Profile::Dhis2 => "dhis2",
        Profile::Template => "template",
    }
}

fn receipt_prefix(profile: Profile) -> &'static str {
    match profile {
        Profile::Theodoinq => "TDNQ",
        Profile::Dhis2 => "DHIS2",
        Profile::Template => "GEN",
    }
}

fn index() -> Value {
    json!({
        "simulator": "chitieu upstream simulator",
        "endpoints": [
            "POST /oauth/token (grant_type=client_credentials)",
            "POST /api/v1/submissions (theodoinq, docs/THEODOINQ.md)",
            "POST /api/dataValueSets?idScheme=code (DHIS2)",
            "any other path, in the generic mode (--generic): stored as sent, answered as configured",
            "GET /_sim/stats",
            "GET /_sim/submissions",
        ],
    })
}

pub(super) fn json_answer(status: u16, body: &Value) -> Answer {
    respond(status, "application/json", body)
}

fn refusal(refused: &Refusal) -> Answer {
    let content_type = if refused.problem {
        "application/problem+json"
    } else {
        "application/json"
    };
    respond(refused.status, content_type, &refused.body)
}

fn respond(status: u16, content_type: &'static str, body: &Value) -> Answer {
    let mut answer = Response::new(Full::new(Bytes::from(body.to_string())));
    *answer.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    answer
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    answer
}
