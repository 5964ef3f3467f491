//! Many approved reports, arranged through the storage layer (open, one value, submit,
//! approve: the same transactions the API runs), and a target pointing at the simulator.

use chitieu_connector::targets_file::TargetsFile;
use chitieu_schema::domain::{OrgUnitCode, Period, ValueInput};
use chitieu_schema::reports::{self, Actor, ReportKey, Transition, ValueEntry};
use chitieu_schema::schema::{plan_item_assignments, plan_items, plans};
use chitieu_schema::sync::{self, EntryState};
use diesel::prelude::*;

use crate::TestApp;
use crate::reporting_fixture::{self, COMMUNE, COUNT, PLAN};

/// The target every sync test delivers to.
pub const TARGET: &str = "theodoinq";

/// The targets file for an upstream at `base_url`.
pub fn targets_json(base_url: &str) -> String {
    format!(
        r#"{{"targets": [{{"code": "{TARGET}", "profile": "theodoinq", "baseUrl": "{base_url}",
             "auth": {{"type": "none"}}}}]}}"#
    )
}

/// Stores the target, as the server does at start-up from `CHITIEU_SYNC_TARGETS_FILE`.
pub async fn store_target(app: &TestApp, base_url: &str) {
    let file = TargetsFile::parse("test targets", &targets_json(base_url)).expect("valid targets");
    app.with_db(move |conn| file.store(conn).expect("the target is stored"))
        .await;
}

/// Seeds the commune plan plus enough agencies that report the count indicator, and approves
/// `count` monthly reports of theirs (months from 2025-09 on, agency after agency). Returns
/// the (unit, period) of each.
pub async fn approve_reports(app: &TestApp, count: usize) -> Vec<(String, String)> {
    reporting_fixture::seed_commune_plan(app).await;
    let months: Vec<Period> = Period::parse("2025")
        .expect("a year")
        .monthly_periods()
        .into_iter()
        .chain((2026..=2030).flat_map(|y| {
            Period::parse(&y.to_string())
                .expect("a year")
                .monthly_periods()
        }))
        .filter(|p| p.start() >= chrono::NaiveDate::from_ymd_opt(2025, 8, 18).expect("a date"))
        .collect();
    let agencies = count.div_ceil(months.len());
    for a in 0..agencies {
        app.seed_unit(&agency(a), "unit", Some(COMMUNE)).await;
    }
    app.with_db(move |conn| {
        let item: i64 = plan_items::table
            .inner_join(plans::table)
            .inner_join(chitieu_schema::schema::indicators::table)
            .filter(plans::code.eq(PLAN))
            .filter(chitieu_schema::schema::indicators::code.eq(COUNT))
            .select(plan_items::id)
            .first(conn)
            .expect("the count item");
        for a in 0..agencies {
            let unit = reports::unit_ref(conn, &agency(a)).expect("the agency").id;
            diesel::insert_into(plan_item_assignments::table)
                .values((
                    plan_item_assignments::plan_item_id.eq(item),
                    plan_item_assignments::unit_id.eq(unit),
                    plan_item_assignments::role.eq("coordinating"),
                ))
                .execute(conn)
                .expect("the assignment");
        }
        let actor = Actor {
            subject: "sync.fixture".into(),
            request_id: None,
        };
        let mut approved = Vec::with_capacity(count);
        for n in 0..count {
            let key = ReportKey {
                unit: OrgUnitCode::parse(&agency(n / months.len())).expect("a code"),
                plan: PLAN.into(),
                period: months[n % months.len()],
            };
            approve_one(conn, &key, n, &actor);
            approved.push((key.unit.as_str().to_owned(), key.period.to_string()));
        }
        approved
    })
    .await
}

fn approve_one(conn: &mut chitieu_schema::db::Db, key: &ReportKey, n: usize, actor: &Actor) {
    reports::open(conn, key, actor).expect("the report opens");
    let value = ValueEntry {
        index: 0,
        indicator_code: COUNT.into(),
        input: ValueInput::Number(n as f64),
        comment: None,
        evidence: Vec::new(),
    };
    reports::set_values(conn, key, None, vec![value], false, actor).expect("the value is set");
    reports::transition(
        conn,
        key,
        None,
        Transition::Submit(Default::default()),
        actor,
    )
    .expect("submitted");
    let approve = Transition::Approve {
        override_reason: None,
    };
    reports::transition(conn, key, None, approve, actor).expect("approved");
}

/// The agency `31001-SYNCnn`.
pub fn agency(n: usize) -> String {
    format!("31001-SYNC{n:02}")
}

/// Entries of the target per state: (sent with a receipt, sent, not yet sent, other).
pub async fn outbox_counts(app: &TestApp) -> (i64, i64, i64, i64) {
    app.with_db(outbox_counts_on).await
}

pub fn outbox_counts_on(conn: &mut chitieu_schema::db::Db) -> (i64, i64, i64, i64) {
    use chitieu_schema::schema::sync_outbox;
    let status = sync::target_status(conn, Some(TARGET))
        .expect("the status")
        .pop()
        .expect("the target");
    let with_receipt: i64 = sync_outbox::table
        .filter(sync_outbox::state.eq("sent"))
        .filter(sync_outbox::receipt.is_not_null())
        .count()
        .get_result(conn)
        .expect("a count");
    let unsent = status.count(EntryState::Pending) + status.count(EntryState::Sending);
    let other = status.count(EntryState::Attention) + status.count(EntryState::Dead);
    (with_receipt, status.count(EntryState::Sent), unsent, other)
}
