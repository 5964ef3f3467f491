//! A national data set for benchmarks: the national unit, 34 provinces, 3,321 communes with ten
//! agencies each, one catalog of 70 indicators, one plan issued by the national unit assigning
//! every item to every commune, and months of commune reports in mixed workflow states.
//!
//! `api/benches/bulk_import.rs` seeds its tree and plan with this module too (through
//! `#[path]`), so both benchmarks measure the same country.
//!
//! The tree, catalog, items and assignments are multi-row inserts on the inner connection:
//! building 36,000 units one storage call at a time
//! would measure the tree, not what the benchmarks are about. The plan goes through
//! `plans::create_plan` and the values through `reports::import_values`, the storage layer's
//! own bulk import. Workflow states are then set with one UPDATE per state and chunk, because
//! the workflow functions stamp submissions with the real clock and every month here is past
//! due, which would make every report late.
//!
//! Everything random comes from a seeded xorshift generator, so runs repeat exactly.

use std::error::Error;

use chitieu_schema::db::Db;
use chitieu_schema::domain::Period;
use diesel::prelude::*;

pub type Failure = Box<dyn Error + Send + Sync>;

pub const NATIONAL: &str = "VN";
pub const PROVINCES: usize = 34;
pub const COMMUNES: usize = 3_321;
pub const AGENCIES_PER_COMMUNE: usize = 10;
pub const INDICATORS: usize = 70;
pub const PLAN: &str = "KH-NQ57-QUOCGIA";
const CATALOG: &str = "NQ57-QUOCGIA";

/// What was generated, for the benchmark's table.
#[derive(Debug, Clone)]
pub struct NationalSet {
    pub units: usize,
    pub months: Vec<Period>,
    pub reports: usize,
    pub values: usize,
}

/// xorshift64*: enough spread for test data, no dependency.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// Multi-row INSERTs do not compile on the `MultiConnection` enum: they need the inner one.
macro_rules! insert_chunks {
    ($conn:expr, $table:expr, $rows:expr, $chunk:expr, $context:literal) => {
        for chunk in $rows.chunks($chunk) {
            match &mut *$conn {
                Db::Postgresql(c) => diesel::insert_into($table).values(chunk).execute(c),
                Db::Sqlite(c) => diesel::insert_into($table).values(chunk).execute(c),
            }
            .map_err(|e| format!("{}: {e}", $context))?;
        }
    };
}

mod months;
mod plan;
mod tree;

// Only the sync benchmark of the connector seeds a month in which every report is approved.
#[allow(unused_imports)]
pub use months::seed_approved_month;
use months::seed_month;
pub use plan::seed_plan;
pub use tree::seed_tree;

pub fn province_code(p: usize) -> String {
    format!("{:02}", p + 1)
}

pub fn commune_code(n: usize) -> String {
    format!("{:05}", n + 1)
}

fn months_from_january(months: u32) -> Vec<Period> {
    (0..months)
        .map(|m| Period::Monthly {
            year: 2026 + i32::try_from(m / 12).unwrap_or(0),
            month: m % 12 + 1,
        })
        .collect()
}

/// The set a database already holds (one kept with `CHITIEU_BENCH_SQLITE` between runs), or
/// `None` when it is empty.
pub fn existing(conn: &mut Db, months: u32) -> Result<Option<NationalSet>, Failure> {
    use chitieu_schema::schema::{org_units, report_values, reports};
    let units: i64 = org_units::table.count().get_result(conn)?;
    if units == 0 {
        return Ok(None);
    }
    let reports: i64 = reports::table.count().get_result(conn)?;
    let values: i64 = report_values::table.count().get_result(conn)?;
    Ok(Some(NationalSet {
        units: usize::try_from(units)?,
        months: months_from_january(months),
        reports: usize::try_from(reports)?,
        values: usize::try_from(values)?,
    }))
}

/// Generates the whole set for `months` months from January 2026.
pub fn generate(conn: &mut Db, months: u32) -> Result<NationalSet, Failure> {
    let units = seed_tree(conn)?;
    let kinds = seed_plan(conn)?;
    let periods = months_from_january(months);
    let mut random = XorShift::new(0x5EED_0057);
    let (mut reports, mut values) = (0, 0);
    for period in &periods {
        let (r, v) = seed_month(conn, *period, &kinds, &mut random)?;
        reports += r;
        values += v;
    }
    // Autovacuum gathers statistics after a bulk load in production; right after it the
    // planner would take 36,000 units for a few dozen and pick plans no deployment sees.
    // SQLite gathers none unless asked, so it is measured as deployed.
    if let Db::Postgresql(pg) = conn {
        diesel::sql_query("ANALYZE")
            .execute(pg)
            .map_err(|e| format!("analysing the generated data: {e}"))?;
    }
    Ok(NationalSet {
        units,
        months: periods,
        reports,
        values,
    })
}
