use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::Period;
use crate::progress::completeness::load::CandidatePlan;

const PLAN: i64 = 1;

fn plans() -> Plans {
    let due = NaiveDate::from_ymd_opt(2026, 2, 5)
        .and_then(|d| d.and_hms_opt(17, 0, 0))
        .unwrap();
    Plans {
        by_id: HashMap::from([(
            PLAN,
            CandidatePlan {
                code: "KH-41".to_owned(),
                due_at: Some(due),
            },
        )]),
        only: None,
    }
}

fn unit(id: i64, path: &str) -> ReportingUnit {
    let code = path::codes(path).last().unwrap().to_owned();
    ReportingUnit {
        unit_id: id,
        name: format!("Đơn vị {code}"),
        code,
        path: path.to_owned(),
        plan_id: PLAN,
    }
}

fn stored(unit_id: i64, state: &str, late: bool) -> StoredReport {
    StoredReport {
        unit_id,
        plan_id: PLAN,
        state: state.to_owned(),
        due_at: None,
        submitted_at: Some(NaiveDateTime::default()),
        late,
    }
}

fn child(code: &str, valid_to: Option<(i32, u32, u32)>) -> Child {
    Child {
        code: code.to_owned(),
        name: format!("Xã {code}"),
        valid_from: None,
        valid_to: valid_to.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    }
}

/// Province 41 with communes 41001 and 41002, each with one agency.
fn province() -> Vec<ReportingUnit> {
    vec![
        unit(1, "/41/"),
        unit(2, "/41/41001/"),
        unit(3, "/41/41001/41001-A/"),
        unit(4, "/41/41002/"),
        unit(5, "/41/41002/41002-A/"),
    ]
}

fn statuses_of(lines: &[ExpectedReport]) -> Vec<(&str, ReportingStatus)> {
    lines
        .iter()
        .map(|line| (line.unit_code.as_str(), line.status))
        .collect()
}

#[test]
fn submitted_and_approved_reports_are_received_and_drafts_returned_or_absent_ones_missing() {
    let reports = vec![
        stored(2, "approved", false),
        stored(3, "submitted", true),
        stored(4, "returned", false),
        stored(5, "draft", false),
    ];
    let lines = statuses(province(), &plans(), reports).unwrap();
    use ReportingStatus::*;
    assert_eq!(
        statuses_of(&lines),
        [
            ("41", Missing),
            ("41001", OnTime),
            ("41001-A", Late),
            ("41002", Missing),
            ("41002-A", Missing),
        ]
    );
    assert_eq!(lines[3].state, Some(ReportState::Returned));
    assert_eq!(lines[0].state, None);
    assert!(
        lines[0].due_at.is_some(),
        "a missing report shows the plan's deadline"
    );
    assert_eq!(lines[2].parent_code.as_deref(), Some("41001"));
    assert_eq!(
        Tally::of(&lines),
        Tally {
            expected: 5,
            received: 2,
            on_time: 1,
            late: 1,
            missing: 3
        }
    );
}

#[test]
fn a_unit_that_issued_a_plan_and_is_assigned_items_in_it_owes_one_report() {
    let mut reporting = province();
    reporting.push(unit(1, "/41/"));
    let lines = statuses(reporting, &plans(), Vec::new()).unwrap();
    assert_eq!(lines.len(), 5);
}

#[test]
fn each_child_line_counts_its_whole_subtree_and_not_the_queried_units_own_report() {
    let lines = statuses(province(), &plans(), vec![stored(3, "approved", false)]).unwrap();
    let window = Window::of("/41/", &Period::parse("202601").unwrap());
    let children = vec![child("41001", None), child("41002", None)];
    let lines_by_child = by_child("/41/", children, &window, &lines);
    let counts: Vec<(&str, u64, u64)> = lines_by_child
        .iter()
        .map(|c| (c.unit.code.as_str(), c.tally.expected, c.tally.received))
        .collect();
    assert_eq!(counts, [("41001", 2, 1), ("41002", 2, 0)]);
}

#[test]
fn a_child_closed_before_the_period_is_left_out_unless_reports_are_expected_below_it() {
    let window = Window::of("/41/", &Period::parse("202606").unwrap());
    let children = vec![
        child("41001", None),
        child("41002", None),
        child("41003", Some((2026, 4, 1))),
    ];
    let lines = statuses(province(), &plans(), Vec::new()).unwrap();
    let listed: Vec<String> = by_child("/41/", children, &window, &lines)
        .into_iter()
        .map(|c| c.unit.code)
        .collect();
    assert_eq!(listed, ["41001", "41002"]);
}

#[test]
fn a_unit_closed_on_the_first_day_of_the_period_is_not_open_during_it() {
    let closed = NaiveDate::from_ymd_opt(2026, 4, 1);
    let april = Window::of("/41/", &Period::parse("202604").unwrap());
    let march = Window::of("/41/", &Period::parse("202603").unwrap());
    assert!(!april.is_open(None, closed));
    assert!(march.is_open(None, closed));
    let created = NaiveDate::from_ymd_opt(2026, 4, 30);
    assert!(april.is_open(created, None));
    assert!(!march.is_open(created, None));
}

#[test]
fn the_rate_is_received_over_expected_to_four_decimals_and_absent_when_nothing_is_expected() {
    let tally = Tally {
        expected: 9,
        received: 5,
        on_time: 4,
        late: 1,
        missing: 4,
    };
    assert_eq!(tally.rate(), Some(0.5556));
    assert_eq!(Tally::default().rate(), None);
}

#[test]
fn a_page_holds_only_the_status_asked_for_and_counts_all_of_them() {
    let lines = statuses(province(), &plans(), vec![stored(2, "approved", false)]).unwrap();
    let request = PageRequest::new(Some(2), Some(3)).unwrap();
    let missing = page(lines, Some(ReportingStatus::Missing), request);
    assert_eq!(missing.total, 4);
    let codes: Vec<&str> = missing.items.iter().map(|l| l.unit_code.as_str()).collect();
    assert_eq!(codes, ["41002-A"]);
}
