//! The rows an import writes for each item: its indicator (in a new catalog) or the existing
//! indicator it names, and its plan item.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::ImportError;
use super::diagnostics::Diagnostic;
use super::rows::ParsedItem;
use super::summary::{AgencyMatch, ItemSummary};
use crate::StoreError;
use crate::catalog::{self, Measure, NewIndicator};
use crate::db::Db;
use crate::domain::{IndicatorCode, Name, OptionalText, OrgUnitCode, name_key};
use crate::plans::{self, Assignees, NewPlan, NewPlanItem, TargetYear};
use crate::schema::{catalog_sections, indicators};

/// A refusal pointing at the row of the file it comes from.
pub(super) fn at(reference: &str, reason: impl Into<crate::messages::Text>) -> StoreError {
    StoreError::RejectedAt {
        pointer: reference.to_owned(),
        reason: reason.into(),
    }
}

/// The code of the existing catalog's indicator numbered like the item in the item's
/// section (or, when the catalog has no such section, the only one numbered so).
pub(super) fn existing_indicator(
    conn: &mut Db,
    catalog_id: i64,
    item: &ParsedItem,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, ImportError> {
    let section_id: Option<i64> = match &item.section {
        Some(code) => catalog_sections::table
            .filter(catalog_sections::catalog_id.eq(catalog_id))
            .filter(catalog_sections::code.eq(code.as_str()))
            .select(catalog_sections::id)
            .first(conn)
            .optional()
            .map_err(StoreError::database("finding a section by code"))?,
        None => None,
    };
    let numbered = indicators::table
        .filter(indicators::catalog_id.eq(catalog_id))
        .filter(indicators::number.eq(item.number.as_str()))
        .select((indicators::code, indicators::name, indicators::section_id));
    let mut candidates: Vec<(String, String, Option<i64>)> = numbered
        .load(conn)
        .map_err(StoreError::database("finding an indicator by number"))?;
    let found = match (&item.section, section_id) {
        (Some(_), Some(id)) => candidates.into_iter().find(|(_, _, s)| *s == Some(id)),
        (None, _) => candidates.into_iter().find(|(_, _, s)| s.is_none()),
        (Some(_), None) if candidates.len() == 1 => candidates.pop(),
        (Some(_), None) => None,
    }
    .map(|(code, name, _)| (code, name));
    let Some((code, name)) = found else {
        return Err(at(
            &item.reference,
            format!(
                "the plan's catalog has no indicator numbered {}{}: import into a new \
                 catalog code, or add the indicator first",
                item.number.as_str(),
                item.section
                    .as_ref()
                    .map_or(String::new(), |s| format!(" in section {}", s.as_str()))
            ),
        )
        .into());
    };
    if name_key(&name) != name_key(&item.name) {
        diagnostics.push(Diagnostic::warning(
            item.reference.clone(),
            format!(
                "item {} is {:?} in the catalog: the table's name differs",
                item.number.as_str(),
                name
            ),
        ));
    }
    Ok(code)
}

pub(super) fn create_indicator(
    conn: &mut Db,
    plan: &NewPlan,
    item: &ParsedItem,
    code: &str,
) -> Result<(), ImportError> {
    let invalid = |e: crate::domain::Invalid| at(&item.reference, e.into_text());
    let measure = Measure::parse(item.kind, None, None, None).map_err(|misfits| {
        at(
            &item.reference,
            misfits
                .iter()
                .map(|m| m.reason.0.clone())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let new = NewIndicator {
        catalog: plan.catalog.clone(),
        code: IndicatorCode::parse(code).map_err(invalid)?,
        number: item.number.clone(),
        name: Name::parse(&item.name).map_err(invalid)?,
        section: item.section.clone(),
        parent: None,
        unit_of_measure: item
            .unit
            .as_deref()
            .map(Name::parse)
            .transpose()
            .map_err(invalid)?,
        measure,
        precision: None,
        position: None,
        description: OptionalText::parse(None).map_err(invalid)?,
    };
    catalog::create_indicator(conn, new)?;
    Ok(())
}

pub(super) fn create_item(
    conn: &mut Db,
    plan_code: &str,
    item: &ParsedItem,
    summary: &ItemSummary,
) -> Result<(), ImportError> {
    let mut targets = BTreeMap::new();
    for (year, target) in &item.targets {
        let year = TargetYear::new(*year).map_err(|e| at(&item.reference, e.into_text()))?;
        targets.insert(year, target.clone());
    }
    let code = |unit: &AgencyMatch| {
        OrgUnitCode::parse(&unit.unit_code).map_err(|e| at(&item.reference, e.into_text()))
    };
    let assignees = Assignees {
        lead: summary.lead.as_ref().map(code).transpose()?,
        coordinating: summary
            .coordinating
            .iter()
            .map(code)
            .collect::<Result<_, _>>()?,
    };
    let new = NewPlanItem {
        indicator: IndicatorCode::parse(&summary.indicator_code)
            .map_err(|e| at(&item.reference, e.into_text()))?,
        targets,
        assignees,
        output_product: item.output_product.clone(),
        note: item.note.clone(),
        position: None,
    };
    plans::create_item(conn, plan_code, new)?;
    Ok(())
}
