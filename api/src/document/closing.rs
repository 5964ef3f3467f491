//! The end of the text: "Nơi nhận:" with its list on the left, the signature block on the
//! right (the signer's authority and title, room to sign, the name).

use docx_rs::{AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType};

use super::particulars::Particulars;
use super::style::{self, TEXT_WIDTH, centred, run, size};

pub const RECIPIENTS_HEADING: &str = "Nơi nhận:";

const LEFT_WIDTH: usize = TEXT_WIDTH / 2;
const RIGHT_WIDTH: usize = TEXT_WIDTH - LEFT_WIDTH;

pub fn table(particulars: &Particulars) -> Table {
    Table::without_borders(vec![TableRow::new(vec![
        recipients(particulars),
        signature(particulars),
    ])])
    .set_grid(vec![LEFT_WIDTH, RIGHT_WIDTH])
    .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Each recipient on its own line after a dash, ending with `;`, the last with `.`.
pub fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let last = recipients.len().saturating_sub(1);
    recipients
        .iter()
        .enumerate()
        .map(|(index, recipient)| {
            let text = recipient.trim().trim_end_matches(['.', ';']);
            let end = if index == last { '.' } else { ';' };
            format!("- {text}{end}")
        })
        .collect()
}

fn recipients(particulars: &Particulars) -> TableCell {
    let mut cell = TableCell::new()
        .width(LEFT_WIDTH, WidthType::Dxa)
        .add_paragraph(left(
            run(RECIPIENTS_HEADING, size::RECIPIENTS_HEADING)
                .bold()
                .italic(),
        ));
    for line in recipient_lines(&particulars.recipients) {
        cell = cell.add_paragraph(left(run(line, size::RECIPIENTS)));
    }
    cell
}

fn signature(particulars: &Particulars) -> TableCell {
    let mut cell = TableCell::new().width(RIGHT_WIDTH, WidthType::Dxa);
    if let Some(authority) = &particulars.signer_authority {
        for line in authority.lines() {
            cell = cell.add_paragraph(centred(run(line, size::SIGNATURE).bold()));
        }
    }
    for line in particulars.signer_title.lines() {
        cell = cell.add_paragraph(centred(run(line, size::SIGNATURE).bold()));
    }
    // Room for the signature and the seal.
    for _ in 0..4 {
        cell = cell.add_paragraph(centred(run("", size::SIGNATURE)));
    }
    cell.add_paragraph(centred(
        run(particulars.signer_name.clone(), size::SIGNATURE).bold(),
    ))
}

fn left(run: docx_rs::Run) -> Paragraph {
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Left)
        .line_spacing(style::single())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_end_with_semicolons_and_a_full_stop() {
        let lines = recipient_lines(&[
            "Đảng ủy xã (báo cáo)".to_owned(),
            "Văn phòng Đảng ủy;".to_owned(),
            "Lưu: VT".to_owned(),
        ]);
        assert_eq!(
            lines,
            [
                "- Đảng ủy xã (báo cáo);",
                "- Văn phòng Đảng ủy;",
                "- Lưu: VT."
            ]
        );
    }
}
