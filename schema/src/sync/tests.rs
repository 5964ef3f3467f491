//! The outbox on real databases: a SQLite file always, PostgreSQL when `CHITIEU_TEST_PG` names
//! a server.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::*;
use crate::db::test_databases::{self, TestDatabase};
use crate::db::{DatabaseUrl, Db};
use crate::now_utc;

/// Migrated databases with one report (id 1) of unit 31001, plan P-1, period 202611, and
/// the enabled target `theodoinq` plus the disabled target `old`.
fn fixtures() -> Vec<TestDatabase> {
    let all = test_databases::migrated("chitieu_sync");
    for fixture in &all {
        let mut conn = fixture.connect();
        conn.batch_execute(
            "INSERT INTO org_units (id, code, name, name_key, kind, path, depth, version, created_at, updated_at)
               VALUES (1, '31001', 'Xã Thái Tân', 'xa thai tan', 'commune', '31001/', 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
             INSERT INTO catalogs (id, code, name, version, created_at, updated_at)
               VALUES (1, 'C-1', 'Catalog', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
             INSERT INTO plans (id, code, number, issued_on, title, issuing_unit_id, catalog_id, valid_from, valid_to,
                 monthly_due_day, monthly_due_offset, quarterly_due_day, quarterly_due_offset,
                 six_monthly_due_day, six_monthly_due_offset, yearly_due_day, yearly_due_offset,
                 version, created_at, updated_at)
               VALUES (1, 'P-1', '1/KH', '2026-01-01', 'Plan', 1, 1, '2026-01-01', '2026-12-31',
                 6, 1, 6, 1, 6, 0, 6, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
             INSERT INTO reports (id, unit_id, plan_id, period, period_start, period_end, state, late, version, created_at, updated_at)
               VALUES (1, 1, 1, '202611', '2026-11-01', '2026-11-30', 'approved', FALSE, 4, '2026-01-01 00:00:00', '2026-01-01 00:00:00');",
        )
        .unwrap();
        for (code, enabled) in [("theodoinq", true), ("old", false)] {
            upsert_target(
                &mut conn,
                &NewTarget {
                    code: code.into(),
                    profile: "theodoinq".into(),
                    base_url: "http://127.0.0.1:9".into(),
                    auth_json: r#"{"type":"none"}"#.into(),
                    mapping_json: "{}".into(),
                    enabled,
                    tls_json: None,
                    template_json: None,
                },
            )
            .unwrap();
        }
    }
    all
}

fn approved(version: i32) -> ApprovedVersion {
    ApprovedVersion {
        report_id: 1,
        unit_code: "31001".into(),
        plan_code: "P-1".into(),
        period: "202611".into(),
        version,
    }
}

fn claim_request(worker: &str, lease: Duration) -> ClaimRequest {
    ClaimRequest {
        worker_id: worker.into(),
        batch: 10,
        lease,
        target_code: None,
    }
}

fn soon() -> NaiveDateTime {
    now_utc() - chrono::Duration::seconds(1)
}

#[test]
fn an_approval_writes_one_keyed_entry_per_enabled_target() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        assert_eq!(enqueue(&mut conn, &approved(4)).unwrap(), 1);
        let claimed = claim(&mut conn, &claim_request("a", Duration::from_secs(60))).unwrap();
        assert_eq!(claimed.len(), 1);
        assert_eq!(
            claimed[0].idempotency_key,
            "chitieu:31001:P-1:202611:v4:theodoinq"
        );
        assert_eq!(claimed[0].state, EntryState::Sending);
        assert_eq!(claimed[0].attempts, 1);
    }
}

#[test]
fn a_claimed_entry_is_claimed_again_only_after_its_lease_runs_out() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        enqueue(&mut conn, &approved(4)).unwrap();
        let first = claim(&mut conn, &claim_request("a", Duration::from_millis(300))).unwrap();
        assert_eq!(first.len(), 1);
        assert!(
            claim(&mut conn, &claim_request("b", Duration::from_secs(60)))
                .unwrap()
                .is_empty()
        );
        std::thread::sleep(Duration::from_millis(400));
        let again = claim(&mut conn, &claim_request("b", Duration::from_secs(60))).unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].claimed_by.as_deref(), Some("b"));
        assert_eq!(again[0].attempts, 2);
        // The worker that lost its lease may no longer push the entry back.
        assert_eq!(
            mark_retry(&mut conn, again[0].id, "a", soon(), "late", 10).unwrap(),
            None
        );
        assert!(mark_sent(&mut conn, again[0].id, "receipt-1", None).unwrap());
        let sent = find_entry(&mut conn, again[0].id).unwrap();
        assert_eq!(sent.state, EntryState::Sent);
        assert_eq!(sent.receipt.as_deref(), Some("receipt-1"));
    }
}

