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
use chitieu_schema::domain::{
    CatalogCode, DeadlineRule, DeadlineRules, Name, OrgUnitCode, Period, name_key,
};
use chitieu_schema::plans::{self, NewPlan, PlanCode};
use chitieu_schema::reports::{
    self, Actor, AtomicMode, BulkInput, BulkValue, ImportOptions, ImportStrategy, UnitAccess,
};
use chitieu_schema::schema::{catalogs, indicators, org_units, plan_item_assignments, plan_items};
use chrono::{Duration, NaiveDate, NaiveDateTime};
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

pub fn province_code(p: usize) -> String {
    format!("{:02}", p + 1)
}

pub fn commune_code(n: usize) -> String {
    format!("{:05}", n + 1)
}

/// Generates the whole set for `months` months from January 2026.
pub fn generate(conn: &mut Db, months: u32) -> Result<NationalSet, Failure> {
    let units = seed_tree(conn)?;
    let kinds = seed_plan(conn)?;
    let periods: Vec<Period> = (0..months)
        .map(|m| Period::Monthly {
            year: 2026 + i32::try_from(m / 12).unwrap_or(0),
            month: m % 12 + 1,
        })
        .collect();
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

/// The national unit, the provinces, the communes and their agencies; returns the count.
pub fn seed_tree(conn: &mut Db) -> Result<usize, Failure> {
    let now = chitieu_schema::now_utc();
    let row = |code: &str, kind: &'static str, parent: Option<i64>, path: String| {
        let name = format!("Đơn vị {code}");
        (
            org_units::code.eq(code.to_owned()),
            org_units::name_key.eq(name_key(&name)),
            org_units::name.eq(name),
            org_units::kind.eq(kind),
            org_units::parent_id.eq(parent),
            org_units::depth.eq(i32::try_from(path.matches('/').count() - 1).unwrap_or(0)),
            org_units::path.eq(path),
            org_units::version.eq(1),
            org_units::created_at.eq(now),
            org_units::updated_at.eq(now),
        )
    };
    let national = [row(NATIONAL, "national", None, format!("/{NATIONAL}/"))];
    insert_chunks!(
        conn,
        org_units::table,
        national,
        1,
        "inserting the national unit"
    );
    let national_id = id_of(conn, NATIONAL)?;
    let provinces: Vec<_> = (0..PROVINCES)
        .map(|p| {
            let code = province_code(p);
            row(
                &code,
                "province",
                Some(national_id),
                format!("/{NATIONAL}/{code}/"),
            )
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        provinces,
        1_000,
        "inserting provinces"
    );
    let province_ids = ids_by_code(conn, "province")?;
    // Communes are spread over provinces in turn, about 98 each, as the real count is.
    let communes: Vec<_> = (0..COMMUNES)
        .map(|n| {
            let (province, id) = &province_ids[n % PROVINCES];
            let code = commune_code(n);
            row(
                &code,
                "commune",
                Some(*id),
                format!("/{NATIONAL}/{province}/{code}/"),
            )
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        communes,
        1_000,
        "inserting communes"
    );
    let commune_paths: Vec<(i64, String, String)> = org_units::table
        .filter(org_units::kind.eq("commune"))
        .select((org_units::id, org_units::code, org_units::path))
        .load(conn)
        .map_err(|e| format!("reading communes: {e}"))?;
    let agencies: Vec<_> = commune_paths
        .iter()
        .flat_map(|(id, code, path)| {
            (1..=AGENCIES_PER_COMMUNE).map(move |a| {
                let agency = format!("{code}-U{a:02}");
                let path = format!("{path}{agency}/");
                row(&agency, "unit", Some(*id), path)
            })
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        agencies,
        1_000,
        "inserting agencies"
    );
    Ok(1 + PROVINCES + COMMUNES * (1 + AGENCIES_PER_COMMUNE))
}

fn id_of(conn: &mut Db, code: &str) -> Result<i64, Failure> {
    Ok(org_units::table
        .filter(org_units::code.eq(code))
        .select(org_units::id)
        .first(conn)
        .map_err(|e| format!("reading unit {code}: {e}"))?)
}

fn ids_by_code(conn: &mut Db, kind: &str) -> Result<Vec<(String, i64)>, Failure> {
    Ok(org_units::table
        .filter(org_units::kind.eq(kind))
        .order(org_units::code)
        .select((org_units::code, org_units::id))
        .load(conn)
        .map_err(|e| format!("reading {kind} units: {e}"))?)
}

/// The value kind of the i-th indicator: 40 percents as numerator/denominator, 20 counts,
/// 5 statuses, 5 ranks.
pub fn kind_of(i: usize) -> &'static str {
    match i % 14 {
        0..=7 => "percent",
        8..=11 => "count",
        12 => "status",
        _ => "rank",
    }
}

/// The catalog, the plan issued by the national unit and every item assigned to every
/// commune; returns the indicators' codes and kinds.
pub fn seed_plan(conn: &mut Db) -> Result<Vec<(String, &'static str)>, Failure> {
    let now = chitieu_schema::now_utc();
    let catalog_id: i64 = diesel::insert_into(catalogs::table)
        .values((
            catalogs::code.eq(CATALOG),
            catalogs::name.eq("Chỉ tiêu Nghị quyết 57 toàn quốc"),
            catalogs::version.eq(1),
            catalogs::created_at.eq(now),
            catalogs::updated_at.eq(now),
        ))
        .returning(catalogs::id)
        .get_result(conn)
        .map_err(|e| format!("inserting the catalog: {e}"))?;
    let kinds: Vec<(String, &'static str)> = (0..INDICATORS)
        .map(|i| (format!("NQ57-QG-{:02}", i + 1), kind_of(i)))
        .collect();
    let rows: Vec<_> = kinds
        .iter()
        .enumerate()
        .map(|(i, (code, kind))| {
            let name = format!("Chỉ tiêu số {}", i + 1);
            let (direction, aggregation) = match *kind {
                "percent" => ("higher_is_better", "ratio"),
                "count" => ("higher_is_better", "sum"),
                "status" => ("reach", "share_achieved"),
                _ => ("lower_is_better", "none"),
            };
            (
                indicators::catalog_id.eq(catalog_id),
                indicators::code.eq(code.clone()),
                indicators::number.eq(format!("{}", i + 1)),
                indicators::name_key.eq(name_key(&name)),
                indicators::name.eq(name),
                indicators::value_kind.eq(*kind),
                indicators::direction.eq(direction),
                indicators::aggregation.eq(aggregation),
                // As migration 000006 sets it: counts are flows and sum over months, the other
                // kinds here are stocks whose last month stands for a longer period.
                indicators::period_aggregation.eq(if *kind == "count" { "sum" } else { "last" }),
                indicators::position.eq(i32::try_from(i).unwrap_or(0)),
                indicators::version.eq(1),
                indicators::created_at.eq(now),
                indicators::updated_at.eq(now),
            )
        })
        .collect();
    insert_chunks!(conn, indicators::table, rows, 500, "inserting indicators");
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("a calendar date");
    let rule = |day, offset| DeadlineRule::new(day, offset).map_err(|e| e.to_string());
    plans::create_plan(
        conn,
        NewPlan {
            code: PlanCode::parse(PLAN)?,
            number: Name::parse("57/KH-CP")?,
            issued_on: date(2025, 7, 1)?,
            title: Name::parse("Kế hoạch thực hiện Nghị quyết 57-NQ/TW")?,
            issuing_unit: OrgUnitCode::parse(NATIONAL)?,
            catalog: CatalogCode::parse(CATALOG)?,
            valid_from: date(2025, 7, 1)?,
            valid_to: date(2030, 12, 31)?,
            deadlines: DeadlineRules {
                monthly: rule(6, 1)?,
                quarterly: rule(6, 1)?,
                six_monthly: rule(6, 0)?,
                yearly: rule(6, 0)?,
            },
        },
    )?;
    let plan_id: i64 = chitieu_schema::schema::plans::table
        .filter(chitieu_schema::schema::plans::code.eq(PLAN))
        .select(chitieu_schema::schema::plans::id)
        .first(conn)
        .map_err(|e| format!("reading the plan: {e}"))?;
    let indicator_ids: Vec<i64> = indicators::table
        .filter(indicators::catalog_id.eq(catalog_id))
        .order(indicators::position)
        .select(indicators::id)
        .load(conn)
        .map_err(|e| format!("reading indicators: {e}"))?;
    let items: Vec<_> = indicator_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                plan_items::plan_id.eq(plan_id),
                plan_items::indicator_id.eq(*id),
                plan_items::output_product.eq("Bộ số liệu báo cáo"),
                plan_items::position.eq(i32::try_from(i).unwrap_or(0)),
                plan_items::version.eq(1),
            )
        })
        .collect();
    insert_chunks!(conn, plan_items::table, items, 500, "inserting plan items");
    let item_ids: Vec<i64> = plan_items::table
        .filter(plan_items::plan_id.eq(plan_id))
        .select(plan_items::id)
        .load(conn)
        .map_err(|e| format!("reading plan items: {e}"))?;
    let communes = ids_by_code(conn, "commune")?;
    let assignments: Vec<_> = item_ids
        .iter()
        .flat_map(|item| {
            communes.iter().map(move |(_, unit)| {
                (
                    plan_item_assignments::plan_item_id.eq(*item),
                    plan_item_assignments::unit_id.eq(*unit),
                    plan_item_assignments::role.eq("lead"),
                )
            })
        })
        .collect();
    insert_chunks!(
        conn,
        plan_item_assignments::table,
        assignments,
        10_000,
        "assigning items"
    );
    Ok(kinds)
}

