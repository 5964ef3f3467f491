use diesel::prelude::*;

use super::lookup::{IndicatorSelection, contains_pattern, indicator_records};
use super::records::Indicator;
use crate::StoreError;
use crate::db::Db;
use crate::domain::{CatalogCode, SectionCode, name_key};
use crate::pagination::{Page, PageRequest};
use crate::schema::{catalog_sections, catalogs, indicators};

/// Which indicators to list; every filter is optional.
#[derive(Debug, Default)]
pub struct IndicatorFilter {
    pub catalog: Option<CatalogCode>,
    pub section: Option<SectionCode>,
    /// Words of the name, matched regardless of case, tone-mark placement and dashes.
    pub name_contains: Option<String>,
}

/// Indicators by catalog, then position.
pub fn list_indicators(
    conn: &mut Db,
    filter: &IndicatorFilter,
    request: PageRequest,
) -> Result<Page<Indicator>, StoreError> {
    let key = filter
        .name_contains
        .as_deref()
        .map(name_key)
        .filter(|k| !k.is_empty());
    let mut count = indicators::table
        .inner_join(catalogs::table.on(catalogs::id.eq(indicators::catalog_id)))
        .left_join(
            catalog_sections::table.on(indicators::section_id.eq(catalog_sections::id.nullable())),
        )
        .count()
        .into_boxed();
    if let Some(catalog) = &filter.catalog {
        count = count.filter(catalogs::code.eq(catalog.as_str().to_owned()));
    }
    if let Some(section) = &filter.section {
        count = count.filter(catalog_sections::code.eq(section.as_str().to_owned()));
    }
    if let Some(key) = &key {
        count = count.filter(
            indicators::name_key
                .like(contains_pattern(key))
                .escape('\\'),
        );
    }
    let total: i64 = count
        .get_result(conn)
        .map_err(StoreError::database("counting indicators"))?;
    let items = indicator_records(
        conn,
        IndicatorSelection::Page {
            catalog: filter.catalog.as_ref().map(|c| c.as_str()),
            section: filter.section.as_ref().map(|s| s.as_str()),
            name_key: key.as_deref(),
            offset: request.offset(),
            limit: request.limit(),
        },
    )?;
    Ok(Page {
        items,
        request,
        total,
    })
}
