//! The catalog's enumerations as the API spells them (camelCase), converted explicitly to and
//! from the domain's, so renaming a database value never changes the API.

use chitieu_schema::domain;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum ValueKind {
    Percent,
    Count,
    Decimal,
    /// A position in a ranking: lower is better; ranks never sum.
    Rank,
    Score,
    /// A yes/no outcome such as Đạt, Có, Duy trì, Kết nối.
    Status,
    Text,
}

/// Which way is progress. Default: `lowerIsBetter` for ranks, `reach` for statuses and text,
/// `higherIsBetter` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    Reach,
    Maintain,
}

/// How values of units roll up the organisation tree. Default: `ratio` for percents (Σ
/// numerator / Σ denominator), `sum` for counts, `shareAchieved` for statuses, `none` for ranks,
/// scores, decimals and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Aggregation {
    Sum,
    Ratio,
    Mean,
    Min,
    Max,
    ShareAchieved,
    None,
}

/// How a quarter, half-year or year derives from the months inside it when a unit has no
/// report for the longer period itself. Default: `sum` for counts (flows add up), `none` for
/// text (only a report for the period itself counts), `last` otherwise (stocks: the latest
/// month stands). Text takes only `none`; statuses `last` or `none`; ranks and scores never
/// `sum`; percents `sum` (of numerators and denominators), `last` or `mean`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = "sum")]
pub enum PeriodAggregation {
    Sum,
    Last,
    Mean,
    None,
}

/// The level of government whose plans use a catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum CatalogLevel {
    National,
    Province,
    Commune,
    Unit,
}

macro_rules! convert_both_ways {
    ($api:ident <=> $domain:path { $($variant:ident),+ $(,)? }) => {
        impl From<$api> for $domain {
            fn from(value: $api) -> Self {
                match value { $($api::$variant => <$domain>::$variant),+ }
            }
        }

        impl From<$domain> for $api {
            fn from(value: $domain) -> Self {
                match value { $(<$domain>::$variant => $api::$variant),+ }
            }
        }
    };
}

convert_both_ways!(ValueKind <=> domain::ValueKind {
    Percent, Count, Decimal, Rank, Score, Status, Text,
});
convert_both_ways!(Direction <=> domain::Direction {
    HigherIsBetter, LowerIsBetter, Reach, Maintain,
});
convert_both_ways!(Aggregation <=> domain::Aggregation {
    Sum, Ratio, Mean, Min, Max, ShareAchieved, None,
});
convert_both_ways!(PeriodAggregation <=> domain::PeriodAggregation {
    Sum, Last, Mean, None,
});
convert_both_ways!(CatalogLevel <=> domain::OrgUnitKind {
    National, Province, Commune, Unit,
});
