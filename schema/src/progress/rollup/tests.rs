//! Roll-ups checked against figures computed by hand on a small tree: province P with communes
//! A (agencies a1, a2), B and C; C was merged into B on 1 April 2026.

use chrono::NaiveDate;

use super::*;
use crate::domain::ReportedValue;

const PERCENT: i64 = 1;
const COUNT: i64 = 2;
const RANK: i64 = 3;
const STATUS: i64 = 4;

fn rules() -> Vec<IndicatorRule> {
    let rule = |id, code: &str, kind: ValueKind, aggregation, period_aggregation| IndicatorRule {
        id,
        code: code.to_owned(),
        name: code.to_owned(),
        kind,
        direction: kind.default_direction(),
        aggregation,
        period_aggregation,
    };
    vec![
        rule(
            PERCENT,
            "PCT",
            ValueKind::Percent,
            Aggregation::Ratio,
            PeriodAggregation::Last,
        ),
        rule(
            COUNT,
            "CNT",
            ValueKind::Count,
            Aggregation::Sum,
            PeriodAggregation::Sum,
        ),
        rule(
            RANK,
            "RNK",
            ValueKind::Rank,
            Aggregation::None,
            PeriodAggregation::Last,
        ),
        rule(
            STATUS,
            "STA",
            ValueKind::Status,
            Aggregation::ShareAchieved,
            PeriodAggregation::Last,
        ),
    ]
}

fn unit(code: &str) -> (i64, String) {
    let (id, path) = match code {
        "P" => (10, "/P/"),
        "A" => (11, "/P/A/"),
        "a1" => (111, "/P/A/a1/"),
        "a2" => (112, "/P/A/a2/"),
        "B" => (12, "/P/B/"),
        "C" => (13, "/P/C/"),
        other => panic!("no unit {other}"),
    };
    (id, path.to_owned())
}

