//! The narrative's HTML read into blocks a Word document can hold: paragraphs of styled runs,
//! list items, and tables. Only what report writers use is understood (`p`, `br`, `b`/`strong`,
//! `i`/`em`, `u`, `ul`/`ol`/`li`, `table`/`tr`/`td`/`th`, `h1`–`h6`, `div`); any other tag is
//! dropped and its text kept, so nothing the writer typed is lost. Tolerant of unclosed tags.

/// A piece of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Span>),
    /// A list item: its marker (`-` or `1.`) and nesting depth (0 for the outer list).
    ListItem {
        marker: String,
        depth: usize,
        spans: Vec<Span>,
    },
    Table(Vec<Row>),
}

/// A table row's cells; `true` marks a header cell.
pub type Row = Vec<(bool, Vec<Span>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Bullet,
    Ordered(usize),
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    underline: usize,
    lists: Vec<ListKind>,
    item: Option<(String, usize)>,
    table: Option<Vec<Row>>,
    cell: Option<(bool, Vec<Span>)>,
}

pub fn blocks(html: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with('<')
            && let Some(end) = rest.find('>')
        {
            reader.tag(&rest[1..end]);
            rest = &rest[end + 1..];
            continue;
        }
        // Up to the next tag; the first character is text even when it is a stray `<`.
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '<')
            .map_or(rest.len(), |(i, _)| i);
        reader.text(&decode_entities(&rest[..end]));
        rest = &rest[end..];
    }
    reader.close_cell();
    reader.close_table();
    reader.flush();
    reader.blocks
}

impl Reader {
    fn tag(&mut self, raw: &str) {
        let closing = raw.starts_with('/');
        let name: String = raw
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let counter = match name.as_str() {
            "b" | "strong" => Some(&mut self.bold),
            "i" | "em" => Some(&mut self.italic),
            "u" => Some(&mut self.underline),
            _ => None,
        };
        if let Some(counter) = counter {
            *counter = if closing {
                counter.saturating_sub(1)
            } else {
                *counter + 1
            };
            return;
        }
        match (name.as_str(), closing) {
            ("br", _) => self.push_text("\n"),
            ("p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", _) => self.flush(),
            ("ul", false) => {
                self.flush();
                self.lists.push(ListKind::Bullet);
            }
            ("ol", false) => {
                self.flush();
                self.lists.push(ListKind::Ordered(0));
            }
            ("ul" | "ol", true) => {
                self.flush();
                self.lists.pop();
            }
            ("li", false) => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(ListKind::Ordered(n)) => {
                        *n += 1;
                        format!("{n}.")
                    }
                    _ => "-".to_owned(),
                };
                self.item = Some((marker, depth));
            }
            ("li", true) => self.flush(),
            ("table", false) => {
                self.flush();
                self.close_table();
                self.table = Some(Vec::new());
            }
            ("table", true) => {
                self.close_cell();
                self.close_table();
            }
            ("tr", false) => {
                self.close_cell();
                if let Some(table) = self.table.as_mut() {
                    table.push(Vec::new());
                }
            }
            ("td" | "th", false) => {
                self.close_cell();
                if self.table.is_some() {
                    self.cell = Some((name == "th", Vec::new()));
                }
            }
            ("td" | "th" | "tr", true) => self.close_cell(),
            _ => {}
        }
    }

    /// Text between tags: runs of white space read as one space, as a browser shows them.
    fn text(&mut self, text: &str) {
        let mut collapsed = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !collapsed.ends_with(' ') {
                    collapsed.push(' ');
                }
            } else {
                collapsed.push(c);
            }
        }
        if !collapsed.trim().is_empty() || !self.current().is_empty() {
            self.push_text(&collapsed);
        }
    }

    fn current(&mut self) -> &mut Vec<Span> {
        match self.cell.as_mut() {
            Some((_, spans)) => spans,
            None => &mut self.spans,
        }
    }

    fn push_text(&mut self, text: &str) {
        let (bold, italic, underline) = (self.bold > 0, self.italic > 0, self.underline > 0);
        let spans = self.current();
        match spans.last_mut() {
            Some(last) if (last.bold, last.italic, last.underline) == (bold, italic, underline) => {
                last.text.push_str(text);
            }
            _ => spans.push(Span {
                text: text.to_owned(),
                bold,
                italic,
                underline,
            }),
        }
    }

    /// Ends the paragraph or list item being read, if it holds any text.
    fn flush(&mut self) {
        if self.cell.is_some() {
            if let Some((_, spans)) = self.cell.as_mut() {
                spans.push(Span {
                    text: "\n".to_owned(),
                    bold: false,
                    italic: false,
                    underline: false,
                });
            }
            return;
        }
        let spans = trim(std::mem::take(&mut self.spans));
        let item = self.item.take();
        if spans.is_empty() {
            return;
        }
        self.blocks.push(match item {
            Some((marker, depth)) => Block::ListItem {
                marker,
                depth,
                spans,
            },
            None => Block::Paragraph(spans),
        });
    }

    fn close_cell(&mut self) {
        if let (Some((header, spans)), Some(table)) = (self.cell.take(), self.table.as_mut()) {
            let cell = (header, trim(spans));
            match table.last_mut() {
                Some(row) => row.push(cell),
                None => table.push(vec![cell]),
            }
        }
    }

    fn close_table(&mut self) {
        if let Some(table) = self.table.take() {
            let rows: Vec<_> = table.into_iter().filter(|row| !row.is_empty()).collect();
            if !rows.is_empty() {
                self.blocks.push(Block::Table(rows));
            }
        }
    }
}

