use chitieu_connector::sim::SimConfig;
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

#[tokio::test]
async fn a_dhis2_conflict_yields_rejected_with_the_import_message() {
    let sim = simulator(SimConfig::default()).await;
    let target = target(&sim, Profile::Dhis2, Auth::None);
    let mut without_code = delivery(1);
    without_code.report.values[1].indicator_code.clear();
    let outcome = transport().send(&target, &without_code).await;
    assert_eq!(
        outcome,
        Outcome::Rejected {
            status: 409,
            message: "1 conflict(s): nothing was imported".into()
        }
    );
}
