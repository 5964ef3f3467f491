//! One item gathered over its rows and then interpreted: name, unit, targets per year, kind,
//! agencies, with a diagnostic for what was inferred or doubted.

use super::agencies::{AgencyName, split_agencies};
use super::diagnostics::Diagnostic;
use super::header::{Column, Header};
use super::kind::infer_kind;
use super::rows::ParsedItem;
use super::table::Table;
use crate::domain::{IndicatorNumber, SectionCode, Target, TargetMeaning, ValueKind};

/// The cells of one item gathered over its rows, before they are interpreted.
pub(super) struct Gathered {
    pub row: usize,
    pub number: String,
    pub section: Option<SectionCode>,
    pub section_year: Option<i32>,
    pub cells: Vec<(Column, String)>,
}

/// Appends a row's cells to the item: a cell broken over rows reads as one text.
pub(super) fn continue_item(item: &mut Gathered, table: &Table, header: &Header, row: usize) {
    for (index, role) in &header.columns {
        if *role == Column::Number {
            continue;
        }
        let text = table.cell(row, *index);
        if text.is_empty() {
            continue;
        }
        match item.cells.iter_mut().find(|(r, _)| r == role) {
            Some((_, existing)) if existing == text && row != item.row => {
                // A merged cell spanning the item's rows repeats its text: once is enough.
            }
            Some((_, existing)) => {
                existing.push(' ');
                existing.push_str(text);
            }
            None => item.cells.push((*role, text.to_owned())),
        }
    }
}

pub(super) fn interpret(
    gathered: Gathered,
    number: IndicatorNumber,
    table: &Table,
    fallback_year: i32,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedItem {
    let reference = table.row_ref(gathered.row);
    let text = |role: Column| {
        gathered
            .cells
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, t)| t.clone())
    };
    let name = text(Column::Name).unwrap_or_default();
    let unit = text(Column::Unit).filter(|u| u != "-");
    let mut targets = Vec::new();
    for (role, raw) in &gathered.cells {
        let year = match role {
            Column::Year(year) => *year,
            Column::Result => {
                let year = gathered.section_year.unwrap_or(fallback_year);
                diagnostics.push(Diagnostic::info(
                    reference.clone(),
                    format!("the target column has no year: {raw:?} taken as the target of {year}"),
                ));
                year
            }
            _ => continue,
        };
        let target = Target::parse(raw);
        if let TargetMeaning::Qualitative { reason } = target.meaning() {
            diagnostics.push(Diagnostic::warning(
                reference.clone(),
                format!("target {year} {raw:?} is qualitative, judged by a person: {reason}"),
            ));
        }
        targets.push((year, target));
    }
    let (kind, why) = infer_kind(
        unit.as_deref(),
        &name,
        &targets.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
    );
    let mut lead = None;
    let mut coordinating = Vec::new();
    for agency in text(Column::Lead)
        .map(|c| split_agencies(&c))
        .unwrap_or_default()
    {
        match agency {
            AgencyName::Named(name) if lead.is_none() => lead = Some(name),
            AgencyName::Named(name) => {
                diagnostics.push(Diagnostic::warning(
                    reference.clone(),
                    format!("several lead agencies: {name:?} is taken as coordinating"),
                ));
                coordinating.push(AgencyName::Named(name));
            }
            everyone => {
                diagnostics.push(Diagnostic::info(
                    reference.clone(),
                    "the lead column names every agency: all are coordinating, none leads",
                ));
                coordinating.push(everyone);
            }
        }
    }
    coordinating.extend(
        text(Column::Coordinating)
            .map(|c| split_agencies(&c))
            .unwrap_or_default(),
    );
    diagnostics.push(Diagnostic::info(
        reference.clone(),
        format!(
            "item {} {:?}: {} ({why}), {} target(s), lead {}",
            number.as_str(),
            name,
            kind_name(kind),
            targets.len(),
            lead.as_deref().unwrap_or("none")
        ),
    ));
    ParsedItem {
        reference,
        written_number: gathered.number,
        number,
        section: gathered.section,
        name,
        unit,
        kind,
        targets,
        lead,
        coordinating,
        output_product: text(Column::Output),
        note: text(Column::Note),
    }
}

fn kind_name(kind: ValueKind) -> &'static str {
    kind.as_db_str()
}
