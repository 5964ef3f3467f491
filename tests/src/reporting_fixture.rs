//! A commune with two agencies and a plan, arranged straight in the database: the plans API is
//! built elsewhere, and these tests are about reports. Indicators come from Thái Tân's plan
//! (seed 002); the plan's calendar is the Tiêu Cần one, quarterly reports due before the 6th of
//! the month after the quarter.

use chitieu_schema::domain::{
    CatalogCode, DeadlineRule, DeadlineRules, Name, OrgUnitCode, name_key,
};
use chitieu_schema::plans::{self, NewPlan, PlanCode};
use chitieu_schema::schema::{self, catalogs, indicators, plan_item_assignments, plan_items};
use chrono::NaiveDate;
use diesel::prelude::*;

use crate::TestApp;

pub const PROVINCE: &str = "31";
pub const COMMUNE: &str = "31001";
pub const VHXH: &str = "31001-VHXH";
pub const YTE: &str = "31001-YTE";
pub const PLAN: &str = "KH-18-THAITAN-2025";
pub const CATALOG: &str = "NQ57-THAITAN-2025";

/// A percent entered as numerator/denominator.
pub const PERCENT: &str = "NQ57-THAITAN-7";
pub const COUNT: &str = "NQ57-THAITAN-12";
pub const STATUS: &str = "NQ57-THAITAN-21";
pub const TEXT: &str = "NQ57-THAITAN-29";
pub const RANK: &str = "NQ57-THAITAN-22";

/// (code, number, name, kind, units that report it)
const ITEMS: [(&str, &str, &str, &str, &[&str]); 5] = [
    (
        PERCENT,
        "7",
        "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số",
        "percent",
        &[VHXH, YTE, COMMUNE],
    ),
    (
        COUNT,
        "12",
        "Số sáng kiến được công nhận",
        "count",
        &[VHXH, YTE],
    ),
    (
        STATUS,
        "21",
        "Kết nối hệ thống họp trực tuyến",
        "status",
        &[VHXH],
    ),
    (
        TEXT,
        "29",
        "Kết quả nổi bật về chuyển đổi số",
        "text",
        &[COMMUNE],
    ),
    (RANK, "22", "Xếp hạng chỉ số CĐS của xã", "rank", &[COMMUNE]),
];

/// Seeds province 31, commune 31001 with agencies VHXH and YTE, a catalog of five indicators
/// and plan KH-18-THAITAN-2025 (valid 18/8/2025–31/12/2030) assigning them.
pub async fn seed_commune_plan(app: &TestApp) {
    app.seed_unit(PROVINCE, "province", None).await;
    app.seed_unit(COMMUNE, "commune", Some(PROVINCE)).await;
    app.seed_unit(VHXH, "unit", Some(COMMUNE)).await;
    app.seed_unit(YTE, "unit", Some(COMMUNE)).await;
    app.with_db(|conn| {
        let now = chitieu_schema::now_utc();
        let unit_id = |conn: &mut chitieu_schema::db::Db, code: &str| {
            chitieu_schema::reports::unit_ref(conn, code)
                .expect("the unit is seeded")
                .id
        };
        let catalog_id: i64 = diesel::insert_into(catalogs::table)
            .values((
                catalogs::code.eq(CATALOG),
                catalogs::name.eq("Chỉ tiêu Nghị quyết 57 xã Thái Tân"),
                catalogs::version.eq(1),
                catalogs::created_at.eq(now),
                catalogs::updated_at.eq(now),
            ))
            .returning(catalogs::id)
            .get_result(conn)
            .expect("the catalog is inserted");
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        let rule = |day, offset| DeadlineRule::new(day, offset).expect("a valid deadline rule");
        let deadlines = DeadlineRules {
            monthly: rule(6, 1),
            quarterly: rule(6, 1),
            six_monthly: rule(6, 0),
            yearly: rule(6, 0),
        };
        let new_plan = NewPlan {
            code: PlanCode::parse(PLAN).expect("a plan code"),
            number: Name::parse("18/KH-UBND").expect("a plan number"),
            issued_on: date(2025, 8, 18),
            title: Name::parse("Kế hoạch thực hiện Nghị quyết 57-NQ/TW").expect("a title"),
            issuing_unit: OrgUnitCode::parse(COMMUNE).expect("a unit code"),
            catalog: CatalogCode::parse(CATALOG).expect("a catalog code"),
            valid_from: date(2025, 8, 18),
            valid_to: date(2030, 12, 31),
            deadlines,
        };
        plans::create_plan(conn, new_plan).expect("the plan is created");
        let plan_id: i64 = schema::plans::table
            .filter(schema::plans::code.eq(PLAN))
            .select(schema::plans::id)
            .first(conn)
            .expect("the plan has an id");
        for (position, (code, number, name, kind, units)) in ITEMS.iter().enumerate() {
            let indicator_id: i64 = diesel::insert_into(indicators::table)
                .values((
                    indicators::catalog_id.eq(catalog_id),
                    indicators::code.eq(code),
                    indicators::number.eq(number),
                    indicators::name.eq(name),
                    indicators::name_key.eq(name_key(name)),
                    indicators::value_kind.eq(kind),
                    indicators::direction.eq(if *kind == "rank" {
                        "lower_is_better"
                    } else {
                        "higher_is_better"
                    }),
                    indicators::aggregation.eq(match *kind {
                        "percent" => "ratio",
                        "count" => "sum",
                        "status" => "share_achieved",
                        _ => "none",
                    }),
                    indicators::period_aggregation.eq(
                        chitieu_schema::domain::ValueKind::from_db_str(kind)
                            .expect("a known kind")
                            .default_period_aggregation()
                            .as_db_str(),
                    ),
                    indicators::position.eq(position as i32),
                    indicators::version.eq(1),
                    indicators::created_at.eq(now),
                    indicators::updated_at.eq(now),
                ))
                .returning(indicators::id)
                .get_result(conn)
                .expect("the indicator is inserted");
            let item_id: i64 = diesel::insert_into(plan_items::table)
                .values((
                    plan_items::plan_id.eq(plan_id),
                    plan_items::indicator_id.eq(indicator_id),
                    plan_items::output_product.eq("Bộ số liệu báo cáo"),
                    plan_items::position.eq(position as i32),
                    plan_items::version.eq(1),
                ))
                .returning(plan_items::id)
                .get_result(conn)
                .expect("the plan item is inserted");
            for (i, unit) in units.iter().enumerate() {
                let unit = unit_id(conn, unit);
                diesel::insert_into(plan_item_assignments::table)
                    .values((
                        plan_item_assignments::plan_item_id.eq(item_id),
                        plan_item_assignments::unit_id.eq(unit),
                        plan_item_assignments::role.eq(if i == 0 {
                            "lead"
                        } else {
                            "coordinating"
                        }),
                    ))
                    .execute(conn)
                    .expect("the assignment is inserted");
            }
        }
    })
    .await;
}

/// The URL of a report.
pub fn report_url(unit: &str, period: &str) -> String {
    format!("/api/v1/reports/{unit}/{PLAN}/{period}")
}
