//! What the simulator remembers: the submissions stored by idempotency key, the tokens it
//! issued, the counters behind `GET /_sim/stats`, and its repeatable randomness.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The counters a test asserts on. `unique` counts submissions stored under a new key;
/// `duplicates` counts those among them whose report (unit, plan, period and version, or for
/// DHIS2 the same values) was already stored under another key: exactly-once means zero.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimStats {
    /// Submission requests that reached the simulator, whatever became of them.
    pub received: u64,
    pub unique: u64,
    /// The same key again, answered with the first receipt.
    pub replays: u64,
    pub duplicates: u64,
    /// Refused as invalid (400, 409, 422): the body, the key or its reuse.
    pub rejected: u64,
    /// Refused for a missing or wrong credential (401).
    pub unauthorized: u64,
    pub faults: FaultCounts,
    pub tokens_issued: u64,
}

/// Faults injected, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultCounts {
    /// Answered 500 without storing.
    pub server_error: u64,
    /// Answered 429 with `Retry-After` without storing.
    pub rate_limited: u64,
    /// Stored, then the connection closed without an answer.
    pub dropped: u64,
    /// Stored, then answered after the slow delay.
    pub slow: u64,
}

/// One stored submission, as `GET /_sim/submissions` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredSubmission {
    pub receipt: String,
    pub profile: String,
    pub idempotency_key: Option<String>,
    pub unit: String,
    pub plan: String,
    pub period: String,
    pub version: Option<i64>,
    pub values: usize,
    /// The sender's signed audit checkpoint line (theodoinq's `auditCheckpoint.line`).
    #[serde(default)]
    pub audit_checkpoint: Option<String>,
    /// Stored although its report was already stored under another key.
    pub duplicate: bool,
    pub received_at: String,
    pub body: Value,
}

/// What identifies a report regardless of the key it came with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NaturalKey {
    pub profile: &'static str,
    pub unit: String,
    pub plan: String,
    pub period: String,
    /// The version for theodoinq; a hash of the values for DHIS2, which has no version.
    pub revision: String,
}

/// A submission that passed validation, about to be stored.
pub struct Intake {
    pub key: Option<String>,
    /// A hash of the body, so a key reused for another body is caught.
    pub fingerprint: u64,
    pub natural: NaturalKey,
    pub version: Option<i64>,
    pub values: usize,
    /// theodoinq's `auditCheckpoint.line`, when sent.
    pub audit_checkpoint: Option<String>,
    pub body: Value,
}

pub enum Stored {
    New {
        receipt: String,
        duplicate: bool,
    },
    /// The key was seen with the same body: the first answer again.
    Replay {
        answer: Value,
    },
    /// The key was seen with another body.
    KeyReused,
}

#[derive(Default)]
pub struct State {
    pub stats: SimStats,
    submissions: Vec<StoredSubmission>,
    by_key: HashMap<String, (u64, Value)>,
    reports: HashSet<NaturalKey>,
    tokens: HashMap<String, Instant>,
    rng: XorShift,
}

impl State {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: XorShift::new(seed),
            ..Self::default()
        }
    }

    /// True with probability `rate`.
    pub fn roll(&mut self, rate: f64) -> bool {
        rate > 0.0 && self.rng.next_unit() < rate
    }

    pub fn random_hex(&mut self) -> String {
        format!("{:016x}", self.rng.next_u64())
    }

    pub fn store(&mut self, intake: Intake, receipt_prefix: &str) -> Stored {
        if let Some(key) = &intake.key
            && let Some((fingerprint, answer)) = self.by_key.get(key)
        {
            if *fingerprint != intake.fingerprint {
                return Stored::KeyReused;
            }
            self.stats.replays += 1;
            return Stored::Replay {
                answer: answer.clone(),
            };
        }
        let receipt = format!("{receipt_prefix}-{:06}", self.submissions.len() + 1);
        let duplicate = !self.reports.insert(intake.natural.clone());
        self.stats.unique += 1;
        if duplicate {
            self.stats.duplicates += 1;
        }
        let natural = intake.natural;
        self.submissions.push(StoredSubmission {
            receipt: receipt.clone(),
            profile: natural.profile.to_owned(),
            idempotency_key: intake.key,
            unit: natural.unit,
            plan: natural.plan,
            period: natural.period,
            version: intake.version,
            values: intake.values,
            audit_checkpoint: intake.audit_checkpoint,
            duplicate,
            received_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            body: intake.body,
        });
        Stored::New { receipt, duplicate }
    }

    /// Keeps the answer given to a new submission, so a replay gets the very same one.
    pub fn remember_answer(&mut self, key: Option<&str>, fingerprint: u64, answer: &Value) {
        if let Some(key) = key {
            self.by_key
                .insert(key.to_owned(), (fingerprint, answer.clone()));
        }
    }

    pub fn submissions(&self) -> &[StoredSubmission] {
        &self.submissions
    }

    pub fn issue_token(&mut self, lifetime: Duration) -> String {
        let token = format!("sim-{}-{}", self.stats.tokens_issued + 1, self.random_hex());
        self.tokens.insert(token.clone(), Instant::now() + lifetime);
        self.stats.tokens_issued += 1;
        token
    }

    pub fn token_is_valid(&self, token: &str) -> bool {
        self.tokens
            .get(token)
            .is_some_and(|expires| Instant::now() < *expires)
    }

    pub fn revoke_tokens(&mut self) {
        self.tokens.clear();
    }
}

/// xorshift64*: enough randomness for fault injection, and the same faults for the same seed.
struct XorShift(u64);

impl Default for XorShift {
    fn default() -> Self {
        Self::new(0)
    }
}

impl XorShift {
    fn new(seed: u64) -> Self {
        // Zero is xorshift's fixed point.
        Self(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let rolls = |seed| {
            let mut state = State::new(seed);
            (0..100).map(|_| state.roll(0.3)).collect::<Vec<_>>()
        };
        assert_eq!(rolls(42), rolls(42));
        assert_ne!(rolls(42), rolls(43));
        let hits = rolls(7).iter().filter(|hit| **hit).count();
        assert!((15..=45).contains(&hits), "{hits}");
    }
}
