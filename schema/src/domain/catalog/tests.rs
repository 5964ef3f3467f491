use super::*;

#[test]
fn roman_section_codes_parse_to_their_value() {
    assert_eq!(SectionCode::parse("xi").unwrap().value(), 11);
    assert_eq!(SectionCode::parse("IV").unwrap().as_str(), "IV");
    assert!(SectionCode::parse("IIII").is_err());
    assert!(SectionCode::parse("7").is_err());
}

#[test]
fn headings_read_from_plans_take_letters_arabic_numbers_and_lettered_numerals() {
    assert_eq!(SectionCode::heading("iv").unwrap().as_str(), "IV");
    assert_eq!(SectionCode::heading("b").unwrap().as_str(), "B");
    assert_eq!(SectionCode::heading("3").unwrap().value(), 3);
    assert_eq!(SectionCode::heading("B.II").unwrap().as_str(), "B.II");
    assert!(SectionCode::heading("AB").is_err());
    assert!(SectionCode::heading("0").is_err());
    assert!(SectionCode::heading("3.1").is_err());
}

#[test]
fn sub_items_know_their_parent_and_order_numerically() {
    let n = IndicatorNumber::parse("7.10").unwrap();
    assert_eq!(n.parent().unwrap().as_str(), "7");
    assert!(IndicatorNumber::parse("7.2").unwrap().sort_key() < n.sort_key());
    assert!(IndicatorNumber::parse("7.").is_err());
    assert!(IndicatorNumber::parse("a").is_err());
}

#[test]
fn ranks_and_scores_never_sum() {
    assert!(ValueKind::Rank.check_aggregation(Aggregation::Sum).is_err());
    assert!(
        ValueKind::Score
            .check_aggregation(Aggregation::Sum)
            .is_err()
    );
    assert!(
        ValueKind::Percent
            .check_aggregation(Aggregation::Sum)
            .is_err()
    );
    assert!(ValueKind::Count.check_aggregation(Aggregation::Sum).is_ok());
}

#[test]
fn every_default_period_aggregation_fits_its_kind() {
    for kind in ValueKind::ALL {
        assert!(
            kind.check_period_aggregation(kind.default_period_aggregation())
                .is_ok(),
            "{kind:?}"
        );
    }
}

#[test]
fn text_derives_no_longer_period() {
    for period_aggregation in [
        PeriodAggregation::Sum,
        PeriodAggregation::Last,
        PeriodAggregation::Mean,
    ] {
        let error = ValueKind::Text
            .check_period_aggregation(period_aggregation)
            .unwrap_err();
        assert!(error.0.contains("period itself"), "{error}");
    }
}

#[test]
fn a_status_is_neither_summed_nor_averaged_over_months() {
    let status = ValueKind::Status;
    assert!(
        status
            .check_period_aggregation(PeriodAggregation::Last)
            .is_ok()
    );
    assert!(
        status
            .check_period_aggregation(PeriodAggregation::None)
            .is_ok()
    );
    let error = status
        .check_period_aggregation(PeriodAggregation::Sum)
        .unwrap_err();
    assert!(error.0.contains("not summed or averaged"), "{error}");
    assert!(
        status
            .check_period_aggregation(PeriodAggregation::Mean)
            .is_err()
    );
}

#[test]
fn ranks_and_scores_never_sum_over_months() {
    for kind in [ValueKind::Rank, ValueKind::Score] {
        let error = kind
            .check_period_aggregation(PeriodAggregation::Sum)
            .unwrap_err();
        assert!(error.0.contains("do not sum"), "{error}");
        assert!(
            kind.check_period_aggregation(PeriodAggregation::Mean)
                .is_ok()
        );
        assert!(
            kind.check_period_aggregation(PeriodAggregation::None)
                .is_ok()
        );
    }
}

#[test]
fn a_percent_always_derives_from_its_months() {
    let percent = ValueKind::Percent;
    assert!(
        percent
            .check_period_aggregation(PeriodAggregation::Sum)
            .is_ok()
    );
    assert!(
        percent
            .check_period_aggregation(PeriodAggregation::Mean)
            .is_ok()
    );
    assert!(
        percent
            .check_period_aggregation(PeriodAggregation::None)
            .is_err()
    );
}

#[test]
fn counts_and_decimals_take_any_period_aggregation() {
    for kind in [ValueKind::Count, ValueKind::Decimal] {
        for period_aggregation in PeriodAggregation::ALL {
            assert!(kind.check_period_aggregation(*period_aggregation).is_ok());
        }
    }
}

#[test]
fn database_names_round_trip() {
    for kind in ValueKind::ALL {
        assert_eq!(ValueKind::from_db_str(kind.as_db_str()).unwrap(), *kind);
    }
    for agg in Aggregation::ALL {
        assert_eq!(Aggregation::from_db_str(agg.as_db_str()).unwrap(), *agg);
    }
    for period_aggregation in PeriodAggregation::ALL {
        assert_eq!(
            PeriodAggregation::from_db_str(period_aggregation.as_db_str()).unwrap(),
            *period_aggregation
        );
    }
}
