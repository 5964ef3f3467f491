use chitieu_e2e::{TestApp, expect_json};

use super::fixture::{INDICATORS, THAI_TAN, create_catalog, thai_tan};

pub async fn lists_are_paged_with_totals(app: TestApp) {
    thai_tan(&app).await;
    let first = expect_json(app.get("/api/v1/indicators?page=1&pageSize=4").await, 200).await;
    assert_eq!(first["totalItems"], INDICATORS.len());
    assert_eq!(first["totalPages"], 3);
    assert_eq!(first["items"].as_array().unwrap().len(), 4);
    assert_eq!(first["items"][0]["number"], "1");
    let last = expect_json(app.get("/api/v1/indicators?page=3&pageSize=4").await, 200).await;
    assert_eq!(last["items"].as_array().unwrap().len(), 1);
    assert_eq!(last["items"][0]["number"], "29");

    create_catalog(&app, "NQ57-NGHIDUONG-2025").await;
    let catalogs = expect_json(app.get("/api/v1/catalogs?pageSize=1").await, 200).await;
    assert_eq!(catalogs["totalItems"], 2);
    assert_eq!(catalogs["totalPages"], 2);
    assert_eq!(catalogs["items"][0]["code"], "NQ57-NGHIDUONG-2025");

    let sections = expect_json(
        app.get(&format!(
            "/api/v1/catalogs/{THAI_TAN}/sections?page=2&pageSize=4"
        ))
        .await,
        200,
    )
    .await;
    assert_eq!(sections["totalItems"], 6);
    assert_eq!(sections["items"][0]["code"], "V");

    let problem = expect_json(app.get("/api/v1/catalogs?pageSize=0").await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "pageSize");
}

pub async fn indicators_filter_by_catalog_section_and_name(app: TestApp) {
    thai_tan(&app).await;
    let in_five = expect_json(
        app.get(&format!("/api/v1/indicators?catalog={THAI_TAN}&section=V"))
            .await,
        200,
    )
    .await;
    assert_eq!(in_five["totalItems"], 3);

    // "số hoá" with the tone mark placed the other way still finds "số hóa".
    let by_name = expect_json(
        app.get("/api/v1/indicators?q=S%E1%BB%90%20HO%C3%81").await,
        200,
    )
    .await;
    assert_eq!(by_name["totalItems"], 1, "{by_name}");
    assert_eq!(by_name["items"][0]["number"], "25");

    let elsewhere = expect_json(
        app.get("/api/v1/indicators?catalog=NQ57-NOWHERE").await,
        200,
    )
    .await;
    assert_eq!(elsewhere["totalItems"], 0);

    let problem = expect_json(app.get("/api/v1/indicators?section=5").await, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "section");
}
