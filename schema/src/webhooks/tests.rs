use super::*;

/// The key and message of the specification.s Python library tests, signed at a fixed time;
/// the expected value is what that library computes (`hmac.new(key, …, sha256)`).
#[test]
fn a_signature_matches_the_reference_library() {
    let secret = Secret::stored("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".to_owned());
    let body = r#"{"test": 2432232314}"#;
    let signed = sign(&secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap();
    assert_eq!(signed, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

#[test]
fn a_new_secret_is_whsec_and_32_bytes_of_base64() {
    let secret = new_secret().unwrap();
    assert!(secret.as_str().starts_with("whsec_"));
    assert_eq!(secret.key().unwrap().len(), 32);
    assert_ne!(secret, new_secret().unwrap());
}

#[test]
fn during_a_rotation_both_secrets_sign_space_delimited() {
    let (a, b) = (new_secret().unwrap(), new_secret().unwrap());
    let header = signature_header(&[&a, &b], "msg_1_1", 1, "{}").unwrap();
    let parts: Vec<&str> = header.split(' ').collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0], sign(&a, "msg_1_1", 1, "{}").unwrap());
    assert_eq!(parts[1], sign(&b, "msg_1_1", 1, "{}").unwrap());
}

#[test]
fn a_message_id_holds_no_full_stop() {
    assert_eq!(message_id(42, 7), "msg_42_7");
}
