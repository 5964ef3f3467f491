use chitieu_e2e::reporting_fixture::{COMMUNE, VHXH, YTE, seed_commune_plan};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::reports::{self, Actor, ReportKey, Transition};

pub async fn the_deadline_watch_lists_reports_missing_or_unapproved(app: TestApp) {
    seed_commune_plan(&app).await;
    app.with_db(|conn| {
        let actor = Actor {
            subject: "admin".into(),
            request_id: None,
        };
        for (unit, approve) in [(VHXH, true), (YTE, false)] {
            let key = ReportKey {
                unit: OrgUnitCode::parse(unit).unwrap(),
                plan: chitieu_e2e::reporting_fixture::PLAN.into(),
                period: Period::parse("202611").unwrap(),
            };
            reports::open(conn, &key, &actor).unwrap();
            reports::transition(
                conn,
                &key,
                None,
                Transition::Submit(Default::default()),
                &actor,
            )
            .unwrap();
            if approve {
                let approve = Transition::Approve {
                    override_reason: None,
                };
                reports::transition(conn, &key, None, approve, &actor).unwrap();
            }
        }
    })
    .await;
    let watch = expect_json(
        app.get("/api/v1/sync/deadline-watch?period=202611").await,
        200,
    )
    .await;
    let owed: Vec<(String, Option<String>)> = watch["owed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let state = o["state"].as_str().map(str::to_owned);
            (o["unitCode"].as_str().unwrap().to_owned(), state)
        })
        .collect();
    assert_eq!(
        owed,
        [
            (COMMUNE.to_owned(), None),
            (YTE.to_owned(), Some("submitted".to_owned()))
        ]
    );
    let bad = app.get("/api/v1/sync/deadline-watch?period=2026-11").await;
    expect_json(bad, 422).await;
}