fn fact(code: &str, indicator: i64, period: &str, value: ReportedValue) -> Fact {
    let (unit_id, unit_path) = unit(code);
    let parsed = Period::parse(period).unwrap();
    Fact {
        unit_id,
        unit_path: unit_path.into(),
        indicator_id: indicator,
        period: period.into(),
        period_start: parsed.start(),
        period_end: parsed.end(),
        value,
        updated_at: NaiveDate::from_ymd_opt(2026, 6, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
    }
}

fn ratio(numerator: f64, denominator: f64) -> ReportedValue {
    ReportedValue::Ratio {
        numerator,
        denominator,
    }
}

fn c_merged_into_b() -> Vec<Succession> {
    vec![Succession {
        predecessor_id: 13,
        predecessor_path: "/P/C/".to_owned(),
        successor_path: "/P/B/".to_owned(),
        effective_on: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    }]
}

fn roll(root: &str, period: &str, facts: &[Fact], indicator: i64) -> RolledUp {
    let rules = rules();
    let index = rules.iter().position(|r| r.id == indicator).unwrap();
    compute(
        &unit(root).1,
        Period::parse(period).unwrap(),
        &rules,
        facts,
        &c_merged_into_b(),
    )
    .remove(index)
}

fn january() -> Vec<Fact> {
    vec![
        fact("a1", PERCENT, "202601", ratio(90.0, 100.0)),
        fact("a2", PERCENT, "202601", ratio(10.0, 300.0)),
        fact("B", PERCENT, "202601", ratio(50.0, 100.0)),
        fact("C", PERCENT, "202601", ratio(20.0, 40.0)),
    ]
}

#[test]
fn a_commune_without_its_own_figure_takes_the_ratio_of_its_agencies_sums() {
    let a = roll("A", "202601", &january(), PERCENT);
    // (90 + 10) / (100 + 300) = 25%; the mean of 90% and 3.3% would be 46.7%.
    assert_eq!(a.value, Some(25.0));
    assert_eq!(a.reporting_units, 2);
    assert!(!a.own);
}

#[test]
fn the_province_adds_numerators_and_denominators_of_every_commune() {
    let p = roll("P", "202601", &january(), PERCENT);
    // A 100/400, B 50/100, C 20/40 (before the merger C counts as itself): 170/540.
    assert_eq!(
        p.figure,
        Some(Figure::Ratio {
            numerator: 170.0,
            denominator: 540.0
        })
    );
    assert_eq!(p.reporting_units, 4);
}

#[test]
fn a_communes_own_figure_stands_for_its_agencies() {
    let mut facts = january();
    facts.push(fact("A", PERCENT, "202601", ratio(120.0, 400.0)));
    let p = roll("P", "202601", &facts, PERCENT);
    // A's own 120/400 replaces its agencies' 100/400: 120 + 50 + 20 over 400 + 100 + 40.
    assert_eq!(
        p.figure,
        Some(Figure::Ratio {
            numerator: 190.0,
            denominator: 540.0
        })
    );
    assert!(roll("A", "202601", &facts, PERCENT).own);
}

#[test]
fn a_merged_communes_history_counts_under_its_successor_from_the_merger_date() {
    let facts = vec![
        fact("B", COUNT, "202603", ReportedValue::Number(5.0)),
        fact("C", COUNT, "202603", ReportedValue::Number(7.0)),
        fact("B", COUNT, "202604", ReportedValue::Number(6.0)),
        fact("C", COUNT, "202604", ReportedValue::Number(2.0)),
    ];
    // Before the merger C is not part of B; from April its figures are.
    assert_eq!(roll("B", "202603", &facts, COUNT).value, Some(5.0));
    assert_eq!(roll("B", "202604", &facts, COUNT).value, Some(8.0));
    assert_eq!(roll("C", "202604", &facts, COUNT).value, None);
    assert_eq!(roll("C", "202603", &facts, COUNT).value, Some(7.0));
    // The province total is the same either way.
    assert_eq!(roll("P", "202604", &facts, COUNT).value, Some(8.0));
}

#[test]
fn a_missing_report_leaves_the_unit_out_and_shows_in_the_count() {
    let facts = vec![
        fact("a1", COUNT, "202601", ReportedValue::Number(4.0)),
        fact("B", COUNT, "202601", ReportedValue::Number(6.0)),
    ];
    let p = roll("P", "202601", &facts, COUNT);
    assert_eq!(p.value, Some(10.0));
    assert_eq!(p.reporting_units, 2);
}

#[test]
fn a_quarter_sums_the_months_of_a_count_and_takes_the_last_month_of_a_percent() {
    let facts = vec![
        fact("B", COUNT, "202601", ReportedValue::Number(3.0)),
        fact("B", COUNT, "202602", ReportedValue::Number(4.0)),
        fact("B", COUNT, "202603", ReportedValue::Number(5.0)),
        fact("B", PERCENT, "202601", ratio(10.0, 100.0)),
        fact("B", PERCENT, "202603", ratio(30.0, 100.0)),
    ];
    let count = roll("B", "2026Q1", &facts, COUNT);
    assert_eq!(count.value, Some(12.0));
    assert!(count.derived);
    assert_eq!(roll("B", "2026Q1", &facts, PERCENT).value, Some(30.0));
}

#[test]
fn a_report_for_the_quarter_itself_wins_over_its_months() {
    let facts = vec![
        fact("B", COUNT, "202601", ReportedValue::Number(3.0)),
        fact("B", COUNT, "2026Q1", ReportedValue::Number(20.0)),
    ];
    let count = roll("B", "2026Q1", &facts, COUNT);
    assert_eq!(count.value, Some(20.0));
    assert!(!count.derived);
}

#[test]
fn ranks_are_not_summed_the_unit_reports_its_own() {
    let mut facts = vec![
        fact("A", RANK, "202601", ReportedValue::Number(12.0)),
        fact("B", RANK, "202601", ReportedValue::Number(30.0)),
    ];
    assert_eq!(roll("P", "202601", &facts, RANK).value, None);
    facts.push(fact("P", RANK, "202601", ReportedValue::Number(4.0)));
    assert_eq!(roll("P", "202601", &facts, RANK).value, Some(4.0));
}

#[test]
fn statuses_roll_up_as_the_share_of_units_that_achieved_them() {
    let status = |achieved| ReportedValue::Status {
        achieved,
        label: None,
    };
    let facts = vec![
        fact("A", STATUS, "202601", status(true)),
        fact("B", STATUS, "202601", status(false)),
        fact("C", STATUS, "202601", status(true)),
    ];
    let p = roll("P", "202601", &facts, STATUS);
    assert_eq!(
        p.figure,
        Some(Figure::Share {
            achieved: 2,
            reporting: 3
        })
    );
}

#[test]
fn a_half_year_takes_a_reported_quarter_once_and_the_months_outside_it() {
    let facts = vec![
        fact("B", COUNT, "2026Q1", ReportedValue::Number(20.0)),
        fact("B", COUNT, "202602", ReportedValue::Number(4.0)),
        fact("B", COUNT, "202604", ReportedValue::Number(6.0)),
        fact("B", COUNT, "202605", ReportedValue::Number(1.0)),
    ];
    // Q1 (20) stands for its months; April and May add 7.
    assert_eq!(roll("B", "2026S1", &facts, COUNT).value, Some(27.0));
}
