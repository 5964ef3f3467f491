//! How the organisation tree performs at national scale: 34 provinces, 3,321 communes and ten
//! agencies per commune (about 36,500 units), built through the storage layer.
//!
//! `cargo bench -p chitieu-schema --bench org_tree`; with `CHITIEU_TEST_PG` set (e.g.
//! `postgres://postgres@127.0.0.1:5432`) the same runs on a fresh PostgreSQL database too.

use std::time::{Duration, Instant};

use chitieu_schema::db::{DatabaseUrl, Db, run_pending_migrations};
use chitieu_schema::domain::{Name, OrgUnitCode, OrgUnitKind};
use chitieu_schema::org_units::{self, NewOrgUnit, OrgUnitChanges, SubtreeFilter};
use chitieu_schema::pagination::PageRequest;
use diesel::{Connection, PgConnection, RunQueryDsl};

const PROVINCES: usize = 34;
const COMMUNES: usize = 3_321;
const AGENCIES_PER_COMMUNE: usize = 10;
const RUNS: usize = 21;

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let dir = tempfile::tempdir()?;
    let sqlite = DatabaseUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("tree.db").display()
    ))?;
    let mut results = vec![("sqlite", measure(&sqlite)?)];
    if let Some(server) = std::env::var("CHITIEU_TEST_PG")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        let server = server.trim().trim_end_matches('/').to_owned();
        let name = format!("chitieu_bench_{}", std::process::id());
        let mut admin = PgConnection::establish(&format!("{server}/postgres"))?;
        diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
        let outcome = DatabaseUrl::parse(&format!("{server}/{name}"))
            .map_err(Failure::from)
            .and_then(|url| measure(&url));
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut admin)?;
        results.push(("postgres", outcome?));
    }
    print_table(&results);
    Ok(())
}

struct Timings {
    units: usize,
    build: Duration,
    rows: Vec<(&'static str, Duration)>,
}

fn measure(url: &DatabaseUrl) -> Result<Timings, Failure> {
    let mut conn = Db::open(url)?;
    run_pending_migrations(&mut conn)?;
    let started = Instant::now();
    let units = build_national_tree(&mut conn)?;
    let build = started.elapsed();

    let page = PageRequest::new(Some(1), Some(50))?;
    let deep_page = PageRequest::new(Some(20), Some(50))?;
    let all = SubtreeFilter::default();
    let province = OrgUnitCode::parse("17")?;
    let commune = OrgUnitCode::parse(&commune_code(1_234))?;
    let agency = OrgUnitCode::parse(&agency_code(&commune_code(1_234), 7))?;
    let moving = OrgUnitCode::parse(&commune_code(2_000))?;
    let targets = [OrgUnitCode::parse("05")?, OrgUnitCode::parse("29")?];

    let mut turn = 0;
    let mut move_commune = || {
        turn += 1;
        let changes = OrgUnitChanges {
            parent_code: Some(targets[turn % 2].clone()),
            ..OrgUnitChanges::default()
        };
        org_units::update(&mut conn, &moving, None, &changes).map(|_| ())
    };
    let moves = median(&mut move_commune)?;
    let rows = vec![
        (
            "province subtree, page 1 of 50 + count",
            median(|| org_units::subtree(&mut conn, &province, &all, page).map(|_| ()))?,
        ),
        (
            "province subtree, page 20 of 50 + count",
            median(|| org_units::subtree(&mut conn, &province, &all, deep_page).map(|_| ()))?,
        ),
        (
            "commune subtree, page 1 + count",
            median(|| org_units::subtree(&mut conn, &commune, &all, page).map(|_| ()))?,
        ),
        (
            "ancestors of an agency",
            median(|| org_units::ancestors(&mut conn, &agency).map(|_| ()))?,
        ),
        ("move a commune (11 units) between provinces", moves),
    ];
    Ok(Timings { units, build, rows })
}

/// The median of `RUNS` timed calls, after one untimed call to warm caches.
fn median<E: std::error::Error + 'static>(
    mut work: impl FnMut() -> Result<(), E>,
) -> Result<Duration, Failure> {
    work()?;
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        work()?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times[RUNS / 2])
}

fn commune_code(n: usize) -> String {
    format!("{n:05}")
}

fn agency_code(commune: &str, n: usize) -> String {
    format!("{commune}-U{n:02}")
}

/// Creates the tree through the storage layer, one transaction per province.
fn build_national_tree(conn: &mut Db) -> Result<usize, Failure> {
    let mut created = 0;
    let mut next_commune = 1;
    for p in 0..PROVINCES {
        let communes = COMMUNES / PROVINCES + usize::from(p < COMMUNES % PROVINCES);
        created += conn.transaction(|conn| -> Result<usize, Failure> {
            let province = OrgUnitCode::parse(&format!("{:02}", p + 1))?;
            let mut count = 0;
            add(
                conn,
                OrgUnitKind::Province,
                province.as_str(),
                None,
                &mut count,
            )?;
            for _ in 0..communes {
                let commune = commune_code(next_commune);
                next_commune += 1;
                add(
                    conn,
                    OrgUnitKind::Commune,
                    &commune,
                    Some(&province),
                    &mut count,
                )?;
                let parent = OrgUnitCode::parse(&commune)?;
                for a in 1..=AGENCIES_PER_COMMUNE {
                    let code = agency_code(&commune, a);
                    add(conn, OrgUnitKind::Unit, &code, Some(&parent), &mut count)?;
                }
            }
            Ok(count)
        })?;
    }
    Ok(created)
}

fn add(
    conn: &mut Db,
    kind: OrgUnitKind,
    code: &str,
    parent: Option<&OrgUnitCode>,
    count: &mut usize,
) -> Result<(), Failure> {
    let new = NewOrgUnit {
        code: OrgUnitCode::parse_for(kind, code)?,
        name: Name::parse(&format!("Đơn vị {code}"))?,
        kind,
        parent_code: parent.cloned(),
        valid_from: None,
    };
    org_units::create(conn, &new)?;
    *count += 1;
    Ok(())
}

fn print_table(results: &[(&str, Timings)]) {
    for (backend, timings) in results {
        println!(
            "\n{backend}: {} units built in {:.1} s (one transaction per province)",
            timings.units,
            timings.build.as_secs_f64()
        );
        println!("  {:<46} {:>12}", "operation", format!("median of {RUNS}"));
        for (name, time) in &timings.rows {
            println!("  {name:<46} {:>9.3} ms", time.as_secs_f64() * 1_000.0);
        }
    }
}
