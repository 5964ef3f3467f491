use std::collections::HashMap;

use super::*;

fn rule(
    left: &str,
    operator: Operator,
    right: &str,
    strategy: MissingValueStrategy,
) -> RuleDefinition {
    RuleDefinition {
        code: "R".into(),
        name: "R".into(),
        left: Expression::parse(left).unwrap(),
        operator,
        right: Expression::parse(right).unwrap(),
        importance: Importance::Blocking,
        missing_value_strategy: strategy,
        built_in: false,
    }
}

fn outcome(left: &str, operator: Operator, right: &str, pairs: &[(&str, f64)]) -> Outcome {
    let values: HashMap<String, f64> = pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect();
    rule(
        left,
        operator,
        right,
        MissingValueStrategy::SkipIfAnyValueMissing,
    )
    .judge(&values)
    .outcome
}

#[test]
fn each_comparison_operator_judges_like_its_sign() {
    use Operator::*;
    let cases = [
        (
            EqualTo,
            [Outcome::Violated, Outcome::Passed, Outcome::Violated],
        ),
        (
            NotEqualTo,
            [Outcome::Passed, Outcome::Violated, Outcome::Passed],
        ),
        (
            GreaterThan,
            [Outcome::Violated, Outcome::Violated, Outcome::Passed],
        ),
        (
            GreaterThanOrEqualTo,
            [Outcome::Violated, Outcome::Passed, Outcome::Passed],
        ),
        (
            LessThan,
            [Outcome::Passed, Outcome::Violated, Outcome::Violated],
        ),
        (
            LessThanOrEqualTo,
            [Outcome::Passed, Outcome::Passed, Outcome::Violated],
        ),
    ];
    for (operator, expected) in cases {
        for (left, want) in [1.0, 2.0, 3.0].into_iter().zip(expected) {
            assert_eq!(
                outcome("#{L}", operator, "2", &[("L", left)]),
                want,
                "{left} {operator:?} 2"
            );
        }
    }
}

#[test]
fn sums_of_decimals_compare_as_a_person_expects() {
    assert_eq!(
        outcome(
            "#{A} + #{B}",
            Operator::EqualTo,
            "0.3",
            &[("A", 0.1), ("B", 0.2)]
        ),
        Outcome::Passed
    );
}

#[test]
fn pairs_look_only_at_which_sides_have_values() {
    use Operator::*;
    assert_eq!(
        outcome("#{A}", CompulsoryPair, "#{B}", &[("A", 1.0)]),
        Outcome::Violated
    );
    assert_eq!(
        outcome("#{A}", CompulsoryPair, "#{B}", &[]),
        Outcome::Passed
    );
    assert_eq!(
        outcome("#{A}", CompulsoryPair, "#{B}", &[("A", 1.0), ("B", 0.0)]),
        Outcome::Passed
    );
    assert_eq!(
        outcome("#{A}", ExclusivePair, "#{B}", &[("A", 1.0), ("B", 0.0)]),
        Outcome::Violated
    );
    assert_eq!(
        outcome("#{A}", ExclusivePair, "#{B}", &[("B", 0.0)]),
        Outcome::Passed
    );
}

#[test]
fn a_missing_side_skips_the_rule_unless_missing_values_count_as_zero() {
    let values: HashMap<String, f64> = [("A".to_owned(), 5.0)].into();
    let skip = rule(
        "#{A}",
        Operator::LessThanOrEqualTo,
        "#{T}",
        MissingValueStrategy::SkipIfAnyValueMissing,
    );
    assert_eq!(skip.judge(&values).outcome, Outcome::Skipped);
    let zero = rule(
        "#{A}",
        Operator::LessThanOrEqualTo,
        "#{T}",
        MissingValueStrategy::NeverSkip,
    );
    assert_eq!(zero.judge(&values).outcome, Outcome::Violated);
}

#[test]
fn a_division_by_zero_skips_the_rule() {
    assert_eq!(
        outcome(
            "#{A} / #{B}",
            Operator::LessThan,
            "1",
            &[("A", 3.0), ("B", 0.0)]
        ),
        Outcome::Skipped
    );
}
