//! HTTPS to targets whose certificate is signed by a CA of their own (a government CA), and to
//! targets that require a client certificate: one client per distinct TLS setting, made on
//! first use and shared after, so connection pools are per trust setting.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::target::{Target, TargetTls};

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("target {target}: cannot read {field} {path}: {source}")]
    Unreadable {
        target: String,
        field: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("target {target}: {field} {path} holds no usable PEM {what}: {detail}")]
    Unusable {
        target: String,
        field: &'static str,
        path: String,
        what: &'static str,
        detail: String,
    },
    #[error("target {target}: clientCertFile and clientKeyFile go together")]
    HalfIdentity { target: String },
    #[error("target {target}: the HTTP client could not be built: {detail}")]
    Client { target: String, detail: String },
}

/// The settings every client shares.
#[derive(Debug, Clone, Copy)]
pub struct ClientBase {
    pub timeout: Duration,
}

impl ClientBase {
    fn builder(&self) -> reqwest::ClientBuilder {
        reqwest::Client::builder()
            .timeout(self.timeout)
            .user_agent(concat!("chitieu-connector/", env!("CARGO_PKG_VERSION")))
            // A redirected POST becomes a GET whose 200 would pass for a delivery.
            .redirect(reqwest::redirect::Policy::none())
    }

    pub fn plain(&self) -> Result<reqwest::Client, reqwest::Error> {
        self.builder().build()
    }
}

/// Clients by TLS setting; the default setting uses the plain client.
pub struct Clients {
    base: ClientBase,
    plain: reqwest::Client,
    by_tls: Mutex<HashMap<TargetTls, reqwest::Client>>,
}

impl Clients {
    pub fn new(base: ClientBase) -> Result<Self, reqwest::Error> {
        Ok(Self {
            plain: base.plain()?,
            base,
            by_tls: Mutex::default(),
        })
    }

    /// The client for `target`. The files are read once; replacing a certificate takes a
    /// restart, as for any server holding one.
    pub fn for_target(&self, target: &Target) -> Result<reqwest::Client, TlsError> {
        if target.tls.is_default() {
            return Ok(self.plain.clone());
        }
        let mut clients = self.by_tls.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(client) = clients.get(&target.tls) {
            return Ok(client.clone());
        }
        let client = build(self.base, target)?;
        clients.insert(target.tls.clone(), client.clone());
        Ok(client)
    }
}

/// Reads and parses the target's TLS files, so a wrong path or a bad file stops start-up.
pub fn check(target: &Target) -> Result<(), TlsError> {
    material(target).map(|_| ())
}

fn build(base: ClientBase, target: &Target) -> Result<reqwest::Client, TlsError> {
    let (roots, identity) = material(target)?;
    let mut builder = base.builder();
    for root in roots {
        builder = builder.add_root_certificate(root);
    }
    if let Some(identity) = identity {
        builder = builder.identity(identity);
    }
    builder.build().map_err(|e| TlsError::Client {
        target: target.code.clone(),
        detail: e.to_string(),
    })
}

type Material = (Vec<reqwest::Certificate>, Option<reqwest::Identity>);

fn material(target: &Target) -> Result<Material, TlsError> {
    let tls = &target.tls;
    let read = |field: &'static str, path: &str| {
        std::fs::read(path).map_err(|source| TlsError::Unreadable {
            target: target.code.clone(),
            field,
            path: path.to_owned(),
            source,
        })
    };
    let unusable = |field, path: &str, what, detail: String| TlsError::Unusable {
        target: target.code.clone(),
        field,
        path: path.to_owned(),
        what,
        detail,
    };
    let roots = match &tls.ca_file {
        None => Vec::new(),
        Some(path) => {
            let pem = read("caFile", path)?;
            let roots = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|e| unusable("caFile", path, "certificate", e.to_string()))?;
            if roots.is_empty() {
                return Err(unusable("caFile", path, "certificate", "none found".into()));
            }
            roots
        }
    };
    let identity = match (&tls.client_cert_file, &tls.client_key_file) {
        (None, None) => None,
        (Some(cert), Some(key)) => {
            // reqwest takes the certificate chain and the key as one PEM buffer.
            let mut pem = read("clientCertFile", cert)?;
            pem.push(b'\n');
            pem.extend(read("clientKeyFile", key)?);
            Some(reqwest::Identity::from_pem(&pem).map_err(|e| {
                unusable("clientCertFile", cert, "certificate and key", e.to_string())
            })?)
        }
        _ => {
            return Err(TlsError::HalfIdentity {
                target: target.code.clone(),
            });
        }
    };
    Ok((roots, identity))
}
