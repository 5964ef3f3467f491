use super::*;

fn p(raw: &str) -> Period {
    Period::parse(raw).unwrap()
}

fn d(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

#[test]
fn dhis2_identifiers_round_trip() {
    for raw in [
        "202601",
        "202612",
        "2026Q1",
        "2026Q4",
        "2026S1",
        "2026S2",
        "2026",
        "2026-03-15..2026-03-20",
    ] {
        assert_eq!(p(raw).to_string(), raw);
    }
}

#[test]
fn impossible_periods_are_refused() {
    for raw in [
        "202613",
        "202600",
        "2026Q5",
        "2026Q0",
        "2026S3",
        "26",
        "2026W1",
        "1999",
        "2026-03-20..2026-03-15",
        "",
        // Six bytes that are three characters: refused, not sliced mid-character.
        "\u{80}\u{80}\u{80}",
        "2026Qý",
    ] {
        assert!(Period::parse(raw).is_err(), "{raw}");
    }
}

#[test]
fn periods_know_their_first_and_last_day() {
    assert_eq!(
        (p("202602").start(), p("202602").end()),
        (d("2026-02-01"), d("2026-02-28"))
    );
    assert_eq!(
        (p("2028Q1").start(), p("2028Q1").end()),
        (d("2028-01-01"), d("2028-03-31"))
    );
    assert_eq!(
        (p("2026S2").start(), p("2026S2").end()),
        (d("2026-07-01"), d("2026-12-31"))
    );
    assert_eq!(p("2026").end(), d("2026-12-31"));
}

#[test]
fn a_year_contains_its_quarters_and_months_but_not_the_next_year() {
    assert!(p("2026").contains(&p("2026Q3")));
    assert!(p("2026S1").contains(&p("202606")));
    assert!(!p("2026S1").contains(&p("202607")));
    assert!(!p("2026").contains(&p("202701")));
    assert_eq!(
        p("2026Q2").monthly_periods(),
        vec![p("202604"), p("202605"), p("202606")]
    );
}

#[test]
fn the_next_period_crosses_years() {
    assert_eq!(p("202612").next(), Some(p("202701")));
    assert_eq!(p("2026Q4").next(), Some(p("2027Q1")));
    assert_eq!(p("2026S2").next(), Some(p("2027S1")));
}

#[test]
fn the_previous_period_crosses_years_and_ad_hoc_periods_have_none() {
    assert_eq!(p("202601").previous(), Some(p("202512")));
    assert_eq!(p("2026Q1").previous(), Some(p("2025Q4")));
    assert_eq!(p("2026S1").previous(), Some(p("2025S2")));
    assert_eq!(p("2026").previous(), Some(p("2025")));
    assert_eq!(p("2026-03-15..2026-03-20").previous(), None);
}

#[test]
fn adx_intervals_follow_sdmx() {
    assert_eq!(p("202601").adx(), "2026-01-01/P1M");
    assert_eq!(p("2026Q2").adx(), "2026-04-01/P3M");
    assert_eq!(p("2026S2").adx(), "2026-07-01/P6M");
    assert_eq!(p("2026").adx(), "2026-01-01/P1Y");
    assert_eq!(p("2026-03-15..2026-03-20").adx(), "2026-03-15/P6D");
}

#[test]
fn data_windows_follow_decree_09() {
    assert_eq!(
        p("202601").data_window(),
        (d("2025-12-15"), d("2026-01-14"))
    );
    assert_eq!(
        p("2026Q1").data_window(),
        (d("2025-12-15"), d("2026-03-14"))
    );
    assert_eq!(
        p("2026S1").data_window(),
        (d("2025-12-15"), d("2026-06-14"))
    );
    assert_eq!(p("2026").data_window(), (d("2025-12-15"), d("2026-12-14")));
}
