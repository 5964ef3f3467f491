//! The seed plans, imported through the plan importer itself from their appendix tables: Thái
//! Tân's 18/KH-UBND (seed 002, Appendix 2, as a Word document) and Nghi Dương's plan (seed 001,
//! an excerpt of Appendix 2, as an Excel sheet, whose agencies the importer proposes and
//! creates as units of the commune).

use chrono::NaiveDate;

use super::tree::{NGHI_DUONG, THAI_TAN, demo_data};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{CatalogCode, DeadlineRule, DeadlineRules, Name, OrgUnitCode};
use crate::plan_import::{self, Claim, ImportLimits, ImportRequest};
use crate::plans::{NewPlan, PlanCode};

pub const PLAN: &str = "TT-18-2025";
pub const NGHI_DUONG_PLAN: &str = "ND-KH-2025";

struct SeedPlan {
    file_name: &'static str,
    bytes: &'static [u8],
    code: &'static str,
    number: &'static str,
    title: &'static str,
    issuer: &'static str,
    catalog: &'static str,
    issued_on: (i32, u32, u32),
    yearly_due_day: u32,
}

const PLANS: [SeedPlan; 2] = [
    SeedPlan {
        file_name: "thai_tan_appendix_2.docx",
        bytes: include_bytes!("../../demo/thai_tan_appendix_2.docx"),
        code: PLAN,
        number: "18/KH-UBND",
        title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        issuer: THAI_TAN,
        catalog: "NQ57-THAITAN-2025",
        issued_on: (2025, 8, 18),
        // Thái Tân reviews the year before 10/12.
        yearly_due_day: 10,
    },
    SeedPlan {
        file_name: "nghi_duong_appendix_2.xlsx",
        bytes: include_bytes!("../../demo/nghi_duong_appendix_2.xlsx"),
        code: NGHI_DUONG_PLAN,
        number: "KH-UBND xã Nghi Dương",
        title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW và Nghị quyết 71/NQ-CP, giai đoạn 2025–2045",
        issuer: NGHI_DUONG,
        catalog: "NQ57-NGHIDUONG-2025",
        issued_on: (2025, 9, 22),
        yearly_due_day: 6,
    },
];

pub fn seed(conn: &mut Db) -> Result<(), StoreError> {
    for plan in &PLANS {
        import(conn, plan)?;
    }
    Ok(())
}

fn import(conn: &mut Db, seed: &SeedPlan) -> Result<(), StoreError> {
    let fails = |e: plan_import::ImportError| demo_data(seed.file_name)(e);
    let tables = plan_import::read_tables(
        seed.bytes,
        Claim::named(seed.file_name),
        &ImportLimits::default(),
    )
    .map_err(fails)?;
    let parsed = plan_import::understand(&tables, 2045).map_err(fails)?;
    let (year, month, day) = seed.issued_on;
    let issued_on = date(year, month, day)?;
    let rule = |day, offset| DeadlineRule::new(day, offset).map_err(demo_data("deadline"));
    let plan = NewPlan {
        code: PlanCode::parse(seed.code).map_err(demo_data(seed.code))?,
        number: Name::parse(seed.number).map_err(demo_data(seed.number))?,
        issued_on,
        title: Name::parse(seed.title).map_err(demo_data(seed.title))?,
        issuing_unit: OrgUnitCode::parse(seed.issuer).map_err(demo_data(seed.issuer))?,
        catalog: CatalogCode::parse(seed.catalog).map_err(demo_data(seed.catalog))?,
        valid_from: issued_on,
        valid_to: date(2045, 12, 31)?,
        deadlines: DeadlineRules {
            yearly: rule(seed.yearly_due_day, 0)?,
            ..DeadlineRules::default()
        },
    };
    let request = ImportRequest {
        plan,
        dry_run: false,
    };
    plan_import::apply(conn, &parsed, request).map_err(fails)?;
    Ok(())
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, StoreError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| demo_data("date")("out of range"))
}
