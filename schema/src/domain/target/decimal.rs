use std::cmp::Ordering;
use std::fmt;

/// An exact decimal number as written in a plan (`0,77`, `3,5`, `800`): no binary rounding, so
/// a target is never shown or compared as a slightly wrong number.
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    mantissa: i64,
    scale: u32,
}

impl Decimal {
    pub const MAX_SCALE: u32 = 9;

    pub fn new(mantissa: i64, scale: u32) -> Self {
        Self { mantissa, scale }
    }

    /// Parses plain digits with an optional fractional part after `separator`.
    pub fn from_parts(integer: &str, fraction: &str) -> Option<Self> {
        let digits = integer.len() + fraction.len();
        if integer.is_empty() || digits > 18 || fraction.len() > Self::MAX_SCALE as usize {
            return None;
        }
        let all = format!("{integer}{fraction}");
        let mantissa = all.parse::<i64>().ok()?;
        Some(Self {
            mantissa,
            scale: fraction.len() as u32,
        })
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// The same value with trailing fractional zeros removed (`3,50` → `3.5`).
    pub fn normalized(self) -> Self {
        let mut d = self;
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    fn aligned(self, other: Self) -> (i128, i128) {
        let scale = self.scale.max(other.scale);
        let a = i128::from(self.mantissa) * 10i128.pow(scale - self.scale);
        let b = i128::from(other.mantissa) * 10i128.pow(scale - other.scale);
        (a, b)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = self.aligned(*other);
        a.cmp(&b)
    }
}

/// Written with a dot, as JSON and the API use (`3.5`).
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.normalized();
        if d.scale == 0 {
            return write!(f, "{}", d.mantissa);
        }
        let sign = if d.mantissa < 0 { "-" } else { "" };
        let abs = d.mantissa.unsigned_abs().to_string();
        let width = d.scale as usize + 1;
        let padded = format!("{abs:0>width$}");
        let (integer, fraction) = padded.split_at(padded.len() - d.scale as usize);
        write!(f, "{sign}{integer}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_keep_their_exact_value() {
        let d = Decimal::from_parts("0", "77").unwrap();
        assert_eq!(d.to_string(), "0.77");
        assert_eq!(
            Decimal::from_parts("3", "50").unwrap(),
            Decimal::from_parts("3", "5").unwrap()
        );
        assert_eq!(Decimal::from_parts("01", "").unwrap().to_string(), "1");
        assert_eq!(Decimal::from_parts("0", "05").unwrap().to_string(), "0.05");
    }

    #[test]
    fn decimals_order_by_value_not_by_scale() {
        assert!(Decimal::from_parts("3", "5").unwrap() > Decimal::from_parts("3", "").unwrap());
        assert!(Decimal::from_parts("0", "7").unwrap() < Decimal::from_parts("0", "77").unwrap());
    }
}
