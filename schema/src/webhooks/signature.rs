//! The signature of a delivery: `v1,` and the base64 of HMAC-SHA256 over
//! `webhook-id.webhook-timestamp.body`, keyed with the secret's decoded bytes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::secret::{Secret, key_of};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the webhook secret is not whsec_ followed by base64")]
    MalformedSecret,
}

/// One `v1,…` signature.
pub fn sign(
    secret: &Secret,
    message_id: &str,
    timestamp: i64,
    body: &str,
) -> Result<String, SignatureError> {
    let key = key_of(secret.as_str()).ok_or(SignatureError::MalformedSecret)?;
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(&key).expect("HMAC takes keys of any length");
    mac.update(format!("{message_id}.{timestamp}.{body}").as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The `webhook-signature` header: one signature per secret, space delimited (the current
/// secret first, then the previous one while a rotation's grace lasts).
pub fn signature_header(
    secrets: &[&Secret],
    message_id: &str,
    timestamp: i64,
    body: &str,
) -> Result<String, SignatureError> {
    let signatures: Result<Vec<String>, _> = secrets
        .iter()
        .map(|secret| sign(secret, message_id, timestamp, body))
        .collect();
    Ok(signatures?.join(" "))
}
