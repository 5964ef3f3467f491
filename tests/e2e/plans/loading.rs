//! Loading the whole plan and reading it back: targets, assignments, a year's targets.

use chitieu_e2e::{TestApp, expect_json};
use chitieu_schema::domain::Target;
use chitieu_schema::plans::{self, StoredTarget, TargetYear};
use diesel::prelude::*;
use serde_json::{Value, json};

use super::fixture::{
    AGENCIES, COMMUNE, PLAN, YEARS, empty_plan, indicator_code, lead_unit, rows, thai_tan_plan,
};

/// What the API must answer for a cell: the parser's reading in the API's spelling.
fn expected(year: &str, cell: &str) -> Value {
    let year = TargetYear::parse(year).unwrap();
    let t = StoredTarget::from_target(year, &Target::parse(cell));
    let camel = |db: &str| {
        let mut out = String::new();
        let mut upper = false;
        for c in db.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    json!({
        "year": t.year, "raw": t.raw, "meaning": t.meaning.as_db_str(),
        "bound": t.bound.map(|b| camel(b.as_db_str())), "low": t.low, "high": t.high,
        "unit": t.unit.map(|u| camel(u.as_db_str())), "statusLabel": t.status_label,
        "doubt": t.doubt,
    })
}

fn item<'a>(items: &'a Value, number: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["indicatorNumber"] == number)
        .unwrap_or_else(|| panic!("item {number} is listed"))
}

fn target(item: &Value, year: i64) -> &Value {
    item["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["year"] == year)
        .unwrap_or_else(|| panic!("a {year} target"))
}

pub async fn the_whole_thai_tan_plan_loads_with_every_target_read_by_the_parser(app: TestApp) {
    thai_tan_plan(&app).await;
    let items = expect_json(app.get(&format!("/api/v1/plans/{PLAN}/items")).await, 200).await;
    let rows = rows();
    // The appendix numbers its items 1 to 29 but has no item 16.
    assert_eq!(rows.len(), 28);
    assert_eq!(items.as_array().unwrap().len(), rows.len());
    let numbers: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["indicatorNumber"].as_str().unwrap())
        .collect();
    let in_order: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, in_order, "items keep the plan's order");

    for row in &rows {
        let listed = item(&items, &row.number);
        let targets = listed["targets"].as_array().unwrap();
        assert_eq!(targets.len(), YEARS.len(), "item {}", row.number);
        for (year, cell) in YEARS.iter().zip(&row.cells) {
            let mut found = target(listed, year.parse().unwrap()).clone();
            // The display text is checked apart: as people write it, with no typesetting left.
            let display = found.as_object_mut().unwrap().remove("display");
            let display = display.as_ref().and_then(Value::as_str).unwrap_or_default();
            assert!(
                !display.contains(['$', '\\']),
                "item {} in {year}: {display}",
                row.number
            );
            assert_eq!(found, expected(year, cell), "item {} in {year}", row.number);
        }
    }

    // A few cells spelled out, so the parser's reading is pinned here too.
    let latex = target(item(&items, "22"), 2025);
    assert_eq!(
        latex,
        &json!({"year": 2025, "raw": "$\\geq 70\\%$", "display": "≥ 70 %", "meaning": "numeric", "bound": "atLeast",
            "low": "70", "high": null, "unit": "percent", "statusLabel": null, "doubt": null})
    );
    let decimal_comma = target(item(&items, "4"), 2045);
    assert_eq!(decimal_comma["bound"], "moreThan");
    assert_eq!(decimal_comma["low"], "3.5");
    let range = target(item(&items, "4"), 2025);
    assert_eq!(range["raw"], "phần đầu ít nhất 2-3%");
    assert_eq!((&range["low"], &range["high"]), (&json!("2"), &json!("3")));
    let none = target(item(&items, "3"), 2030);
    assert_eq!(
        (&none["raw"], &none["meaning"]),
        (&json!("-"), &json!("none"))
    );
    let judged = target(item(&items, "21"), 2025);
    assert_eq!(judged["meaning"], "qualitative");
    assert!(judged["doubt"].is_string(), "{judged}");
    assert_eq!(judged["low"], Value::Null);

    let one = expect_json(
        app.get(&format!(
            "/api/v1/plans/{PLAN}/items/{}",
            indicator_code("22")
        ))
        .await,
        200,
    )
    .await;
    assert_eq!(&one, item(&items, "22"));
    assert_eq!(one["sectionCode"], "V");
}

