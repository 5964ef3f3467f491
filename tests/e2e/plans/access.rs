//! Who may see and change a plan: scope, assignments and roles.

use chitieu_e2e::{TestApp, expect_json};
use serde_json::json;

use super::fixture::{COMMUNE, PLAN, get_as, plan_body, pointers, thai_tan_plan};

pub async fn a_reporter_cannot_create_a_plan(app: TestApp) {
    thai_tan_plan(&app).await;
    let reporter = app.client_for("reporter", "reporter", Some(COMMUNE)).await;
    let response = reporter
        .post(app.url("/api/v1/plans"))
        .json(&plan_body("TT-19-2025"))
        .send()
        .await
        .unwrap();
    let problem = expect_json(response, 403).await;
    assert_eq!(problem["type"], "urn:chitieu:problem:forbidden");
    // It reads the plan of its own unit, but cannot change it.
    let (status, _) = get_as(&app, &reporter, &format!("/api/v1/plans/{PLAN}")).await;
    assert_eq!(status, 200);
    let response = reporter
        .patch(app.url(&format!("/api/v1/plans/{PLAN}")))
        .header("If-Match", "\"1\"")
        .json(&json!({"title": "Khác"}))
        .send()
        .await
        .unwrap();
    expect_json(response, 403).await;
}

pub async fn a_viewer_of_another_province_cannot_read_the_plan(app: TestApp) {
    thai_tan_plan(&app).await;
    let viewer = app.client_for("viewer", "viewer", Some("01")).await;
    for path in [
        format!("/api/v1/plans/{PLAN}"),
        format!("/api/v1/plans/{PLAN}/items"),
        format!("/api/v1/plans/{PLAN}/items/NQ57-THAITAN-1"),
        format!("/api/v1/plans/{PLAN}/targets?year=2026"),
    ] {
        let (status, problem) = get_as(&app, &viewer, &path).await;
        assert_eq!(status, 404, "{path}: {problem}");
    }
    let (status, listed) = get_as(&app, &viewer, "/api/v1/plans").await;
    assert_eq!((status, &listed["totalItems"]), (200, &json!(0)));
    // A viewer of the province above reads it.
    let above = app.client_for("above", "viewer", Some("31")).await;
    let (status, listed) = get_as(&app, &above, "/api/v1/plans").await;
    assert_eq!((status, &listed["items"][0]["code"]), (200, &json!(PLAN)));
}

pub async fn a_unit_assigned_items_reads_the_plan_of_the_unit_above_but_cannot_change_it(
    app: TestApp,
) {
    thai_tan_plan(&app).await;
    app.seed_unit("31001-TP", "unit", Some(COMMUNE)).await;
    let economy = app
        .client_for("economy", "communeOfficer", Some("31001-KT"))
        .await;
    let (status, listed) = get_as(&app, &economy, "/api/v1/plans").await;
    assert_eq!((status, &listed["items"][0]["code"]), (200, &json!(PLAN)));
    let (status, items) = get_as(&app, &economy, &format!("/api/v1/plans/{PLAN}/items")).await;
    assert_eq!((status, items.as_array().map(Vec::len)), (200, Some(28)));
    let response = economy
        .delete(app.url(&format!("/api/v1/plans/{PLAN}")))
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    expect_json(response, 403).await;

    // A unit of the commune with nothing assigned does not see the commune's plan.
    let justice = app
        .client_for("justice", "reporter", Some("31001-TP"))
        .await;
    let (status, _) = get_as(&app, &justice, &format!("/api/v1/plans/{PLAN}")).await;
    assert_eq!(status, 404);
    let (_, listed) = get_as(&app, &justice, "/api/v1/plans").await;
    assert_eq!(listed["totalItems"], 0);
}

pub async fn an_officer_cannot_issue_a_plan_for_a_unit_outside_their_tree(app: TestApp) {
    thai_tan_plan(&app).await;
    let officer = app
        .client_for("officer", "communeOfficer", Some("01001"))
        .await;
    let response = officer
        .post(app.url("/api/v1/plans"))
        .json(&plan_body("TT-20-2025"))
        .send()
        .await
        .unwrap();
    let problem = expect_json(response, 422).await;
    assert_eq!(pointers(&problem), ["/issuingUnitCode"]);
    // In its own tree it may.
    let mut body = plan_body("ND-1-2025");
    body["issuingUnitCode"] = json!("01001");
    let response = officer
        .post(app.url("/api/v1/plans"))
        .json(&body)
        .send()
        .await
        .unwrap();
    expect_json(response, 201).await;
}
