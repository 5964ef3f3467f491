//! The reporting fixture's commune and plan, plus a summed total with two sub-items (30, 30.1
//! and 30.2) reported by both agencies, so the catalog yields built-in rules.

use chitieu_e2e::reporting_fixture::{COMMUNE, PLAN, PROVINCE, VHXH, YTE, seed_commune_plan};
use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::domain::name_key;
use chitieu_schema::schema::{catalogs, indicators, plan_item_assignments, plan_items, plans};
use diesel::prelude::*;
use reqwest::{Client, Method, Response};
use serde_json::{Value, json};

pub const TOTAL: &str = "NQ57-THAITAN-30";
pub const PART_1: &str = "NQ57-THAITAN-30.1";
pub const PART_2: &str = "NQ57-THAITAN-30.2";
pub const Q1: &str = "2026Q1";

pub struct People {
    pub vhxh: Client,
    pub yte: Client,
    pub commune_officer: Client,
    pub province_officer: Client,
}

pub async fn commune_with_sub_items(app: &TestApp) -> People {
    seed_commune_plan(app).await;
    app.with_db(|conn| {
        let now = chitieu_schema::now_utc();
        let catalog_id: i64 = catalogs::table
            .select(catalogs::id)
            .first(conn)
            .expect("the catalog is seeded");
        let plan_id: i64 = plans::table
            .filter(plans::code.eq(PLAN))
            .select(plans::id)
            .first(conn)
            .expect("the plan is seeded");
        let mut parent = None;
        let items = [
            (TOTAL, "30", "Số doanh nghiệp được hỗ trợ chuyển đổi số"),
            (PART_1, "30.1", "Trong đó: doanh nghiệp nhỏ và vừa"),
            (PART_2, "30.2", "Trong đó: hợp tác xã"),
        ];
        for (position, (code, number, name)) in items.into_iter().enumerate() {
            let id: i64 = diesel::insert_into(indicators::table)
                .values((
                    indicators::catalog_id.eq(catalog_id),
                    indicators::parent_id.eq(parent),
                    indicators::code.eq(code),
                    indicators::number.eq(number),
                    indicators::name.eq(name),
                    indicators::name_key.eq(name_key(name)),
                    indicators::value_kind.eq("count"),
                    indicators::direction.eq("higher_is_better"),
                    indicators::aggregation.eq("sum"),
                    indicators::period_aggregation.eq("sum"),
                    indicators::position.eq(100 + position as i32),
                    indicators::version.eq(1),
                    indicators::created_at.eq(now),
                    indicators::updated_at.eq(now),
                ))
                .returning(indicators::id)
                .get_result(conn)
                .expect("the indicator is inserted");
            parent = parent.or(Some(id));
            let item: i64 = diesel::insert_into(plan_items::table)
                .values((
                    plan_items::plan_id.eq(plan_id),
                    plan_items::indicator_id.eq(id),
                    plan_items::position.eq(100 + position as i32),
                    plan_items::version.eq(1),
                ))
                .returning(plan_items::id)
                .get_result(conn)
                .expect("the plan item is inserted");
            for (unit, role) in [(VHXH, "lead"), (YTE, "coordinating")] {
                let unit = chitieu_schema::reports::unit_ref(conn, unit)
                    .expect("seeded")
                    .id;
                diesel::insert_into(plan_item_assignments::table)
                    .values((
                        plan_item_assignments::plan_item_id.eq(item),
                        plan_item_assignments::unit_id.eq(unit),
                        plan_item_assignments::role.eq(role),
                    ))
                    .execute(conn)
                    .expect("the assignment is inserted");
            }
        }
    })
    .await;
    People {
        vhxh: app
            .client_for("vhxh.reporter", "reporter", Some(VHXH))
            .await,
        yte: app.client_for("yte.reporter", "reporter", Some(YTE)).await,
        commune_officer: app
            .client_for("xa.officer", "communeOfficer", Some(COMMUNE))
            .await,
        province_officer: app
            .client_for("tinh.officer", "provinceOfficer", Some(PROVINCE))
            .await,
    }
}

pub async fn send(
    app: &TestApp,
    client: &Client,
    method: Method,
    path: &str,
    etag: Option<&str>,
    body: Option<Value>,
) -> Response {
    crate::reports::support::send(app, client, method, path, etag, body.as_ref()).await
}

/// Creates a rule of the plan as the commune officer; returns the answer's body.
pub async fn create_rule(app: &TestApp, officer: &Client, rule: Value) -> Value {
    let mut body = rule;
    body["planCode"] = json!(PLAN);
    let response = send(
        app,
        officer,
        Method::POST,
        "/api/v1/validation-rules",
        None,
        Some(body),
    )
    .await;
    expect_json(response, 201).await
}

/// Opens the unit's Q1 report and sets `values` (indicator code → number); returns the ETag.
pub async fn report_with(
    app: &TestApp,
    reporter: &Client,
    unit: &str,
    values: &[(&str, f64)],
) -> String {
    let url = chitieu_e2e::reporting_fixture::report_url(unit, Q1);
    let opened = send(app, reporter, Method::PUT, &url, None, None).await;
    let etag = etag_of(&opened);
    expect_json(opened, 201).await;
    let values: Vec<Value> = values
        .iter()
        .map(|(code, value)| json!({"indicatorCode": code, "value": value}))
        .collect();
    let put = send(
        app,
        reporter,
        Method::PUT,
        &format!("{url}/values"),
        Some(&etag),
        Some(json!({ "values": values })),
    )
    .await;
    let etag = etag_of(&put);
    expect_json(put, 200).await;
    etag
}

pub fn etag_of(response: &Response) -> String {
    response.headers()["etag"]
        .to_str()
        .expect("an ETag")
        .to_owned()
}

/// The judgement of `rule` in the unit's Q1 report.
pub async fn judgement(app: &TestApp, client: &Client, unit: &str, rule: &str) -> Value {
    let url = format!(
        "{}/validation",
        chitieu_e2e::reporting_fixture::report_url(unit, Q1)
    );
    let judged = expect_json(send(app, client, Method::GET, &url, None, None).await, 200).await;
    judged
        .as_array()
        .expect("a list")
        .iter()
        .find(|j| j["ruleCode"] == rule)
        .cloned()
        .unwrap_or_else(|| panic!("rule {rule} is judged: {judged}"))
}