#[test]
fn a_failed_attempt_waits_and_the_last_allowed_one_is_dead() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        enqueue(&mut conn, &approved(4)).unwrap();
        let lease = Duration::from_secs(60);
        let later = now_utc() + chrono::Duration::hours(1);
        let entry = claim(&mut conn, &claim_request("a", lease))
            .unwrap()
            .remove(0);
        let state = mark_retry(&mut conn, entry.id, "a", later, "503", 2).unwrap();
        assert_eq!(state, Some(EntryState::Pending));
        assert!(
            claim(&mut conn, &claim_request("a", lease))
                .unwrap()
                .is_empty(),
            "not due yet"
        );
        mark_retry(&mut conn, entry.id, "a", soon(), "503", 2).ok();
        diesel::update(crate::schema::sync_outbox::table)
            .set(crate::schema::sync_outbox::next_attempt_at.eq(soon()))
            .execute(&mut conn)
            .unwrap();
        let entry = claim(&mut conn, &claim_request("a", lease))
            .unwrap()
            .remove(0);
        let state = mark_retry(&mut conn, entry.id, "a", soon(), "503 again", 2).unwrap();
        assert_eq!(state, Some(EntryState::Dead));
        assert!(
            claim(&mut conn, &claim_request("a", lease))
                .unwrap()
                .is_empty()
        );
        let revived = retry_entry(&mut conn, entry.id).unwrap();
        assert_eq!((revived.state, revived.attempts), (EntryState::Pending, 0));
        let entry = claim(&mut conn, &claim_request("a", lease))
            .unwrap()
            .remove(0);
        assert!(mark_attention(&mut conn, entry.id, "a", "422: unknown unit").unwrap());
        let discarded = discard(&mut conn, entry.id).unwrap();
        assert_eq!(discarded.state, EntryState::Discarded);
        assert!(
            retry_entry(&mut conn, entry.id).is_err(),
            "only dead or refused entries"
        );
    }
}

#[test]
fn a_reopened_report_supersedes_its_unsent_entries_and_keeps_sent_ones() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        enqueue(&mut conn, &approved(4)).unwrap();
        let entry = claim(&mut conn, &claim_request("a", Duration::from_secs(60)))
            .unwrap()
            .remove(0);
        mark_sent(&mut conn, entry.id, "r-4", None).unwrap();
        enqueue(&mut conn, &approved(8)).unwrap();
        assert_eq!(supersede_unsent(&mut conn, 1).unwrap(), 1);
        enqueue(&mut conn, &approved(12)).unwrap();
        let status = target_status(&mut conn, Some("theodoinq"))
            .unwrap()
            .remove(0);
        assert_eq!(status.count(EntryState::Sent), 1);
        assert_eq!(status.count(EntryState::Superseded), 1);
        assert_eq!(status.count(EntryState::Pending), 1);
    }
}

#[test]
fn a_scheduled_slot_is_taken_by_one_replica_only() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        let slot =
            NaiveDateTime::parse_from_str("2026-12-01 00:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
        assert!(claim_slot(&mut conn, "sync-morning", slot, "a").unwrap());
        assert!(!claim_slot(&mut conn, "sync-morning", slot, "b").unwrap());
        finish_slot(&mut conn, "sync-morning", slot).unwrap();
        let last = last_slots(&mut conn).unwrap();
        assert_eq!(last.len(), 1);
        assert_eq!(last[0].claimed_by, "a");
        assert!(last[0].finished_at.is_some());
    }
}

#[test]
fn concurrent_claimers_take_disjoint_entries() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        for version in 1..=40 {
            enqueue(&mut conn, &approved(version)).unwrap();
        }
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let url = fixture.url.clone();
                std::thread::spawn(move || {
                    let mut conn = Db::open(&DatabaseUrl::parse(&url).unwrap()).unwrap();
                    let mut mine = Vec::new();
                    loop {
                        let request = ClaimRequest {
                            batch: 3,
                            ..claim_request(&format!("w{w}"), Duration::from_secs(60))
                        };
                        let batch = claim(&mut conn, &request).unwrap();
                        if batch.is_empty() {
                            return mine;
                        }
                        mine.extend(batch.into_iter().map(|e| e.id));
                    }
                })
            })
            .collect();
        let mut all: Vec<i64> = workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        all.sort_unstable();
        let claimed = all.len();
        all.dedup();
        assert_eq!(
            (claimed, all.len()),
            (40, 40),
            "every entry claimed exactly once"
        );
    }
}

