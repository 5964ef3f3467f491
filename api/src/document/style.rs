//! The figures of Decree 30/2020/NĐ-CP, appendix I (format of administrative documents), in
//! Word's units, and the few helpers every part of the document draws with. Where the decree
//! gives a range, the value chosen is named with the range.

use docx_rs::{AlignmentType, LineSpacing, Paragraph, Run, RunFonts};

/// A4, 210 × 297 mm, in twentieths of a point.
pub const PAGE_WIDTH: u32 = 11_906;
pub const PAGE_HEIGHT: u32 = 16_838;

/// Millimetres in twentieths of a point.
pub const fn mm(millimetres: i32) -> i32 {
    millimetres * 5_669 / 100
}

/// Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
pub const MARGIN_TOP_MM: i32 = 20;
pub const MARGIN_BOTTOM_MM: i32 = 20;
pub const MARGIN_LEFT_MM: i32 = 30;
pub const MARGIN_RIGHT_MM: i32 = 15;
/// The page number sits in the top margin.
pub const HEADER_DISTANCE_MM: i32 = 10;

/// The width between the margins, in twentieths of a point.
pub const TEXT_WIDTH: usize =
    (PAGE_WIDTH as i32 - mm(MARGIN_LEFT_MM) - mm(MARGIN_RIGHT_MM)) as usize;

/// Times New Roman, Unicode (TCVN 6909:2001), black.
pub const FONT: &str = "Times New Roman";

/// Font sizes in points. Word counts half-points: see [`half_points`].
pub mod size {
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13, upper case, bold.
    pub const NATIONAL_TITLE: usize = 12;
    /// "Độc lập - Tự do - Hạnh phúc": 13–14, bold, underlined by a rule.
    pub const MOTTO: usize = 13;
    /// The issuing body and the body above it: 12–13.
    pub const BODY_NAME: usize = 13;
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" in a Party body's document.
    pub const PARTY_TITLE: usize = 15;
    /// "Số: …": 13.
    pub const NUMBER: usize = 13;
    /// Place and date, italic: 13–14.
    pub const PLACE_DATE: usize = 14;
    /// "BÁO CÁO" and the summary line, bold: 13–14.
    pub const TITLE: usize = 14;
    /// Body text: 13–14.
    pub const BODY: usize = 14;
    /// Page numbers: 13–14.
    pub const PAGE_NUMBER: usize = 14;
    /// "Nơi nhận:", bold italic: 12.
    pub const RECIPIENTS_HEADING: usize = 12;
    /// The list of recipients: 11.
    pub const RECIPIENTS: usize = 11;
    /// Signer's authority, title and name, bold: 13–14.
    pub const SIGNATURE: usize = 14;
    /// Tables in the text and the appendix.
    pub const TABLE: usize = 12;
}

pub const fn half_points(points: usize) -> usize {
    points * 2
}

/// A run of text in the decree's font at `points`.
pub fn run(text: impl Into<String>, points: usize) -> Run {
    Run::new()
        .add_text(text)
        .size(half_points(points))
        .fonts(fonts())
        .color("000000")
}

pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A centred paragraph of one run.
pub fn centred(run: Run) -> Paragraph {
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .line_spacing(single())
}

/// Single line spacing with no space around: for the header and the signature block.
pub fn single() -> LineSpacing {
    LineSpacing::new().before(0).after(0).line(240)
}

/// Body text: at least 6 pt between paragraphs, lines between single and 1.5.
pub fn body_spacing() -> LineSpacing {
    LineSpacing::new().before(120).after(0).line(288)
}

/// First-line indent of body paragraphs: 1–1.27 cm.
pub const FIRST_LINE_INDENT: i32 = 567;
