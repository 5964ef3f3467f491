//! The appendix of seed report 000 as a `ProgressReport`, built by hand for the tests of the
//! views and of every renderer: a percent ratio, an item without a target, a status, an item
//! without data, a count, and a qualitative target with a text figure that needs escaping.

use chitieu_schema::domain::{Aggregation, Direction, OrgUnitKind, Period, Target, ValueKind};
use chitieu_schema::plans::{StoredTarget, TargetSource, TargetYear};
use chitieu_schema::progress::{
    Figure, Observation, PlanHeading, ProgressReport, ProgressRow, ProgressSection, UnitHeading,
    assess, trajectory,
};
use chrono::NaiveDate;

fn target(year: i32, cell: &str) -> StoredTarget {
    StoredTarget::from_target(TargetYear::new(year).unwrap(), &Target::parse(cell))
}

fn year_end(period: &str, year: i32, value: f64) -> Option<Observation> {
    Some(Observation {
        period: period.to_owned(),
        at: NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
        value,
    })
}

/// A row whose assessment is computed by the domain, as the route will do.
pub fn row(
    number: &str,
    name: &str,
    kind: ValueKind,
    cell: Option<&str>,
    actual: Option<Figure>,
) -> ProgressRow {
    let direction = kind.default_direction();
    let target = cell.map(|cell| target(2025, cell));
    let assessment = assess(target.as_ref(), actual.as_ref(), kind, direction);
    ProgressRow {
        number: number.to_owned(),
        indicator_code: format!("NQ57-{number}"),
        indicator_name: name.to_owned(),
        unit_of_measure: match kind {
            ValueKind::Percent => Some("%".to_owned()),
            ValueKind::Count => Some("sáng kiến".to_owned()),
            _ => None,
        },
        value_kind: kind,
        direction,
        aggregation: match kind {
            ValueKind::Percent => Aggregation::Ratio,
            ValueKind::Count => Aggregation::Sum,
            ValueKind::Status => Aggregation::ShareAchieved,
            _ => Aggregation::None,
        },
        target_source: if target.is_some() {
            TargetSource::Explicit
        } else {
            TargetSource::Missing
        },
        target,
        actual_value: actual.as_ref().and_then(|figure| figure.value(kind)),
        actual,
        reporting_units: 3,
        assessment,
        trajectory: None,
    }
}

pub fn seed_report() -> ProgressReport {
    let mut coverage = row(
        "1",
        "Tỷ lệ phủ sóng 5G trên địa bàn",
        ValueKind::Percent,
        Some(">60%"),
        Some(Figure::Ratio {
            numerator: 30.0,
            denominator: 40.0,
        }),
    );
    coverage.trajectory = Some(trajectory(
        &target(2030, "100%"),
        ValueKind::Percent,
        Direction::HigherIsBetter,
        year_end("2024", 2024, 50.0),
        Some(Observation {
            period: "202510".to_owned(),
            at: NaiveDate::from_ymd_opt(2025, 10, 31).unwrap(),
            value: 75.0,
        }),
    ));
    ProgressReport {
        unit: UnitHeading {
            code: "31001".to_owned(),
            name: "Xã Thái Tân".to_owned(),
            kind: OrgUnitKind::Commune,
        },
        plan: PlanHeading {
            code: "KH-21-DU-2025".to_owned(),
            number: "21-KH/ĐU".to_owned(),
            title: "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW".to_owned(),
            issued_on: NaiveDate::from_ymd_opt(2025, 9, 22).unwrap(),
        },
        period: Period::parse("202510").unwrap(),
        target_year: 2025,
        approved_only: true,
        sections: vec![
            ProgressSection {
                code: Some("I".to_owned()),
                title: Some("Phát triển hạ tầng số".to_owned()),
                rows: vec![
                    coverage,
                    row(
                        "3",
                        "Tỉ lệ phủ sóng 6G trên địa bàn xã",
                        ValueKind::Percent,
                        Some("-"),
                        None,
                    ),
                ],
            },
            ProgressSection {
                code: Some("II".to_owned()),
                title: Some("Phát triển nguồn lực".to_owned()),
                rows: vec![
                    row(
                        "4",
                        "Kết nối hệ thống họp trực tuyến đến các thôn",
                        ValueKind::Status,
                        Some("Đạt"),
                        Some(Figure::Status {
                            achieved: true,
                            label: Some("Đạt".to_owned()),
                        }),
                    ),
                    row(
                        "5",
                        "Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, \
                         bảo hiểm, giao thông.",
                        ValueKind::Percent,
                        Some("80%"),
                        None,
                    ),
                ],
            },
            ProgressSection {
                code: Some("IV".to_owned()),
                title: Some("Phát triển hệ sinh thái đổi mới sáng tạo".to_owned()),
                rows: vec![
                    row(
                        "12",
                        "Số lượng sáng kiến được công nhận/năm.",
                        ValueKind::Count,
                        Some("> 08"),
                        Some(Figure::Number(9.0)),
                    ),
                    row(
                        "19",
                        "Mô hình \"Chợ 4.0\" <thí điểm> & nhân rộng",
                        ValueKind::Text,
                        Some("Đạt chỉ tiêu thành phố giao"),
                        Some(Figure::Text(
                            "Đã triển khai <b>2</b> chợ & 1 \"phố\"".to_owned(),
                        )),
                    ),
                ],
            },
        ],
    }
}