#[test]
fn a_report_dhis2_cannot_hold_gets_its_dhis2_entry_in_attention_at_once() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        upsert_target(
            &mut conn,
            &NewTarget {
                code: "dhis2".into(),
                profile: "dhis2".into(),
                base_url: "http://127.0.0.1:9".into(),
                auth_json: r#"{"type":"none"}"#.into(),
                mapping_json: "{}".into(),
                tls_json: None,
                template_json: None,
                enabled: true,
            },
        )
        .unwrap();
        let ad_hoc = ApprovedVersion {
            period: "2026-11-02..2026-11-05".into(),
            ..approved(1)
        };
        assert_eq!(enqueue(&mut conn, &ad_hoc).unwrap(), 2);
        let claimed = claim(&mut conn, &claim_request("a", Duration::from_secs(60))).unwrap();
        let targets: Vec<&str> = claimed.iter().map(|e| e.target_code.as_str()).collect();
        assert_eq!(
            targets,
            ["theodoinq"],
            "only theodoinq takes ad-hoc periods"
        );
        let entries = list_entries(
            &mut conn,
            &EntryFilter {
                state: Some(EntryState::Attention),
                target_code: None,
                report_id: None,
                webhook_id: None,
            },
            crate::pagination::PageRequest::new(None, None).unwrap(),
        )
        .unwrap();
        assert_eq!(entries.items.len(), 1);
        assert_eq!(entries.items[0].target_code, "dhis2");
        assert_eq!(
            entries.items[0].last_error.as_deref(),
            Some(DHIS2_AD_HOC_REFUSAL)
        );
    }
}

/// The feed's events, oldest first: (kind, unit, data).
fn feed(conn: &mut Db) -> Vec<(String, String, serde_json::Value)> {
    crate::events::list_all(conn, 0, 100)
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.unit_code, serde_json::from_str(&e.data).unwrap()))
        .collect()
}

#[test]
fn a_report_entry_going_dead_or_refused_raises_its_event_and_a_webhook_entry_raises_none() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        let hook = crate::webhooks::NewWebhook {
            unit_code: "31001".into(),
            unit_path: "31001/".into(),
            url: "http://127.0.0.1:9/hook".into(),
            events: vec!["sync.dead".into(), "sync.attention".into()],
            description: None,
            created_by: "admin".into(),
        };
        let (hook, _) = crate::webhooks::create(&mut conn, &hook).unwrap();
        enqueue(&mut conn, &approved(4)).unwrap();
        let entry = &claim(&mut conn, &claim_request("a", Duration::from_secs(60))).unwrap()[0];
        let state = mark_retry(&mut conn, entry.id, "a", soon(), "HTTP 503", 1).unwrap();
        assert_eq!(state, Some(EntryState::Dead));
        let events = feed(&mut conn);
        assert_eq!(events.len(), 1);
        assert_eq!(
            (events[0].0.as_str(), events[0].1.as_str()),
            ("sync.dead", "31001")
        );
        assert_eq!(events[0].2["target"], "theodoinq");
        assert_eq!(events[0].2["error"], "HTTP 503");

        // The event is one delivery to the subscription; that delivery dying raises nothing.
        let claimed = claim(&mut conn, &claim_request("a", Duration::from_secs(60))).unwrap();
        assert_eq!(claimed.len(), 1);
        assert_eq!(claimed[0].webhook_id, Some(hook.id));
        assert!(
            claimed[0]
                .payload
                .as_deref()
                .unwrap()
                .contains("\"type\":\"sync.dead\"")
        );
        mark_retry(&mut conn, claimed[0].id, "a", soon(), "HTTP 500", 1).unwrap();
        assert_eq!(feed(&mut conn).len(), 1);

        enqueue(&mut conn, &approved(5)).unwrap();
        let entry = &claim(&mut conn, &claim_request("a", Duration::from_secs(60))).unwrap()[0];
        assert!(mark_attention(&mut conn, entry.id, "a", "422: unit.code is missing").unwrap());
        let events = feed(&mut conn);
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].0, "sync.attention");
    }
}

#[test]
fn pruning_removes_only_the_events_older_than_the_retention() {
    for fixture in fixtures() {
        let mut conn = fixture.connect();
        for _ in 0..3 {
            crate::events::append_at_unit(
                &mut conn,
                "deadline.missed",
                "31001",
                None,
                None,
                serde_json::json!({}),
            )
            .unwrap();
        }
        let hour = chrono::Duration::hours(1);
        assert_eq!(
            crate::events::prune(&mut conn, now_utc() - hour).unwrap(),
            0
        );
        assert_eq!(feed(&mut conn).len(), 3);
        assert_eq!(
            crate::events::prune(&mut conn, now_utc() + hour).unwrap(),
            3
        );
        assert!(feed(&mut conn).is_empty());
    }
}
