//! The release `chitieu` binary as a child process, configured only by its environment as in a
//! deployment, and killed when the guard is dropped (also when the benchmark fails midway).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chitieu_schema::db::DatabaseUrl;
use serde_json::{Value, json};

const USERNAME: &str = "admin";
const PASSWORD: &str = "bench administrator password";
const JWT_SECRET: &str = "bench secret: at least thirty-two bytes";
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Server {
    child: Child,
    log: PathBuf,
    base_url: String,
    /// The benchmark's own requests (readiness, token, choosing communes) are few and
    /// sequential: a single-threaded runtime suffices and leaves both cores to the server.
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
}

impl Server {
    /// Starts `chitieu serve` on a free port with the demo data, the sync worker and its
    /// schedule off, and waits until `/health/ready` answers.
    pub fn start(url: &DatabaseUrl, scratch: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(scratch)?;
        let log = scratch.join("server.log");
        let output = File::create(&log)?;
        let mut command = Command::new(env!("CARGO_BIN_EXE_chitieu"));
        command
            .arg("serve")
            // Only what is set here: a CHITIEU_* variable of the shell must not change the
            // measurement.
            .env_clear()
            .env("DATABASE_URL", url.as_str())
            .env("CHITIEU_HOST", "127.0.0.1")
            .env("CHITIEU_PORT", "0")
            .env("CHITIEU_JWT_SECRET", JWT_SECRET)
            .env("CHITIEU_TOKEN_TTL_SECONDS", "3600")
            .env("CHITIEU_BOOTSTRAP_ADMIN", USERNAME)
            .env("CHITIEU_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
            .env(
                "CHITIEU_BOOTSTRAP_PASSWORD_FILE",
                scratch.join("bootstrap-admin-password"),
            )
            .env("CHITIEU_DEMO", "off")
            .env("CHITIEU_SYNC_WORKER", "off")
            .env("CHITIEU_SYNC_SCHEDULE", "off")
            // The log a deployment writes (one JSON line per request), to a file rather than
            // a pipe nobody reads.
            .env("CHITIEU_LOG_FORMAT", "json")
            .stdin(Stdio::null())
            .stdout(output.try_clone()?)
            .stderr(output);
        if let Ok(filter) = std::env::var("RUST_LOG") {
            command.env("RUST_LOG", filter);
        }
        let child = command.spawn().context("starting the chitieu binary")?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let mut server = Self {
            child,
            log,
            base_url: String::new(),
            runtime,
            client: reqwest::Client::new(),
        };
        server.base_url = server.wait_for_address()?;
        server.wait_until_ready()?;
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// With port 0 the operating system picks the port and the server logs it: no race with
    /// another process taking a port chosen in advance.
    fn wait_for_address(&mut self) -> anyhow::Result<String> {
        const PREFIX: &str = "http://127.0.0.1:";
        let started = Instant::now();
        loop {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            if let Some(line) = log.lines().find(|l| l.contains("chitieu is listening")) {
                let port: String = line
                    .split(PREFIX)
                    .nth(1)
                    .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
                    .unwrap_or_default();
                if port.is_empty() {
                    bail!("no address in the start-up line: {line}");
                }
                return Ok(format!("{PREFIX}{port}"));
            }
            self.ensure_running(started)?;
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_until_ready(&mut self) -> anyhow::Result<()> {
        let started = Instant::now();
        loop {
            let ready = self.runtime.block_on(async {
                self.client
                    .get(format!("{}/health/ready", self.base_url))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            });
            if ready {
                return Ok(());
            }
            self.ensure_running(started)?;
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn ensure_running(&mut self, started: Instant) -> anyhow::Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!(
                "the server exited with {status}; its log:\n{}",
                self.log_tail()
            );
        }
        if started.elapsed() > START_TIMEOUT {
            bail!(
                "the server was not ready within {START_TIMEOUT:?}; its log:\n{}",
                self.log_tail()
            );
        }
        Ok(())
    }

    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// An access token of the bootstrap administrator, valid for the whole run.
    pub fn token(&self) -> anyhow::Result<String> {
        let answer: Value = self.runtime.block_on(async {
            self.client
                .post(format!("{}/api/v1/auth/token", self.base_url))
                .json(&json!({"grantType": "password", "username": USERNAME, "password": PASSWORD}))
                .send()
                .await?
                .error_for_status()?
                .json()
                .await
        })?;
        answer["accessToken"]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("no accessToken in {answer}"))
    }

    fn get(&self, token: &str, path: &str) -> anyhow::Result<Vec<u8>> {
        self.runtime.block_on(async {
            let response = self
                .client
                .get(format!("{}{path}", self.base_url))
                .bearer_auth(token)
                .send()
                .await?;
            let status = response.status();
            let body = response.bytes().await?;
            if !status.is_success() {
                bail!("GET {path}: {status}: {}", String::from_utf8_lossy(&body));
            }
            Ok(body.to_vec())
        })
    }

    /// The ETag of the answer at `path`, for the conditional re-read.
    pub fn etag(&self, token: &str, path: &str) -> anyhow::Result<String> {
        self.runtime.block_on(async {
            let response = self
                .client
                .get(format!("{}{path}", self.base_url))
                .bearer_auth(token)
                .send()
                .await?;
            response
                .headers()
                .get("etag")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
                .with_context(|| format!("GET {path} has no ETag"))
        })
    }

    pub fn response_bytes(&self, token: &str, path: &str) -> anyhow::Result<usize> {
        Ok(self.get(token, path)?.len())
    }

    /// Codes of `wanted` communes spread over the country whose progress report for the
    /// period has figures (about 3% of communes have no report in a month): measuring empty
    /// tables would flatter the server.
    pub fn communes_with_data(
        &self,
        token: &str,
        plan: &str,
        period: &str,
        wanted: usize,
    ) -> anyhow::Result<Vec<String>> {
        let stride = super::national::COMMUNES / (wanted * 2);
        let mut found = Vec::with_capacity(wanted);
        for n in (0..super::national::COMMUNES).step_by(stride) {
            let code = super::national::commune_code(n);
            let path = format!(
                "/api/v1/org-units/{code}/progress?plan={plan}&period={period}&format=json"
            );
            let report: Value = serde_json::from_slice(&self.get(token, &path)?)?;
            let has_figures = report["sections"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|section| section["rows"].as_array().into_iter().flatten())
                .any(|row| row["reportingUnits"].as_u64().unwrap_or(0) > 0);
            if has_figures {
                found.push(code);
                if found.len() == wanted {
                    return Ok(found);
                }
            }
        }
        bail!(
            "only {} communes have figures for {period}; wanted {wanted}",
            found.len()
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGKILL: nothing of the server is needed after the measurements, and a graceful stop
        // could wait for its grace period.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
