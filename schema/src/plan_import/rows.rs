//! From the indicator table's rows to sections and items: heading rows open sections (see
//! [`headings`](super::headings)), numbered rows open items (7, 7.1), rows without a number
//! continue the item above. Items keep their printed numbers within their section.

use super::ImportError;
use super::diagnostics::{Diagnostic, Tally};
use super::header::{Column, HEADER_WORDS, Header, describe_columns, find_header, year_in};
use super::headings::{heading_in, item_number_in, qualified_item_number};
use super::item::{Gathered, continue_item, interpret};
use super::numbering::{arabic_sections, number_within_sections};
use super::table::{Table, one_line};
use crate::domain::{IndicatorNumber, SectionCode, Target, ValueKind};
use crate::messages::Message;

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
    /// The number it is stored under within its section: as printed, unless it repeats an
    /// earlier item of the same section.
    pub number: IndicatorNumber,
    pub section: Option<SectionCode>,
    pub name: String,
    pub unit: Option<String>,
    pub kind: ValueKind,
    /// Per milestone year, in column order; empty cells are left out.
    pub targets: Vec<(i32, Target)>,
    /// The lead cell as written, one agency a line where the file breaks lines: split
    /// when the issuing unit's agencies are known (the first named one leads).
    pub lead: Option<String>,
    /// The coordinating cell as written.
    pub coordinating: Option<String>,
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
        Message::new("import-header-found").message("columns", describe_columns(&header)),
    )];
    for (other, other_header) in recognised {
        diagnostics.push(Diagnostic::warning(
            other.row_ref(other_header.row),
            Message::new("import-another-table"),
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
        group: None,
    };
    let marks: Vec<Mark> = (header.data_from..table.rows.len())
        .map(|row| reading.mark(row))
        .collect();
    let qualify = roman_numerals_restart_in_groups(&marks);
    for mark in marks {
        reading.read(mark, qualify);
    }
    let Reading {
        mut diagnostics,
        mut sections,
        mut gathered,
        ..
    } = reading;
    if sections.is_empty() {
        sections = arabic_sections(&mut gathered, table, &mut diagnostics);
    }
    let numbers = number_within_sections(
        gathered
            .iter()
            .map(|g| (&g.number, g.section.as_ref(), table.row_ref(g.row))),
        &mut diagnostics,
    )
    .map_err(|e| ImportError::Unreadable(format!("an item number cannot be stored: {e}")))?;
    let mut tally = Tally::default();
    let items: Vec<ParsedItem> = gathered
        .into_iter()
        .zip(numbers)
        .map(|(g, number)| {
            interpret(
                g,
                number,
                table,
                fallback_year,
                &mut diagnostics,
                &mut tally,
            )
        })
        .collect();
    diagnostics.extend(tally.into_diagnostics());
    for heading in items.iter().filter(|i| i.targets.is_empty()) {
        let has_sub_items = items.iter().any(|i| {
            i.section == heading.section && i.number.parent().as_ref() == Some(&heading.number)
        });
        if has_sub_items {
            diagnostics.push(Diagnostic::info(
                heading.reference.clone(),
                Message::new("import-item-groups").arg("number", heading.number.as_str()),
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

/// What a row is, read from its number cell (or its first text when that is empty).
enum Mark {
    Skip,
    ColumnNumbers(usize),
    Section {
        row: usize,
        code: SectionCode,
        title: Option<String>,
    },
    Item {
        row: usize,
        number: String,
        name: Option<String>,
    },
    Continuation(usize),
    Unreadable(usize, String),
}

/// Whether Roman numerals restart in each lettered group (A: I, II; B: I, II): then a
/// section inside a group is coded with its group (`B.I`), so each stays one section.
fn roman_numerals_restart_in_groups(marks: &[Mark]) -> bool {
    let mut group: Option<&str> = None;
    let mut seen: Vec<(Option<&str>, &str)> = Vec::new();
    for mark in marks {
        if let Mark::Section { code, .. } = mark {
            let code = code.as_str();
            if code.len() == 1 && SectionCode::parse(code).is_err() {
                group = Some(code);
            } else {
                if seen.iter().any(|(g, c)| *c == code && *g != group) {
                    return true;
                }
                seen.push((group, code));
            }
        }
    }
    false
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
    /// The current lettered group (A, B), when the plan has them.
    group: Option<SectionCode>,
}

impl Reading<'_> {
    fn mark(&self, row: usize) -> Mark {
        let cells = &self.table.rows[row];
        if cells.iter().all(|c| c.is_empty()) {
            return Mark::Skip;
        }
        if numbers_the_columns(cells) {
            return Mark::ColumnNumbers(row);
        }
        let number = one_line(self.table.cell(row, self.number_column));
        let name = one_line(self.table.cell(row, self.name_column));
        if number.is_empty() {
            // "I. Tên nhóm" written in the indicator cell (or merged across the row) with an
            // empty number cell: a heading when nothing else in the row says otherwise.
            let texts: Vec<String> = cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| one_line(c))
                .collect();
            let one_text = texts.iter().all(|t| *t == texts[0]);
            return match heading_in(&texts[0], true) {
                Some((code, title)) if one_text => Mark::Section { row, code, title },
                _ => Mark::Continuation(row),
            };
        }
        if let Some((_, qualified)) = qualified_item_number(&number) {
            // "II.3": item 3 of the section it stands in.
            if self.table.cell(row, self.name_column).is_empty() {
                return Mark::Unreadable(row, number);
            }
            return Mark::Item {
                row,
                number: qualified.as_str().to_owned(),
                name: None,
            };
        }
        if let Some((code, title)) = heading_in(&number, false) {
            let title = title.or_else(|| self.title_after_number(row, &code));
            return Mark::Section { row, code, title };
        }
        match item_number_in(&number) {
            Some((parsed, in_cell)) => {
                let name = match in_cell {
                    // The number and the name in one cell ("3. Tỷ lệ …"), merged or not.
                    Some(in_cell) if name.is_empty() || name == number => Some(in_cell),
                    _ => None,
                };
                if name.is_none() && self.table.cell(row, self.name_column).is_empty() {
                    return Mark::Unreadable(row, number);
                }
                Mark::Item {
                    row,
                    number: parsed.as_str().to_owned(),
                    name,
                }
            }
            None => Mark::Unreadable(row, number),
        }
    }

    /// A heading's title when the number cell holds only the numeral: the indicator cell
    /// (without the numeral, when a merged cell repeats it), or the first other text.
    fn title_after_number(&self, row: usize, code: &SectionCode) -> Option<String> {
        let number = one_line(self.table.cell(row, self.number_column));
        let candidates = std::iter::once(self.name_column)
            .chain(self.number_column + 1..self.table.rows[row].len());
        candidates
            .map(|column| one_line(self.table.cell(row, column)))
            .filter(|text| !text.is_empty() && *text != number)
            .map(|text| match heading_in(&text, false) {
                Some((same, Some(title))) if same == *code => title,
                _ => text,
            })
            .next()
    }

    fn read(&mut self, mark: Mark, qualify_in_groups: bool) {
        match mark {
            Mark::Skip => {}
            Mark::ColumnNumbers(row) => self.diagnostics.push(Diagnostic::info(
                self.table.row_ref(row),
                Message::new("import-column-numbers-row"),
            )),
            Mark::Section { row, code, title } => {
                let is_group =
                    code.as_str().len() == 1 && SectionCode::parse(code.as_str()).is_err();
                let code = match &self.group {
                    Some(group) if qualify_in_groups && !is_group => {
                        SectionCode::heading(&format!("{}.{}", group.as_str(), code.as_str()))
                            .unwrap_or(code)
                    }
                    _ => code,
                };
                if is_group {
                    self.group = Some(code.clone());
                }
                self.open_section(row, code, title);
            }
            Mark::Item { row, number, name } => {
                let mut item = Gathered {
                    row,
                    number,
                    section: self.section.as_ref().map(|(c, _)| c.clone()),
                    section_year: self.section.as_ref().and_then(|(_, y)| *y),
                    cells: Vec::new(),
                };
                continue_item(&mut item, self.table, self.header, row);
                if let Some(name) = name {
                    item.cells.retain(|(role, _)| *role != Column::Name);
                    item.cells.push((Column::Name, name));
                }
                self.gathered.push(item);
            }
            Mark::Continuation(row) => self.continuation(row),
            Mark::Unreadable(row, number) => self.diagnostics.push(Diagnostic::warning(
                self.table.row_ref(row),
                format!(
                    "{number:?} is neither an item number with a name nor a section heading \
                     (I, II., III) Tên nhóm, A.): row skipped"
                ),
            )),
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
                    Message::new("import-continues-item").arg("number", &item.number),
                ));
            }
            None => self.diagnostics.push(Diagnostic::warning(
                reference,
                Message::new("import-row-before-items"),
            )),
        }
    }

    /// A heading opens a section; without a title in the row, it is named "Phần I".
    fn open_section(&mut self, row: usize, code: SectionCode, title: Option<String>) {
        let title = title.unwrap_or_else(|| format!("Phần {}", code.as_str()));
        let reference = self.table.cell_ref(row, self.number_column);
        if self.sections.iter().any(|s| s.code == code) {
            self.diagnostics.push(Diagnostic::warning(
                reference,
                Message::new("import-section-again").arg("code", code.as_str()),
            ));
        } else {
            self.diagnostics.push(Diagnostic::info(
                reference,
                Message::new("import-section")
                    .arg("code", code.as_str())
                    .arg("title", &title),
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

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
