use chitieu_connector::sim::{Dhis2Release, Dhis2Sim, SimConfig};
use chitieu_connector::{Auth, Outcome, Profile, Transport};
use serde_json::json;

use crate::{delivery, simulator, target, transport};

#[tokio::test]
async fn the_dhis2_profile_posts_a_data_value_set_the_simulator_accepts() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    assert_eq!(
        outcome,
        Outcome::Delivered {
            receipt: "DHIS2-000001".into()
        }
    );
    let stored = &sim.submissions()[0];
    assert_eq!(stored.profile, "dhis2");
    assert_eq!(
        (stored.unit.as_str(), stored.plan.as_str()),
        ("31001", "KH-57-2026")
    );
    assert_eq!(stored.body["completeDate"], "2026-02-03");
    assert_eq!(
        stored.body["dataValues"][1],
        json!({"dataElement": "TD-01", "period": "202601", "orgUnit": "31001",
            "categoryOptionCombo": "DENOMINATOR", "value": "40"})
    );
    assert_eq!(stored.body["dataValues"][3]["value"], "true");
}

#[tokio::test]
async fn a_dhis2_resend_with_the_same_key_is_a_replay_with_the_same_summary() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let transport = transport();
    let first = transport.send(&target, &delivery(1)).await;
    let again = transport.send(&target, &delivery(1)).await;
    assert_eq!(first, again);
    let stats = sim.stats();
    assert_eq!((stats.unique, stats.replays, stats.duplicates), (1, 1, 0));
}

fn dhis2(release: Dhis2Release, unknown: &[&str]) -> SimConfig {
    SimConfig {
        dhis2: Dhis2Sim {
            release,
            unknown_data_elements: unknown.iter().map(|c| (*c).to_owned()).collect(),
            unknown_data_sets: Vec::new(),
        },
        ..SimConfig::default()
    }
}

#[tokio::test]
async fn a_partial_import_by_dhis2_2_43_answered_200_warning_needs_attention_with_each_conflict() {
    let sim = simulator(dhis2(Dhis2Release::V2_43, &["NQ57-12"])).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    let Outcome::Rejected { status, message } = outcome else {
        panic!("a WARNING must not count as delivered: {outcome:?}");
    };
    assert_eq!(status, 200);
    assert!(message.starts_with("DHIS2 import WARNING:"), "{message}");
    assert!(
        message.contains("[E7610] Data element not found or not accessible: `NQ57-12`"),
        "{message}"
    );
    // DHIS2 stored the rest of the set.
    assert_eq!(sim.stats().unique, 1);
}

#[tokio::test]
async fn a_partial_import_by_dhis2_2_40_answered_409_warning_needs_attention_with_each_conflict() {
    let sim = simulator(dhis2(Dhis2Release::V2_40, &["NQ57-12"])).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let outcome = transport().send(&target, &delivery(1)).await;
    let Outcome::Rejected { status, message } = outcome else {
        panic!("a WARNING must not count as delivered: {outcome:?}");
    };
    assert_eq!(status, 409);
    assert!(message.contains("ignored 1"), "{message}");
    assert!(message.contains("`NQ57-12`"), "{message}");
}

#[tokio::test]
async fn a_set_dhis2_refuses_whole_is_an_error_with_its_conflicts() {
    let sim = simulator(dhis2(Dhis2Release::V2_43, &["TD-01", "NQ57-4", "NQ57-12"])).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let Outcome::Rejected { status, message } = transport().send(&target, &delivery(1)).await
    else {
        panic!("nothing was stored");
    };
    assert_eq!(status, 409);
    assert!(message.starts_with("DHIS2 import ERROR:"), "{message}");
    assert_eq!(message.matches("[E7610]").count(), 4, "{message}");
}
