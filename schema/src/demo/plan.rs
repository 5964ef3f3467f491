//! Thái Tân's plan 18/KH-UBND (seed 002, Appendix 2): its catalog, sections, indicators and
//! items with their targets per milestone year and lead agencies, from the appendix table
//! kept in `api/demo/thai_tan_plan_18.tsv`, created through the storage layer's own actions.

use std::collections::BTreeMap;

use crate::StoreError;
use crate::catalog::{self, Measure, NewCatalog, NewIndicator, NewSection};
use crate::db::Db;
use crate::domain::{
    CatalogCode, DeadlineRule, DeadlineRules, IndicatorCode, IndicatorNumber, Name, OptionalText,
    OrgUnitCode, OrgUnitKind, SectionCode, Target, ValueKind, name_key,
};
use crate::plans::{self, Assignees, NewPlan, NewPlanItem, PlanCode, TargetYear};
use chrono::NaiveDate;

use super::tree::{THAI_TAN, demo_data};

pub const CATALOG: &str = "NQ57-THAITAN-2025";
pub const PLAN: &str = "TT-18-2025";

const TABLE: &str = include_str!("../../demo/thai_tan_plan_18.tsv");
const YEARS: [i32; 5] = [2025, 2030, 2035, 2040, 2045];
const SECTIONS: [(&str, &str); 6] = [
    ("I", "Phát triển hạ tầng"),
    ("II", "Phát triển nguồn lực"),
    ("III", "Phát triển KHCN"),
    ("IV", "Phát triển hệ sinh thái ĐMST"),
    ("V", "Phát triển CDS"),
    ("VI", "Dữ liệu số"),
];
const AGENCIES: [(&str, &str); 4] = [
    ("Phòng Văn hóa – Xã hội", "31001-VHXH"),
    ("Phòng Kinh tế", "31001-KT"),
    ("Trung tâm phục vụ hành chính công", "31001-TTHCC"),
    ("Công an xã", "31001-CA"),
];

pub fn seed(conn: &mut Db) -> Result<(), StoreError> {
    catalog::create_catalog(
        conn,
        NewCatalog {
            code: parsed(CATALOG, CatalogCode::parse)?,
            name: parsed("Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân", Name::parse)?,
            description: parsed_text()?,
            level: Some(OrgUnitKind::Commune),
        },
    )?;
    for (code, title) in SECTIONS {
        let section = NewSection {
            code: parsed(code, SectionCode::parse)?,
            title: parsed(title, Name::parse)?,
            position: None,
        };
        catalog::create_section(conn, CATALOG, section)?;
    }
    let rule = |day, offset| DeadlineRule::new(day, offset).map_err(demo_data("deadline"));
    plans::create_plan(
        conn,
        NewPlan {
            code: parsed(PLAN, PlanCode::parse)?,
            number: parsed("18/KH-UBND", Name::parse)?,
            issued_on: date(2025, 8, 18)?,
            title: parsed(
                "Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
                Name::parse,
            )?,
            issuing_unit: parsed(THAI_TAN, OrgUnitCode::parse)?,
            catalog: parsed(CATALOG, CatalogCode::parse)?,
            valid_from: date(2025, 8, 18)?,
            valid_to: date(2045, 12, 31)?,
            // Thái Tân reviews the year before 10/12.
            deadlines: DeadlineRules {
                yearly: rule(10, 0)?,
                ..DeadlineRules::default()
            },
        },
    )?;
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        item(conn, line)?;
    }
    Ok(())
}

/// One appendix line: number, section, kind, unit, name, five targets, lead agency, product.
fn item(conn: &mut Db, line: &str) -> Result<(), StoreError> {
    let cells: Vec<&str> = line.split('\t').collect();
    let [
        number,
        section,
        kind,
        unit,
        name,
        targets @ ..,
        lead,
        product,
    ] = cells.as_slice()
    else {
        return Err(demo_data(line)("a line has 12 cells"));
    };
    let code = format!("NQ57-THAITAN-{number}");
    let kind = ValueKind::from_db_str(kind).map_err(demo_data(kind))?;
    let measure = Measure::parse(kind, None, None, None)
        .map_err(|misfits| demo_data(&code)(format!("{misfits:?}")))?;
    catalog::create_indicator(
        conn,
        NewIndicator {
            catalog: parsed(CATALOG, CatalogCode::parse)?,
            code: parsed(&code, IndicatorCode::parse)?,
            number: parsed(number, IndicatorNumber::parse)?,
            name: parsed(name, Name::parse)?,
            section: Some(parsed(section, SectionCode::parse)?),
            parent: None,
            unit_of_measure: (!unit.is_empty())
                .then(|| parsed(unit, Name::parse))
                .transpose()?,
            measure,
            precision: None,
            position: None,
            description: parsed_text()?,
        },
    )?;
    let mut by_year = BTreeMap::new();
    for (year, cell) in YEARS.iter().zip(targets) {
        let year = TargetYear::new(*year).map_err(demo_data("year"))?;
        by_year.insert(year, Target::parse(cell));
    }
    plans::create_item(
        conn,
        PLAN,
        NewPlanItem {
            indicator: parsed(&code, IndicatorCode::parse)?,
            targets: by_year,
            assignees: assignees(lead)?,
            output_product: Some((*product).to_owned()),
            note: None,
            position: None,
        },
    )?;
    Ok(())
}

/// The named lead agency; "Các phòng, đơn vị" (every agency) makes them all coordinating.
fn assignees(lead: &str) -> Result<Assignees, StoreError> {
    let key = name_key(lead.trim_end_matches(';'));
    let agency = AGENCIES.iter().find(|(name, _)| name_key(name) == key);
    Ok(match agency {
        Some((_, code)) => Assignees {
            lead: Some(parsed(code, OrgUnitCode::parse)?),
            coordinating: Vec::new(),
        },
        None => Assignees {
            lead: None,
            coordinating: AGENCIES
                .iter()
                .map(|(_, code)| parsed(code, OrgUnitCode::parse))
                .collect::<Result<_, _>>()?,
        },
    })
}

fn parsed<T, E: std::fmt::Display>(
    raw: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, StoreError> {
    parse(raw).map_err(demo_data(raw))
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, StoreError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| demo_data("date")("out of range"))
}

fn parsed_text() -> Result<OptionalText, StoreError> {
    OptionalText::parse(None).map_err(demo_data("description"))
}
