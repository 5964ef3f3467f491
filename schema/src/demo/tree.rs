//! The province and communes of the seeds: Hải Phòng, with Thái Tân (plan 18/KH-UBND, seed
//! 002) and Nghi Dương (plan and quarterly report, seeds 000 and 001), and Thái Tân's agencies.

use crate::StoreError;
use crate::db::Db;
use crate::domain::{Name, OrgUnitCode, OrgUnitKind};
use crate::org_units::{self, NewOrgUnit};

pub const PROVINCE: &str = "31";
pub const THAI_TAN: &str = "31001";
pub const NGHI_DUONG: &str = "31002";

/// (code, name, kind, parent)
const UNITS: [(&str, &str, OrgUnitKind, Option<&str>); 7] = [
    (PROVINCE, "Thành phố Hải Phòng", OrgUnitKind::Province, None),
    (
        THAI_TAN,
        "Xã Thái Tân",
        OrgUnitKind::Commune,
        Some(PROVINCE),
    ),
    (
        NGHI_DUONG,
        "Xã Nghi Dương",
        OrgUnitKind::Commune,
        Some(PROVINCE),
    ),
    (
        "31001-VHXH",
        "Phòng Văn hóa – Xã hội",
        OrgUnitKind::Unit,
        Some(THAI_TAN),
    ),
    (
        "31001-KT",
        "Phòng Kinh tế",
        OrgUnitKind::Unit,
        Some(THAI_TAN),
    ),
    (
        "31001-TTHCC",
        "Trung tâm phục vụ hành chính công",
        OrgUnitKind::Unit,
        Some(THAI_TAN),
    ),
    ("31001-CA", "Công an xã", OrgUnitKind::Unit, Some(THAI_TAN)),
];

pub fn seed(conn: &mut Db) -> Result<(), StoreError> {
    for (code, name, kind, parent) in UNITS {
        let new = NewOrgUnit {
            code: demo_code(code)?,
            name: Name::parse(name).map_err(demo_data(name))?,
            kind,
            parent_code: parent.map(demo_code).transpose()?,
            valid_from: None,
        };
        org_units::create(conn, &new)?;
    }
    Ok(())
}

fn demo_code(code: &str) -> Result<OrgUnitCode, StoreError> {
    OrgUnitCode::parse(code).map_err(demo_data(code))
}

/// The demo's own data is fixed: a value it cannot parse is a bug in the demo, reported as a
/// conflict rather than a panic so the server still starts and says why.
pub fn demo_data<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> StoreError + '_ {
    move |error| StoreError::Conflict {
        detail: format!("the demo data set has an invalid value {what:?}: {error}").into(),
    }
}
