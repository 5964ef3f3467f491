//! From the indicator table's rows to sections and items: Roman-numeral rows open sections,
//! numbered rows open items (7, 7.1), rows without a number continue the item above.

use super::ImportError;
use super::agencies::AgencyName;
use super::diagnostics::Diagnostic;
use super::header::{Column, HEADER_WORDS, Header, find_header, year_in};
use super::item::{Gathered, continue_item, interpret};
use super::numbering::renumber;
use super::table::Table;
use crate::domain::{IndicatorNumber, SectionCode, Target, ValueKind};

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
    let mut reading = Reading {
        table,
        header: &header,
        number_column: header.column(Column::Number).unwrap_or(0),
        name_column: header.column(Column::Name).unwrap_or(1),
        diagnostics,
        sections: Vec::new(),
        gathered: Vec::new(),
        section: None,
    };
    for row in header.data_from..table.rows.len() {
        reading.row(row);
    }
    let Reading {
        mut diagnostics,
        sections,
        gathered,
        ..
    } = reading;
    let numbers = renumber(
        gathered
            .iter()
            .map(|g| (g.number.as_str(), table.row_ref(g.row))),
        &mut diagnostics,
    )
    .map_err(|e| ImportError::Unreadable(format!("an item number cannot be stored: {e}")))?;
    let items: Vec<ParsedItem> = gathered
        .into_iter()
        .zip(numbers)
        .map(|(g, number)| interpret(g, number, table, fallback_year, &mut diagnostics))
        .collect();
    for heading in items.iter().filter(|i| i.targets.is_empty()) {
        let has_sub_items = items
            .iter()
            .any(|i| i.number.parent().as_ref() == Some(&heading.number));
        if has_sub_items {
            diagnostics.push(Diagnostic::info(
                heading.reference.clone(),
                format!(
                    "item {} groups its sub-items and has no target of its own",
                    heading.number.as_str()
                ),
            ));
        }
    }
    Ok(ParsedTable {
        header_reference: table.row_ref(header.row),
        sections,
        items,
        diagnostics,
    })
}

/// The state of reading a table row by row.
struct Reading<'a> {
    table: &'a Table,
    header: &'a Header,
    number_column: usize,
    name_column: usize,
    diagnostics: Vec<Diagnostic>,
    sections: Vec<ParsedSection>,
    gathered: Vec<Gathered>,
    /// The current section and the year its title names ("Đến năm 2030").
    section: Option<(SectionCode, Option<i32>)>,
}

impl Reading<'_> {
    fn row(&mut self, row: usize) {
        let cells = &self.table.rows[row];
        if cells.iter().all(|c| c.is_empty()) {
            return;
        }
        if row == self.header.data_from && numbers_the_columns(cells) {
            self.diagnostics.push(Diagnostic::info(
                self.table.row_ref(row),
                "a row numbering the columns ((1), (2) …): skipped",
            ));
            return;
        }
        let number = self
            .table
            .cell(row, self.number_column)
            .trim_end_matches(['.', ')'])
            .to_owned();
        let is_digits = number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if number.is_empty() {
            self.continuation(row);
        } else if let (false, Ok(code)) = (is_digits, SectionCode::parse(&number)) {
            self.open_section(row, code);
        } else if IndicatorNumber::parse(&number).is_err()
            || self.table.cell(row, self.name_column).is_empty()
        {
            self.diagnostics.push(Diagnostic::warning(
                self.table.row_ref(row),
                format!(
                    "{number:?} is neither an item number with a name nor a section numeral: \
                     row skipped"
                ),
            ));
        } else {
            let mut item = Gathered {
                row,
                number,
                section: self.section.as_ref().map(|(c, _)| c.clone()),
                section_year: self.section.as_ref().and_then(|(_, y)| *y),
                cells: Vec::new(),
            };
            continue_item(&mut item, self.table, self.header, row);
            self.gathered.push(item);
        }
    }

    /// A row without a number continues the item above.
    fn continuation(&mut self, row: usize) {
        let reference = self.table.row_ref(row);
        match self.gathered.last_mut() {
            Some(item) => {
                continue_item(item, self.table, self.header, row);
                self.diagnostics.push(Diagnostic::info(
                    reference,
                    format!("no item number: continues item {} above", item.number),
                ));
            }
            None => self.diagnostics.push(Diagnostic::warning(
                reference,
                "a row without an item number before any item: skipped",
            )),
        }
    }

    /// A Roman numeral opens a section; its title is the indicator cell (or the first text
    /// after the numeral, when the title is merged elsewhere).
    fn open_section(&mut self, row: usize, code: SectionCode) {
        let name = self.table.cell(row, self.name_column);
        let title = if name.is_empty() {
            self.table.rows[row]
                .iter()
                .skip(self.number_column + 1)
                .find(|c| !c.is_empty())
                .cloned()
        } else {
            Some(name.to_owned())
        }
        .unwrap_or_else(|| format!("Phần {}", code.as_str()));
        let reference = self.table.cell_ref(row, self.number_column);
        if self.sections.iter().any(|s| s.code == code) {
            self.diagnostics.push(Diagnostic::warning(
                reference,
                format!(
                    "section {} appears again: its items join the first one",
                    code.as_str()
                ),
            ));
        } else {
            self.diagnostics.push(Diagnostic::info(
                reference,
                format!("section {}: {title}", code.as_str()),
            ));
            self.sections.push(ParsedSection {
                code: code.clone(),
                title: title.clone(),
                reference: self.table.row_ref(row),
            });
        }
        self.section = Some((code, year_in(&title)));
    }
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
