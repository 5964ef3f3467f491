//! The value kind of an imported indicator, inferred from its unit of measure, its name and
//! its targets, with the reason kept for the row's diagnostic.

use crate::domain::{Target, TargetMeaning, TargetUnit, ValueKind, name_key};
use crate::messages::Message;

/// Units of measure that count things.
const COUNT_UNITS: &[&str] = &[
    "người",
    "doanh nghiệp",
    "sản phẩm",
    "bài báo",
    "trung tâm",
    "nhiệm vụ",
    "đề tài",
    "sáng kiến",
    "cơ sở",
    "hồ sơ",
    "dịch vụ",
    "hệ thống",
    "mô hình",
    "cuộc",
    "lớp",
    "lượt",
    "xã",
    "đơn vị",
    "cái",
    "số lượng",
];

/// The kind and why, e.g. `(Percent, "unit of measure \"%\"")`.
pub fn infer_kind(unit: Option<&str>, name: &str, targets: &[Target]) -> (ValueKind, Message) {
    if let Some(unit) = unit.filter(|u| !u.trim().is_empty()) {
        let key = name_key(unit);
        let has = |w: &str| key.contains(&name_key(w));
        let said = Message::new("import-why-unit").arg("unit", format!("{unit:?}"));
        if key.contains('%') || has("tỷ lệ") || has("phần trăm") {
            return (ValueKind::Percent, said);
        }
        if has("thứ bậc") || has("xếp hạng") || has("hạng") {
            return (ValueKind::Rank, said);
        }
        if has("điểm") || has("chỉ số") {
            return (ValueKind::Score, said);
        }
        if COUNT_UNITS.iter().any(|w| key.starts_with(&name_key(w))) {
            return (ValueKind::Count, said);
        }
        if has("ngày") || has("giờ") || has("tháng") {
            return (ValueKind::Decimal, said);
        }
    }
    let meanings: Vec<&TargetMeaning> = targets.iter().map(Target::meaning).collect();
    let numeric_unit = |wanted: TargetUnit| {
        meanings
            .iter()
            .any(|m| matches!(m, TargetMeaning::Numeric(n) if n.unit == wanted))
    };
    if numeric_unit(TargetUnit::Rank) {
        return (ValueKind::Rank, Message::new("import-why-rank-target"));
    }
    if numeric_unit(TargetUnit::Percent) {
        return (
            ValueKind::Percent,
            Message::new("import-why-percent-targets"),
        );
    }
    if meanings
        .iter()
        .any(|m| matches!(m, TargetMeaning::Status(_)))
    {
        return (ValueKind::Status, Message::new("import-why-status-targets"));
    }
    let key = name_key(name);
    let name_starts = |w: &str| key.starts_with(&format!("{} ", name_key(w))) || key == name_key(w);
    // The reason quotes the name's own first words, as written.
    let starts_with = |words: &str| {
        let count = words.split_whitespace().count();
        let written: Vec<&str> = name.split_whitespace().take(count).collect();
        Message::new("import-why-name-starts").arg("words", format!("{:?}", written.join(" ")))
    };
    let by_name = [
        ("tỷ lệ", ValueKind::Percent),
        ("xếp hạng", ValueKind::Rank),
        ("chỉ số", ValueKind::Score),
        ("số lượng", ValueKind::Count),
        ("số", ValueKind::Count),
    ];
    if let Some((words, kind)) = by_name.iter().find(|(words, _)| name_starts(words)) {
        return (*kind, starts_with(words));
    }
    if meanings
        .iter()
        .any(|m| matches!(m, TargetMeaning::Numeric(_)))
    {
        return (ValueKind::Decimal, Message::new("import-why-numbers"));
    }
    (ValueKind::Status, Message::new("import-why-default"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(unit: Option<&str>, name: &str, cells: &[&str]) -> ValueKind {
        let targets: Vec<Target> = cells.iter().map(|c| Target::parse(c)).collect();
        infer_kind(unit, name, &targets).0
    }

    #[test]
    fn units_of_measure_decide_the_kind() {
        assert_eq!(kind(Some("%"), "x", &[]), ValueKind::Percent);
        assert_eq!(kind(Some("% GDP"), "x", &[]), ValueKind::Percent);
        assert_eq!(kind(Some("Thứ bậc"), "x", &["< 70"]), ValueKind::Rank);
        assert_eq!(kind(Some("điểm"), "x", &[]), ValueKind::Score);
        assert_eq!(kind(Some("doanh nghiệp"), "x", &["800"]), ValueKind::Count);
    }

    #[test]
    fn the_reason_quotes_the_rule_applied_and_the_name_as_written() {
        let (_, why) = infer_kind(None, "Số đề tài được công nhận", &[]);
        assert_eq!(why.to_string(), "the name starts with \"Số\"");
        let (_, why) = infer_kind(None, "SỐ LƯỢNG doanh nghiệp", &[]);
        assert_eq!(why.to_string(), "the name starts with \"SỐ LƯỢNG\"");
        let (kind, _) = infer_kind(None, "Sống khỏe", &[Target::parse("Đạt chuẩn")]);
        assert_ne!(kind, ValueKind::Count, "\"Sống\" is not \"Số\"");
    }

    #[test]
    fn without_a_unit_the_targets_and_then_the_name_decide() {
        assert_eq!(
            kind(None, "Phủ sóng", &["≥60%", "100%"]),
            ValueKind::Percent
        );
        assert_eq!(kind(None, "Mức", &["Đạt"]), ValueKind::Status);
        assert_eq!(kind(None, "Tỷ lệ phủ sóng 6G", &["-"]), ValueKind::Percent);
        assert_eq!(
            kind(None, "Chỉ số CDS xã", &["Đạt chỉ tiêu thành phố giao"]),
            ValueKind::Score
        );
        assert_eq!(
            kind(
                None,
                "Số lượng đề tài",
                &["Hàng năm bình quân có ≥ 5 đề tài"]
            ),
            ValueKind::Count
        );
        assert_eq!(
            kind(
                None,
                "Triển khai AI",
                &["Thực hiện thường xuyên trong các năm"]
            ),
            ValueKind::Status
        );
    }
}
