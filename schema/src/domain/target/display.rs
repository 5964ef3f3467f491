//! A target as people write it, for pages, spreadsheets and sentences: `≥ 85 %`, `2–3 %`,
//! `> 0,77`, `Đạt`, `Top 50 của thành phố`. The numbers are the parsed exact decimals written
//! with the Vietnamese decimal comma (plans are Vietnamese documents); what was not understood
//! is the cell's own words without typesetting remnants (`$`, `\geq`).

use super::{Bound, Decimal, Target, TargetMeaning, TargetUnit, parse};

impl Target {
    /// The normalised text to show for this target; `raw` stays the cell as written.
    pub fn display(&self) -> String {
        match self.meaning() {
            TargetMeaning::NoTarget => "–".to_owned(),
            TargetMeaning::Status(label) => (*label).to_owned(),
            // A rank's qualifier ("của thành phố") is part of what was asked.
            TargetMeaning::Numeric(n) if n.unit == TargetUnit::Rank => parse::clean(self.raw()),
            TargetMeaning::Numeric(n) => {
                let unit = match n.unit {
                    TargetUnit::Percent => " %",
                    TargetUnit::AsIndicator | TargetUnit::Rank => "",
                };
                let number = |d: Decimal| d.to_string().replace('.', ",");
                match n.bound {
                    Bound::AtLeast(v) => format!("≥ {}{unit}", number(v)),
                    Bound::MoreThan(v) => format!("> {}{unit}", number(v)),
                    Bound::AtMost(v) => format!("≤ {}{unit}", number(v)),
                    Bound::LessThan(v) => format!("< {}{unit}", number(v)),
                    Bound::Reach(v) => format!("{}{unit}", number(v)),
                    Bound::Between(low, high) => {
                        format!("{}–{}{unit}", number(low), number(high))
                    }
                }
            }
            TargetMeaning::Qualitative { .. } => parse::clean(self.raw()).replace('\\', ""),
        }
    }
}

/// The display text of a stored cell (the structure is read again from the raw text, as it was
/// when stored).
pub fn display_of(raw: &str) -> String {
    Target::parse(raw).display()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(cell: &str) -> String {
        Target::parse(cell).display()
    }

    #[test]
    fn targets_are_shown_as_people_write_them() {
        assert_eq!(shown("$\\geq 85\\%$"), "≥ 85 %");
        assert_eq!(shown("phần đầu ít nhất 2-3%"), "2–3 %");
        assert_eq!(shown("> 0,77"), "> 0,77");
        assert_eq!(shown("đạt trên 3,5%"), "> 3,5 %");
        assert_eq!(shown("≥ 01"), "≥ 1");
        assert_eq!(shown("Đạt"), "Đạt");
        assert_eq!(shown("-"), "–");
        assert_eq!(shown("Top 50 của thành phố"), "Top 50 của thành phố");
    }

    #[test]
    fn a_qualitative_target_keeps_its_words_without_typesetting() {
        let text = shown("Hàng năm bình quân có $\\geq$ 5 đề tài, sáng kiến");
        assert!(!text.contains('$') && !text.contains('\\'), "{text}");
        assert!(text.contains("5 đề tài"), "{text}");
    }
}
