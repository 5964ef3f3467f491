use std::collections::HashMap;
use std::time::Duration;

use chitieu_connector::sim::{Faults, SimConfig};
use chitieu_connector::{Auth, Outcome, Profile, Transport};

use crate::{delivery, simulator, target, transport, transport_with};

fn with_faults(faults: Faults) -> SimConfig {
    SimConfig {
        faults,
        ..SimConfig::default()
    }
}

#[tokio::test]
async fn a_429_with_retry_after_yields_retry_with_that_delay() {
    let sim = simulator(with_faults(Faults {
        rate_limit_rate: 1.0,
        retry_after: Duration::from_secs(7),
        ..Faults::default()
    }))
    .await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    assert!(
        matches!(&outcome, Outcome::Retry { after: Some(after), reason }
            if *after == Duration::from_secs(7) && reason.starts_with("HTTP 429")),
        "{outcome:?}"
    );
    assert_eq!(
        (sim.stats().faults.rate_limited, sim.stats().unique),
        (1, 0)
    );
}

#[tokio::test]
async fn a_500_yields_retry() {
    let sim = simulator(with_faults(Faults {
        failure_rate: 1.0,
        ..Faults::default()
    }))
    .await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    assert!(
        matches!(&outcome, Outcome::Retry { after: None, reason } if reason.starts_with("HTTP 500")),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_dropped_connection_yields_retry_and_the_resend_with_the_same_key_is_a_replay() {
    let sim = simulator(with_faults(Faults {
        drop_rate: 1.0,
        ..Faults::default()
    }))
    .await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let transport = transport();
    let outcome = transport.send(&target, &delivery(1)).await;
    assert!(
        matches!(&outcome, Outcome::Retry { after: None, reason }
            if reason.contains("connection closed before message completed")),
        "{outcome:?}"
    );
    assert_eq!(sim.stats().unique, 1, "the upstream stored it all the same");

    sim.set_faults(Faults::default());
    let resent = transport.send(&target, &delivery(1)).await;
    assert_eq!(
        resent,
        Outcome::Delivered {
            receipt: "TDNQ-000001".into()
        }
    );
    let stats = sim.stats();
    assert_eq!(
        (
            stats.unique,
            stats.replays,
            stats.duplicates,
            stats.faults.dropped
        ),
        (1, 1, 0, 1)
    );
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_yields_retry_and_the_resend_is_a_replay() {
    let sim = simulator(with_faults(Faults {
        slow_rate: 1.0,
        slow: Duration::from_secs(2),
        ..Faults::default()
    }))
    .await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    let transport = transport_with(Duration::from_millis(300), HashMap::new());
    let outcome = transport.send(&target, &delivery(1)).await;
    assert!(
        matches!(&outcome, Outcome::Retry { reason, .. } if reason.contains("no answer within")),
        "{outcome:?}"
    );
    sim.set_faults(Faults::default());
    let resent = transport.send(&target, &delivery(1)).await;
    assert!(matches!(resent, Outcome::Delivered { .. }), "{resent:?}");
    let stats = sim.stats();
    assert_eq!((stats.unique, stats.replays, stats.duplicates), (1, 1, 0));
}

#[tokio::test]
async fn an_upstream_that_is_not_listening_yields_retry() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Theodoinq, Auth::None);
    sim.stop().await;
    let outcome = transport().send(&target, &delivery(1)).await;
    assert!(
        matches!(&outcome, Outcome::Retry { reason, .. } if reason.starts_with("could not connect")),
        "{outcome:?}"
    );
}
