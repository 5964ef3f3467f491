//! `chitieu-upstream-sim`: a stand-in for theodoinq and DHIS2 on this machine, with faults on
//! demand, printing one line per submission so you can watch a sync happen.
//!
//! ```sh
//! cargo run -p chitieu-connector --bin chitieu-upstream-sim -- --port 8090 --failure-rate 0.3
//! ```

use std::time::Duration;

use chitieu_connector::sim::{self, Faults, SimAuth, SimConfig};
use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuthMode {
    /// Accept every submission.
    Open,
    /// Require `Authorization: Bearer <--token>`.
    Bearer,
    /// Require the header `--api-key-header` with `--api-key`.
    ApiKey,
    /// Require a token from `POST /oauth/token` (or DHIS2's `POST /uaa/oauth/token`).
    Oauth2,
    /// Require `Authorization: Basic` with `--username` and `--password`.
    Basic,
    /// Require `Authorization: ApiToken <--token>` (DHIS2's personal access tokens).
    ApiToken,
}

/// Which DHIS2 release `POST /api/dataValueSets` answers as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Dhis2Mode {
    #[value(name = "2.40")]
    V2_40,
    #[value(name = "2.43")]
    V2_43,
}

/// Simulates the upstream monitoring systems (theodoinq, DHIS2) that chitieu delivers
/// approved reports to.
#[derive(Debug, Parser)]
#[command(name = "chitieu-upstream-sim", version)]
struct Args {
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 8090, env = "SIM_PORT")]
    port: u16,
    #[arg(long, value_enum, default_value_t = AuthMode::Open)]
    auth: AuthMode,
    /// The bearer token accepted with `--auth bearer`.
    #[arg(long, env = "SIM_TOKEN", hide_env_values = true)]
    token: Option<String>,
    #[arg(long, default_value = "X-API-Key")]
    api_key_header: String,
    /// The key accepted with `--auth api-key`.
    #[arg(long, env = "SIM_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// The client that `POST /oauth/token` knows.
    #[arg(long, default_value = "chitieu")]
    client_id: String,
    #[arg(
        long,
        default_value = "sim-secret",
        env = "SIM_CLIENT_SECRET",
        hide_env_values = true
    )]
    client_secret: String,
    /// Lifetime of issued tokens, in seconds.
    #[arg(long, default_value_t = 300)]
    token_lifetime_secs: u64,
    /// Share of submissions answered 500 (nothing stored).
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    failure_rate: f64,
    /// Share of submissions answered 429 with Retry-After (nothing stored).
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    rate_limit_rate: f64,
    /// The Retry-After of those 429 answers, in seconds.
    #[arg(long, default_value_t = 2)]
    retry_after_secs: u64,
    /// Share of submissions stored and then left without an answer (connection closed).
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    drop_rate: f64,
    /// Added to every answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share of submissions stored and answered only after --slow-ms.
    #[arg(long, default_value_t = 0.0, value_parser = rate)]
    slow_rate: f64,
    #[arg(long, default_value_t = 35_000)]
    slow_ms: u64,
    /// Seed of the fault rolls: the same seed, the same faults.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print nothing per submission.
    #[arg(long)]
    quiet: bool,
    /// Generic mode, for `template` targets: any other path stores what it gets and answers
    /// with `--generic-status` and `--generic-answer`.
    #[arg(long)]
    generic: bool,
    #[arg(long, default_value_t = 200)]
    generic_status: u16,
    /// The JSON answer of the generic mode; every string "{receipt}" becomes the receipt.
    /// Default: `{"success": true, "message": "OK", "data": {"id": "{receipt}"}}`.
    #[arg(long)]
    generic_answer: Option<String>,
    /// The user accepted with `--auth basic`.
    #[arg(long, default_value = "chitieu")]
    username: String,
    #[arg(long, env = "SIM_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// `POST /api/dataValueSets` answers as this DHIS2 release: statuses, envelopes and
    /// partial imports (2.40: a partial import is 409 WARNING; 2.43: 200 WARNING).
    #[arg(long, value_enum, default_value_t = Dhis2Mode::V2_43)]
    dhis2: Dhis2Mode,
    /// A data element code the simulated DHIS2 does not know (its values become conflicts,
    /// E7610); repeat for more.
    #[arg(long = "dhis2-unknown-data-element")]
    dhis2_unknown_data_elements: Vec<String>,
}

fn rate(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(rate) if (0.0..=1.0).contains(&rate) => Ok(rate),
        _ => Err(format!(
            "{text:?} is not a rate from 0 to 1 (0.3 means 30 %)"
        )),
    }
}

