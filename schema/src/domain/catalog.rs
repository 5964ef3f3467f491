use super::Invalid;

/// What kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    Percent,
    Count,
    Decimal,
    /// A position in a ranking: lower is better.
    Rank,
    Score,
    /// A yes/no outcome such as Đạt, Có, Duy trì, Kết nối.
    Status,
    Text,
}

/// Which way is progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    /// Achieved when the target is reached (statuses, milestones).
    Reach,
    /// Achieved while a level is kept.
    Maintain,
}

/// How values of units roll up the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aggregation {
    Sum,
    /// Σ numerator / Σ denominator: never a mean of percentages.
    Ratio,
    Mean,
    Min,
    Max,
    /// The share of units that achieved a status.
    ShareAchieved,
    /// Each level reports its own (ranks, scores, text).
    None,
}

/// How a longer period's figure derives from the shorter periods inside it (a quarter from its
/// months) when a unit has no report for the longer period itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodAggregation {
    /// Flows: counts of events, and ratio numerators and denominators, add up.
    Sum,
    /// Stocks: coverage, accounts, ranks: the latest period's value stands.
    Last,
    Mean,
    /// No derivation: only a report for the period itself counts (text).
    None,
}

macro_rules! db_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name stored in the database.
            pub fn as_db_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }

            pub fn from_db_str(raw: &str) -> Result<Self, Invalid> {
                match raw {
                    $($name => Ok($ty::$variant),)+
                    other => Err(Invalid::new(format!(
                        concat!("unknown ", stringify!($ty), " {:?}"), other
                    ))),
                }
            }
        }
    };
}

db_names!(ValueKind {
    Percent => "percent", Count => "count", Decimal => "decimal", Rank => "rank",
    Score => "score", Status => "status", Text => "text",
});
db_names!(Direction {
    HigherIsBetter => "higher_is_better", LowerIsBetter => "lower_is_better",
    Reach => "reach", Maintain => "maintain",
});
db_names!(Aggregation {
    Sum => "sum", Ratio => "ratio", Mean => "mean", Min => "min", Max => "max",
    ShareAchieved => "share_achieved", None => "none",
});

db_names!(PeriodAggregation {
    Sum => "sum", Last => "last", Mean => "mean", None => "none",
});

impl ValueKind {
    /// The kind in words, in the reader's language (in English, its API name).
    pub fn message(self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            ValueKind::Percent => "kind-percent",
            ValueKind::Count => "kind-count",
            ValueKind::Decimal => "kind-decimal",
            ValueKind::Rank => "kind-rank",
            ValueKind::Score => "kind-score",
            ValueKind::Status => "kind-status",
            ValueKind::Text => "kind-text",
        })
    }

    /// The period aggregation used when a catalog entry names none.
    pub fn default_period_aggregation(self) -> PeriodAggregation {
        match self {
            ValueKind::Count => PeriodAggregation::Sum,
            ValueKind::Text => PeriodAggregation::None,
            _ => PeriodAggregation::Last,
        }
    }

    /// The aggregation used when a catalog entry names none.
    pub fn default_aggregation(self) -> Aggregation {
        match self {
            ValueKind::Percent => Aggregation::Ratio,
            ValueKind::Count => Aggregation::Sum,
            ValueKind::Status => Aggregation::ShareAchieved,
            ValueKind::Decimal | ValueKind::Rank | ValueKind::Score | ValueKind::Text => {
                Aggregation::None
            }
        }
    }

    /// The direction used when a catalog entry names none.
    pub fn default_direction(self) -> Direction {
        match self {
            ValueKind::Rank => Direction::LowerIsBetter,
            ValueKind::Status | ValueKind::Text => Direction::Reach,
            _ => Direction::HigherIsBetter,
        }
    }

    /// Whether values of this kind can roll up by `aggregation`; the reason when not.
    pub fn check_aggregation(self, aggregation: Aggregation) -> Result<(), Invalid> {
        use Aggregation as A;
        let ok = match self {
            ValueKind::Percent => {
                matches!(aggregation, A::Ratio | A::Mean | A::Min | A::Max | A::None)
            }
            ValueKind::Count | ValueKind::Decimal => !matches!(aggregation, A::ShareAchieved),
            ValueKind::Rank | ValueKind::Score => {
                matches!(aggregation, A::Mean | A::Min | A::Max | A::None)
            }
            ValueKind::Status => matches!(aggregation, A::ShareAchieved | A::None),
            ValueKind::Text => matches!(aggregation, A::None),
        };
        if ok {
            Ok(())
        } else {
            let message = |key| {
                crate::messages::Message::new(key)
                    .message("kind", self.message())
                    .arg("by", aggregation.as_db_str())
            };
            Err(Invalid::said(match self {
                ValueKind::Rank | ValueKind::Score => message("measure-aggregation-rank"),
                ValueKind::Percent => message("measure-aggregation-percent"),
                _ => message("measure-aggregation"),
            }))
        }
    }

    /// Whether a longer period's value of this kind can derive from its months by
    /// `period_aggregation`; the reason when not.
    pub fn check_period_aggregation(
        self,
        period_aggregation: PeriodAggregation,
    ) -> Result<(), Invalid> {
        use PeriodAggregation as P;
        let reason = match (self, period_aggregation) {
            (ValueKind::Count | ValueKind::Decimal, _)
            | (ValueKind::Percent, P::Sum | P::Last | P::Mean)
            | (ValueKind::Rank | ValueKind::Score, P::Last | P::Mean | P::None)
            | (ValueKind::Status, P::Last | P::None)
            | (ValueKind::Text, P::None) => return Ok(()),
            (ValueKind::Text, _) => "measure-text-period",
            (ValueKind::Status, _) => "measure-status-period",
            (ValueKind::Rank | ValueKind::Score, _) => "measure-rank-period",
            // A percentage is always derivable: its numerators and denominators sum, or the
            // latest or mean share stands.
            (ValueKind::Percent, _) => "measure-percent-period",
        };
        Err(Invalid::said(
            crate::messages::Message::new("measure-period-aggregation")
                .message("kind", self.message())
                .arg("by", period_aggregation.as_db_str())
                .message("reason", crate::messages::Message::new(reason)),
        ))
    }
}

