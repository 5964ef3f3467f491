//! What the catalog endpoints answer, converted explicitly from the store's records.

use chitieu_schema::catalog;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::kinds::{Aggregation, CatalogLevel, Direction, PeriodAggregation, ValueKind};

/// A catalog of indicators, such as the indicators of a commune's Resolution 57 plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "code": "NQ57-THAITAN-2025", "name": "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân",
    "description": "Phụ lục 2 của Kế hoạch số 18/KH-UBND ngày 18/8/2025", "level": "commune",
    "version": 1, "createdAt": "2026-11-22T05:00:00", "updatedAt": "2026-11-22T05:00:00"
}))]
pub struct Catalog {
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub level: Option<CatalogLevel>,
    /// The version in the `ETag`; it moves when the catalog's own fields change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl From<catalog::Catalog> for Catalog {
    fn from(record: catalog::Catalog) -> Self {
        Self {
            code: record.code,
            name: record.name,
            description: record.description,
            level: record.level.map(Into::into),
            version: record.version,
            created_at: record.created_at.and_utc(),
            updated_at: record.updated_at.and_utc(),
        }
    }
}

/// A section of a catalog, numbered in Roman numerals.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "catalogCode": "NQ57-THAITAN-2025", "code": "II", "title": "Phát triển nguồn lực",
    "position": 2, "version": 1
}))]
pub struct Section {
    pub catalog_code: String,
    pub code: String,
    pub title: String,
    pub position: i32,
    pub version: i32,
}

impl From<catalog::Section> for Section {
    fn from(record: catalog::Section) -> Self {
        Self {
            catalog_code: record.catalog_code,
            code: record.code,
            title: record.title,
            position: record.position,
            version: record.version,
        }
    }
}

/// An indicator (chỉ tiêu) of a catalog.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "code": "NQ57-THAITAN-7.1", "catalogCode": "NQ57-THAITAN-2025", "number": "7.1",
    "name": "Tỷ lệ cán bộ, công chức làm chủ kỹ năng số", "sectionCode": "II",
    "parentCode": "NQ57-THAITAN-7", "unitOfMeasure": "%", "valueKind": "percent",
    "direction": "higherIsBetter", "aggregation": "ratio", "periodAggregation": "last",
    "precision": 1, "position": 8,
    "description": null, "version": 1,
    "createdAt": "2026-11-22T05:00:00", "updatedAt": "2026-11-22T05:00:00"
}))]
pub struct Indicator {
    /// The global code, also the DHIS2 `dataElement` code in exchanges.
    pub code: String,
    pub catalog_code: String,
    /// The numbering inside the catalog: 7, 7.1, 18.1.
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
    /// Decimals shown and exchanged (0 to 6).
    pub precision: Option<i32>,
    pub position: i32,
    pub description: Option<String>,
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl From<catalog::Indicator> for Indicator {
    fn from(record: catalog::Indicator) -> Self {
        Self {
            code: record.code,
            catalog_code: record.catalog_code,
            number: record.number,
            name: record.name,
            section_code: record.section_code,
            parent_code: record.parent_code,
            unit_of_measure: record.unit_of_measure,
            value_kind: record.value_kind.into(),
            direction: record.direction.into(),
            aggregation: record.aggregation.into(),
            period_aggregation: record.period_aggregation.into(),
            precision: record.precision,
            position: record.position,
            description: record.description,
            version: record.version,
            created_at: record.created_at.and_utc(),
            updated_at: record.updated_at.and_utc(),
        }
    }
}

/// A whole catalog: sections in order with their indicators nested by parent, then the
/// indicators filed under no section.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CatalogTree {
    pub catalog: Catalog,
    pub sections: Vec<SectionBranch>,
    pub unsectioned: Vec<IndicatorBranch>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectionBranch {
    #[serde(flatten)]
    pub section: Section,
    pub indicators: Vec<IndicatorBranch>,
}

/// An indicator and its sub-indicators (7 → 7.1, 7.2).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorBranch {
    #[serde(flatten)]
    pub indicator: Indicator,
    #[schema(no_recursion)]
    pub children: Vec<IndicatorBranch>,
}

impl From<catalog::CatalogTree> for CatalogTree {
    fn from(tree: catalog::CatalogTree) -> Self {
        Self {
            catalog: tree.catalog.into(),
            sections: tree
                .sections
                .into_iter()
                .map(|node| SectionBranch {
                    section: node.section.into(),
                    indicators: node.indicators.into_iter().map(Into::into).collect(),
                })
                .collect(),
            unsectioned: tree.unsectioned.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<catalog::IndicatorNode> for IndicatorBranch {
    fn from(node: catalog::IndicatorNode) -> Self {
        Self {
            indicator: node.indicator.into(),
            children: node.children.into_iter().map(Into::into).collect(),
        }
    }
}
