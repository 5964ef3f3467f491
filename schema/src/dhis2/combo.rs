//! Category option combos. DHIS2 disaggregates a data element by a category option combo; a
//! ratio indicator here is one data element with two: its numerator and its denominator. Their
//! codes are `NUMERATOR` and `DENOMINATOR` unless a connector target maps them to the codes of
//! the receiving DHIS2.

/// The combo of an undisaggregated value (DHIS2's `default`).
pub const DEFAULT_COMBO: &str = "default";

/// Which half of a ratio a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatioPart {
    Numerator,
    Denominator,
}

/// What a row's `categoryOptionCombo` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combo {
    /// Absent, empty or `default`.
    Single,
    Part(RatioPart),
}

impl RatioPart {
    /// Our code of the combo.
    pub fn code(self) -> &'static str {
        match self {
            RatioPart::Numerator => "NUMERATOR",
            RatioPart::Denominator => "DENOMINATOR",
        }
    }

    pub fn other(self) -> RatioPart {
        match self {
            RatioPart::Numerator => RatioPart::Denominator,
            RatioPart::Denominator => RatioPart::Numerator,
        }
    }
}

impl Combo {
    /// Reads a combo code (case-insensitive); `None` for a code that is none of ours.
    pub fn parse(code: Option<&str>) -> Option<Combo> {
        match code.map(str::trim) {
            None | Some("") => Some(Combo::Single),
            Some(c) if c.eq_ignore_ascii_case(DEFAULT_COMBO) => Some(Combo::Single),
            Some(c) if c.eq_ignore_ascii_case("NUMERATOR") => {
                Some(Combo::Part(RatioPart::Numerator))
            }
            Some(c) if c.eq_ignore_ascii_case("DENOMINATOR") => {
                Some(Combo::Part(RatioPart::Denominator))
            }
            Some(_) => None,
        }
    }
}

/// Whether an attribute option combo is DHIS2's default one (absent, empty or `default`).
pub fn is_default(code: Option<&str>) -> bool {
    code.map(str::trim)
        .is_none_or(|c| c.is_empty() || c.eq_ignore_ascii_case(DEFAULT_COMBO))
}
