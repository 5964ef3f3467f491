//! A whole subtree, page by page: one range scan on `path`, never a recursive query.

use diesel::prelude::*;

use super::path;
use super::row::{OrgUnitRow, OrgUnitView, ROW_COLUMNS, row_by_code, with_successions};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::{Db, MultiBackend};
use crate::domain::{OrgUnitCode, OrgUnitKind};
use crate::pagination::{Page, PageRequest};
use crate::schema::org_units;

#[derive(Debug, Clone, Default)]
pub struct SubtreeFilter {
    pub kind: Option<OrgUnitKind>,
    /// How many levels below the root to include: 0 is the root alone, 1 adds its children.
    pub max_depth: Option<u32>,
    pub include_closed: bool,
    /// Only units in this subtree as well (the caller's scope); `None` for the whole tree.
    pub within: Option<SubtreeRange>,
}

/// The unit with `code` and everything below it that matches `filter`, in path order (so the
/// root comes first and each unit precedes its descendants), with the total count.
pub fn subtree(
    conn: &mut Db,
    code: &OrgUnitCode,
    filter: &SubtreeFilter,
    page: PageRequest,
) -> Result<Page<OrgUnitView>, StoreError> {
    let root = row_by_code(conn, code.as_str())?;
    let total = in_range(&root, filter)
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting a subtree"))?;
    let rows: Vec<OrgUnitRow> = in_range(&root, filter)
        .order(org_units::path)
        .limit(page.limit())
        .offset(page.offset())
        .select(ROW_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("listing a subtree"))?;
    Ok(Page {
        items: with_successions(conn, rows)?,
        request: page,
        total,
    })
}

fn in_range(
    root: &OrgUnitRow,
    filter: &SubtreeFilter,
) -> org_units::BoxedQuery<'static, MultiBackend> {
    let mut query = org_units::table
        .filter(org_units::path.ge(root.path.clone()))
        .filter(org_units::path.lt(path::upper_bound(&root.path)))
        .into_boxed();
    if let Some(levels) = filter.max_depth {
        let deepest = i64::from(root.depth) + i64::from(levels);
        query = query.filter(org_units::depth.le(i32::try_from(deepest).unwrap_or(i32::MAX)));
    }
    if let Some(range) = &filter.within {
        query = query
            .filter(org_units::path.ge(range.lower().to_owned()))
            .filter(org_units::path.lt(range.upper().to_owned()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(org_units::kind.eq(kind.as_str()));
    }
    if !filter.include_closed {
        query = query.filter(org_units::valid_to.is_null());
    }
    query
}
