//! Writing an understood table: the catalog (when new), the proposed units, the plan and its
//! items, in one transaction. A dry run does exactly the same and rolls back, so its answer is
//! the real run's answer and nothing is stored.

use diesel::prelude::*;

use super::ImportError;
use super::agencies::AgencyName;
use super::diagnostics::{Diagnostic, Severity, Tally};
use super::resolve::Agencies;
use super::rows::{ParsedItem, ParsedTable};
use super::summary::{AgencyMatch, ImportSummary, ItemSummary, SectionSummary};
use super::writes::{at, create_indicator, create_item, existing_indicator};
use crate::StoreError;
use crate::catalog::{self, NewCatalog, NewSection, Position};
use crate::db::Db;
use crate::domain::{Name, OptionalText, OrgUnitCode, OrgUnitKind};
use crate::messages::Message;
use crate::org_units::{self, NewOrgUnit};
use crate::plans::{self, NewPlan};
use crate::schema::{catalogs, org_units as units};

/// The plan to create from the table, and whether only to try.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub plan: NewPlan,
    pub dry_run: bool,
}

/// Why the transaction ends: a failure, or a finished dry run that must not be kept.
enum Ending {
    Failed(ImportError),
    DryRun(Box<ImportSummary>),
}

impl From<diesel::result::Error> for Ending {
    fn from(e: diesel::result::Error) -> Self {
        Ending::Failed(ImportError::Store(StoreError::from(e)))
    }
}

pub fn apply(
    conn: &mut Db,
    parsed: &ParsedTable,
    request: ImportRequest,
) -> Result<ImportSummary, ImportError> {
    apply_with_progress(conn, parsed, request, &mut |_, _| {})
}

