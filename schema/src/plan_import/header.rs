//! Finding the indicator table's header, whatever the order and wording of its columns.

use super::table::Table;
use crate::domain::name_key;
use crate::messages::Message;

/// What a column of the indicator table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// STT, TT: the item number, or a Roman numeral for a section.
    Number,
    /// Chỉ tiêu; Mục tiêu, nhiệm vụ, giải pháp; Nội dung.
    Name,
    /// Đơn vị, Đơn vị tính, ĐVT.
    Unit,
    /// A target column of a milestone year: Năm 2025, 2030, a header over a year sub-header.
    Year(i32),
    /// A target column without a year (Kết quả): the year comes from the section or the plan.
    Result,
    /// Cơ quan chủ trì …
    Lead,
    /// Cơ quan phối hợp, Cơ quan/đơn vị thực hiện.
    Coordinating,
    /// Sản phẩm đầu ra.
    Output,
    /// Ghi chú.
    Note,
}

/// The header words recognised, as shown in errors and documentation.
pub const HEADER_WORDS: &[(&str, &str)] = &[
    ("item number", "STT, TT, Số TT, Số thứ tự"),
    (
        "indicator",
        "Chỉ tiêu; Mục tiêu, nhiệm vụ, giải pháp; Nội dung",
    ),
    ("unit", "Đơn vị, Đơn vị tính, ĐVT"),
    (
        "targets",
        "a year (Năm 2025 … Năm 2045, 2030), or Kết quả / Mục tiêu / Chỉ tiêu over a year sub-header",
    ),
    ("lead agency", "… chủ trì …"),
    (
        "coordinating agencies",
        "… phối hợp …, Cơ quan thực hiện, Đơn vị thực hiện",
    ),
    ("output product", "Sản phẩm (đầu ra)"),
    ("note", "Ghi chú"),
];

/// Where the header is and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The header's first row.
    pub row: usize,
    /// The first row after the header (one or two rows of header).
    pub data_from: usize,
    /// `(column index, role)`, one role per column, in column order.
    pub columns: Vec<(usize, Column)>,
}

impl Header {
    pub fn column(&self, role: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, r)| *r == role)
            .map(|(i, _)| *i)
    }
}

/// The matching form of a header cell: [`name_key`] with punctuation made spaces.
fn header_key(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    name_key(&spaced)
}

/// A four-digit year 2000–2100 among the words of a header cell.
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (2000..=2100).contains(y))
}

/// What a header cell names, if anything.
pub fn classify(text: &str) -> Option<Column> {
    let key = header_key(text);
    let has = |words: &str| key.contains(&name_key(words));
    let starts = |words: &str| key.starts_with(&name_key(words));
    if key.is_empty() {
        return None;
    }
    if let Some(year) = year_in(&key) {
        // "Thực hiện năm 2025", "Ước thực hiện 2025", "Lũy kế …": what was done, not a target.
        let done = [
            "thực hiện",
            "ước",
            "uớc",
            "lũy kế",
            "luỹ kế",
            "kết quả thực hiện",
        ];
        if done.iter().any(|w| starts(w)) {
            return None;
        }
        return Some(Column::Year(year));
    }
    let number = ["stt", "tt", "số tt", "số thứ tự", "thứ tự"];
    if number.iter().any(|w| key == name_key(w)) {
        return Some(Column::Number);
    }
    if has("chủ trì") {
        return Some(Column::Lead);
    }
    if has("phối hợp") || starts("cơ quan thực hiện") || starts("đơn vị thực hiện")
    {
        return Some(Column::Coordinating);
    }
    if has("sản phẩm") {
        return Some(Column::Output);
    }
    if has("ghi chú") {
        return Some(Column::Note);
    }
    if key == name_key("đơn vị") || starts("đơn vị tính") || key == name_key("đvt") {
        return Some(Column::Unit);
    }
    if starts("kết quả") {
        return Some(Column::Result);
    }
    let names = ["chỉ tiêu", "mục tiêu", "nhiệm vụ", "nội dung", "giải pháp"];
    if names.iter().any(|w| has(w)) {
        return Some(Column::Name);
    }
    None
}

/// The first row naming both an item-number column and an indicator column; a next row of
/// years under it (a "Chỉ tiêu" or "Kết quả" header spanning year sub-headers) is part of it.
pub fn find_header(table: &Table) -> Option<Header> {
    (0..table.rows.len()).find_map(|row| header_at(table, row))
}

