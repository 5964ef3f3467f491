//! What the tabular renderings (CSV, XLSX, HTML) share: the headings, the column titles, the
//! order of group and item lines, and the cells of an item.

use chitieu_schema::domain::{Period, ValueKind};
use chitieu_schema::messages::{Lang, Message};
use chitieu_schema::progress::{Figure, ProgressReport, ProgressRow, TargetStatus, format_number};

/// The columns of the appendix table, in order.
pub const COLUMNS: usize = 7;

/// `STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu năm 2025 | Thực hiện tháng 10/2025 | So với chỉ
/// tiêu kế hoạch | Tỷ lệ đạt (%)`, or the same in English.
pub fn column_titles(report: &ProgressReport, lang: Lang) -> [String; COLUMNS] {
    let say = |key| Message::new(key).in_lang(lang);
    [
        say("export-column-number"),
        say("export-column-indicator"),
        say("export-column-unit"),
        Message::new("export-column-target")
            .arg("year", report.target_year)
            .in_lang(lang),
        Message::new("export-column-actual")
            .message("period", period_message(&report.period))
            .in_lang(lang),
        say("export-column-status"),
        say("export-column-achievement"),
    ]
}

/// The lines above the table: what it is, which plan, which unit and period.
pub fn heading_lines(report: &ProgressReport, lang: Lang) -> [String; 3] {
    let plan = &report.plan;
    let scope = Message::new(if report.approved_only {
        "export-scope-approved-only"
    } else {
        "export-scope"
    })
    .arg("unit", &report.unit.name)
    .arg("code", &report.unit.code)
    .message("period", period_message(&report.period));
    [
        Message::new("export-title")
            .arg("year", report.target_year)
            .in_lang(lang),
        Message::new("export-plan")
            .arg("title", &plan.title)
            .arg("number", &plan.number)
            .arg("date", plan.issued_on.format("%-d/%-m/%Y"))
            .in_lang(lang),
        scope.in_lang(lang),
    ]
}

/// The period in words, in any language.
pub fn period_message(period: &Period) -> Message {
    match *period {
        Period::Monthly { year, month } => Message::new("period-monthly")
            .arg("month", month)
            .arg("year", year),
        Period::Quarterly { year, quarter } => {
            let roman = ["I", "II", "III", "IV"];
            let numeral = (quarter as usize)
                .checked_sub(1)
                .and_then(|i| roman.get(i))
                .copied()
                .unwrap_or("?");
            Message::new("period-quarterly")
                .arg("quarter", numeral)
                .arg("year", year)
        }
        Period::SixMonthly { year, half: 1 } => Message::new("period-first-half").arg("year", year),
        Period::SixMonthly { year, .. } => Message::new("period-second-half").arg("year", year),
        Period::Yearly { year } => Message::new("period-yearly").arg("year", year),
        Period::AdHoc { start, end } => Message::new("period-ad-hoc")
            .arg("start", start.format("%-d/%-m/%Y"))
            .arg("end", end.format("%-d/%-m/%Y")),
    }
}

/// A status against the target in words ("So với chỉ tiêu kế hoạch").
pub fn status_label(row: &ProgressRow, lang: Lang) -> String {
    Message::new(match row.assessment.status {
        TargetStatus::Achieved => "status-achieved",
        TargetStatus::Exceeded => "status-exceeded",
        TargetStatus::NotAchieved => "status-not-achieved",
        TargetStatus::NoData => "status-no-data",
        TargetStatus::NoTarget => "status-no-target",
        TargetStatus::NeedsJudgement => "status-needs-judgement",
    })
    .in_lang(lang)
}

/// A line of the table: a section's group line, or an item.
pub enum Line<'a> {
    Section { code: &'a str, title: &'a str },
    Item(&'a ProgressRow),
}

/// Group lines only for sections that have a code: items outside any section follow the
/// last section without a heading of their own.
pub fn lines(report: &ProgressReport) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    for section in &report.sections {
        if let Some(code) = section.code.as_deref() {
            lines.push(Line::Section {
                code,
                title: section.title.as_deref().unwrap_or(""),
            });
        }
        lines.extend(section.rows.iter().map(Line::Item));
    }
    lines
}

/// The "actual" cell: numbers stay numbers so spreadsheets can compute with them; statuses,
/// shares of units and texts read as the table writes them.
pub enum Actual {
    Number(f64),
    Text(String),
    Missing,
}

pub fn actual(row: &ProgressRow) -> Actual {
    match (&row.actual, row.actual_value) {
        (None, _) => Actual::Missing,
        (Some(Figure::Number(_) | Figure::Ratio { .. }), Some(value)) if value.is_finite() => {
            Actual::Number(value)
        }
        (Some(figure), _) => Actual::Text(figure.display(row.value_kind)),
    }
}

pub fn is_percent(row: &ProgressRow) -> bool {
    row.value_kind == ValueKind::Percent
}

/// The cells of an item as people read them (the printable page and the Word document):
/// the target as written, the figure as displayed, the status in Vietnamese, the achievement
/// with a decimal comma.
pub fn display_cells(row: &ProgressRow, lang: Lang) -> [String; COLUMNS] {
    [
        row.number.clone(),
        row.indicator_name.clone(),
        row.unit_of_measure.clone().unwrap_or_default(),
        row.target
            .as_ref()
            .map(|t| chitieu_schema::domain::display_of(&t.raw))
            .unwrap_or_default(),
        row.actual
            .as_ref()
            .map(|figure| figure.display(row.value_kind))
            .unwrap_or_default(),
        status_label(row, lang),
        achievement_percent(row)
            .map(|percent| format!("{}%", format_number(percent)))
            .unwrap_or_default(),
    ]
}

/// The achievement ratio in percent (125 for 1.25), when it means something.
pub fn achievement_percent(row: &ProgressRow) -> Option<f64> {
    row.assessment
        .ratio
        .filter(|ratio| ratio.is_finite())
        .map(|ratio| ratio * 100.0)
}

/// Numbers as machines read them: one rule for every export and the connector.
pub use chitieu_schema::dhis2::machine_number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_vietnamese_reports_name_them() {
        let words = |id: &str| period_message(&Period::parse(id).unwrap()).in_lang(Lang::Vi);
        assert_eq!(words("202510"), "tháng 10/2025");
        assert_eq!(words("2026Q3"), "quý III/2026");
        assert_eq!(words("2026S1"), "6 tháng đầu năm 2026");
        assert_eq!(words("2026S2"), "6 tháng cuối năm 2026");
        assert_eq!(words("2026"), "năm 2026");
        assert_eq!(
            words("2026-03-15..2026-03-20"),
            "từ 15/3/2026 đến 20/3/2026"
        );
    }
}
