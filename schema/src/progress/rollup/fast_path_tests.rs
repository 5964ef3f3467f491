//! The one-pass roll-up gives what the general path gives, on real databases (a SQLite file
//! always, PostgreSQL when `CHITIEU_TEST_PG` names a server): province P, communes A–E, agency
//! a1 under A, and values of every kind, including the awkward ones (a percent without its
//! parts, a zero denominator, an empty row, one reporting unit).

use diesel::connection::SimpleConnection;

use super::*;
use crate::db::test_databases::{self, TestDatabase};

/// A migrated database with the tree and catalog, and a connection to it.
struct Fixture {
    conn: Db,
    _database: TestDatabase,
}

fn fixtures() -> Vec<Fixture> {
    test_databases::migrated("chitieu_rollup")
        .into_iter()
        .map(|database| {
            let mut conn = database.connect();
            conn.batch_execute(TREE_AND_CATALOG).unwrap();
            conn.batch_execute(&indicators_sql()).unwrap();
            Fixture {
                conn,
                _database: database,
            }
        })
        .collect()
}

const STAMP: &str = "'2026-01-01 00:00:00'";

const TREE_AND_CATALOG: &str = "
INSERT INTO org_units (id, code, name, name_key, kind, path, depth, version, created_at, updated_at) VALUES
  (1, 'P', 'Tỉnh P', 'tinh p', 'province', 'P/', 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (2, 'A', 'Xã A', 'xa a', 'commune', 'P/A/', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (3, 'B', 'Xã B', 'xa b', 'commune', 'P/B/', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (4, 'C', 'Xã C', 'xa c', 'commune', 'P/C/', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (5, 'D', 'Xã D', 'xa d', 'commune', 'P/D/', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (6, 'E', 'Xã E', 'xa e', 'commune', 'P/E/', 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (7, 'a1', 'Phòng a1', 'phong a1', 'unit', 'P/A/a1/', 2, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
INSERT INTO catalogs (id, code, name, version, created_at, updated_at)
  VALUES (1, 'C-1', 'Catalog', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
INSERT INTO plans (id, code, number, issued_on, title, issuing_unit_id, catalog_id, valid_from, valid_to,
    monthly_due_day, monthly_due_offset, quarterly_due_day, quarterly_due_offset,
    six_monthly_due_day, six_monthly_due_offset, yearly_due_day, yearly_due_offset,
    version, created_at, updated_at)
  VALUES (1, 'P-1', '1/KH', '2026-01-01', 'Plan', 1, 1, '2026-01-01', '2026-12-31',
    6, 1, 6, 1, 6, 0, 6, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');";

/// (id, code, kind, aggregation)
const INDICATORS: [(i64, &str, ValueKind, Aggregation); 11] = [
    (1, "PCT", ValueKind::Percent, Aggregation::Ratio),
    (2, "CNT", ValueKind::Count, Aggregation::Sum),
    (3, "DEC", ValueKind::Decimal, Aggregation::Mean),
    (4, "MIN", ValueKind::Decimal, Aggregation::Min),
    (5, "MAX", ValueKind::Percent, Aggregation::Max),
    (6, "RNK", ValueKind::Rank, Aggregation::None),
    (7, "STA", ValueKind::Status, Aggregation::ShareAchieved),
    (8, "TXT", ValueKind::Text, Aggregation::None),
    (9, "ONE", ValueKind::Count, Aggregation::Sum),
    (10, "LAB", ValueKind::Status, Aggregation::ShareAchieved),
    (11, "NIL", ValueKind::Count, Aggregation::Sum),
];

fn indicators_sql() -> String {
    rules()
        .iter()
        .map(|rule| {
            format!(
                "INSERT INTO indicators (id, catalog_id, code, number, name, name_key, value_kind,
                   direction, aggregation, position, version, created_at, updated_at, period_aggregation)
                 VALUES ({id}, 1, '{code}', '{id}', '{code}', '{code}', '{kind}', '{direction}',
                   '{aggregation}', {id}, 1, {STAMP}, {STAMP}, '{period}');",
                id = rule.id,
                code = rule.code,
                kind = rule.kind.as_db_str(),
                direction = rule.direction.as_db_str(),
                aggregation = rule.aggregation.as_db_str(),
                period = rule.period_aggregation.as_db_str(),
            )
        })
        .collect()
}

fn rules() -> Vec<IndicatorRule> {
    INDICATORS
        .iter()
        .map(|&(id, code, kind, aggregation)| IndicatorRule {
            id,
            code: code.to_owned(),
            name: code.to_owned(),
            kind,
            direction: kind.default_direction(),
            aggregation,
            period_aggregation: kind.default_period_aggregation(),
        })
        .collect()
}

/// Every value of January 2026 per unit: (indicator, number, numerator, denominator,
/// achieved, text) as SQL literals.
fn january(
    unit: &str,
) -> Vec<(
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    match unit {
        "A" => vec![
            (1, "NULL", "90", "100", "NULL", "NULL"),
            (2, "3", "NULL", "NULL", "NULL", "NULL"),
            (3, "1.5", "NULL", "NULL", "NULL", "NULL"),
            (4, "7", "NULL", "NULL", "NULL", "NULL"),
            (5, "80", "NULL", "NULL", "NULL", "NULL"),
            (6, "1", "NULL", "NULL", "NULL", "NULL"),
            (7, "NULL", "NULL", "NULL", "TRUE", "'Đạt'"),
            (8, "NULL", "NULL", "NULL", "NULL", "'một'"),
        ],
        "B" => vec![
            (1, "NULL", "10", "300", "NULL", "NULL"),
            (2, "4", "NULL", "NULL", "NULL", "NULL"),
            (3, "2.5", "NULL", "NULL", "NULL", "NULL"),
            (4, "3", "NULL", "NULL", "NULL", "NULL"),
            (5, "NULL", "1", "2", "NULL", "NULL"),
            (6, "2", "NULL", "NULL", "NULL", "NULL"),
            (7, "NULL", "NULL", "NULL", "FALSE", "NULL"),
            (9, "6", "NULL", "NULL", "NULL", "NULL"),
        ],
        "C" => vec![
            (1, "70", "NULL", "NULL", "NULL", "NULL"),
            (2, "5", "NULL", "NULL", "NULL", "NULL"),
            (3, "NULL", "1", "4", "NULL", "NULL"),
            (5, "NULL", "9", "10", "NULL", "NULL"),
            (7, "NULL", "NULL", "NULL", "TRUE", "NULL"),
            (10, "NULL", "NULL", "NULL", "TRUE", "'Hoàn thành'"),
        ],
        "D" => vec![
            (1, "NULL", "5", "0", "NULL", "NULL"),
            (3, "NULL", "0", "0", "NULL", "NULL"),
            (7, "NULL", "NULL", "NULL", "NULL", "'ghi chú'"),
        ],
        "E" => vec![
            (1, "NULL", "NULL", "NULL", "NULL", "NULL"),
            (2, "2", "NULL", "NULL", "NULL", "NULL"),
            (7, "1", "NULL", "NULL", "NULL", "NULL"),
        ],
        _ => vec![(2, "40", "NULL", "NULL", "NULL", "NULL")],
    }
}

fn report(conn: &mut Db, report_id: i64, unit: &str) {
    let unit_id = match unit {
        "A" => 2,
        "B" => 3,
        "C" => 4,
        "D" => 5,
        "E" => 6,
        _ => 7,
    };
    let mut sql = format!(
        "INSERT INTO reports (id, unit_id, plan_id, period, period_start, period_end, state, late, version, created_at, updated_at)
           VALUES ({report_id}, {unit_id}, 1, '202601', '2026-01-01', '2026-01-31', 'approved', FALSE, 1, {STAMP}, {STAMP});"
    );
    for (n, (indicator, number, numerator, denominator, achieved, text)) in
        january(unit).into_iter().enumerate()
    {
        let id = report_id * 100 + n as i64;
        sql.push_str(&format!(
            "INSERT INTO report_values (id, report_id, indicator_id, number_value, numerator, denominator, achieved, text_value, updated_at, updated_by)
               VALUES ({id}, {report_id}, {indicator}, {number}, {numerator}, {denominator}, {achieved}, {text}, {STAMP}, 'test');"
        ));
    }
    conn.batch_execute(&sql).unwrap();
}

/// Both paths for `root`'s January; the one-pass result only when it may be taken.
fn both_ways(conn: &mut Db, root: &str) -> (Option<Vec<RolledUp>>, Vec<RolledUp>) {
    both_ways_for(conn, root, rules())
}

fn both_ways_for(
    conn: &mut Db,
    root: &str,
    rules: Vec<IndicatorRule>,
) -> (Option<Vec<RolledUp>>, Vec<RolledUp>) {
    let period = Period::parse("202601").unwrap();
    let query = FactQuery {
        root_path: root,
        period,
        approved_only: false,
    };
    let reports = facts::reports_of(conn, &query, &[]).unwrap();
    let ids: Vec<i64> = rules.iter().map(|rule| rule.id).collect();
    let facts = facts::facts(conn, &ids, &reports).unwrap();
    let general = compute(root, period, &rules, &facts, &[]);
    let fast = aggregate::eligible(&reports, &[], period).map(|report_ids| {
        let root_reported = reports.values().any(|r| &*r.unit_path == root);
        aggregate::rolled_up(conn, &rules, &report_ids, root_reported).unwrap()
    });
    (fast, general)
}

/// Sums in another order differ in the last bits.
fn rounded(figures: Vec<RolledUp>) -> Vec<RolledUp> {
    let round = |x: f64| (x * 1e9).round() / 1e9;
    figures
        .into_iter()
        .map(|mut f| {
            f.value = f.value.map(round);
            f.figure = f.figure.map(|figure| match figure {
                Figure::Number(n) => Figure::Number(round(n)),
                Figure::Ratio {
                    numerator,
                    denominator,
                } => Figure::Ratio {
                    numerator: round(numerator),
                    denominator: round(denominator),
                },
                other => other,
            });
            f
        })
        .collect()
}

#[test]
fn a_province_of_reporting_communes_is_added_up_in_one_pass_as_by_the_general_path() {
    for mut fixture in fixtures() {
        for (n, unit) in ["A", "B", "C", "D", "E"].into_iter().enumerate() {
            report(&mut fixture.conn, n as i64 + 1, unit);
        }
        let (fast, general) = both_ways(&mut fixture.conn, "P/");
        let fast = fast.expect("communes side by side are added up in one pass");
        assert_eq!(rounded(fast.clone()), rounded(general));
        let pct = &fast[0];
        assert_eq!((pct.reporting_units, pct.not_aggregable), (3, 1));
        assert_eq!(
            pct.figure,
            Some(Figure::Ratio {
                numerator: 105.0,
                denominator: 400.0
            })
        );
        assert_eq!(
            fast[6].figure,
            Some(Figure::Share {
                achieved: 2,
                reporting: 3
            })
        );
    }
}

#[test]
fn a_single_reporting_unit_keeps_its_figure_as_entered() {
    for mut fixture in fixtures() {
        report(&mut fixture.conn, 1, "C");
        let (fast, general) = both_ways(&mut fixture.conn, "P/");
        let fast = fast.expect("one commune is added up in one pass");
        assert_eq!(rounded(fast.clone()), rounded(general));
        assert_eq!(
            fast[9].figure,
            Some(Figure::Status {
                achieved: true,
                label: Some("Hoàn thành".to_owned())
            })
        );
    }
}

#[test]
fn a_communes_own_report_gives_its_rank() {
    for mut fixture in fixtures() {
        report(&mut fixture.conn, 1, "A");
        let (fast, general) = both_ways(&mut fixture.conn, "P/A/");
        let fast = fast.expect("the commune's own report is added up in one pass");
        assert_eq!(rounded(fast.clone()), rounded(general));
        assert!(fast[5].own);
        assert_eq!(fast[5].value, Some(1.0));
    }
}

#[test]
fn an_agency_reporting_under_a_reporting_commune_goes_the_general_way() {
    for mut fixture in fixtures() {
        report(&mut fixture.conn, 1, "A");
        report(&mut fixture.conn, 2, "B");
        report(&mut fixture.conn, 3, "a1");
        let (fast, _) = both_ways(&mut fixture.conn, "P/");
        assert!(fast.is_none(), "a1's figure is hidden by A's own");
        let (fast, general) = both_ways(&mut fixture.conn, "P/A/a1/");
        assert_eq!(rounded(fast.unwrap()), rounded(general));
    }
}

#[test]
fn a_few_indicators_picked_from_the_reports_give_the_same_figures() {
    for mut fixture in fixtures() {
        for (n, unit) in ["A", "B", "C"].into_iter().enumerate() {
            report(&mut fixture.conn, n as i64 + 1, unit);
        }
        let few: Vec<IndicatorRule> = rules().into_iter().filter(|r| r.id % 3 == 1).collect();
        let (fast, general) = both_ways_for(&mut fixture.conn, "P/", few);
        let fast = fast.expect("communes side by side are added up in one pass");
        assert_eq!(fast.len(), 4);
        assert_eq!(rounded(fast), rounded(general));
    }
}