/// Where a commune's report of a month ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Missing,
    Returned,
    SubmittedOnTime,
    SubmittedLate,
    ApprovedLate,
    ApprovedOnTime,
}

fn draw_outcome(random: &mut XorShift) -> Outcome {
    match random.below(100) {
        0..=2 => Outcome::Missing,
        3..=4 => Outcome::Returned,
        5..=14 => Outcome::SubmittedOnTime,
        15..=19 => Outcome::SubmittedLate,
        20..=24 => Outcome::ApprovedLate,
        _ => Outcome::ApprovedOnTime,
    }
}

/// One month: values of every commune that reports, imported in one call, then the workflow
/// states set per outcome. Returns the reports and values written.
fn seed_month(
    conn: &mut Db,
    period: Period,
    kinds: &[(String, &'static str)],
    random: &mut XorShift,
) -> Result<(usize, usize), Failure> {
    let communes = ids_by_code(conn, "commune")?;
    let outcomes: Vec<Outcome> = communes.iter().map(|_| draw_outcome(random)).collect();
    let mut values = Vec::new();
    for ((code, _), outcome) in communes.iter().zip(&outcomes) {
        if *outcome == Outcome::Missing {
            continue;
        }
        for (indicator, kind) in kinds {
            let value = match *kind {
                "percent" => {
                    let denominator = 20 + random.below(200);
                    BulkInput::Ratio {
                        numerator: random.below(denominator + 1).to_string(),
                        denominator: denominator.to_string(),
                    }
                }
                "count" => BulkInput::Text(random.below(500).to_string()),
                "status" => BulkInput::Text(
                    if random.below(4) == 0 {
                        "Chưa đạt"
                    } else {
                        "Đạt"
                    }
                    .to_owned(),
                ),
                _ => BulkInput::Text((1 + random.below(63)).to_string()),
            };
            values.push(BulkValue {
                index: values.len(),
                unit_code: code.clone(),
                period,
                indicator_code: indicator.clone(),
                value,
                comment: None,
            });
        }
    }
    let written = values.len();
    let summary = reports::import_values(
        conn,
        PLAN,
        values,
        Vec::new(),
        ImportOptions {
            strategy: ImportStrategy::CreateAndUpdate,
            atomic: AtomicMode::All,
            dry_run: false,
        },
        &|_| UnitAccess::EnterData,
        &Actor {
            subject: "bench".to_owned(),
            request_id: None,
        },
    )?;
    if let Some(conflict) = summary.conflicts.first() {
        return Err(format!("the import of {period} refused a value: {conflict:?}").into());
    }
    let due = DeadlineRules::default().monthly.due_at(&period).naive_utc();
    let mut reported = 0;
    for outcome in [
        Outcome::Returned,
        Outcome::SubmittedOnTime,
        Outcome::SubmittedLate,
        Outcome::ApprovedLate,
        Outcome::ApprovedOnTime,
    ] {
        let unit_ids: Vec<i64> = communes
            .iter()
            .zip(&outcomes)
            .filter(|(_, o)| **o == outcome)
            .map(|((_, id), _)| *id)
            .collect();
        reported += unit_ids.len();
        set_state(conn, &period, &unit_ids, outcome, due)?;
    }
    Ok((reported, written))
}

fn set_state(
    conn: &mut Db,
    period: &Period,
    unit_ids: &[i64],
    outcome: Outcome,
    due: NaiveDateTime,
) -> Result<(), Failure> {
    use chitieu_schema::schema::{plans, reports};
    let (state, late, approved) = match outcome {
        Outcome::Missing => return Ok(()),
        Outcome::Returned => ("returned", false, false),
        Outcome::SubmittedOnTime => ("submitted", false, false),
        Outcome::SubmittedLate => ("submitted", true, false),
        Outcome::ApprovedLate => ("approved", true, true),
        Outcome::ApprovedOnTime => ("approved", false, true),
    };
    let submitted_at = if late {
        due + Duration::days(3)
    } else {
        due - Duration::days(1)
    };
    let approved_at = approved.then(|| submitted_at + Duration::days(2));
    let plan_id: i64 = plans::table
        .filter(plans::code.eq(PLAN))
        .select(plans::id)
        .first(conn)
        .map_err(|e| format!("reading the plan: {e}"))?;
    for chunk in unit_ids.chunks(1_000) {
        diesel::update(
            reports::table
                .filter(reports::plan_id.eq(plan_id))
                .filter(reports::period.eq(period.to_string()))
                .filter(reports::unit_id.eq_any(chunk)),
        )
        .set((
            reports::state.eq(state),
            reports::submitted_at.eq(Some(submitted_at)),
            reports::submitted_by.eq(Some("bench")),
            reports::late.eq(late),
            reports::approved_at.eq(approved_at),
            reports::approved_by.eq(approved.then_some("bench")),
        ))
        .execute(conn)
        .map_err(|e| format!("setting report states: {e}"))?;
    }
    Ok(())
}
