//! Listing units: the roots, the children of one unit, or a search over the whole tree.

use diesel::prelude::*;

use super::row::{OrgUnitRow, OrgUnitView, ROW_COLUMNS, row_by_code, with_successions};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::{Db, MultiBackend};
use crate::domain::{OrgUnitCode, OrgUnitKind, name_key};
use crate::pagination::{Page, PageRequest};
use crate::schema::org_units;

/// Where to look.
#[derive(Debug, Clone)]
pub enum Scope {
    /// The top of what may be seen: units without a parent, or with
    /// [`ListFilter::within`], the unit at the top of that subtree.
    Roots,
    /// The units directly under one unit.
    ChildrenOf(OrgUnitCode),
    /// The whole tree (when searching by kind or name).
    Everywhere,
}

#[derive(Debug, Clone)]
pub struct ListFilter {
    pub scope: Scope,
    pub kind: Option<OrgUnitKind>,
    /// Free text matched against names regardless of case, tone-mark placement and dashes,
    /// and against the start of codes.
    pub query: Option<String>,
    pub include_closed: bool,
    /// Only units in this subtree (the caller's scope); `None` for the whole tree.
    pub within: Option<SubtreeRange>,
}

/// Units matching `filter`, ordered by code, with the total count.
pub fn list(
    conn: &mut Db,
    filter: &ListFilter,
    page: PageRequest,
) -> Result<Page<OrgUnitView>, StoreError> {
    let parent_id = match &filter.scope {
        Scope::ChildrenOf(code) => Some(row_by_code(conn, code.as_str())?.id),
        Scope::Roots | Scope::Everywhere => None,
    };
    let total = filtered(filter, parent_id)
        .count()
        .get_result::<i64>(conn)
        .map_err(StoreError::database("counting organisation units"))?;
    let rows: Vec<OrgUnitRow> = filtered(filter, parent_id)
        .order(org_units::code)
        .limit(page.limit())
        .offset(page.offset())
        .select(ROW_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("listing organisation units"))?;
    Ok(Page {
        items: with_successions(conn, rows)?,
        request: page,
        total,
    })
}

fn filtered(
    filter: &ListFilter,
    parent_id: Option<i64>,
) -> org_units::BoxedQuery<'static, MultiBackend> {
    let mut query = org_units::table.into_boxed();
    query = match (&filter.scope, parent_id) {
        (Scope::ChildrenOf(_), Some(id)) => query.filter(org_units::parent_id.eq(id)),
        (Scope::Roots, _) => match &filter.within {
            Some(range) => query.filter(org_units::path.eq(range.lower().to_owned())),
            None => query.filter(org_units::parent_id.is_null()),
        },
        _ => query,
    };
    if let Some(range) = &filter.within {
        query = query
            .filter(org_units::path.ge(range.lower().to_owned()))
            .filter(org_units::path.lt(range.upper().to_owned()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(org_units::kind.eq(kind.as_str()));
    }
    if let Some(text) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let in_name = format!("%{}%", escape_like(&name_key(text)));
        let code_start = format!("{}%", escape_like(&text.to_uppercase()));
        query = query.filter(
            org_units::name_key
                .like(in_name)
                .escape('\\')
                .or(org_units::code.like(code_start).escape('\\')),
        );
    }
    if !filter.include_closed {
        query = query.filter(org_units::valid_to.is_null());
    }
    query
}

/// Makes `%`, `_` and `\` in user text match themselves in a LIKE pattern.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
