//! When to try again: exponential backoff with full jitter, capped, and never sooner than the
//! upstream asked with `Retry-After`.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The ceiling of the first retry's delay; it doubles with each attempt.
    pub base: Duration,
    /// The largest ceiling.
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            base: Duration::from_secs(30),
            cap: Duration::from_secs(6 * 60 * 60),
        }
    }
}

impl Backoff {
    /// The ceiling after `attempts` failed attempts: base × 2^(attempts−1), at most the cap.
    pub fn ceiling(&self, attempts: u32) -> Duration {
        let doublings = attempts.saturating_sub(1).min(32);
        self.base
            .checked_mul(1u32 << doublings.min(31))
            .map_or(self.cap, |d| d.min(self.cap))
    }

    /// Full jitter (a uniform delay up to the ceiling) spreads the retries of many entries
    /// that failed together; a longer `Retry-After` wins.
    pub fn delay(&self, attempts: u32, retry_after: Option<Duration>, unit: f64) -> Duration {
        let jittered = self.ceiling(attempts).mul_f64(unit.clamp(0.0, 1.0));
        match retry_after {
            Some(asked) if asked > jittered => asked,
            _ => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BACKOFF: Backoff = Backoff {
        base: Duration::from_secs(10),
        cap: Duration::from_secs(60),
    };

    #[test]
    fn the_ceiling_doubles_with_each_attempt_up_to_the_cap() {
        let ceilings: Vec<u64> = (1..=5).map(|a| BACKOFF.ceiling(a).as_secs()).collect();
        assert_eq!(ceilings, [10, 20, 40, 60, 60]);
        assert_eq!(BACKOFF.ceiling(200), Duration::from_secs(60));
    }

    #[test]
    fn the_delay_is_a_share_of_the_ceiling() {
        assert_eq!(BACKOFF.delay(2, None, 0.5), Duration::from_secs(10));
        assert_eq!(BACKOFF.delay(2, None, 0.0), Duration::ZERO);
    }

    #[test]
    fn a_longer_retry_after_is_honoured_and_a_shorter_one_is_not_a_shortcut() {
        let asked = Some(Duration::from_secs(120));
        assert_eq!(BACKOFF.delay(1, asked, 0.5), Duration::from_secs(120));
        let short = Some(Duration::from_secs(1));
        assert_eq!(BACKOFF.delay(3, short, 0.5), Duration::from_secs(20));
    }
}
