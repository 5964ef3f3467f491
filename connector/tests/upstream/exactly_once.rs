use std::time::Duration;

use chitieu_connector::sim::{Faults, SimConfig};
use chitieu_connector::{Auth, Profile};
use futures_util::future::join_all;

use crate::{delivery, send_until_delivered, simulator, target, transport};

fn flaky() -> SimConfig {
    SimConfig {
        faults: Faults {
            failure_rate: 0.3,
            drop_rate: 0.05,
            ..Faults::default()
        },
        seed: 57,
        ..SimConfig::default()
    }
}

#[tokio::test]
async fn two_hundred_deliveries_through_failures_and_dropped_connections_are_stored_exactly_once() {
    let sim = simulator(flaky()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let transport = transport();
    let mut attempts = 0;
    for n in 0..200 {
        let (receipt, tries) = send_until_delivered(&transport, &target, &delivery(n)).await;
        assert!(receipt.starts_with("TDNQ-"), "{receipt}");
        attempts += tries;
    }
    let stats = sim.stats();
    assert_eq!((stats.unique, stats.duplicates), (200, 0), "{stats:?}");
    assert!(
        stats.faults.server_error > 30 && stats.faults.dropped > 0,
        "{stats:?}"
    );
    assert_eq!(stats.received as usize, attempts);
    assert_eq!(
        stats.replays, stats.faults.dropped,
        "every drop was resent and replayed"
    );
}

#[tokio::test]
async fn several_replicas_sending_the_same_deliveries_at_once_store_each_report_once() {
    let sim = simulator(SimConfig {
        faults: Faults {
            latency: Duration::from_millis(5),
            ..flaky().faults
        },
        ..flaky()
    })
    .await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let replicas = [transport(), transport(), transport()];
    let sends = (0..30).flat_map(|n| replicas.iter().map(move |replica| (replica, delivery(n))));
    let receipts = join_all(sends.map(|(replica, delivery)| {
        let target = &target;
        async move { send_until_delivered(replica, target, &delivery).await.0 }
    }))
    .await;
    for same_report in receipts.chunks(3) {
        assert!(
            same_report.iter().all(|r| *r == same_report[0]),
            "{same_report:?}"
        );
    }
    let stats = sim.stats();
    assert_eq!((stats.unique, stats.duplicates), (30, 0), "{stats:?}");
}
