//! Where an indicator sits: its section and its parent. A sub-indicator always sits in its
//! parent's section and in the same catalog, and the parent chain never loops.

use diesel::prelude::*;

use super::lookup::{indicator_by_code, section_by_code, section_by_id};
use super::records::{CatalogRow, IndicatorRow, SectionRow};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{IndicatorCode, SectionCode};
use crate::schema::indicators;

/// The longest parent chain followed before giving up: numbering has at most 4 levels, so
/// anything longer is already wrong.
const MAX_DEPTH: usize = 64;

/// The section named by a request field, in the indicator's catalog.
pub(crate) fn named_section(
    conn: &mut Db,
    catalog: &CatalogRow,
    code: &SectionCode,
) -> Result<SectionRow, StoreError> {
    section_by_code(conn, catalog.id, code.as_str())?.ok_or_else(|| {
        StoreError::rejected(
            "sectionCode",
            crate::messages::Message::new("catalog-no-section")
                .arg("catalog", &catalog.code)
                .arg("code", code.as_str()),
        )
    })
}

/// The parent named by a request field: it must exist and be in the same catalog.
pub(crate) fn named_parent(
    conn: &mut Db,
    catalog: &CatalogRow,
    code: &IndicatorCode,
) -> Result<IndicatorRow, StoreError> {
    let parent = indicator_by_code(conn, code.as_str())?.ok_or_else(|| {
        StoreError::rejected(
            "parentCode",
            crate::messages::Message::new("catalog-no-indicator").arg("code", code.as_str()),
        )
    })?;
    if parent.catalog_id != catalog.id {
        return Err(StoreError::rejected(
            "parentCode",
            crate::messages::Message::new("catalog-parent-elsewhere")
                .arg("parent", &parent.code)
                .arg("catalog", &catalog.code),
        ));
    }
    Ok(parent)
}

/// Refuses `parent` for `child` when it is the child itself or one of its descendants.
pub(crate) fn check_no_cycle(
    conn: &mut Db,
    child: &IndicatorRow,
    parent: &IndicatorRow,
) -> Result<(), StoreError> {
    let mut cursor = Some(parent.id);
    for _ in 0..MAX_DEPTH {
        let Some(id) = cursor else {
            return Ok(());
        };
        if id == child.id {
            return Err(StoreError::rejected(
                "parentCode",
                crate::messages::Message::new("catalog-parent-cycle")
                    .arg("child", &child.code)
                    .arg("parent", &parent.code),
            ));
        }
        cursor = indicators::table
            .find(id)
            .select(indicators::parent_id)
            .first::<Option<i64>>(conn)
            .map_err(StoreError::database("following the parent chain"))?;
    }
    Err(StoreError::rejected(
        "parentCode",
        crate::messages::Message::new("catalog-parent-too-deep")
            .arg("parent", &parent.code)
            .arg("max", MAX_DEPTH),
    ))
}

/// Every indicator below `root`, at any depth.
pub(crate) fn descendant_ids(conn: &mut Db, root: i64) -> Result<Vec<i64>, StoreError> {
    let mut found = Vec::new();
    let mut frontier = vec![root];
    for _ in 0..MAX_DEPTH {
        let mut next = Vec::new();
        for id in frontier {
            let children: Vec<i64> = indicators::table
                .filter(indicators::parent_id.eq(id))
                .select(indicators::id)
                .load(conn)
                .map_err(StoreError::database("finding sub-indicators"))?;
            next.extend(children);
        }
        if next.is_empty() {
            return Ok(found);
        }
        found.extend(&next);
        frontier = next;
    }
    Ok(found)
}

/// Explains that a sub-indicator must share its parent's section, naming both sections.
pub(crate) fn section_mismatch(
    conn: &mut Db,
    field: &'static str,
    parent: &IndicatorRow,
    section: Option<&SectionRow>,
) -> StoreError {
    use crate::messages::Message;
    let in_section = |code: &str| Message::new("catalog-in-section").arg("code", code);
    let parent_section = match parent.section_id {
        Some(id) => match section_by_id(conn, id) {
            Ok(row) => in_section(&row.code),
            Err(error) => return error,
        },
        None => Message::new("catalog-outside-sections"),
    };
    let wanted = section.map_or(Message::new("catalog-outside-sections"), |s| {
        in_section(&s.code)
    });
    StoreError::rejected(
        field,
        Message::new("catalog-section-mismatch")
            .arg("parent", &parent.code)
            .message("parentSection", parent_section)
            .message("wanted", wanted),
    )
}