pub async fn lead_agencies_are_assigned_and_each_unit_knows_what_it_must_report(app: TestApp) {
    thai_tan_plan(&app).await;
    let items = expect_json(app.get(&format!("/api/v1/plans/{PLAN}/items")).await, 200).await;
    for row in rows() {
        let listed = item(&items, &row.number);
        match lead_unit(&row.lead) {
            Some(unit) => {
                assert_eq!(listed["leadUnitCode"], unit, "item {}", row.number);
                assert_eq!(listed["coordinatingUnitCodes"], json!([]));
            }
            None => {
                assert_eq!(listed["leadUnitCode"], Value::Null);
                assert_eq!(listed["coordinatingUnitCodes"], json!(AGENCIES));
            }
        }
    }

    // What the police must report: items 28 and 29 as lead, 20 and 21 as coordinating.
    let assigned = app
        .with_db(|conn| {
            use chitieu_schema::schema::{org_units, plans as plan_table};
            let unit: i64 = org_units::table
                .filter(org_units::code.eq("31001-CA"))
                .select(org_units::id)
                .first(conn)
                .unwrap();
            let plan: i64 = plan_table::table
                .filter(plan_table::code.eq(PLAN))
                .select(plan_table::id)
                .first(conn)
                .unwrap();
            plans::assigned_items(conn, unit, plan).unwrap()
        })
        .await;
    let codes: Vec<(String, &str)> = assigned
        .iter()
        .map(|a| (a.indicator_code.clone(), a.role.as_db_str()))
        .collect();
    assert_eq!(
        codes,
        [
            (indicator_code("20"), "coordinating"),
            (indicator_code("21"), "coordinating"),
            (indicator_code("28"), "lead"),
            (indicator_code("29"), "lead"),
        ]
    );
}

pub async fn a_year_without_its_own_target_is_judged_against_the_next_milestone(app: TestApp) {
    thai_tan_plan(&app).await;
    let path = format!("/api/v1/plans/{PLAN}/targets?year=2026");
    let answer = expect_json(app.get(&path).await, 200).await;
    assert_eq!(
        (&answer["planCode"], &answer["year"]),
        (&json!(PLAN), &json!(2026))
    );
    let of = |number: &str| item(&answer["items"], number).clone();
    let first = of("1");
    assert_eq!(first["source"], "laterMilestone");
    assert_eq!(first["fromYear"], 2030);
    let mut first_target = first["target"].clone();
    first_target.as_object_mut().unwrap().remove("display");
    assert_eq!(first_target, expected("2030", "100%"));
    // 6G coverage sets no target in 2030 ("-"): 2026 has none either; 50 % is for 2035.
    let six_g = of("3");
    assert_eq!(
        (
            &six_g["source"],
            &six_g["fromYear"],
            &six_g["target"]["meaning"]
        ),
        (&json!("laterMilestone"), &json!(2030), &json!("none"))
    );
    // Item 13 sets a target in 2025 only: its next milestone, 2030, says "-".
    let stem = of("13");
    assert_eq!(
        (
            &stem["source"],
            &stem["fromYear"],
            &stem["target"]["meaning"]
        ),
        (&json!("laterMilestone"), &json!(2030), &json!("none"))
    );

    let explicit = expect_json(
        app.get(&format!("/api/v1/plans/{PLAN}/targets?year=2025"))
            .await,
        200,
    )
    .await;
    let first = item(&explicit["items"], "1");
    assert_eq!(
        (&first["source"], &first["fromYear"]),
        (&json!("explicit"), &json!(2025))
    );
    assert_eq!(first["target"]["raw"], "≥60%");
}

pub async fn deadlines_default_per_period_type_and_can_be_set_per_plan(app: TestApp) {
    let plan = empty_plan(&app).await;
    assert_eq!(plan["issuingUnitCode"], COMMUNE);
    assert_eq!(
        plan["deadlines"],
        json!({"monthly": {"day": 6, "monthOffset": 1}, "quarterly": {"day": 6, "monthOffset": 0},
            "sixMonthly": {"day": 6, "monthOffset": 0}, "yearly": {"day": 10, "monthOffset": 0}})
    );
    let listed = expect_json(app.get("/api/v1/plans").await, 200).await;
    assert_eq!(listed["totalItems"], 1);
    assert_eq!(listed["items"][0], plan);
}
