//! One item gathered over its rows and then interpreted: name, unit, targets per year, kind,
//! agencies, with a diagnostic for what was inferred or doubted.

use super::diagnostics::{Diagnostic, Severity, Tally};
use super::header::{Column, Header};
use super::kind::infer_kind;
use super::rows::ParsedItem;
use super::table::{Table, one_line};
use crate::domain::{IndicatorNumber, SectionCode, Target, TargetMeaning};
use crate::messages::Message;

/// The cells of one item gathered over its rows, before they are interpreted.
pub(super) struct Gathered {
    pub row: usize,
    pub number: String,
    pub section: Option<SectionCode>,
    pub section_year: Option<i32>,
    pub cells: Vec<(Column, String)>,
}

/// Appends a row's cells to the item: a cell broken over rows reads as one text. Agency
/// cells keep their lines (one agency a line) and a row continuing them adds a line; other
/// cells read as one line.
pub(super) fn continue_item(item: &mut Gathered, table: &Table, header: &Header, row: usize) {
    for (index, role) in &header.columns {
        if *role == Column::Number {
            continue;
        }
        let lists_agencies = matches!(role, Column::Lead | Column::Coordinating);
        let raw = table.cell(row, *index);
        let text = if lists_agencies {
            raw.to_owned()
        } else {
            one_line(raw)
        };
        if text.is_empty() {
            continue;
        }
        match item.cells.iter_mut().find(|(r, _)| r == role) {
            Some((_, existing)) if *existing == text && row != item.row => {
                // A merged cell spanning the item's rows repeats its text: once is enough.
            }
            Some((_, existing)) => {
                existing.push(if lists_agencies { '\n' } else { ' ' });
                existing.push_str(&text);
            }
            None => item.cells.push((*role, text)),
        }
    }
}

pub(super) fn interpret(
    gathered: Gathered,
    number: IndicatorNumber,
    table: &Table,
    fallback_year: i32,
    diagnostics: &mut Vec<Diagnostic>,
    tally: &mut Tally,
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
                let (year, whence) = match gathered.section_year {
                    Some(year) => (year, "import-year-from-section"),
                    None => (fallback_year, "import-year-from-plan"),
                };
                tally.note(
                    Severity::Info,
                    reference.clone(),
                    Message::new("import-target-without-year")
                        .arg("year", year)
                        .message("whence", Message::new(whence)),
                );
                year
            }
            _ => continue,
        };
        let target = Target::parse(raw);
        if let TargetMeaning::Qualitative { reason } = target.meaning() {
            diagnostics.push(Diagnostic::warning(
                reference.clone(),
                Message::new("import-target-qualitative")
                    .arg("year", year)
                    .arg("raw", format!("{raw:?}"))
                    .arg("reason", reason),
            ));
        }
        targets.push((year, target));
    }
    let (kind, why) = infer_kind(
        unit.as_deref(),
        &name,
        &targets.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
    );
    let lead = text(Column::Lead).filter(|c| c.trim() != "-");
    let coordinating = text(Column::Coordinating).filter(|c| c.trim() != "-");
    let lead_name = lead
        .as_deref()
        .and_then(|c| c.lines().next())
        .unwrap_or("none")
        .to_owned();
    diagnostics.push(Diagnostic::info(
        reference.clone(),
        Message::new("import-item")
            .arg(
                "number",
                format!(
                    "{}{}",
                    gathered
                        .section
                        .as_ref()
                        .map_or(String::new(), |s| format!("{}.", s.as_str())),
                    number.as_str()
                ),
            )
            .arg("name", format!("{name:?}"))
            .message("kind", kind.message())
            .message("why", why)
            .arg("targets", targets.len())
            .arg("lead", lead_name),
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