/// Leading and trailing white space and line breaks removed; empty spans dropped.
fn trim(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans.retain(|span| !span.text.is_empty());
    spans
}

/// The named entities report writers' editors produce, and numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').filter(|end| *end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(spans: &[Span]) -> Vec<(&str, bool, bool)> {
        spans
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic))
            .collect()
    }

    #[test]
    fn paragraphs_keep_bold_and_italic_runs() {
        let blocks =
            blocks("<p>Đã tổ chức <b>02 cuộc</b> giám sát <em>chuyên đề</em>.</p><p>Kết quả</p>");
        let Block::Paragraph(first) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            texts(first),
            [
                ("Đã tổ chức ", false, false),
                ("02 cuộc", true, false),
                (" giám sát ", false, false),
                ("chuyên đề", false, true),
                (".", false, false)
            ]
        );
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn lists_become_items_with_dashes_or_numbers() {
        let blocks =
            blocks("<ul><li>Zalo</li><li>thư điện tử</li></ul><ol><li>Một</li><li>Hai</li></ol>");
        let markers: Vec<_> = blocks
            .iter()
            .map(|b| match b {
                Block::ListItem { marker, .. } => marker.as_str(),
                _ => "?",
            })
            .collect();
        assert_eq!(markers, ["-", "-", "1.", "2."]);
    }

    #[test]
    fn tables_keep_rows_cells_and_header_cells() {
        let blocks = blocks(
            "<table><tr><th>Nội dung</th><th>Số</th></tr><tr><td>Cuộc giám sát</td><td>02</td></tr></table>",
        );
        let Block::Table(rows) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows.len(), 2);
        assert!(rows[0][0].0);
        assert_eq!(rows[1][1].1[0].text, "02");
    }

    #[test]
    fn entities_are_decoded_and_unknown_tags_keep_their_text() {
        let blocks =
            blocks("<p>A &amp; B&nbsp;&#272;&#x1EA1;t <span class=\"x\">giữ</span> &foo</p>");
        let Block::Paragraph(spans) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(spans[0].text, "A & B\u{a0}Đạt giữ &foo");
    }

    #[test]
    fn text_outside_any_tag_is_a_paragraph() {
        assert_eq!(
            blocks("Chỉ có chữ"),
            [Block::Paragraph(vec![Span {
                text: "Chỉ có chữ".to_owned(),
                bold: false,
                italic: false,
                underline: false
            }])]
        );
    }
}
