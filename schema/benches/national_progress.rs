//! Progress queries at national scale: the completeness of one month for the whole country
//! (and for one province) over the data set of `support/national/`: 34 provinces, 3,321
//! communes with ten agencies each, 70 indicators, one national plan assigning every item to
//! every commune, and `CHITIEU_BENCH_MONTHS` months of reports (default 12).
//!
//! `cargo bench -p chitieu-schema --bench national_progress`: SQLite in a temporary file
//! always; with `CHITIEU_BENCH_PG=postgres://postgres@127.0.0.1:5432` also a fresh PostgreSQL
//! database, dropped afterwards (`CHITIEU_TEST_PG` works too). `CHITIEU_BENCH_SQLITE=file`
//! keeps the SQLite data set in `file` and reuses it on the next run; `CHITIEU_BENCH_ONLY=text`
//! runs only the measurements whose name holds `text`. Each measurement is the median
//! of 5 runs after 1 warm-up, with the process's peak resident memory during its runs; the
//! output is a table, and JSON in `target/bench-results/national_progress.json`.
//!
//! A new measurement (the national roll-up of `chitieu_schema::progress::rollup`, say) is one
//! more entry in [`MEASUREMENTS`]: a name and a function running the query once.

mod support;

use std::time::{Duration, Instant};

use chitieu_schema::db::{DatabaseUrl, Db, run_pending_migrations};
use chitieu_schema::domain::Period;
use chitieu_schema::pagination::PageRequest;
use chitieu_schema::progress::{self, CompletenessQuery, IndicatorSelection, RollupQuery};
use chrono::Datelike;
use diesel::{Connection, PgConnection, RunQueryDsl};

use serde_json::{Value, json};
use support::national::{self, Failure, NationalSet};
use support::report::{self, Report};

const WARM_UPS: usize = 1;
const RUNS: usize = 5;

/// A query measured against the data set; it returns a short description of what it found,
/// printed once so the figures can be checked against the data set.
struct Measurement {
    name: &'static str,
    run: fn(&mut Db, &NationalSet) -> Result<String, Failure>,
}

const MEASUREMENTS: &[Measurement] = &[
    Measurement {
        name: "completeness, national, one month",
        run: national_completeness,
    },
    Measurement {
        name: "completeness, one province, one month",
        run: province_completeness,
    },
    Measurement {
        name: "roll-up of the plan's 70 indicators, national, one month",
        run: national_rollup_month,
    },
    Measurement {
        name: "roll-up of the plan's 70 indicators, one province, one month",
        run: province_rollup_month,
    },
    Measurement {
        name: "roll-up of the plan's 70 indicators, national, a quarter from its months",
        run: national_rollup_quarter,
    },
];

fn national_rollup_month(conn: &mut Db, set: &NationalSet) -> Result<String, Failure> {
    let month = *set.months.last().ok_or("the data set has no month")?;
    rollup_of(conn, national::NATIONAL, month)
}

fn province_rollup_month(conn: &mut Db, set: &NationalSet) -> Result<String, Failure> {
    let month = *set.months.last().ok_or("the data set has no month")?;
    rollup_of(conn, &national::province_code(16), month)
}

/// The quarter holding the last month, derived from the months inside it.
fn national_rollup_quarter(conn: &mut Db, set: &NationalSet) -> Result<String, Failure> {
    let month = *set.months.last().ok_or("the data set has no month")?;
    let quarter = Period::Quarterly {
        year: month.year(),
        quarter: (month.start().month() - 1) / 3 + 1,
    };
    rollup_of(conn, national::NATIONAL, quarter)
}

fn rollup_of(conn: &mut Db, unit: &str, period: Period) -> Result<String, Failure> {
    let rollup = progress::rollup(
        conn,
        &RollupQuery {
            unit_code: unit.to_owned(),
            indicators: IndicatorSelection::Plan(national::PLAN.to_owned()),
            period,
            approved_only: false,
        },
    )?;
    let first = rollup.figures.first().ok_or("the plan has no indicator")?;
    Ok(format!(
        "{period}: {} indicators; {} = {:?} from {} units",
        rollup.figures.len(),
        first.indicator_code,
        first.value,
        first.reporting_units
    ))
}

fn national_completeness(conn: &mut Db, set: &NationalSet) -> Result<String, Failure> {
    completeness_of(conn, set, national::NATIONAL)
}

fn province_completeness(conn: &mut Db, set: &NationalSet) -> Result<String, Failure> {
    completeness_of(conn, set, &national::province_code(16))
}

/// The last month generated, every plan, the first page of the per-unit list.
fn completeness_of(conn: &mut Db, set: &NationalSet, unit: &str) -> Result<String, Failure> {
    let period = *set.months.last().ok_or("the data set has no month")?;
    let found = progress::completeness(
        conn,
        &CompletenessQuery {
            unit_code: unit.to_owned(),
            plan_code: None,
            period,
            status: None,
            page: PageRequest::new(None, None)?,
        },
    )?;
    let s = found.summary;
    Ok(format!(
        "{period}: expected {}, received {} ({} on time, {} late), missing {}; {} child lines",
        s.expected,
        s.received,
        s.on_time,
        s.late,
        s.missing,
        found.by_child.len()
    ))
}

