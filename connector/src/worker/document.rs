//! The delivered document, built from the stored report.

use chitieu_schema::reports::Report;

use crate::delivery::{DeliveredValue, OutlineRow, ReportDocument};

pub fn report_document(report: Report) -> ReportDocument {
    let summary = report.summary;
    ReportDocument {
        unit_code: summary.unit_code,
        plan_code: summary.plan_code,
        period: summary.period,
        version: summary.version,
        approved_at: summary.approved_at,
        approved_by: summary.approved_by,
        values: report
            .values
            .into_iter()
            .map(|v| DeliveredValue {
                indicator_code: v.indicator_code,
                value: v.value,
                comment: v.comment,
            })
            .collect(),
        outline: report
            .sections
            .into_iter()
            .map(|s| OutlineRow {
                code: s.code,
                name: s.title,
                parent: s.parent_code,
                order: s.position,
                html: s.content_html,
            })
            .collect(),
    }
}
