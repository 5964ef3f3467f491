//! The subtree listing for reviewers, and who may see it.

use chitieu_e2e::reporting_fixture::{COMMUNE, PLAN, VHXH, YTE};
use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;

use super::fixture::{PART_1, PART_2, Q1, TOTAL, commune_with_sub_items, report_with, send};

pub async fn the_subtree_listing_shows_each_units_violations_within_the_callers_scope(
    app: TestApp,
) {
    let people = commune_with_sub_items(&app).await;
    report_with(&app, &people.vhxh, VHXH, &[(TOTAL, 12.0), (PART_1, 15.0)]).await;
    report_with(
        &app,
        &people.yte,
        YTE,
        &[(TOTAL, 3.0), (PART_1, 1.0), (PART_2, 4.0)],
    )
    .await;
    let listing =
        |unit: &str| format!("/api/v1/org-units/{unit}/validation?plan={PLAN}&period={Q1}");

    for officer in [&people.commune_officer, &people.province_officer] {
        let page = expect_json(
            send(&app, officer, Method::GET, &listing(COMMUNE), None, None).await,
            200,
        )
        .await;
        assert_eq!(page["totalItems"], 2);
        let vhxh = &page["items"][0];
        assert_eq!(
            (vhxh["unitCode"].as_str(), vhxh["reportState"].as_str()),
            (Some(VHXH), Some("draft"))
        );
        assert_eq!(
            vhxh["violations"][0]["ruleCode"],
            format!("SUBITEM-{PART_1}")
        );
        let yte = &page["items"][1];
        assert_eq!(yte["unitCode"], YTE);
        assert_eq!(
            yte["violations"][0]["ruleCode"],
            format!("SUBITEM-{PART_2}")
        );
        assert_eq!(yte["violations"][0]["leftSide"]["value"], 4.0);
    }

    // A reporter of one agency sees its own unit, and nothing of the other or the commune.
    let own = expect_json(
        send(&app, &people.vhxh, Method::GET, &listing(VHXH), None, None).await,
        200,
    )
    .await;
    assert_eq!(own["totalItems"], 1);
    expect_json(
        send(&app, &people.vhxh, Method::GET, &listing(YTE), None, None).await,
        404,
    )
    .await;
    expect_json(
        send(
            &app,
            &people.vhxh,
            Method::GET,
            &listing(COMMUNE),
            None,
            None,
        )
        .await,
        404,
    )
    .await;

    let paged = format!("{}&page=2&pageSize=1", listing(COMMUNE));
    let second = expect_json(
        send(
            &app,
            &people.commune_officer,
            Method::GET,
            &paged,
            None,
            None,
        )
        .await,
        200,
    )
    .await;
    assert_eq!(
        (
            second["items"][0]["unitCode"].as_str(),
            second["totalPages"].as_i64()
        ),
        (Some(YTE), Some(2))
    );
}