#[derive(Debug, thiserror::Error)]
enum SimError {
    #[error("--auth {0} needs {1}")]
    MissingSetting(&'static str, &'static str),
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    #[error("--generic-answer is not JSON: {0}")]
    GenericAnswer(#[source] serde_json::Error),
    #[error("could not wait for Ctrl-C: {0}")]
    Signal(#[source] std::io::Error),
}

impl Args {
    fn config(self) -> Result<SimConfig, SimError> {
        let auth = match self.auth {
            AuthMode::Open => SimAuth::Open,
            AuthMode::Bearer => SimAuth::Bearer {
                token: self
                    .token
                    .ok_or(SimError::MissingSetting("bearer", "--token or SIM_TOKEN"))?,
            },
            AuthMode::ApiKey => SimAuth::ApiKey {
                header: self.api_key_header,
                key: self.api_key.ok_or(SimError::MissingSetting(
                    "api-key",
                    "--api-key or SIM_API_KEY",
                ))?,
            },
            AuthMode::Oauth2 => SimAuth::OAuth2,
            AuthMode::Basic => SimAuth::Basic {
                username: self.username,
                password: self.password.ok_or(SimError::MissingSetting(
                    "basic",
                    "--password or SIM_PASSWORD",
                ))?,
            },
            AuthMode::ApiToken => SimAuth::ApiToken {
                token: self.token.ok_or(SimError::MissingSetting(
                    "api-token",
                    "--token or SIM_TOKEN",
                ))?,
            },
        };
        Ok(SimConfig {
            port: self.port,
            auth,
            oauth_client_id: self.client_id,
            oauth_client_secret: self.client_secret,
            token_lifetime: Duration::from_secs(self.token_lifetime_secs),
            faults: Faults {
                failure_rate: self.failure_rate,
                rate_limit_rate: self.rate_limit_rate,
                retry_after: Duration::from_secs(self.retry_after_secs),
                drop_rate: self.drop_rate,
                latency: Duration::from_millis(self.latency_ms),
                slow_rate: self.slow_rate,
                slow: Duration::from_millis(self.slow_ms),
            },
            seed: self.seed,
            verbose: !self.quiet,
            dhis2: sim::Dhis2Sim {
                release: match self.dhis2 {
                    Dhis2Mode::V2_40 => sim::Dhis2Release::V2_40,
                    Dhis2Mode::V2_43 => sim::Dhis2Release::V2_43,
                },
                unknown_data_elements: self.dhis2_unknown_data_elements,
                unknown_data_sets: Vec::new(),
            },
            tls: None,
            generic: match (self.generic, self.generic_answer) {
                (false, _) => None,
                (true, answer) => {
                    let defaults = sim::GenericSim::default();
                    Some(sim::GenericSim {
                        status: self.generic_status,
                        body: match answer {
                            Some(text) => {
                                serde_json::from_str(&text).map_err(SimError::GenericAnswer)?
                            }
                            None => defaults.body,
                        },
                        replay_status: self.generic_status,
                    })
                }
            },
        })
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chitieu-upstream-sim: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), SimError> {
    let config = args.config()?;
    let port = config.port;
    let auth = config.auth.clone();
    let faults = config.faults.clone();
    let running = sim::start(config)
        .await
        .map_err(|source| SimError::Bind { port, source })?;
    let base = running.base_url();
    println!("chitieu upstream simulator listening on {base}");
    println!("  theodoinq:  POST {base}/api/v1/submissions");
    println!("  DHIS2:      POST {base}/api/dataValueSets?idScheme=code");
    println!("  OAuth2:     POST {base}/oauth/token");
    println!("  watch:      GET  {base}/_sim/stats   GET {base}/_sim/submissions");
    println!("  auth: {}", describe(&auth));
    println!(
        "  faults: 500 {:.0} %, 429 {:.0} %, dropped {:.0} %, slow {:.0} %, latency {} ms",
        faults.failure_rate * 100.0,
        faults.rate_limit_rate * 100.0,
        faults.drop_rate * 100.0,
        faults.slow_rate * 100.0,
        faults.latency.as_millis()
    );
    println!("Ctrl-C stops it and prints the counts.");
    tokio::signal::ctrl_c().await.map_err(SimError::Signal)?;
    let stats = running.stats();
    running.stop().await;
    println!(
        "stopped: received {}, stored {} (duplicates {}), replays {}, rejected {}, \
         unauthorized {}, tokens issued {}",
        stats.received,
        stats.unique,
        stats.duplicates,
        stats.replays,
        stats.rejected,
        stats.unauthorized,
        stats.tokens_issued
    );
    Ok(())
}

fn describe(auth: &SimAuth) -> String {
    match auth {
        SimAuth::Open => "open (anything accepted)".to_owned(),
        SimAuth::Bearer { .. } => "bearer token".to_owned(),
        SimAuth::ApiKey { header, .. } => format!("API key in {header}"),
        SimAuth::OAuth2 => "OAuth2 client credentials".to_owned(),
        SimAuth::Basic { username, .. } => format!("Basic authentication as {username}"),
        SimAuth::ApiToken { .. } => "DHIS2 ApiToken".to_owned(),
    }
}