fn header_at(table: &Table, row: usize) -> Option<Header> {
    let cells = &table.rows[row];
    let mut roles: Vec<Option<Column>> = cells.iter().map(|c| classify(c)).collect();
    let has_number = roles.contains(&Some(Column::Number));
    let has_name = roles.contains(&Some(Column::Name));
    if !(has_number && has_name) {
        return None;
    }
    let mut data_from = row + 1;
    let number_column = roles.iter().position(|r| *r == Some(Column::Number));
    // A row with an item number is data, even when a name in it quotes a year.
    let next = table.rows.get(row + 1).filter(|next| {
        number_column.is_none_or(|c| {
            next.get(c)
                .is_none_or(|n| n.is_empty() || Some(n) == cells.get(c))
        })
    });
    if let Some(next) = next {
        let sub_years: Vec<(usize, i32)> = next
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match classify(c) {
                Some(Column::Year(y)) if !matches!(roles.get(i), Some(Some(Column::Year(_)))) => {
                    Some((i, y))
                }
                _ => None,
            })
            .collect();
        if !sub_years.is_empty() {
            for (column, year) in sub_years {
                if column >= roles.len() {
                    roles.resize(column + 1, None);
                }
                roles[column] = Some(Column::Year(year));
            }
            data_from = row + 2;
        }
    }
    // A role named twice (a merged header copied over its span) belongs to its first column,
    // except years and results, where each column is a target of its own.
    let mut columns: Vec<(usize, Column)> = Vec::new();
    for (index, role) in roles.into_iter().enumerate() {
        let Some(role) = role else { continue };
        let repeated = columns.iter().any(|(_, r)| *r == role);
        if repeated && !matches!(role, Column::Result) {
            continue;
        }
        columns.push((index, role));
    }
    Some(Header {
        row,
        data_from,
        columns,
    })
}

/// The columns found, for the header's diagnostic: "1 item number, 2 indicator, …".
pub fn describe_columns(header: &Header) -> Message {
    let said = |(i, role): &(usize, Column)| {
        Message::new("import-column")
            .arg("position", i + 1)
            .message("role", role_name(*role))
    };
    let mut columns = header.columns.iter().rev();
    let last = columns
        .next()
        .map_or_else(|| Message::new("text-as-written").arg("text", ""), said);
    columns.fold(last, |rest, column| {
        Message::new("list-comma")
            .message("first", said(column))
            .message("rest", rest)
    })
}

fn role_name(role: Column) -> Message {
    match role {
        Column::Number => Message::new("import-column-number"),
        Column::Name => Message::new("import-column-name"),
        Column::Unit => Message::new("import-column-unit"),
        Column::Year(year) => Message::new("import-column-year").arg("year", year),
        Column::Result => Message::new("import-column-result"),
        Column::Lead => Message::new("import-column-lead"),
        Column::Coordinating => Message::new("import-column-coordinating"),
        Column::Output => Message::new("import-column-output"),
        Column::Note => Message::new("import-column-note"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_import::table::RefStyle;

    fn table(rows: &[&[&str]]) -> Table {
        let rows = rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect();
        Table::new(RefStyle::Lines, rows)
    }

    #[test]
    fn the_thai_tan_header_is_understood_in_any_wording() {
        let t = table(&[
            &["PHỤ LỤC 2"],
            &[
                "Stt",
                "Chỉ tiêu",
                "Năm 2025",
                "Năm 2030",
                "Cơ quan chủ trì thực hiện, theo dõi, đánh giá",
                "Sản phẩm đầu ra",
            ],
        ]);
        let header = find_header(&t).unwrap();
        assert_eq!(header.row, 1);
        assert_eq!(
            header.columns,
            [
                (0, Column::Number),
                (1, Column::Name),
                (2, Column::Year(2025)),
                (3, Column::Year(2030)),
                (4, Column::Lead),
                (5, Column::Output)
            ]
        );
    }

    #[test]
    fn a_header_spanning_year_sub_headers_gives_year_columns() {
        let t = table(&[
            &[
                "TT",
                "Mục tiêu, nhiệm vụ, giải pháp",
                "Đơn vị tính",
                "Chỉ tiêu",
                "Chỉ tiêu",
                "Cơ quan phối hợp",
            ],
            &["", "", "", "2025", "Năm 2030", ""],
            &["1", "Tỷ lệ", "%", "80%", "100%", ""],
        ]);
        let header = find_header(&t).unwrap();
        assert_eq!(header.data_from, 2);
        assert_eq!(header.column(Column::Name), Some(1));
        assert_eq!(header.column(Column::Unit), Some(2));
        assert_eq!(header.column(Column::Year(2025)), Some(3));
        assert_eq!(header.column(Column::Year(2030)), Some(4));
        assert_eq!(header.column(Column::Coordinating), Some(5));
    }

    #[test]
    fn a_result_column_and_a_unit_column_are_told_from_agency_columns() {
        assert_eq!(classify("Đơn vị"), Some(Column::Unit));
        assert_eq!(classify("Kết quả"), Some(Column::Result));
        assert_eq!(classify("Cơ quan, đơn vị chủ trì"), Some(Column::Lead));
        assert_eq!(classify("Cơ quan thực hiện"), Some(Column::Coordinating));
        assert_eq!(classify("Ghi chú"), Some(Column::Note));
        assert_eq!(classify("Ước thực hiện năm 2025"), None, "what was done");
        assert_eq!(classify("Thực hiện năm 2025"), None);
        assert_eq!(
            classify("Chỉ tiêu thực hiện năm 2026"),
            Some(Column::Year(2026))
        );
    }

    #[test]
    fn a_table_without_a_number_column_has_no_header() {
        assert!(find_header(&table(&[&["Chỉ tiêu", "Năm 2025"]])).is_none());
    }
}