/// The numbering of an indicator inside its catalog: `7`, `7.1`, `18.1` (up to 4 levels).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndicatorNumber(String);

impl IndicatorNumber {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        let parts: Vec<&str> = raw.split('.').collect();
        let well_formed = parts.len() <= 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-item-number").arg("raw", format!("{raw:?}")),
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// What [`IndicatorNumber::parse`] accepts, as an ECMA-262 regular expression.
    pub fn pattern() -> &'static str {
        r"^\s*[0-9]{1,4}(\.[0-9]{1,4}){0,3}\s*$"
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of the item this one is a sub-item of (`7` for `7.1`).
    pub fn parent(&self) -> Option<IndicatorNumber> {
        self.0
            .rsplit_once('.')
            .map(|(parent, _)| IndicatorNumber(parent.to_owned()))
    }

    /// Numeric parts, for ordering `7.2` before `7.10`.
    pub fn sort_key(&self) -> Vec<u32> {
        self.0
            .split('.')
            .map(|p| p.parse().unwrap_or(u32::MAX))
            .collect()
    }
}

/// A section of a catalog, numbered in Roman numerals (I ... XI).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SectionCode {
    numeral: String,
    value: u16,
}

impl SectionCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let numeral = raw.trim().to_ascii_uppercase();
        let value = roman_value(&numeral).ok_or_else(|| {
            Invalid::said(
                crate::messages::Message::new("invalid-roman-numeral")
                    .arg("raw", format!("{raw:?}")),
            )
        })?;
        Ok(Self { numeral, value })
    }

    /// What [`SectionCode::parse`] accepts (a Roman numeral from I to XXXIX in either case,
    /// spaces around it trimmed), as an ECMA-262 regular expression.
    pub fn pattern() -> &'static str {
        r"^\s*([Xx]{1,3}([Ii][Xx]|[Ii][Vv]|[Vv]?[Ii]{0,3})|[Ii][Xx]|[Ii][Vv]|[Vv][Ii]{0,3}|[Ii]{1,3})\s*$"
    }

    pub fn as_str(&self) -> &str {
        &self.numeral
    }

    /// A section heading as plans print it, for sections read from a file: a Roman numeral
    /// (`IV`), a group letter (`A`, `B`), an Arabic section number (`1`, `12`), or a Roman
    /// numeral inside a lettered group (`B.II`) when the numerals restart in each group.
    /// Sections made through the catalog API stay Roman numerals ([`SectionCode::parse`]).
    pub fn heading(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        if let Ok(roman) = Self::parse(raw) {
            return Ok(roman);
        }
        let upper = raw.to_ascii_uppercase();
        let letter = |text: &str| {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c @ 'A'..='Z'), None) => Some(c as u16 - 'A' as u16 + 1),
                _ => None,
            }
        };
        let value = if let Some(n) = letter(&upper) {
            Some(n)
        } else if !upper.is_empty() && upper.len() <= 2 && upper.bytes().all(|b| b.is_ascii_digit())
        {
            upper.parse::<u16>().ok().filter(|n| *n > 0)
        } else if let Some((group, numeral)) = upper.split_once('.') {
            match (letter(group), roman_value(numeral)) {
                (Some(g), Some(n)) => Some(g * 100 + n),
                _ => None,
            }
        } else {
            None
        };
        let value = value.ok_or_else(|| {
            Invalid::said(
                crate::messages::Message::new("invalid-section-heading")
                    .arg("raw", format!("{raw:?}")),
            )
        })?;
        Ok(Self {
            numeral: upper,
            value,
        })
    }

    /// The numeral's value, the section's default position.
    pub fn value(&self) -> u16 {
        self.value
    }
}

/// The value of a canonical Roman numeral from 1 to 39; `None` for anything else.
fn roman_value(numeral: &str) -> Option<u16> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    const TENS: [&str; 4] = ["", "X", "XX", "XXX"];
    (1..40u16).find(|n| {
        let canonical = format!("{}{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize]);
        canonical == numeral
    })
}

#[cfg(test)]
mod tests;
