//! What the catalog queries return: typed records built from raw Diesel rows. The rows stay in
//! this module; callers never see database ids or stored spellings of the enums.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::StoreError;
use crate::domain::{Aggregation, Direction, Invalid, OrgUnitKind, PeriodAggregation, ValueKind};
use crate::schema::{catalog_sections, catalogs, indicators};

/// A catalog of indicators, e.g. the 29 indicators of a commune's Resolution 57 plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub level: Option<OrgUnitKind>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A section of a catalog (`IV` Phát triển hệ sinh thái ĐMST).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub catalog_code: String,
    pub code: String,
    pub title: String,
    pub position: i32,
    pub version: i32,
}

/// An indicator with the codes of what it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub code: String,
    pub catalog_code: String,
    pub number: String,
    pub name: String,
    pub section_code: Option<String>,
    pub parent_code: Option<String>,
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub direction: Direction,
    pub aggregation: Aggregation,
    /// How a quarter, half-year or year derives from its months when not reported itself.
    pub period_aggregation: PeriodAggregation,
    pub precision: Option<i32>,
    pub position: i32,
    pub description: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub(crate) type CatalogColumns = (
    catalogs::id,
    catalogs::code,
    catalogs::name,
    catalogs::description,
    catalogs::level,
    catalogs::version,
    catalogs::created_at,
    catalogs::updated_at,
);

pub(crate) const CATALOG_COLUMNS: CatalogColumns = (
    catalogs::id,
    catalogs::code,
    catalogs::name,
    catalogs::description,
    catalogs::level,
    catalogs::version,
    catalogs::created_at,
    catalogs::updated_at,
);

#[derive(Debug, Clone, Queryable)]
pub(crate) struct CatalogRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub level: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl CatalogRow {
    pub fn into_record(self) -> Result<Catalog, StoreError> {
        let level = self
            .level
            .as_deref()
            .map(OrgUnitKind::parse)
            .transpose()
            .map_err(corrupt("catalogs.level"))?;
        Ok(Catalog {
            code: self.code,
            name: self.name,
            description: self.description,
            level,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) type SectionColumns = (
    catalog_sections::id,
    catalog_sections::catalog_id,
    catalog_sections::code,
    catalog_sections::title,
    catalog_sections::position,
    catalog_sections::version,
);

pub(crate) const SECTION_COLUMNS: SectionColumns = (
    catalog_sections::id,
    catalog_sections::catalog_id,
    catalog_sections::code,
    catalog_sections::title,
    catalog_sections::position,
    catalog_sections::version,
);

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(crate) struct SectionRow {
    pub id: i64,
    pub catalog_id: i64,
    pub code: String,
    pub title: String,
    pub position: i32,
    pub version: i32,
}

impl SectionRow {
    pub fn into_record(self, catalog_code: &str) -> Section {
        Section {
            catalog_code: catalog_code.to_owned(),
            code: self.code,
            title: self.title,
            position: self.position,
            version: self.version,
        }
    }
}

pub(crate) type IndicatorColumns = (
    indicators::id,
    indicators::catalog_id,
    indicators::section_id,
    indicators::parent_id,
    indicators::code,
    indicators::number,
    indicators::name,
    indicators::unit_of_measure,
    indicators::value_kind,
    indicators::direction,
    indicators::aggregation,
    indicators::period_aggregation,
    indicators::decimals,
    indicators::position,
    indicators::description,
    indicators::version,
    indicators::created_at,
    indicators::updated_at,
);

pub(crate) const INDICATOR_COLUMNS: IndicatorColumns = (
    indicators::id,
    indicators::catalog_id,
    indicators::section_id,
    indicators::parent_id,
    indicators::code,
    indicators::number,
    indicators::name,
    indicators::unit_of_measure,
    indicators::value_kind,
    indicators::direction,
    indicators::aggregation,
    indicators::period_aggregation,
    indicators::decimals,
    indicators::position,
    indicators::description,
    indicators::version,
    indicators::created_at,
    indicators::updated_at,
);

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(crate) struct IndicatorRow {
    pub id: i64,
    pub catalog_id: i64,
    pub section_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub code: String,
    pub number: String,
    pub name: String,
    pub unit_of_measure: Option<String>,
    pub value_kind: String,
    pub direction: String,
    pub aggregation: String,
    pub period_aggregation: String,
    pub decimals: Option<i32>,
    pub position: i32,
    pub description: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The codes an indicator row refers to by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct IndicatorRefs {
    pub catalog_code: String,
    pub section_code: Option<String>,
    pub parent_code: Option<String>,
}

impl IndicatorRow {
    pub fn value_kind(&self) -> Result<ValueKind, StoreError> {
        ValueKind::from_db_str(&self.value_kind).map_err(corrupt("indicators.value_kind"))
    }

    pub fn aggregation(&self) -> Result<Aggregation, StoreError> {
        Aggregation::from_db_str(&self.aggregation).map_err(corrupt("indicators.aggregation"))
    }

    pub fn period_aggregation(&self) -> Result<PeriodAggregation, StoreError> {
        PeriodAggregation::from_db_str(&self.period_aggregation)
            .map_err(corrupt("indicators.period_aggregation"))
    }

    pub fn direction(&self) -> Result<Direction, StoreError> {
        Direction::from_db_str(&self.direction).map_err(corrupt("indicators.direction"))
    }

    pub fn into_record(self, refs: IndicatorRefs) -> Result<Indicator, StoreError> {
        Ok(Indicator {
            value_kind: self.value_kind()?,
            aggregation: self.aggregation()?,
            period_aggregation: self.period_aggregation()?,
            direction: self.direction()?,
            code: self.code,
            catalog_code: refs.catalog_code,
            number: self.number,
            name: self.name,
            section_code: refs.section_code,
            parent_code: refs.parent_code,
            unit_of_measure: self.unit_of_measure,
            precision: self.decimals,
            position: self.position,
            description: self.description,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A stored value the domain does not accept: the database was changed behind our back.
fn corrupt(column: &'static str) -> impl FnOnce(Invalid) -> StoreError {
    move |invalid| StoreError::Database {
        context: column,
        source: diesel::result::Error::DeserializationError(Box::new(invalid)),
    }
}
