//! The report as officials file it: a Word document laid out as Decree 30/2020/NĐ-CP
//! (appendix I) prescribes for administrative documents, or, for a Party body, with the
//! Party's header. The header, number, place and date, "BÁO CÁO" and the summary line; the
//! narrative in its I, 1, a) numbering; "Nơi nhận" and the signature block; then the appendix
//! table of the progress export. Everything is Vietnamese whatever the request's language.

mod appendix;
mod closing;
mod heading;
mod html;
mod narrative;
pub mod particulars;
mod style;

use std::io::Cursor;

use chitieu_schema::progress::ProgressReport;
use chitieu_schema::reports::NarrativeSection;
use docx_rs::{AlignmentType, Docx, Header, PageMargin, PageNum, Paragraph};

pub use heading::{DOCUMENT_TYPE, DRAFT_MARK, MOTTO, NATIONAL_TITLE, PARTY_TITLE};
pub use narrative::{heading_text, ordered};
pub use particulars::{Context, Particulars, date_in_words, resolve};

pub const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What a document is made of.
pub struct ReportDocument<'a> {
    pub particulars: &'a Particulars,
    pub sections: &'a [NarrativeSection],
    pub progress: &'a ProgressReport,
}

#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be written: {0}")]
pub struct DocumentError(String);

pub fn render(document: &ReportDocument) -> Result<Vec<u8>, DocumentError> {
    let particulars = document.particulars;
    let mut docx = page_setup(Docx::new());
    for paragraph in heading::paragraphs_before(particulars) {
        docx = docx.add_paragraph(paragraph);
    }
    docx = docx.add_table(heading::header_table(particulars));
    for paragraph in heading::title(particulars) {
        docx = docx.add_paragraph(paragraph);
    }
    for element in narrative::elements(document.sections) {
        docx = match element {
            narrative::Element::Paragraph(p) => docx.add_paragraph(*p),
            narrative::Element::Table(t) => docx.add_table(*t),
        };
    }
    docx = docx
        .add_paragraph(Paragraph::new())
        .add_table(closing::table(particulars));
    for paragraph in appendix::paragraphs_before(document.progress) {
        docx = docx.add_paragraph(paragraph);
    }
    docx = docx.add_table(appendix::table(document.progress));
    let mut bytes = Cursor::new(Vec::with_capacity(32 * 1024));
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocumentError(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// A4 upright, the decree's margins and font, and page numbers centred in the top margin from
/// the second page on (the first page's header is empty).
fn page_setup(docx: Docx) -> Docx {
    use style::*;
    let page_number = Paragraph::new()
        .add_page_num(PageNum::new())
        .align(AlignmentType::Center)
        .size(half_points(size::PAGE_NUMBER))
        .fonts(fonts());
    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: mm(MARGIN_TOP_MM),
            bottom: mm(MARGIN_BOTTOM_MM),
            left: mm(MARGIN_LEFT_MM),
            right: mm(MARGIN_RIGHT_MM),
            header: mm(HEADER_DISTANCE_MM),
            footer: mm(HEADER_DISTANCE_MM),
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(half_points(size::BODY))
        .header(Header::new().add_paragraph(page_number))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .title_pg()
}
