//! Runs `wrk` and reads its summary: requests per second, the latency percentiles and every
//! kind of failure, so that a run serving errors fast cannot pass for a fast run.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, bail};

/// What the connections request.
pub enum Load {
    /// The same path every time.
    One(String),
    /// These paths in turn (a Lua script), as many readers of different units would.
    Rotating(Vec<String>),
}

pub struct WrkRun<'a> {
    pub base_url: &'a str,
    pub token: &'a str,
    pub connections: u32,
    pub load: &'a Load,
    /// Another header every request carries (`If-None-Match: "…"`).
    pub header: Option<&'a str>,
    /// Where the Lua script is written.
    pub scratch: &'a Path,
}

#[derive(Debug)]
pub struct Outcome {
    pub requests: u64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

pub fn ensure_installed() -> anyhow::Result<()> {
    match Command::new("wrk").arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!(
                "this benchmark needs the load generator wrk, which is not installed: apt install wrk"
            )
        }
        Err(e) => Err(e).context("running wrk --version"),
    }
}

impl WrkRun<'_> {
    pub fn execute(&self, duration: Duration) -> anyhow::Result<Outcome> {
        let mut command = Command::new("wrk");
        command
            // Two threads: this machine's cores, shared with the server, as every run is.
            .args(["-t2", "-c"])
            .arg(self.connections.to_string())
            .arg("-d")
            .arg(format!("{}s", duration.as_secs().max(1)))
            // The default 2 s would count slow answers as socket timeouts and leave them out
            // of the percentiles.
            .args(["--timeout", "30s", "--latency", "-H"])
            .arg(format!("Authorization: Bearer {}", self.token));
        if let Some(header) = self.header {
            command.arg("-H").arg(header);
        }
        let first_path = match self.load {
            Load::One(path) => path,
            Load::Rotating(paths) => {
                let script = self.scratch.join("rotate.lua");
                std::fs::write(&script, rotation_script(paths))?;
                command.arg("-s").arg(script);
                paths.first().context("no path to rotate over")?
            }
        };
        command.arg(format!("{}{first_path}", self.base_url));
        let output = command.output().context("running wrk")?;
        let text = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            bail!(
                "wrk failed with {}: {}{}",
                output.status,
                text,
                String::from_utf8_lossy(&output.stderr)
            );
        }
        parse(&text).with_context(|| format!("reading wrk's output:\n{text}"))
    }
}

/// Each wrk thread runs its own copy, so the threads interleave the paths independently.
fn rotation_script(paths: &[String]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("  {p:?},")).collect();
    format!(
        "local paths = {{\n{}\n}}\nlocal next_index = 0\n\
         request = function()\n  next_index = next_index % #paths + 1\n  \
         return wrk.format(\"GET\", paths[next_index])\nend\n",
        quoted.join("\n")
    )
}

fn parse(text: &str) -> anyhow::Result<Outcome> {
    let non_2xx: u64 = field_after(text, "Non-2xx or 3xx responses:").map_or(Ok(0), str::parse)?;
    if non_2xx > 0 {
        bail!("{non_2xx} responses were not 2xx or 3xx");
    }
    if let Some(errors) = field_line(text, "Socket errors:") {
        bail!("socket errors: {errors}");
    }
    let requests = text
        .lines()
        .find(|l| l.contains(" requests in "))
        .and_then(|l| l.split_whitespace().next())
        .context("no request count")?
        .parse()?;
    let requests_per_second = field_after(text, "Requests/sec:")
        .context("no Requests/sec")?
        .parse()?;
    let percentile = |label: &str| -> anyhow::Result<f64> {
        let raw = text
            .lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(label))
            .with_context(|| format!("no {label} latency"))?;
        milliseconds(raw.trim())
    };
    Ok(Outcome {
        requests,
        requests_per_second,
        p50_ms: percentile("50%")?,
        p99_ms: percentile("99%")?,
    })
}

fn field_line<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(label))
        .map(str::trim)
}

fn field_after<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    field_line(text, label).and_then(|rest| rest.split_whitespace().next())
}

/// wrk prints durations as `812.00us`, `1.23ms`, `2.01s` or `1.50m`.
fn milliseconds(raw: &str) -> anyhow::Result<f64> {
    let split = raw
        .find(|c: char| c.is_ascii_alphabetic())
        .with_context(|| format!("no unit in {raw:?}"))?;
    let (number, unit) = raw.split_at(split);
    let number: f64 = number.parse()?;
    let scale = match unit {
        "us" => 0.001,
        "ms" => 1.0,
        "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        other => bail!("unknown unit {other:?} in {raw:?}"),
    };
    Ok(number * scale)
}
