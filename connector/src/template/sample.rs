//! A sample delivery for `chitieu sync check` when no real report is named: one value of
//! each kind and a two-row outline, with Vietnamese text as it will come.

use chitieu_schema::domain::ReportedValue;
use chrono::NaiveDate;

use crate::delivery::{DeliveredValue, Delivery, OutlineRow, ReportDocument};

pub fn sample_delivery(idempotency_key: &str) -> Delivery {
    let value = |code: &str, value, comment: Option<&str>| DeliveredValue {
        indicator_code: code.to_owned(),
        value,
        comment: comment.map(str::to_owned),
    };
    Delivery {
        entry_id: 0,
        idempotency_key: idempotency_key.to_owned(),
        report: ReportDocument {
            unit_code: "31001".to_owned(),
            plan_code: "KH-57-2026".to_owned(),
            period: "202601".to_owned(),
            version: 1,
            approved_at: NaiveDate::from_ymd_opt(2026, 2, 2).and_then(|d| d.and_hms_opt(3, 4, 5)),
            approved_by: Some("lanh.dao".to_owned()),
            values: vec![
                value(
                    "NQ57-1",
                    ReportedValue::Ratio {
                        numerator: 30.0,
                        denominator: 40.0,
                    },
                    Some("Theo báo cáo tháng"),
                ),
                value(
                    "NQ57-4",
                    ReportedValue::Status {
                        achieved: true,
                        label: Some("Đạt".to_owned()),
                    },
                    None,
                ),
                value("NQ57-12", ReportedValue::Number(9.0), None),
                value(
                    "NQ57-19",
                    ReportedValue::Text("Đã triển khai 2 chợ".to_owned()),
                    None,
                ),
            ],
            outline: vec![
                OutlineRow {
                    code: "I".to_owned(),
                    name: "Công tác lãnh đạo, chỉ đạo".to_owned(),
                    parent: None,
                    order: 1,
                    html: String::new(),
                },
                OutlineRow {
                    code: "I.1".to_owned(),
                    name: "Ban hành văn bản".to_owned(),
                    parent: Some("I".to_owned()),
                    order: 1,
                    html: "<p>Đã ban hành <b>3</b> văn bản</p>".to_owned(),
                },
            ],
        },
        audit_checkpoint: None,
    }
}
