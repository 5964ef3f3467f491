//! Targets as written in plan tables (`≥ 70%`, `đạt trên 3,5%`, `Top 50 của thành phố`, `Đạt`,
//! `-`). The raw text is always kept; a structured target is given only when every character of
//! the cell was understood, otherwise the target is qualitative and judged by a person. Never a
//! wrong number.

mod decimal;
mod display;
mod parse;

pub use decimal::Decimal;
pub use display::display_of;

/// A target cell: its text exactly as written (NFC) and what it was understood to mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    raw: String,
    meaning: TargetMeaning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetMeaning {
    /// `-` or an empty cell: no target that year.
    NoTarget,
    Numeric(NumericTarget),
    /// A yes/no outcome to reach: `Đạt`, `Có`, `Duy trì`, `Kết nối`, … (canonical spelling).
    Status(&'static str),
    /// Understood only by a person; `reason` says what could not be read with certainty.
    Qualitative {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericTarget {
    pub bound: Bound,
    pub unit: TargetUnit,
}

/// The comparison a value must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `≥ 70`, `ít nhất 3`.
    AtLeast(Decimal),
    /// `> 60`, `đạt trên 3,5`.
    MoreThan(Decimal),
    /// `≤ 5`, `Top 50` (a rank).
    AtMost(Decimal),
    /// `< 70`.
    LessThan(Decimal),
    /// A bare value (`100%`, `800`, `đạt 3%`): reached in the indicator's direction.
    Reach(Decimal),
    /// `80-90%`, `ít nhất 2-3%`: achieved from the low end, exceeded above the high end.
    Between(Decimal, Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetUnit {
    /// No unit written: the indicator's own unit applies.
    AsIndicator,
    Percent,
    /// A position in a ranking (`Top 50`): lower is better.
    Rank,
}

impl Target {
    /// Reads a target cell. Never fails: what is not understood with certainty is qualitative.
    pub fn parse(raw: &str) -> Target {
        parse::parse(raw)
    }

    /// The cell as written, NFC-normalised and trimmed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn meaning(&self) -> &TargetMeaning {
        &self.meaning
    }

    pub fn numeric(&self) -> Option<&NumericTarget> {
        match &self.meaning {
            TargetMeaning::Numeric(n) => Some(n),
            _ => None,
        }
    }
}

impl Bound {
    /// The numbers the bound names, in order.
    pub fn values(&self) -> Vec<Decimal> {
        match *self {
            Bound::AtLeast(v)
            | Bound::MoreThan(v)
            | Bound::AtMost(v)
            | Bound::LessThan(v)
            | Bound::Reach(v) => vec![v],
            Bound::Between(low, high) => vec![low, high],
        }
    }
}