struct Measured {
    name: &'static str,
    found: String,
    runs: Vec<Duration>,
    peak_mib: f64,
}

impl Measured {
    fn median(&self) -> Duration {
        let mut sorted = self.runs.clone();
        sorted.sort();
        sorted[sorted.len() / 2]
    }
}

struct BackendResult {
    backend: &'static str,
    set: NationalSet,
    generation: Duration,
    generation_peak_mib: f64,
    /// False when the data set was found in a kept file.
    generated: bool,
    measured: Vec<Measured>,
}

fn main() -> Result<(), Failure> {
    let months = match std::env::var("CHITIEU_BENCH_MONTHS") {
        Ok(raw) => raw
            .trim()
            .parse::<u32>()
            .map_err(|e| format!("CHITIEU_BENCH_MONTHS={raw:?}: {e}"))?,
        Err(_) => 12,
    };
    let dir = tempfile::tempdir()?;
    // A kept file spares the generation when profiling one query after another.
    let file = std::env::var("CHITIEU_BENCH_SQLITE")
        .map_or_else(|_| dir.path().join("national.db"), std::path::PathBuf::from);
    let sqlite = DatabaseUrl::parse(&format!("sqlite://{}", file.display()))?;
    let mut results = vec![run("sqlite", &sqlite, months)?];
    if let Some(server) = std::env::var("CHITIEU_BENCH_PG")
        .or_else(|_| std::env::var("CHITIEU_TEST_PG"))
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        let server = server.trim().trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_progress_{}", std::process::id());
        let mut admin = PgConnection::establish(&format!("{server}/postgres"))?;
        diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
        let outcome = DatabaseUrl::parse(&format!("{server}/{name}"))
            .map_err(Failure::from)
            .and_then(|url| run("postgres", &url, months));
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut admin)?;
        results.push(outcome?);
    }
    print_table(&results)?;
    Ok(())
}

fn run(backend: &'static str, url: &DatabaseUrl, months: u32) -> Result<BackendResult, Failure> {
    let mut conn = Db::open(url)?;
    run_pending_migrations(&mut conn)?;
    report::reset_peak_rss(None);
    let started = Instant::now();
    let (set, generated) = match national::existing(&mut conn, months)? {
        Some(set) => (set, false),
        None => (national::generate(&mut conn, months)?, true),
    };
    let generation = started.elapsed();
    let generation_peak_mib = report::peak_rss_mib(None);
    eprintln!(
        "[{backend}] generated {} units, {} months, {} reports, {} values in {:.1?}",
        set.units,
        set.months.len(),
        set.reports,
        set.values,
        generation
    );
    let mut measured = Vec::new();
    // One measurement at a time under a profiler: CHITIEU_BENCH_ONLY="national, one month".
    let only = std::env::var("CHITIEU_BENCH_ONLY").unwrap_or_default();
    for measurement in MEASUREMENTS.iter().filter(|m| m.name.contains(&only)) {
        let mut found = String::new();
        report::reset_peak_rss(None);
        for _ in 0..WARM_UPS {
            found = (measurement.run)(&mut conn, &set)?;
        }
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            (measurement.run)(&mut conn, &set)?;
            runs.push(started.elapsed());
        }
        measured.push(Measured {
            name: measurement.name,
            found,
            runs,
            peak_mib: report::peak_rss_mib(None),
        });
    }
    Ok(BackendResult {
        backend,
        set,
        generation,
        generation_peak_mib,
        generated,
        measured,
    })
}

fn print_table(results: &[BackendResult]) -> std::io::Result<()> {
    let mut table = Report::new(
        "national_progress",
        &[
            "backend",
            "measurement",
            "median ms",
            "min ms",
            "max ms",
            "peak RSS MiB",
            "found",
        ],
    );
    let ms = |d: Duration| d.as_secs_f64() * 1_000.0;
    for result in results {
        let set = &result.set;
        table.row(vec![
            json!(result.backend),
            json!(format!(
                "{} {} units, {} months, {} reports, {} values",
                if result.generated {
                    "generating"
                } else {
                    "reusing"
                },
                set.units,
                set.months.len(),
                set.reports,
                set.values
            )),
            json!(ms(result.generation)),
            Value::Null,
            Value::Null,
            json!(result.generation_peak_mib),
            Value::Null,
        ]);
        for m in &result.measured {
            let min = m.runs.iter().min().copied().unwrap_or_default();
            let max = m.runs.iter().max().copied().unwrap_or_default();
            table.row(vec![
                json!(result.backend),
                json!(m.name),
                json!(ms(m.median())),
                json!(ms(min)),
                json!(ms(max)),
                json!(m.peak_mib),
                json!(m.found),
            ]);
        }
    }
    table.finish().map(|_| ())
}
