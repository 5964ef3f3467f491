//! Request parts shared by several plan actions: deadlines, target cells by year, unit codes.

use std::collections::BTreeMap;

use chitieu_schema::domain::{DeadlineRule, OrgUnitCode, Target};
use chitieu_schema::plans::TargetYear;
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::Deadline;
use crate::validation::FieldErrors;

/// Deadlines per period type; a period type left out keeps its default (on creation) or its
/// current rule (on change).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"yearly": {"day": 10, "monthOffset": 0}}))]
pub struct DeadlinesRequest {
    pub monthly: Option<Deadline>,
    pub quarterly: Option<Deadline>,
    pub six_monthly: Option<Deadline>,
    pub yearly: Option<Deadline>,
}

/// The parsed rules, `None` where the request left a period type out.
pub struct DeadlineChanges {
    pub monthly: Option<DeadlineRule>,
    pub quarterly: Option<DeadlineRule>,
    pub six_monthly: Option<DeadlineRule>,
    pub yearly: Option<DeadlineRule>,
}

impl DeadlinesRequest {
    pub fn parse(self, errors: &mut FieldErrors) -> DeadlineChanges {
        let mut rule = |name: &str, deadline: Option<Deadline>| {
            deadline.and_then(|d| {
                errors.check(
                    &format!("/deadlines/{name}"),
                    DeadlineRule::new(d.day, d.month_offset),
                )
            })
        };
        DeadlineChanges {
            monthly: rule("monthly", self.monthly),
            quarterly: rule("quarterly", self.quarterly),
            six_monthly: rule("sixMonthly", self.six_monthly),
            yearly: rule("yearly", self.yearly),
        }
    }
}

/// Parses `{"2025": "≥60%", ...}`: each key a year 2000–2100, each cell read by the target
/// parser (which never fails: what it does not understand is qualitative).
pub fn parse_targets<C>(
    errors: &mut FieldErrors,
    cells: BTreeMap<String, C>,
    read: impl Fn(C) -> Option<Target>,
) -> BTreeMap<TargetYear, Option<Target>> {
    let mut parsed = BTreeMap::new();
    for (key, cell) in cells {
        if let Some(year) = errors.check(
            &format!("/targets/{}", escape(&key)),
            TargetYear::parse(&key),
        ) {
            parsed.insert(year, read(cell));
        }
    }
    parsed
}

/// Escapes a JSON Pointer segment (RFC 6901).
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Parses the coordinating unit codes, naming each invalid one by its index.
pub fn parse_unit_codes(errors: &mut FieldErrors, codes: &[String]) -> Option<Vec<OrgUnitCode>> {
    let parsed: Vec<Option<OrgUnitCode>> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            errors.check(
                &format!("/coordinatingUnitCodes/{i}"),
                OrgUnitCode::parse(code),
            )
        })
        .collect();
    parsed.into_iter().collect()
}
