//! The import summary as JSON: the same shape for a dry run (200) and a real run (201).

use chitieu_schema::plan_import::{self, Severity};
use chitieu_schema::plans::{StoredTarget, TargetYear};
use serde::Serialize;
use utoipa::ToSchema;

use crate::routes::catalogs::kinds::ValueKind;
use crate::routes::plans::views::Target;

/// What the import created, or would create in a dry run.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// True when nothing was stored.
    pub dry_run: bool,
    pub plan_code: String,
    pub issuing_unit_code: String,
    pub catalog_code: String,
    /// Whether the catalog is built from the table (it did not exist).
    pub catalog_created: bool,
    /// Where the indicator table's header row is (`table 1, R1`, `Phụ lục!3:3`, `line 1`).
    #[schema(example = "table 1, R1")]
    pub header_reference: String,
    pub counts: ImportCounts,
    pub sections: Vec<ImportedSection>,
    pub items: Vec<ImportedItem>,
    /// Agencies named in the table that the issuing unit does not have: created as its units.
    pub proposed_units: Vec<ProposedUnit>,
    /// A remark per row and cell: what was understood, and what a person should check.
    pub diagnostics: Vec<ImportDiagnostic>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub sections: usize,
    /// Items including sub-items.
    pub items: usize,
    pub sub_items: usize,
    pub targets: usize,
    pub proposed_units: usize,
    pub warnings: usize,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportedSection {
    #[schema(example = "II")]
    pub code: String,
    #[schema(example = "Phát triển nguồn lực")]
    pub title: String,
    pub created: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportedItem {
    /// The item's first row in the file.
    #[schema(example = "line 12")]
    pub reference: String,
    /// The number as written in the file.
    pub written_number: String,
    /// The number within its section, as printed (numbering may restart in each section);
    /// another only when it repeats an earlier item of the same section.
    #[schema(example = "7.1")]
    pub number: String,
    /// The number with its section, as a person reads it: `II.3` is item 3 of section II.
    #[schema(example = "II.7.1")]
    pub qualified_number: String,
    /// For a sub-item, its item's number (in the same section).
    pub parent_number: Option<String>,
    pub section_code: Option<String>,
    pub indicator_code: String,
    pub indicator_created: bool,
    pub name: String,
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub targets: Vec<Target>,
    pub lead: Option<AgencyMatch>,
    pub coordinating: Vec<AgencyMatch>,
    pub output_product: Option<String>,
    pub note: Option<String>,
}

/// An agency as the table names it and the unit it is assigned to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgencyMatch {
    #[schema(example = "Phòng VH-XH")]
    pub written: String,
    #[schema(example = "31001-VHXH")]
    pub unit_code: String,
    pub unit_name: String,
    /// A unit this import proposes (creates), not an existing one.
    pub proposed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProposedUnit {
    #[schema(example = "31001-CAC-NGAN-HANG")]
    pub code: String,
    #[schema(example = "Các Ngân hàng")]
    pub name: String,
    pub parent_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportDiagnostic {
    #[schema(example = "line 12")]
    pub reference: String,
    /// `info`: understood; `warning`: a guess, a gap or a repeat to check.
    #[schema(example = "warning")]
    pub severity: String,
    pub message: String,
}

impl From<plan_import::ImportSummary> for ImportSummary {
    fn from(s: plan_import::ImportSummary) -> Self {
        let items: Vec<ImportedItem> = s.items.into_iter().map(ImportedItem::from).collect();
        let counts = ImportCounts {
            sections: s.sections.len(),
            items: items.len(),
            sub_items: items.iter().filter(|i| i.parent_number.is_some()).count(),
            targets: items.iter().map(|i| i.targets.len()).sum(),
            proposed_units: s.proposed_units.len(),
            warnings: s
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
        };
        Self {
            dry_run: s.dry_run,
            plan_code: s.plan_code,
            issuing_unit_code: s.issuing_unit_code,
            catalog_code: s.catalog_code,
            catalog_created: s.catalog_created,
            header_reference: s.header_reference,
            counts,
            sections: s
                .sections
                .into_iter()
                .map(|section| ImportedSection {
                    code: section.code,
                    title: section.title,
                    created: section.created,
                })
                .collect(),
            items,
            proposed_units: s
                .proposed_units
                .into_iter()
                .map(|u| ProposedUnit {
                    code: u.code,
                    name: u.name,
                    parent_code: u.parent_code,
                })
                .collect(),
            diagnostics: s
                .diagnostics
                .into_iter()
                .map(|d| ImportDiagnostic {
                    // Diagnostics are said in the language of the request's Accept-Language.
                    message: d.in_lang(crate::request_id::lang()),
                    reference: d.reference,
                    severity: d.severity.as_str().to_owned(),
                })
                .collect(),
        }
    }
}

impl From<plan_import::ItemSummary> for ImportedItem {
    fn from(i: plan_import::ItemSummary) -> Self {
        let targets = i
            .targets
            .iter()
            .filter_map(|(year, target)| {
                let year = TargetYear::new(*year).ok()?;
                Some(Target::from(StoredTarget::from_target(year, target)))
            })
            .collect();
        let qualified_number = match &i.section {
            Some(section) => format!("{section}.{}", i.number),
            None => i.number.clone(),
        };
        Self {
            reference: i.reference,
            written_number: i.written_number,
            qualified_number,
            number: i.number,
            parent_number: i.parent_number,
            section_code: i.section,
            indicator_code: i.indicator_code,
            indicator_created: i.indicator_created,
            name: i.name,
            unit_of_measure: i.unit_of_measure,
            value_kind: i.value_kind.into(),
            targets,
            lead: i.lead.map(AgencyMatch::from),
            coordinating: i.coordinating.into_iter().map(AgencyMatch::from).collect(),
            output_product: i.output_product,
            note: i.note,
        }
    }
}

impl From<plan_import::AgencyMatch> for AgencyMatch {
    fn from(a: plan_import::AgencyMatch) -> Self {
        Self {
            written: a.written,
            unit_code: a.unit_code,
            unit_name: a.unit_name,
            proposed: a.proposed,
        }
    }
}
