use std::collections::HashMap;

use super::*;

fn values(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn value_of(raw: &str, pairs: &[(&str, f64)]) -> SideValue {
    Expression::parse(raw)
        .unwrap()
        .evaluate(&values(pairs), MissingValueStrategy::SkipIfAnyValueMissing)
}

#[test]
fn products_bind_tighter_than_sums_and_parentheses_override() {
    assert_eq!(value_of("2 + 3 * 4", &[]), SideValue::Value(14.0));
    assert_eq!(value_of("(2 + 3) * 4", &[]), SideValue::Value(20.0));
    assert_eq!(value_of("10 - 4 - 3", &[]), SideValue::Value(3.0));
    assert_eq!(
        value_of("-#{A} + 1.5", &[("A", 2.0)]),
        SideValue::Value(-0.5)
    );
}

#[test]
fn indicator_codes_are_named_once_in_order() {
    let e = Expression::parse("#{NQ57-X-1} + #{NQ57-X-2} * #{NQ57-X-1}").unwrap();
    assert_eq!(e.indicator_codes(), vec!["NQ57-X-1", "NQ57-X-2"]);
}

#[test]
fn parse_errors_name_the_position() {
    let error = Expression::parse("#{A} + * 2").unwrap_err();
    assert!(error.0.starts_with("at position 8:"), "{}", error.0);
    let error = Expression::parse("(#{A} + 2").unwrap_err();
    assert!(error.0.starts_with("at position 10:"), "{}", error.0);
    let error = Expression::parse("#{a}").unwrap_err();
    assert!(error.0.starts_with("at position 3:"), "{}", error.0);
    let error = Expression::parse("#{A} 2").unwrap_err();
    assert!(error.0.starts_with("at position 6:"), "{}", error.0);
    assert!(Expression::parse("").is_err());
    assert!(Expression::parse("1..2").is_err());
}

#[test]
fn deep_nesting_is_refused_rather_than_overflowing() {
    let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
    assert!(Expression::parse(&deep).is_err());
    let negations = format!("{}1", "-".repeat(100));
    assert!(Expression::parse(&negations).is_err());
}

#[test]
fn missing_values_follow_the_strategy() {
    let e = Expression::parse("#{A} + #{B}").unwrap();
    let only_a = values(&[("A", 5.0)]);
    assert_eq!(
        e.evaluate(&only_a, MissingValueStrategy::SkipIfAnyValueMissing),
        SideValue::Missing
    );
    assert_eq!(
        e.evaluate(&only_a, MissingValueStrategy::SkipIfAllValuesMissing),
        SideValue::Value(5.0)
    );
    assert_eq!(
        e.evaluate(&values(&[]), MissingValueStrategy::SkipIfAllValuesMissing),
        SideValue::Missing
    );
    assert_eq!(
        e.evaluate(&values(&[]), MissingValueStrategy::NeverSkip),
        SideValue::Value(0.0)
    );
}

#[test]
fn division_by_zero_leaves_the_side_without_a_value() {
    assert_eq!(
        value_of("#{A} / #{B}", &[("A", 1.0), ("B", 0.0)]),
        SideValue::DivisionByZero
    );
    assert_eq!(value_of("1 / (2 - 2)", &[]), SideValue::DivisionByZero);
}
