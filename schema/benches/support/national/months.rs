//! Months of commune reports in mixed workflow states.

use super::{Failure, PLAN, XorShift};
use chitieu_schema::db::Db;
use chitieu_schema::domain::{DeadlineRules, Period};
use chitieu_schema::reports::{
    self, Actor, AtomicMode, BulkInput, BulkValue, ImportOptions, ImportStrategy, UnitAccess,
};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::tree::ids_by_code;

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
pub(super) fn seed_month(
    conn: &mut Db,
    period: Period,
    kinds: &[(String, &'static str)],
    random: &mut XorShift,
) -> Result<(usize, usize), Failure> {
    let communes = ids_by_code(conn, "commune")?;
    let outcomes: Vec<Outcome> = communes.iter().map(|_| draw_outcome(random)).collect();
    write_month(conn, period, kinds, random, &communes, &outcomes)
}

/// One month in which every commune's report is approved on time: what the sync benchmark
/// sends upstream. Returns the reports and values written.
#[allow(dead_code)]
pub fn seed_approved_month(
    conn: &mut Db,
    period: Period,
    kinds: &[(String, &'static str)],
    random: &mut XorShift,
) -> Result<(usize, usize), Failure> {
    let communes = ids_by_code(conn, "commune")?;
    let outcomes = vec![Outcome::ApprovedOnTime; communes.len()];
    write_month(conn, period, kinds, random, &communes, &outcomes)
}

/// The values of every commune that reports, imported in one call, then the workflow states
/// set per outcome.
fn write_month(
    conn: &mut Db,
    period: Period,
    kinds: &[(String, &'static str)],
    random: &mut XorShift,
    communes: &[(String, i64)],
    outcomes: &[Outcome],
) -> Result<(usize, usize), Failure> {
    let mut values = Vec::new();
    for ((code, _), outcome) in communes.iter().zip(outcomes) {
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
            .zip(outcomes)
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
