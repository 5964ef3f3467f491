//! A stand-in for the upstream systems (theodoinq has no public API): it receives both
//! profiles as the real ones would, counts what it stored, replayed and stored twice, and
//! injects the faults that exactly-once delivery must survive. Tests start it in-process with
//! [`start`]; `chitieu-upstream-sim` runs it from the command line.

mod credentials;
mod dhis2;
mod generic;
mod receive;
mod server;
mod state;
mod tls;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use dhis2::{Dhis2Release, Dhis2Sim};
pub use generic::GenericSim;
pub use state::{FaultCounts, SimStats, StoredSubmission};
pub use tls::SimTls;

/// How the simulator behaves. [`SimConfig::default`] is an open, fault-free upstream on a free
/// port that prints nothing.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// 0 picks a free port.
    pub port: u16,
    /// What the submission endpoints require.
    pub auth: SimAuth,
    /// The one client `POST /oauth/token` knows.
    pub oauth_client_id: String,
    pub oauth_client_secret: String,
    /// Kept short so tests see tokens expire.
    pub token_lifetime: Duration,
    pub faults: Faults,
    /// Seed of the fault rolls: the same seed gives the same faults in the same order.
    pub seed: u64,
    /// One friendly line per submission on stdout.
    pub verbose: bool,
    /// How `POST /api/dataValueSets` answers: as DHIS2 2.40 or 2.43, and which codes it does
    /// not know.
    pub dhis2: Dhis2Sim,
    /// `Some`: serve HTTPS with this certificate.
    pub tls: Option<SimTls>,
    /// `Some`: store what arrives at any other path (a `template` target's requests) and
    /// answer as configured.
    pub generic: Option<GenericSim>,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            port: 0,
            auth: SimAuth::Open,
            oauth_client_id: "chitieu".to_owned(),
            oauth_client_secret: "sim-secret".to_owned(),
            token_lifetime: Duration::from_secs(300),
            faults: Faults::default(),
            seed: 1,
            verbose: false,
            dhis2: Dhis2Sim::default(),
            tls: None,
            generic: None,
        }
    }
}

/// The credential the submission endpoints check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimAuth {
    /// Anything goes.
    Open,
    /// `Authorization: Bearer <token>` with this fixed token.
    Bearer { token: String },
    /// This header with this key.
    ApiKey { header: String, key: String },
    /// `Authorization: Basic` with this user and password (DHIS2's usual login).
    Basic { username: String, password: String },
    /// `Authorization: ApiToken <token>` (DHIS2's personal access tokens).
    ApiToken { token: String },
    /// A bearer token issued by `POST /oauth/token` and not yet expired.
    OAuth2,
}

/// Rates are probabilities per submission request, from 0 to 1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Answer 500 without storing.
    pub failure_rate: f64,
    /// Answer 429 with `Retry-After: retry_after` without storing.
    pub rate_limit_rate: f64,
    pub retry_after: Duration,
    /// Store, then close the connection without an answer.
    pub drop_rate: f64,
    /// Added before every answer.
    pub latency: Duration,
    /// Store, then answer only after `slow` (longer than the client's timeout, usually).
    pub slow_rate: f64,
    pub slow: Duration,
}

/// A simulator serving on the current tokio runtime; dropping it stops it too.
pub struct RunningSim {
    addr: SocketAddr,
    scheme: &'static str,
    sim: Arc<Sim>,
    task: JoinHandle<()>,
}

/// Binds 127.0.0.1 on `config.port` and serves until stopped.
pub async fn start(config: SimConfig) -> std::io::Result<RunningSim> {
    let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
    let addr = listener.local_addr()?;
    let acceptor = config.tls.as_ref().map(tls::acceptor).transpose()?;
    let scheme = if acceptor.is_some() { "https" } else { "http" };
    let sim = Arc::new(Sim {
        state: Mutex::new(state::State::new(config.seed)),
        faults: Mutex::new(config.faults.clone()),
        config,
    });
    let task = tokio::spawn(server::serve(listener, acceptor, Arc::clone(&sim)));
    Ok(RunningSim {
        addr,
        scheme,
        sim,
        task,
    })
}

impl RunningSim {
    /// `http://127.0.0.1:PORT` (`https://localhost:PORT` with TLS, the name its certificate
    /// is for), without a trailing slash, as targets take it.
    pub fn base_url(&self) -> String {
        match self.scheme {
            "https" => format!("https://localhost:{}", self.addr.port()),
            _ => format!("http://{}", self.addr),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn stats(&self) -> SimStats {
        self.sim.state().stats.clone()
    }

    pub fn submissions(&self) -> Vec<StoredSubmission> {
        self.sim.state().submissions().to_vec()
    }

    /// Forgets every token issued, as an upstream does when it rotates its keys: the next
    /// submission with an old token gets 401.
    pub fn revoke_tokens(&self) {
        self.sim.state().revoke_tokens();
    }

    /// Changes the faults from the next request on, so a test can break the upstream and
    /// then mend it.
    pub fn set_faults(&self, faults: Faults) {
        *self
            .sim
            .faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = faults;
    }

    /// Stops accepting and closes open connections.
    pub async fn stop(mut self) {
        self.task.abort();
        // The task ends as aborted; there is nothing else it could report.
        let _ = (&mut self.task).await;
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        self.task.abort();
    }
}

struct Sim {
    /// Its `faults` are where they started; the ones in force are in `faults`.
    config: SimConfig,
    faults: Mutex<Faults>,
    state: Mutex<state::State>,
}

impl Sim {
    fn state(&self) -> MutexGuard<'_, state::State> {
        // A panic while counting leaves counters that are still worth reading.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn faults(&self) -> Faults {
        self.faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}