/// As [`apply`], calling `progress(done, total)` after each item is written, for a progress
/// bar over a large table.
pub fn apply_with_progress(
    conn: &mut Db,
    parsed: &ParsedTable,
    request: ImportRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportSummary, ImportError> {
    let dry_run = request.dry_run;
    let outcome = conn.transaction::<ImportSummary, Ending, _>(|conn| {
        let summary = write_all(conn, parsed, request.plan, progress).map_err(Ending::Failed)?;
        if dry_run {
            return Err(Ending::DryRun(Box::new(summary)));
        }
        raise_imported(conn, &summary).map_err(|e| Ending::Failed(e.into()))?;
        Ok(summary)
    });
    match outcome {
        Ok(summary) => Ok(summary),
        Err(Ending::DryRun(summary)) => Ok(ImportSummary {
            dry_run: true,
            ..*summary
        }),
        Err(Ending::Failed(e)) => Err(e),
    }
}

/// `plan.imported`, at the issuing unit, in the import's transaction.
fn raise_imported(conn: &mut Db, summary: &ImportSummary) -> Result<(), StoreError> {
    crate::events::append_at_unit(
        conn,
        crate::events::PLAN_IMPORTED,
        &summary.issuing_unit_code,
        Some(summary.plan_code.clone()),
        None,
        serde_json::json!({
            "catalogCode": summary.catalog_code,
            "catalogCreated": summary.catalog_created,
            "items": summary.items.len(),
            "proposedUnits": summary.proposed_units.len(),
        }),
    )
}

fn write_all(
    conn: &mut Db,
    parsed: &ParsedTable,
    plan: NewPlan,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportSummary, ImportError> {
    let issuing = match org_units::find(conn, &plan.issuing_unit) {
        Err(StoreError::NotFound { .. }) => {
            return Err(StoreError::rejected(
                "issuingUnitCode",
                format!(
                    "there is no organisation unit with code {}",
                    plan.issuing_unit
                ),
            )
            .into());
        }
        other => other?,
    };
    let mut diagnostics = parsed.diagnostics.clone();
    let existing: Vec<(String, String)> = units::table
        .filter(units::parent_id.eq(issuing.row.id))
        .filter(units::valid_to.is_null())
        .order(units::code)
        .select((units::code, units::name))
        .load(conn)
        .map_err(StoreError::database("listing the issuing unit's agencies"))?;
    let mut agencies = Agencies {
        issuing: issuing.row.code.clone(),
        existing,
        proposed: Vec::new(),
    };
    let catalog_code = plan.catalog.as_str().to_owned();
    let catalog_id: Option<i64> = catalogs::table
        .filter(catalogs::code.eq(&catalog_code))
        .select(catalogs::id)
        .first(conn)
        .optional()
        .map_err(StoreError::database("finding the plan's catalog"))?;
    let catalog_created = catalog_id.is_none();
    let qualified_codes = numbering_restarts(parsed);
    let mut tally = Tally::default();
    let mut item_summaries = Vec::new();
    for item in &parsed.items {
        let (lead, coordinating) =
            assignees(conn, &mut agencies, item, &mut diagnostics, &mut tally)?;
        let indicator_code = match catalog_id {
            Some(id) => existing_indicator(conn, id, item, &mut diagnostics)?,
            None => indicator_code(&catalog_code, item, qualified_codes),
        };
        item_summaries.push(ItemSummary {
            reference: item.reference.clone(),
            written_number: item.written_number.clone(),
            number: item.number.as_str().to_owned(),
            parent_number: item.number.parent().map(|p| p.as_str().to_owned()),
            section: item.section.as_ref().map(|s| s.as_str().to_owned()),
            indicator_code,
            indicator_created: catalog_created,
            name: item.name.clone(),
            unit_of_measure: item.unit.clone(),
            value_kind: item.kind,
            targets: item.targets.clone(),
            lead,
            coordinating,
            output_product: item.output_product.clone(),
            note: item.note.clone(),
        });
    }
    diagnostics.extend(tally.into_diagnostics());
    let sections = if catalog_created {
        let level = issuing.row.kind().ok().filter(|k| *k != OrgUnitKind::Unit);
        build_catalog(conn, &plan, parsed, level, &item_summaries)?
    } else {
        parsed
            .sections
            .iter()
            .map(|s| SectionSummary {
                code: s.code.as_str().to_owned(),
                title: s.title.clone(),
                created: false,
            })
            .collect()
    };
    for unit in &agencies.proposed {
        let new = NewOrgUnit {
            code: OrgUnitCode::parse_for(OrgUnitKind::Unit, &unit.code)
                .map_err(|e| StoreError::rejected("issuingUnitCode", e.into_text()))?,
            name: Name::parse(&unit.name)
                .map_err(|e| StoreError::rejected("issuingUnitCode", e.into_text()))?,
            kind: OrgUnitKind::Unit,
            parent_code: Some(plan.issuing_unit.clone()),
            valid_from: None,
        };
        org_units::create(conn, &new)?;
        diagnostics.push(Diagnostic::info(
            unit.code.clone(),
            Message::new("import-new-unit")
                .arg("name", format!("{:?}", unit.name))
                .arg("parent", &unit.parent_code),
        ));
    }
    let plan_code = plan.code.as_str().to_owned();
    plans::create_plan(conn, plan)?;
    let total = parsed.items.len();
    for (done, (item, summary)) in parsed.items.iter().zip(&item_summaries).enumerate() {
        create_item(conn, &plan_code, item, summary)?;
        progress(done + 1, total);
    }
    Ok(ImportSummary {
        dry_run: false,
        plan_code,
        issuing_unit_code: issuing.row.code,
        catalog_code,
        catalog_created,
        header_reference: parsed.header_reference.clone(),
        sections,
        items: item_summaries,
        proposed_units: agencies.proposed,
        diagnostics,
    })
}

/// The lead agency and the coordinating ones of an item, each once, the lead not repeated.
/// A lead cell listing several agencies (or a comma list) gives the first the lead and the
/// others coordinate, with a warning; "every agency" in the lead cell leads nobody.
fn assignees(
    conn: &mut Db,
    agencies: &mut Agencies,
    item: &ParsedItem,
    diagnostics: &mut Vec<Diagnostic>,
    tally: &mut Tally,
) -> Result<(Option<AgencyMatch>, Vec<AgencyMatch>), ImportError> {
    let mut lead: Option<AgencyMatch> = None;
    let mut coordinating: Vec<AgencyMatch> = Vec::new();
    let add =
        |unit: AgencyMatch, coordinating: &mut Vec<AgencyMatch>, lead: &Option<AgencyMatch>| {
            let duplicate = coordinating.iter().any(|c| c.unit_code == unit.unit_code)
                || lead.as_ref().is_some_and(|l| l.unit_code == unit.unit_code);
            if !duplicate {
                coordinating.push(unit);
            }
        };
    let lead_cell = item
        .lead
        .as_deref()
        .map(|c| agencies.split(c))
        .unwrap_or_default();
    if matches!(lead_cell.first(), Some(AgencyName::Everyone(_))) {
        tally.note(
            Severity::Info,
            item.reference.clone(),
            Message::new("import-lead-everyone"),
        );
    }
    for agency in &lead_cell {
        let everyone = matches!(agency, AgencyName::Everyone(_));
        for unit in agencies.units_of(conn, agency)? {
            if lead.is_none() && !everyone {
                lead = Some(unit);
            } else {
                if !everyone {
                    diagnostics.push(Diagnostic::warning(
                        item.reference.clone(),
                        Message::new("import-lead-several")
                            .arg(
                                "lead",
                                format!("{:?}", lead.as_ref().map_or("", |l| l.written.as_str())),
                            )
                            .arg("other", format!("{:?}", unit.written)),
                    ));
                }
                add(unit, &mut coordinating, &lead);
            }
        }
    }
    let coordinating_cell = item
        .coordinating
        .as_deref()
        .map(|c| agencies.split(c))
        .unwrap_or_default();
    for agency in &coordinating_cell {
        for unit in agencies.units_of(conn, agency)? {
            add(unit, &mut coordinating, &lead);
        }
    }
    coordinating.retain(|c| lead.as_ref().is_none_or(|l| l.unit_code != c.unit_code));
    Ok((lead, coordinating))
}

/// Whether the table numbers its items afresh in each section (two items printed alike in
/// different sections): then indicator codes name the section too.
fn numbering_restarts(parsed: &ParsedTable) -> bool {
    let mut seen = std::collections::HashSet::new();
    parsed
        .items
        .iter()
        .any(|item| !seen.insert(item.number.as_str()))
}

/// A new indicator's code: `{catalog}-{number}` (`NQ57-TT-7.1`), or `{catalog}-{section}-
/// {number}` (`NQ57-TT-II-3`) when the numbering restarts in each section.
fn indicator_code(catalog: &str, item: &ParsedItem, qualified: bool) -> String {
    match (&item.section, qualified) {
        (Some(section), true) => format!("{catalog}-{}-{}", section.as_str(), item.number.as_str()),
        _ => format!("{catalog}-{}", item.number.as_str()),
    }
}

/// The plan's catalog made from the table: named after the plan, its sections, an indicator
/// per item.
fn build_catalog(
    conn: &mut Db,
    plan: &NewPlan,
    parsed: &ParsedTable,
    level: Option<OrgUnitKind>,
    items: &[ItemSummary],
) -> Result<Vec<SectionSummary>, ImportError> {
    let number = plan.number.as_str();
    let name = Name::parse(&format!("Chỉ tiêu {number} ({})", plan.title.as_str()))
        .or_else(|_| Name::parse(&format!("Chỉ tiêu {number}")))
        .map_err(|e| StoreError::rejected("number", e.into_text()))?;
    let description = format!("Imported from the appendix table of plan {number}");
    let new = NewCatalog {
        code: plan.catalog.clone(),
        name,
        description: OptionalText::parse(Some(&description))
            .map_err(|e| StoreError::rejected("number", e.0))?,
        level,
    };
    catalog::create_catalog(conn, new)?;
    let mut sections = Vec::new();
    for (index, section) in parsed.sections.iter().enumerate() {
        let title = Name::parse(&section.title).map_err(|e| at(&section.reference, e.0))?;
        // In the table's order: lettered groups and Arabic sections have no numeral value.
        let position = i32::try_from(index + 1)
            .ok()
            .and_then(|p| Position::parse(p).ok());
        let new = NewSection {
            code: section.code.clone(),
            title,
            position,
        };
        catalog::create_section(conn, plan.catalog.as_str(), new)?;
        sections.push(SectionSummary {
            code: section.code.as_str().to_owned(),
            title: section.title.clone(),
            created: true,
        });
    }
    for (item, summary) in parsed.items.iter().zip(items) {
        create_indicator(conn, plan, item, &summary.indicator_code)?;
    }
    Ok(sections)
}
