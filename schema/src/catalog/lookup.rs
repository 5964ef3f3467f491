//! Finding catalogs, sections and indicators by their codes, shared by the actions.

use diesel::prelude::*;

use super::records::{
    CATALOG_COLUMNS, CatalogRow, INDICATOR_COLUMNS, Indicator, IndicatorRefs, IndicatorRow,
    SECTION_COLUMNS, SectionRow,
};
use crate::StoreError;
use crate::db::Db;
use crate::schema::{catalog_sections, catalogs, indicators};

pub(crate) fn catalog_by_code(conn: &mut Db, code: &str) -> Result<Option<CatalogRow>, StoreError> {
    catalogs::table
        .filter(catalogs::code.eq(code))
        .select(CATALOG_COLUMNS)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding a catalog"))
}

pub(crate) fn catalog_by_id(conn: &mut Db, id: i64) -> Result<CatalogRow, StoreError> {
    catalogs::table
        .find(id)
        .select(CATALOG_COLUMNS)
        .first(conn)
        .map_err(StoreError::database("reading a catalog"))
}

pub(crate) fn catalog_code_of(conn: &mut Db, id: i64) -> Result<String, StoreError> {
    catalogs::table
        .find(id)
        .select(catalogs::code)
        .first(conn)
        .map_err(StoreError::database("reading a catalog's code"))
}

/// The catalog named in a URL: 404 when it does not exist.
pub(crate) fn require_catalog(conn: &mut Db, code: &str) -> Result<CatalogRow, StoreError> {
    catalog_by_code(conn, code)?.ok_or_else(|| StoreError::not_found("catalog", code))
}

pub(crate) fn section_by_code(
    conn: &mut Db,
    catalog_id: i64,
    code: &str,
) -> Result<Option<SectionRow>, StoreError> {
    catalog_sections::table
        .filter(catalog_sections::catalog_id.eq(catalog_id))
        .filter(catalog_sections::code.eq(code))
        .select(SECTION_COLUMNS)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding a section"))
}

pub(crate) fn section_by_id(conn: &mut Db, id: i64) -> Result<SectionRow, StoreError> {
    catalog_sections::table
        .find(id)
        .select(SECTION_COLUMNS)
        .first(conn)
        .map_err(StoreError::database("reading a section"))
}

pub(crate) fn indicator_by_code(
    conn: &mut Db,
    code: &str,
) -> Result<Option<IndicatorRow>, StoreError> {
    indicators::table
        .filter(indicators::code.eq(code))
        .select(INDICATOR_COLUMNS)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding an indicator"))
}

pub(crate) fn indicator_by_id(conn: &mut Db, id: i64) -> Result<IndicatorRow, StoreError> {
    indicators::table
        .find(id)
        .select(INDICATOR_COLUMNS)
        .first(conn)
        .map_err(StoreError::database("reading an indicator"))
}

/// The indicator named in a URL: 404 when it does not exist.
pub(crate) fn require_indicator(conn: &mut Db, code: &str) -> Result<IndicatorRow, StoreError> {
    indicator_by_code(conn, code)?.ok_or_else(|| StoreError::not_found("indicator", code))
}

/// The indicator numbered `number` in a section of the catalog (`None`: outside any section):
/// numbers are unique per section, as plans number their items.
pub(crate) fn indicator_by_number(
    conn: &mut Db,
    catalog_id: i64,
    section_id: Option<i64>,
    number: &str,
) -> Result<Option<IndicatorRow>, StoreError> {
    let in_catalog = indicators::table
        .filter(indicators::catalog_id.eq(catalog_id))
        .filter(indicators::number.eq(number))
        .select(INDICATOR_COLUMNS)
        .into_boxed();
    let in_section = match section_id {
        Some(id) => in_catalog.filter(indicators::section_id.eq(id)),
        None => in_catalog.filter(indicators::section_id.is_null()),
    };
    in_section
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding an indicator by number"))
}

/// Every indicator of the catalog numbered `number`, whatever its section.
pub(crate) fn indicators_numbered(
    conn: &mut Db,
    catalog_id: i64,
    number: &str,
) -> Result<Vec<IndicatorRow>, StoreError> {
    indicators::table
        .filter(indicators::catalog_id.eq(catalog_id))
        .filter(indicators::number.eq(number))
        .select(INDICATOR_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("finding indicators by number"))
}

/// Which indicators to load as records.
pub(crate) enum IndicatorSelection<'a> {
    One(i64),
    OfCatalog(i64),
    Page {
        catalog: Option<&'a str>,
        section: Option<&'a str>,
        name_key: Option<&'a str>,
        offset: i64,
        limit: i64,
    },
}

/// Indicators with the codes of their catalog, section and parent, in one query.
pub(crate) fn indicator_records(
    conn: &mut Db,
    selection: IndicatorSelection<'_>,
) -> Result<Vec<Indicator>, StoreError> {
    let parents = diesel::alias!(indicators as parents);
    let mut query = indicators::table
        .inner_join(catalogs::table.on(catalogs::id.eq(indicators::catalog_id)))
        .left_join(
            catalog_sections::table.on(indicators::section_id.eq(catalog_sections::id.nullable())),
        )
        .left_join(parents.on(indicators::parent_id.eq(parents.field(indicators::id).nullable())))
        .select((
            INDICATOR_COLUMNS,
            catalogs::code,
            catalog_sections::code.nullable(),
            parents.field(indicators::code).nullable(),
        ))
        .into_boxed();
    match selection {
        IndicatorSelection::One(id) => query = query.filter(indicators::id.eq(id)),
        IndicatorSelection::OfCatalog(id) => query = query.filter(indicators::catalog_id.eq(id)),
        IndicatorSelection::Page {
            catalog,
            section,
            name_key,
            offset,
            limit,
        } => {
            if let Some(catalog) = catalog {
                query = query.filter(catalogs::code.eq(catalog.to_owned()));
            }
            if let Some(section) = section {
                query = query.filter(catalog_sections::code.eq(section.to_owned()));
            }
            if let Some(key) = name_key {
                query = query.filter(
                    indicators::name_key
                        .like(contains_pattern(key))
                        .escape('\\'),
                );
            }
            query = query.offset(offset).limit(limit);
        }
    }
    let rows: Vec<(IndicatorRow, String, Option<String>, Option<String>)> = query
        .order_by((catalogs::code, indicators::position, indicators::id))
        .load(conn)
        .map_err(StoreError::database("loading indicators"))?;
    rows.into_iter()
        .map(|(row, catalog_code, section_code, parent_code)| {
            row.into_record(IndicatorRefs {
                catalog_code,
                section_code,
                parent_code,
            })
        })
        .collect()
}

/// One indicator as a record, after a write.
pub(crate) fn indicator_record(conn: &mut Db, id: i64) -> Result<Indicator, StoreError> {
    indicator_records(conn, IndicatorSelection::One(id))?
        .pop()
        .ok_or_else(|| StoreError::not_found("indicator", format!("#{id}")))
}

/// A LIKE pattern matching `key` anywhere, with LIKE's wildcards in `key` taken literally.
pub(crate) fn contains_pattern(key: &str) -> String {
    let mut pattern = String::with_capacity(key.len() + 2);
    pattern.push('%');
    for c in key.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}
