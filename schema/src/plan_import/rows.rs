//! From the indicator table's rows to sections and items: Roman-numeral rows open sections,
//! numbered rows open items (7, 7.1), rows without a number continue the item above.

use super::ImportError;
use super::agencies::{AgencyName, split_agencies};
use super::diagnostics::Diagnostic;
use super::header::{Column, HEADER_WORDS, Header, find_header, year_in};
use super::kind::infer_kind;
use super::numbering::renumber;
use super::table::Table;
use crate::domain::{IndicatorNumber, SectionCode, Target, TargetMeaning, ValueKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSection {
    pub code: SectionCode,
    pub title: String,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedItem {
    /// Where the item's first row is.
    pub reference: String,
    /// The number as written in the file.
    pub written_number: String,
    /// The number it is stored under: as written unless it repeats an earlier one.
    pub number: IndicatorNumber,
    pub section: Option<SectionCode>,
    pub name: String,
    pub unit: Option<String>,
    pub kind: ValueKind,
    /// Per milestone year, in column order; empty cells are left out.
    pub targets: Vec<(i32, Target)>,
    pub lead: Option<String>,
    pub coordinating: Vec<AgencyName>,
    pub output_product: Option<String>,
    pub note: Option<String>,
}

/// What was understood of a file's indicator table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTable {
    /// Where the header is (`table 1, R3`).
    pub header_reference: String,
    pub sections: Vec<ParsedSection>,
    pub items: Vec<ParsedItem>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The cells of one item gathered over its rows, before they are interpreted.
struct Gathered {
    row: usize,
    number: String,
    section: Option<SectionCode>,
    section_year: Option<i32>,
    cells: Vec<(Column, String)>,
}

/// Reads the first table with a recognisable header. `fallback_year` is the year of a target
/// column without a year (Kết quả) when the section title names none (the plan's last year).
pub fn understand(tables: &[Table], fallback_year: i32) -> Result<ParsedTable, ImportError> {
    let mut recognised = tables.iter().filter_map(|t| find_header(t).map(|h| (t, h)));
    let Some((table, header)) = recognised.next() else {
        return Err(ImportError::NoTable {
            numbers: HEADER_WORDS[0].1.to_owned(),
            names: HEADER_WORDS[1].1.to_owned(),
        });
    };
    let mut diagnostics = vec![Diagnostic::info(
        table.row_ref(header.row),
        format!("header found: {}", describe_columns(&header)),
    )];
    for (other, other_header) in recognised {
        diagnostics.push(Diagnostic::warning(
            other.row_ref(other_header.row),
            "another indicator table: not imported (one table per import; split the file)",
        ));
    }
    let mut sections: Vec<ParsedSection> = Vec::new();
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut section: Option<(SectionCode, Option<i32>)> = None;
    let number_column = header.column(Column::Number).unwrap_or(0);
    let name_column = header.column(Column::Name).unwrap_or(1);
    for row in header.data_from..table.rows.len() {
        let cells = &table.rows[row];
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if row == header.data_from && numbers_the_columns(cells) {
            diagnostics.push(Diagnostic::info(
                table.row_ref(row),
                "a row numbering the columns ((1), (2) …): skipped",
            ));
            continue;
        }
        let number = table
            .cell(row, number_column)
            .trim_end_matches(['.', ')'])
            .to_owned();
        let name = table.cell(row, name_column);
        if number.is_empty() {
            match gathered.last_mut() {
                Some(item) => {
                    continue_item(item, table, &header, row);
                    diagnostics.push(Diagnostic::info(
                        table.row_ref(row),
                        format!("no item number: continues item {} above", item.number),
                    ));
                }
                None => diagnostics.push(Diagnostic::warning(
                    table.row_ref(row),
                    "a row without an item number before any item: skipped",
                )),
            }
            continue;
        }
        let is_digits = number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if let (false, Ok(code)) = (is_digits, SectionCode::parse(&number)) {
            let title = if name.is_empty() {
                cells
                    .iter()
                    .skip(number_column + 1)
                    .find(|c| !c.is_empty())
                    .cloned()
            } else {
                Some(name.to_owned())
            }
            .unwrap_or_else(|| format!("Phần {}", code.as_str()));
            if sections.iter().any(|s| s.code == code) {
                diagnostics.push(Diagnostic::warning(
                    table.cell_ref(row, number_column),
                    format!(
                        "section {} appears again: its items join the first one",
                        code.as_str()
                    ),
                ));
            } else {
                diagnostics.push(Diagnostic::info(
                    table.cell_ref(row, number_column),
                    format!("section {}: {title}", code.as_str()),
                ));
                sections.push(ParsedSection {
                    code: code.clone(),
                    title: title.clone(),
                    reference: table.row_ref(row),
                });
            }
            section = Some((code, year_in(&title)));
            continue;
        }
        if IndicatorNumber::parse(&number).is_err() || name.is_empty() {
            diagnostics.push(Diagnostic::warning(
                table.row_ref(row),
                format!("{number:?} is neither an item number with a name nor a section numeral: row skipped"),
            ));
            continue;
        }
        let mut item = Gathered {
            row,
            number,
            section: section.as_ref().map(|(c, _)| c.clone()),
            section_year: section.as_ref().and_then(|(_, y)| *y),
            cells: Vec::new(),
        };
        continue_item(&mut item, table, &header, row);
        gathered.push(item);
    }
    let numbers = renumber(
        gathered
            .iter()
            .map(|g| (g.number.as_str(), table.row_ref(g.row))),
        &mut diagnostics,
    )
    .map_err(|e| ImportError::Unreadable(format!("an item number cannot be stored: {e}")))?;
    let items = gathered
        .into_iter()
        .zip(numbers)
        .map(|(g, number)| interpret(g, number, table, fallback_year, &mut diagnostics))
        .collect();
    Ok(ParsedTable {
        header_reference: table.row_ref(header.row),
        sections,
        items,
        diagnostics,
    })
}

/// The row under a header that numbers its columns: `1 2 3 4` or `(1) (2) (3) (4)`.
fn numbers_the_columns(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    filled.len() >= 3
        && filled.iter().enumerate().all(|(i, cell)| {
            let bare = cell.trim_start_matches('(').trim_end_matches(')');
            bare.parse::<usize>().ok() == Some(i + 1)
        })
}

fn describe_columns(header: &Header) -> String {
    header
        .columns
        .iter()
        .map(|(i, role)| format!("{} {}", i + 1, role_name(*role)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn role_name(role: Column) -> String {
    match role {
        Column::Number => "item number".into(),
        Column::Name => "indicator".into(),
        Column::Unit => "unit".into(),
        Column::Year(year) => format!("target {year}"),
        Column::Result => "target (year from the section or the plan)".into(),
        Column::Lead => "lead agency".into(),
        Column::Coordinating => "coordinating agencies".into(),
        Column::Output => "output product".into(),
        Column::Note => "note".into(),
    }
}

/// Appends a row's cells to the item: a cell broken over rows reads as one text.
fn continue_item(item: &mut Gathered, table: &Table, header: &Header, row: usize) {
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

fn interpret(
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
