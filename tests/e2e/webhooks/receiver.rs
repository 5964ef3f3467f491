//! A webhook receiver in the test process: it verifies each delivery's signature on its own
//! (HMAC-SHA256 over `id.timestamp.body`, keyed with the secret's base64 after `whsec_`),
//! fails a planned share of the deliveries with a 500, and records every delivery it accepted.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use sha2::Sha256;
use tokio::net::TcpListener;

/// A delivery the receiver answered 2xx.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// The path it came to (`/a`, `/b` … one per subscription).
    pub path: String,
    pub webhook_id: String,
    pub body: Value,
    /// The signatures of the `webhook-signature` header.
    pub signatures: Vec<String>,
}

#[derive(Default)]
pub struct Record {
    /// Secrets by path, set once each subscription is created.
    pub secrets: HashMap<String, Vec<String>>,
    pub accepted: Vec<Accepted>,
    /// Deliveries answered 500 on purpose.
    pub failed: usize,
    /// Deliveries whose signature did not verify (answered 401).
    pub forged: usize,
    requests: usize,
}

pub struct Receiver {
    pub address: String,
    pub record: Arc<Mutex<Record>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Receiver {
    pub async fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let address = format!("http://{}", listener.local_addr().expect("an address"));
        let record = Arc::new(Mutex::new(Record::default()));
        let shared = Arc::clone(&record);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let record = Arc::clone(&shared);
                tokio::spawn(async move {
                    let service = service_fn(move |request| {
                        let record = Arc::clone(&record);
                        async move { Ok::<_, hyper::Error>(receive(&record, request).await) }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Receiver {
            address,
            record,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn trust(&self, path: &str, secret: &str) {
        let mut record = self.record.lock().unwrap();
        record
            .secrets
            .entry(path.to_owned())
            .or_default()
            .push(secret.to_owned());
    }
}

fn answer(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}

async fn receive(record: &Mutex<Record>, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (id, timestamp, signature) = (
        header("webhook-id"),
        header("webhook-timestamp"),
        header("webhook-signature"),
    );
    let path = parts.uri.path().to_owned();
    let mut record = record.lock().unwrap();
    if path == "/gone" {
        return answer(StatusCode::GONE);
    }
    let text = String::from_utf8_lossy(&body);
    let signatures: Vec<String> = signature.split(' ').map(str::to_owned).collect();
    let secrets = record.secrets.get(&path).cloned().unwrap_or_default();
    let verified = secrets.iter().any(|secret| {
        let expected = expected_signature(secret, &id, &timestamp, &text);
        signatures.contains(&expected)
    });
    let now = chrono::Utc::now().timestamp();
    let fresh = timestamp
        .parse::<i64>()
        .is_ok_and(|t| (now - t).abs() < 300);
    if !verified || !fresh {
        record.forged += 1;
        return answer(StatusCode::UNAUTHORIZED);
    }
    // Three in ten deliveries fail (test deliveries apart, which are not retried).
    record.requests += 1;
    if !id.starts_with("msg_test_") && record.requests % 10 < 3 {
        record.failed += 1;
        return answer(StatusCode::INTERNAL_SERVER_ERROR);
    }
    record.accepted.push(Accepted {
        path,
        webhook_id: id,
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        signatures,
    });
    answer(StatusCode::NO_CONTENT)
}

/// `v1,` and the base64 of HMAC-SHA256 over `id.timestamp.body`, keyed with the decoded secret.
pub fn expected_signature(secret: &str, id: &str, timestamp: &str, body: &str) -> String {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").expect("a whsec_ secret"))
        .expect("base64");
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).expect("any key length");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}
