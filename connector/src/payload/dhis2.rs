//! DHIS2 `dataValueSets` JSON with codes as identifiers (`idScheme=code`), built from the one
//! DHIS2 model of `chitieu_schema::dhis2` that our own import reads too, and its values split
//! as the exports split them ([`value_parts`]): a ratio is two values
//! with the category option combos of its numerator and denominator (`NUMERATOR` and
//! `DENOMINATOR`, or the target's `mapping.categoryOptionCombos`), the plan is the data set
//! (or the target's `mapping.dataSets` entry), a status is `true`/`false`, numbers use a dot.
//! Ad-hoc periods have no DHIS2 period id: such reports are refused when their outbox entry is
//! created (`chitieu_schema::sync::enqueue`), and here again should one get this far.

use chitieu_schema::dhis2::{DataValue, DataValueSet, value_parts};
use chitieu_schema::domain::Period;

use super::PayloadError;
use crate::delivery::ReportDocument;
use crate::target::CodeMapping;

pub const PATH: &str = "/api/dataValueSets?idScheme=code";

pub fn data_value_set(
    report: &ReportDocument,
    mapping: &CodeMapping,
    key: &str,
) -> Result<DataValueSet, PayloadError> {
    let refused = |reason: String| PayloadError::Period {
        key: key.to_owned(),
        period: report.period.clone(),
        reason,
    };
    let period = Period::parse(&report.period).map_err(|bad| refused(bad.0))?;
    if !chitieu_schema::sync::dhis2_can_represent(&period) {
        return Err(refused(
            chitieu_schema::sync::DHIS2_AD_HOC_REFUSAL.to_owned(),
        ));
    }
    let org_unit = mapping.unit(&report.unit_code).to_owned();
    let mut data_values = Vec::with_capacity(report.values.len());
    for delivered in &report.values {
        for (index, (part, value)) in value_parts(&delivered.value).into_iter().enumerate() {
            data_values.push(DataValue {
                data_element: Some(mapping.indicator(&delivered.indicator_code).to_owned()),
                period: Some(report.period.clone()),
                org_unit: Some(org_unit.clone()),
                category_option_combo: part.map(|part| mapping.ratio_combo(part).to_owned()),
                value: Some(value),
                // Our import keeps a ratio's first half's comment; saying it twice adds nothing.
                comment: delivered.comment.clone().filter(|_| index == 0),
                ..DataValue::default()
            });
        }
    }
    Ok(DataValueSet {
        data_set: Some(mapping.data_set(&report.plan_code).to_owned()),
        period: Some(report.period.clone()),
        org_unit: Some(org_unit),
        complete_date: report
            .approved_at
            .map(|at| at.date().format("%Y-%m-%d").to_string()),
        data_values,
        ..DataValueSet::default()
    })
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::payload::tests::{delivery, mapping};

    fn rendered() -> Value {
        serde_json::to_value(data_value_set(&delivery().report, &mapping(), "k").unwrap()).unwrap()
    }

    #[test]
    fn the_set_names_plan_period_and_mapped_unit_with_the_approval_date() {
        let set = rendered();
        assert_eq!(set["dataSet"], "KH-57-2026");
        assert_eq!(set["period"], "202601");
        assert_eq!(set["orgUnit"], "VN-31001");
        assert_eq!(set["completeDate"], "2026-02-02");
    }

    #[test]
    fn a_ratio_is_two_values_named_numerator_and_denominator() {
        let set = rendered();
        assert_eq!(
            set["dataValues"][0],
            json!({"dataElement": "TD-COVERAGE", "period": "202601", "orgUnit": "VN-31001",
                "categoryOptionCombo": "NUMERATOR", "value": "30",
                "comment": "Theo báo cáo tháng"})
        );
        assert_eq!(
            set["dataValues"][1],
            json!({"dataElement": "TD-COVERAGE", "period": "202601", "orgUnit": "VN-31001",
                "categoryOptionCombo": "DENOMINATOR", "value": "40"})
        );
    }

    #[test]
    fn the_data_set_and_the_ratio_combos_are_mapped_per_target() {
        let mut mapping = mapping();
        mapping
            .data_sets
            .insert("KH-57-2026".into(), "DS_NQ57".into());
        mapping.category_option_combos = Some(crate::target::RatioCombos {
            numerator: "COC_TU".into(),
            denominator: "COC_MAU".into(),
        });
        let set = serde_json::to_value(data_value_set(&delivery().report, &mapping, "k").unwrap())
            .unwrap();
        assert_eq!(set["dataSet"], "DS_NQ57");
        assert_eq!(set["dataValues"][0]["categoryOptionCombo"], "COC_TU");
        assert_eq!(set["dataValues"][1]["categoryOptionCombo"], "COC_MAU");
    }

    #[test]
    fn an_ad_hoc_period_cannot_be_sent_to_dhis2() {
        let mut report = delivery().report;
        report.period = "2026-03-15..2026-03-20".into();
        let refused = data_value_set(&report, &mapping(), "k").unwrap_err();
        assert!(refused.to_string().contains("DHIS2"), "{refused}");
    }

    #[test]
    fn statuses_are_true_or_false_and_numbers_have_no_trailing_zero() {
        let set = rendered();
        let values: Vec<(&str, &str)> = set["dataValues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["dataElement"].as_str().unwrap(),
                    v["value"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            values,
            [
                ("TD-COVERAGE", "30"),
                ("TD-COVERAGE", "40"),
                ("NQ57-4", "true"),
                ("NQ57-12", "9"),
                ("NQ57-19", "Đã triển khai <b>2</b> chợ"),
            ]
        );
    }
}
