//! What every benchmark prints: a markdown table for people, and the same rows as JSON for
//! machines in `target/bench-results/<benchmark>.json` (or `$CHITIEU_BENCH_JSON_DIR`), with the
//! machine they came from. Benchmarks of other crates include this file with `#[path]`.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

/// The rows of one benchmark run, printed and written by [`Report::finish`].
pub struct Report {
    benchmark: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Report {
    pub fn new(benchmark: &str, columns: &[&str]) -> Self {
        Self {
            benchmark: benchmark.to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// One row, a value per column in order; numbers stay numbers in the JSON.
    pub fn row(&mut self, cells: Vec<Value>) {
        assert_eq!(cells.len(), self.columns.len(), "one value per column");
        self.rows.push(cells);
    }

    /// Prints the table and writes the JSON file; returns the file's path.
    pub fn finish(self) -> std::io::Result<PathBuf> {
        let machine = machine();
        println!(
            "\n{} on {}",
            self.benchmark,
            machine["summary"].as_str().unwrap_or("?")
        );
        println!("{}", self.markdown());
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|cells| {
                let mut object = Map::new();
                for (column, cell) in self.columns.iter().zip(cells) {
                    object.insert(column.clone(), cell.clone());
                }
                Value::Object(object)
            })
            .collect();
        let document = json!({
            "benchmark": self.benchmark,
            "machine": machine,
            "unixTime": std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            "rows": rows,
        });
        let dir = std::env::var_os("CHITIEU_BENCH_JSON_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-results")
            });
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}.json", self.benchmark));
        std::fs::write(&path, serde_json::to_vec_pretty(&document)?)?;
        println!("JSON: {}", path.display());
        Ok(path)
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| {} |", self.columns.join(" | "));
        let _ = writeln!(out, "|{}", " --- |".repeat(self.columns.len()));
        for cells in &self.rows {
            let shown: Vec<String> = cells.iter().map(show).collect();
            let _ = writeln!(out, "| {} |", shown.join(" | "));
        }
        out
    }
}

fn show(cell: &Value) -> String {
    match cell {
        Value::String(s) => s.clone(),
        Value::Null => "–".to_owned(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.abs() >= 100.0 => format!("{f:.0}"),
            Some(f) if n.is_f64() && f.abs() >= 10.0 => format!("{f:.1}"),
            Some(f) if n.is_f64() => format!("{f:.2}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// The CPU, core count and memory, read from `/proc`.
pub fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU".to_owned(), |m| m.trim().to_owned());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| kib_field(&m, "MemTotal:"))
        .map_or(0.0, |kib| kib as f64 / 1024.0 / 1024.0);
    json!({
        "cpu": cpu,
        "cores": cores,
        "memoryGiB": (memory_gib * 10.0).round() / 10.0,
        "summary": format!("{cpu}, {cores} cores, {memory_gib:.0} GiB"),
    })
}

/// Peak resident memory (VmHWM) of a process, in MiB; `None` for this process's own.
pub fn peak_rss_mib(pid: Option<u32>) -> f64 {
    let path = pid.map_or("/proc/self/status".to_owned(), |p| {
        format!("/proc/{p}/status")
    });
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| kib_field(&s, "VmHWM:"))
        .map_or(0.0, |kib| (kib as f64 / 1024.0).round())
}

/// Starts a new peak for [`peak_rss_mib`]: the kernel resets VmHWM to the current RSS.
pub fn reset_peak_rss(pid: Option<u32>) {
    let path = pid.map_or("/proc/self/clear_refs".to_owned(), |p| {
        format!("/proc/{p}/clear_refs")
    });
    // Not every kernel lets a process write there; the peak then covers the whole run.
    let _ = std::fs::write(path, "5");
}

fn kib_field(text: &str, field: &str) -> Option<u64> {
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kib| kib.parse().ok())
}

/// The median of some durations, in milliseconds.
pub fn median_ms(mut samples: Vec<std::time::Duration>) -> f64 {
    samples.sort();
    samples
        .get(samples.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}
