//! The whole catalog as one tree: sections in order, each with its indicators nested under
//! their parents (7 → 7.1), then the indicators filed under no section.

use std::collections::HashMap;

use diesel::prelude::*;

use super::lookup::{IndicatorSelection, indicator_records, require_catalog};
use super::records::{Catalog, Indicator, SECTION_COLUMNS, Section, SectionRow};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{IndicatorNumber, SectionCode};
use crate::schema::catalog_sections;

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogTree {
    pub catalog: Catalog,
    pub sections: Vec<SectionNode>,
    pub unsectioned: Vec<IndicatorNode>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionNode {
    pub section: Section,
    pub indicators: Vec<IndicatorNode>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorNode {
    pub indicator: Indicator,
    pub children: Vec<IndicatorNode>,
}

/// Reads a catalog with all its sections and indicators in one transaction, so the tree is a
/// consistent snapshot.
pub fn catalog_tree(conn: &mut Db, code: &str) -> Result<CatalogTree, StoreError> {
    conn.transaction(|conn| {
        let catalog = require_catalog(conn, code)?;
        let sections: Vec<SectionRow> = catalog_sections::table
            .filter(catalog_sections::catalog_id.eq(catalog.id))
            .select(SECTION_COLUMNS)
            .load(conn)
            .map_err(StoreError::database("loading sections"))?;
        let sections = sections
            .into_iter()
            .map(|row| row.into_record(code))
            .collect();
        let indicators = indicator_records(conn, IndicatorSelection::OfCatalog(catalog.id))?;
        Ok(assemble(catalog.into_record()?, sections, indicators))
    })
}

/// Orders sections by position, then numeral; indicators by position, then number read as
/// numbers (7.2 before 7.10).
pub(crate) fn assemble(
    catalog: Catalog,
    mut sections: Vec<Section>,
    mut indicators: Vec<Indicator>,
) -> CatalogTree {
    sections.sort_by_key(|s| {
        let numeral = SectionCode::parse(&s.code).map_or(u16::MAX, |c| c.value());
        (s.position, numeral, s.code.clone())
    });
    indicators.sort_by_key(|i| {
        let number =
            IndicatorNumber::parse(&i.number).map_or_else(|_| vec![u32::MAX], |n| n.sort_key());
        (i.position, number, i.code.clone())
    });

    let present: std::collections::HashSet<String> =
        indicators.iter().map(|i| i.code.clone()).collect();
    let mut children: HashMap<String, Vec<Indicator>> = HashMap::new();
    let mut roots = Vec::new();
    for indicator in indicators {
        match &indicator.parent_code {
            Some(parent) if present.contains(parent) => {
                children.entry(parent.clone()).or_default().push(indicator)
            }
            _ => roots.push(indicator),
        }
    }

    let mut by_section: HashMap<String, Vec<IndicatorNode>> = HashMap::new();
    let mut unsectioned = Vec::new();
    let known_sections: std::collections::HashSet<&str> =
        sections.iter().map(|s| s.code.as_str()).collect();
    for root in roots {
        let section = root.section_code.clone();
        let node = grow(root, &mut children);
        match section {
            Some(code) if known_sections.contains(code.as_str()) => {
                by_section.entry(code).or_default().push(node)
            }
            _ => unsectioned.push(node),
        }
    }
    // Only a loop in the parent chain leaves children unreached; show them rather than lose them.
    let mut stranded: Vec<Indicator> = children.into_values().flatten().collect();
    stranded.sort_by(|a, b| a.code.cmp(&b.code));
    unsectioned.extend(stranded.into_iter().map(|indicator| IndicatorNode {
        indicator,
        children: Vec::new(),
    }));

    let sections = sections
        .into_iter()
        .map(|section| SectionNode {
            indicators: by_section.remove(&section.code).unwrap_or_default(),
            section,
        })
        .collect();
    CatalogTree {
        catalog,
        sections,
        unsectioned,
    }
}

/// A node with its descendants; each child is taken out of `children` once, so a loop cannot
/// recurse forever.
fn grow(indicator: Indicator, children: &mut HashMap<String, Vec<Indicator>>) -> IndicatorNode {
    let direct = children.remove(&indicator.code).unwrap_or_default();
    IndicatorNode {
        children: direct.into_iter().map(|c| grow(c, children)).collect(),
        indicator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Aggregation, Direction, PeriodAggregation, ValueKind};

    fn catalog() -> Catalog {
        Catalog {
            code: "NQ57-THAITAN".into(),
            name: "Chỉ tiêu xã Thái Tân".into(),
            description: None,
            level: None,
            version: 1,
            created_at: chrono::NaiveDateTime::default(),
            updated_at: chrono::NaiveDateTime::default(),
        }
    }

    fn section(code: &str, position: i32) -> Section {
        Section {
            catalog_code: "NQ57-THAITAN".into(),
            code: code.into(),
            title: format!("Mục {code}"),
            position,
            version: 1,
        }
    }

    fn indicator(number: &str, section: Option<&str>, parent: Option<&str>) -> Indicator {
        Indicator {
            code: format!("TT-{number}"),
            catalog_code: "NQ57-THAITAN".into(),
            number: number.into(),
            name: format!("Chỉ tiêu {number}"),
            section_code: section.map(Into::into),
            parent_code: parent.map(|p| format!("TT-{p}")),
            unit_of_measure: None,
            value_kind: ValueKind::Percent,
            direction: Direction::HigherIsBetter,
            aggregation: Aggregation::Ratio,
            period_aggregation: PeriodAggregation::Last,
            precision: None,
            position: 0,
            description: None,
            version: 1,
            created_at: chrono::NaiveDateTime::default(),
            updated_at: chrono::NaiveDateTime::default(),
        }
    }

    fn numbers(nodes: &[IndicatorNode]) -> Vec<&str> {
        nodes.iter().map(|n| n.indicator.number.as_str()).collect()
    }

    #[test]
    fn sections_follow_their_position_then_their_numeral() {
        let tree = assemble(
            catalog(),
            vec![
                section("X", 10),
                section("IX", 9),
                section("II", 2),
                section("IV", 2),
            ],
            Vec::new(),
        );
        let codes: Vec<&str> = tree
            .sections
            .iter()
            .map(|s| s.section.code.as_str())
            .collect();
        assert_eq!(codes, ["II", "IV", "IX", "X"]);
    }

    #[test]
    fn sub_items_nest_under_their_parent_in_numeric_order() {
        let tree = assemble(
            catalog(),
            vec![section("II", 2)],
            vec![
                indicator("7.10", Some("II"), Some("7")),
                indicator("7", Some("II"), None),
                indicator("7.2", Some("II"), Some("7")),
                indicator("6", Some("II"), None),
            ],
        );
        let section = &tree.sections[0];
        assert_eq!(numbers(&section.indicators), ["6", "7"]);
        assert_eq!(numbers(&section.indicators[1].children), ["7.2", "7.10"]);
    }

    #[test]
    fn position_comes_before_the_number() {
        let mut late = indicator("1", None, None);
        late.position = 5;
        let mut early = indicator("2", None, None);
        early.position = 1;
        let tree = assemble(catalog(), Vec::new(), vec![late, early]);
        assert_eq!(numbers(&tree.unsectioned), ["2", "1"]);
    }

    #[test]
    fn indicators_without_a_section_are_kept_apart() {
        let tree = assemble(
            catalog(),
            vec![section("I", 1)],
            vec![indicator("1", Some("I"), None), indicator("30", None, None)],
        );
        assert_eq!(numbers(&tree.sections[0].indicators), ["1"]);
        assert_eq!(numbers(&tree.unsectioned), ["30"]);
    }

    #[test]
    fn a_loop_in_the_parent_chain_loses_no_indicator() {
        let tree = assemble(
            catalog(),
            Vec::new(),
            vec![
                indicator("1", None, Some("2")),
                indicator("2", None, Some("1")),
            ],
        );
        assert_eq!(numbers(&tree.unsectioned), ["1", "2"]);
    }
}
