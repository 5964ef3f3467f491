//! The patterns the OpenAPI document publishes say exactly what the parsers accept: a string
//! the parser takes matches, and a string it refuses does not (for ad-hoc periods the pattern
//! checks the shape only, so there a match may still be refused for a date that does not exist).

use proptest::prelude::*;
use regex::Regex;

use super::{
    CatalogCode, CodeRule, IndicatorCode, IndicatorNumber, OrgUnitCode, Period, SectionCode,
};
use crate::plans::PlanCode;

/// A code rule and whether its newtype's parser accepts a string.
type RuleAndParser = (CodeRule, fn(&str) -> bool);

fn rules() -> [RuleAndParser; 4] {
    [
        (OrgUnitCode::RULE, |s| OrgUnitCode::parse(s).is_ok()),
        (CatalogCode::RULE, |s| CatalogCode::parse(s).is_ok()),
        (IndicatorCode::RULE, |s| IndicatorCode::parse(s).is_ok()),
        (PlanCode::RULE, |s| PlanCode::parse(s).is_ok()),
    ]
}

/// Near-misses: the code alphabet with lower case, spaces, slashes, accents and line ends.
const NEAR: &str = "[A-Za-z0-9._\\- /ảĐ\\n]{0,70}";

proptest! {
    #[test]
    fn a_section_numeral_matches_its_pattern_exactly_when_it_parses(raw in " ?[IVXivxLl1]{0,7} ?") {
        let pattern = Regex::new(SectionCode::pattern()).unwrap();
        prop_assert_eq!(pattern.is_match(&raw), SectionCode::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn an_indicator_number_matches_its_pattern_exactly_when_it_parses(raw in " ?[0-9.a]{0,22} ?") {
        let pattern = Regex::new(IndicatorNumber::pattern()).unwrap();
        prop_assert_eq!(pattern.is_match(&raw), IndicatorNumber::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn a_code_matches_its_pattern_exactly_when_it_parses(raw in NEAR) {
        for (rule, parses) in rules() {
            let pattern = Regex::new(&rule.pattern()).unwrap();
            prop_assert_eq!(pattern.is_match(&raw), parses(&raw), "{} vs {:?}", rule.pattern(), raw);
        }
    }

    #[test]
    fn every_string_of_a_code_pattern_parses(raw in "[A-Z0-9][A-Z0-9._-]{0,63}") {
        for (rule, parses) in rules() {
            let pattern = Regex::new(&rule.pattern()).unwrap();
            prop_assert_eq!(pattern.is_match(&raw), parses(&raw), "{}", raw);
        }
    }

    #[test]
    fn a_period_matches_the_pattern_exactly_when_it_parses(
        raw in "(19|20|21|22)[0-9]{2}([0-9]{2}|[QSqs][0-9])?| ?2026[0-9]{2} ?|[0-9]{4}[QS]1[0-9]?",
    ) {
        let pattern = Regex::new(&Period::pattern()).unwrap();
        prop_assert_eq!(pattern.is_match(&raw), Period::parse(&raw).is_ok(), "{}", raw);
    }

    #[test]
    fn an_ad_hoc_period_that_parses_matches_the_pattern(
        raw in "[0-9+]{4,5}-[0-9]{1,2}-[0-9]{1,2}\\.\\.[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
    ) {
        let pattern = Regex::new(&Period::pattern()).unwrap();
        if Period::parse(&raw).is_ok() {
            prop_assert!(pattern.is_match(&raw), "{}", raw);
        }
        if !pattern.is_match(&raw) {
            prop_assert!(Period::parse(&raw).is_err(), "{}", raw);
        }
    }
}

#[test]
fn the_periods_of_every_type_match() {
    let pattern = Regex::new(&Period::pattern()).unwrap();
    for raw in [
        "2026",
        "202601",
        "202612",
        "2026Q4",
        "2026S2",
        "2100",
        "210012",
        "2026-03-15..2026-03-20",
    ] {
        assert!(pattern.is_match(raw), "{raw}");
        assert!(Period::parse(raw).is_ok(), "{raw}");
    }
    for raw in [
        "1999",
        "2101",
        "202600",
        "202613",
        "2026Q5",
        "2026S3",
        " 2026",
        "2026-3-15..2026-03-20",
    ] {
        assert!(!pattern.is_match(raw), "{raw}");
        assert!(Period::parse(raw).is_err(), "{raw}");
    }
}
