use chitieu_connector::sim::SimConfig;
use chitieu_connector::{Auth, Outcome, Profile, Transport};

use crate::{delivery, simulator, target, transport};

#[tokio::test]
async fn a_submission_is_delivered_and_its_receipt_kept() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    assert_eq!(
        outcome,
        Outcome::Delivered {
            receipt: "TDNQ-000001".into()
        }
    );
    let stored = sim.submissions();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].receipt, "TDNQ-000001");
    assert_eq!(
        stored[0].idempotency_key.as_deref(),
        Some(delivery(1).idempotency_key.as_str())
    );
    let body = &stored[0].body;
    assert_eq!(body["schema"], "chitieu.theodoinq/1");
    assert_eq!(body["unit"]["code"], "31001");
    assert_eq!(body["periodIso"], "2026-01-01/P1M");
    assert_eq!(body["kpis"][0]["code"], "TD-01", "codes are mapped");
    assert_eq!(body["kpis"][0]["numerator"], 30.0);
    assert_eq!(body["outline"][0]["name"], "Kết quả thực hiện");
}

#[tokio::test]
async fn the_same_key_again_is_a_replay_and_not_a_duplicate() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let transport = transport();
    let first = transport.send(&target, &delivery(1)).await;
    let again = transport.send(&target, &delivery(1)).await;
    assert_eq!(first, again, "the replay answers the first receipt");
    let stats = sim.stats();
    assert_eq!(
        (
            stats.received,
            stats.unique,
            stats.replays,
            stats.duplicates
        ),
        (2, 1, 1, 0)
    );
}

#[tokio::test]
async fn a_new_key_for_an_already_stored_report_version_is_counted_as_a_duplicate() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let transport = transport();
    let mut rekeyed = delivery(1);
    rekeyed.idempotency_key.push_str("-other");
    transport.send(&target, &delivery(1)).await;
    transport.send(&target, &rekeyed).await;
    let stats = sim.stats();
    assert_eq!((stats.unique, stats.duplicates), (2, 1));
    assert!(sim.submissions()[1].duplicate);
}

#[tokio::test]
async fn a_422_yields_rejected_with_the_simulators_message() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let mut without_code = delivery(1);
    without_code.report.values[1].indicator_code.clear();
    let outcome = transport().send(&target, &without_code).await;
    assert_eq!(
        outcome,
        Outcome::Rejected {
            status: 422,
            message: "kpis[1].code is missing".into()
        }
    );
    assert_eq!((sim.stats().rejected, sim.stats().unique), (1, 0));
}

#[tokio::test]
async fn a_period_that_is_not_one_is_rejected_before_anything_is_sent() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let mut bad = delivery(1);
    bad.report.period = "2026M13".into();
    let outcome = transport().send(&target, &bad).await;
    assert!(
        matches!(&outcome, Outcome::Rejected { status: 0, message } if message.contains("2026M13")),
        "{outcome:?}"
    );
    assert_eq!(sim.stats().received, 0);
}
