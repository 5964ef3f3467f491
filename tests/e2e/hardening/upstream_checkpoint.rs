//! The audit chain's head goes upstream with each theodoinq submission: a signed checkpoint
//! the upstream keeps, which our own `audit verify` accepts as authentic and matches against
//! the chain, so the trail has an anchor outside our database.

use chitieu_connector::sim::{self, SimConfig};
use chitieu_e2e::sync_fixture::{approve_reports, store_target};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::audit::{self, Checkpoint};
use chitieu_schema::schema::audit_entries;
use diesel::prelude::*;
use serde_json::json;

pub async fn each_submission_carries_a_checkpoint_that_matches_the_chain(app: TestApp) {
    let upstream = sim::start(SimConfig::default()).await.unwrap();
    store_target(&app, &upstream.base_url()).await;
    approve_reports(&app, 2).await;
    let run = expect_json(
        app.post_json("/api/v1/sync/runs", &json!({"target": "theodoinq"}))
            .await,
        202,
    )
    .await;
    assert_eq!(run["sent"], 2, "{run}");

    let submissions = upstream.submissions();
    assert_eq!(submissions.len(), 2);
    for submission in submissions {
        let line = submission
            .audit_checkpoint
            .clone()
            .expect("the simulator kept the checkpoint");
        assert_eq!(submission.body["auditCheckpoint"]["line"], json!(line));
        let checkpoint = Checkpoint::parse_line(&line).expect("a checkpoint line");
        assert!(checkpoint.is_authentic(), "signed with our audit key");
        assert_eq!(
            submission.body["auditCheckpoint"]["head"],
            json!(checkpoint.head)
        );
        let (head, entries) = app
            .with_db(move |conn| {
                let head: String = audit_entries::table
                    .find(checkpoint.last_id)
                    .select(audit_entries::hash)
                    .first(conn)
                    .unwrap();
                let entries: i64 = audit_entries::table
                    .filter(audit_entries::id.le(checkpoint.last_id))
                    .count()
                    .get_result(conn)
                    .unwrap();
                (head, entries)
            })
            .await;
        assert_eq!((head, entries), (checkpoint.head, checkpoint.entries));

        let verified = app
            .with_db(move |conn| audit::verify(conn, &[line]).unwrap())
            .await;
        assert_eq!((verified.broken, verified.checkpoints), (None, 1));
    }
}
