//! What each value of each closed set means. utoipa writes an enum's values but not the
//! comments of its variants, so the meanings live here, keyed by schema name, and are added
//! to the document as a list in the schema's description and as `x-enumDescriptions` (a map
//! from value to meaning that documentation tools and some generators show).
//!
//! A new enum schema needs an entry: the contract test fails on any enum value without one.

use serde_json::{Map, Value, json};

pub const MEANINGS: &[(&str, &[(&str, &str)])] = &[
    (
        "MissingValueStrategy",
        &[
            (
                "skipIfAnyValueMissing",
                "The side has no value if any value it names is missing, and the rule is skipped (DHIS2's default)",
            ),
            (
                "skipIfAllValuesMissing",
                "The side has no value only if all values it names are missing; the others count as 0",
            ),
            (
                "neverSkip",
                "Missing values count as 0: the rule is always judged",
            ),
        ],
    ),
    (
        "OutlierMethod",
        &[
            (
                "modifiedZScore",
                "0.6745 × |value − median| / MAD of the baseline; outliers from 3.5 (DHIS2 MOD_Z_SCORE)",
            ),
            (
                "zScore",
                "|value − mean| / population standard deviation of the baseline; outliers from 3 (DHIS2 Z_SCORE)",
            ),
            (
                "minMax",
                "Outside mean ± 2 standard deviations of the baseline (DHIS2 MIN_MAX with generated bounds); the score is the distance beyond the nearer bound",
            ),
        ],
    ),
    (
        "OutlierBasis",
        &[
            (
                "history",
                "The same unit's values of the 12 previous periods",
            ),
            (
                "peers",
                "The siblings' values of the same indicator in the same period",
            ),
        ],
    ),
    (
        "RuleImportance",
        &[
            ("blocking", "A violation refuses the submission"),
            (
                "warning",
                "A violation must be acknowledged on submission (acknowledgedWarnings)",
            ),
        ],
    ),
    (
        "RuleOperator",
        &[
            ("equalTo", "Left = right (DHIS2 equal_to)"),
            ("notEqualTo", "Left ≠ right (DHIS2 not_equal_to)"),
            ("greaterThan", "Left > right (DHIS2 greater_than)"),
            (
                "greaterThanOrEqualTo",
                "Left ≥ right (DHIS2 greater_than_or_equal_to)",
            ),
            ("lessThan", "Left < right (DHIS2 less_than)"),
            (
                "lessThanOrEqualTo",
                "Left ≤ right (DHIS2 less_than_or_equal_to)",
            ),
            (
                "compulsoryPair",
                "Both sides have a value or neither has (DHIS2 compulsory_pair)",
            ),
            (
                "exclusivePair",
                "Not both sides have a value (DHIS2 exclusive_pair)",
            ),
        ],
    ),
    (
        "RuleOutcome",
        &[
            ("passed", "The values satisfy the rule"),
            ("violated", "The values break the rule"),
            (
                "skipped",
                "Not judged: a side has no value (missing, or a division by zero)",
            ),
        ],
    ),
    (
        "Aggregation",
        &[
            ("sum", "Add the units' values (counts)"),
            (
                "ratio",
                "Σ numerator / Σ denominator, never a mean of percentages",
            ),
            ("mean", "The mean of the units' values"),
            ("min", "The smallest of the units' values"),
            ("max", "The largest of the units' values"),
            ("shareAchieved", "The share of units that achieved a status"),
            ("none", "Each level reports its own (ranks, scores, text)"),
        ],
    ),
    (
        "CatalogLevel",
        &[
            ("national", "Plans of the national level"),
            ("province", "Plans of provinces"),
            ("commune", "Plans of communes"),
            ("unit", "Plans of agencies and other units below a commune"),
        ],
    ),
    (
        "Direction",
        &[
            ("higherIsBetter", "Progress is a larger value"),
            ("lowerIsBetter", "Progress is a smaller value (ranks)"),
            ("reach", "The target is reached or not (statuses, text)"),
            ("maintain", "The value is to be kept at the target"),
        ],
    ),
    (
        "EntryStateName",
        &[
            ("pending", "Waiting for its next attempt"),
            ("sending", "Claimed by a worker until its lease runs out"),
            ("sent", "Stored upstream; the receipt is kept"),
            (
                "attention",
                "Refused by the upstream (4xx): a person must look, then retry or discard it",
            ),
            ("dead", "Past the attempt limit"),
            ("discarded", "Given up on by a person"),
            (
                "superseded",
                "The report was reopened after this version was approved",
            ),
        ],
    ),
    (
        "Meaning",
        &[
            ("none", "The cell is empty"),
            ("numeric", "A number with a comparison"),
            ("status", "A status to reach"),
            ("qualitative", "Text to judge"),
        ],
    ),
    (
        "OrgUnitKindName",
        &[
            ("national", "The country"),
            ("province", "A province or centrally-run city"),
            ("commune", "A commune, ward or special zone"),
            ("unit", "An agency or other unit under a commune"),
        ],
    ),
    (
        "PeriodAggregation",
        &[
            (
                "sum",
                "Flows: the months add up (counts, ratio numerators and denominators)",
            ),
            ("last", "Stocks: the latest month's value stands"),
            ("mean", "The mean of the months' values"),
            ("none", "Only a report for the period itself counts (text)"),
        ],
    ),
    (
        "ProgressStatus",
        &[
            ("achieved", "The target is met"),
            ("exceeded", "The target is passed"),
            ("notAchieved", "The target is not met"),
            ("noData", "No value for the period"),
            ("noTarget", "No target for the year"),
            ("needsJudgement", "A qualitative target a person must judge"),
        ],
    ),
    (
        "RateMethodView",
        &[
            (
                "cagr",
                "Compound annual growth rate, when every figure is positive",
            ),
            ("linear", "Change per year"),
        ],
    ),
    (
        "ReportStateName",
        &[
            ("draft", "Being filled in by its reporter"),
            ("submitted", "Waiting for approval"),
            ("returned", "Sent back to its reporter with a reason"),
            ("approved", "Approved; synced upstream"),
        ],
    ),
    (
        "RoleName",
        &[
            ("administrator", "Everything, everywhere"),
            ("provinceOfficer", "Manages and approves below a province"),
            ("communeOfficer", "Manages and approves below a commune"),
            (
                "reporter",
                "Enters and submits the reports of its home unit",
            ),
            ("viewer", "Reads its subtree"),
            ("integrator", "Another system reading its subtree"),
        ],
    ),
    (
        "Source",
        &[
            ("explicit", "The plan gives a target for that year"),
            (
                "laterMilestone",
                "Taken from the next milestone year's target",
            ),
            ("missing", "No target for that year or later"),
        ],
    ),
    (
        "StatusName",
        &[
            ("onTime", "Received before its deadline"),
            ("late", "Received after its deadline"),
            (
                "missing",
                "Not received: no report, a draft, or returned for correction",
            ),
        ],
    ),
    (
        "TargetBound",
        &[
            ("atLeast", "≥ the number"),
            ("moreThan", "> the number"),
            ("atMost", "≤ the number"),
            ("lessThan", "< the number"),
            ("reach", "Equal to the number"),
            ("between", "Within the two numbers"),
        ],
    ),
    (
        "TargetUnit",
        &[
            ("asIndicator", "In the indicator's own unit"),
            ("percent", "A percentage"),
            ("rank", "A rank"),
        ],
    ),
    (
        "TrajectoryStatusView",
        &[
            ("achieved", "The milestone is already met"),
            ("onTrack", "At this pace the milestone is met"),
            ("needsAcceleration", "Moving the right way, too slowly"),
            ("limitedProgress", "Barely moving the right way"),
            ("movingAway", "Moving away from the milestone"),
            ("insufficientData", "Too few figures to tell"),
        ],
    ),
    (
        "ValueKind",
        &[
            (
                "percent",
                "A percentage, entered as numerator and denominator or directly",
            ),
            ("count", "A whole count"),
            ("decimal", "A decimal number"),
            ("rank", "A rank (1 is best)"),
            ("score", "A score"),
            ("status", "Achieved or not, with its label"),
            ("text", "Free text"),
        ],
    ),
    (
        "EventKindName",
        &[
            ("sign_in", "A user signed in or a token was issued"),
            (
                "sign_in_failed",
                "A sign-in was refused (wrong password, unknown or disabled user, throttled)",
            ),
            ("key_created", "An API key was created"),
            ("key_revoked", "An API key was revoked"),
            ("user_created", "A user account was created"),
            ("user_disabled", "A user account was disabled"),
            ("user_enabled", "A user account was enabled again"),
            ("password_changed", "The owner changed their own password"),
            (
                "password_reset",
                "Someone else set the password; the owner must change it at the next sign-in",
            ),
        ],
    ),
    (
        "ImportStrategyName",
        &[
            (
                "CREATE",
                "New values only; values already stored are ignored",
            ),
            (
                "UPDATE",
                "Stored values only; values not stored yet are ignored",
            ),
            ("CREATE_AND_UPDATE", "New and stored values (the default)"),
            (
                "DELETE",
                "Removes the stored values named; values not stored are ignored",
            ),
            (
                "SYNC",
                "As DHIS2 2.43: create and update, and delete the values marked `deleted`",
            ),
            ("NEW", "DHIS2's older name of CREATE"),
            ("UPDATES", "DHIS2's older name of UPDATE"),
            ("NEW_AND_UPDATES", "DHIS2's older name of CREATE_AND_UPDATE"),
            ("DELETES", "DHIS2's older name of DELETE"),
        ],
    ),
    (
        "AtomicModeName",
        &[
            (
                "NONE",
                "The valid values are stored; the rejected ones are listed (the default)",
            ),
            ("ALL", "Nothing is stored when any value is rejected"),
        ],
    ),
    (
        "IdSchemeName",
        &[
            (
                "code",
                "Data sets, units and data elements are named by their codes",
            ),
            ("CODE", "The same, as DHIS2 clients also write it"),
        ],
    ),
    (
        "DataExportFormat",
        &[
            ("json", "DHIS2's dataValueSets JSON (the default)"),
            ("csv", "DHIS2's CSV, with its header row"),
            ("adx+xml", "ADX in the IHE namespace urn:ihe:qrph:adx:2015"),
        ],
    ),
];

pub fn apply(document: &mut Value) {
    let Some(schemas) = document["components"]["schemas"].as_object_mut() else {
        return;
    };
    for (name, meanings) in MEANINGS {
        let Some(schema) = schemas.get_mut(*name) else {
            continue;
        };
        let Some(values) = schema["enum"].as_array().cloned() else {
            continue;
        };
        let mut map = Map::new();
        let mut lines = Vec::new();
        for value in values.iter().filter_map(Value::as_str) {
            if let Some((_, meaning)) = meanings.iter().find(|(v, _)| *v == value) {
                map.insert(value.to_owned(), json!(meaning));
                lines.push(format!("- `{value}`: {meaning}"));
            }
        }
        let description = schema["description"].as_str().unwrap_or_default();
        let list = lines.join("\n");
        schema["description"] = if description.is_empty() {
            json!(list)
        } else {
            json!(format!("{description}\n\n{list}"))
        };
        schema["x-enumDescriptions"] = Value::Object(map);
    }
}
