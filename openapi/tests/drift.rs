//! The committed `openapi/openapi.json` must equal the document generated from the code, so
//! integrators who build clients from the file get exactly what the server serves.

use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("openapi.json")
}

#[test]
fn the_committed_document_equals_the_generated_one() {
    let generated = chitieu_api::openapi::document_json();
    let path = committed_path();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi/openapi.json");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json differs from the code's document; regenerate it with\n  \
         UPDATE_OPENAPI=1 cargo test -p chitieu-openapi\nand review the diff"
    );
}

#[test]
fn every_operation_has_an_id_a_tag_and_an_error_response() {
    let document: serde_json::Value =
        serde_json::from_str(&chitieu_api::openapi::document_json()).unwrap();
    let paths = document["paths"].as_object().expect("paths");
    assert!(!paths.is_empty());
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{} {path}", method.to_uppercase());
            assert!(
                operation["operationId"].is_string(),
                "{name} has no operationId"
            );
            assert!(
                operation["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name} has no tag"
            );
            let responses = operation["responses"].as_object().expect("responses");
            let documents_an_error = responses
                .keys()
                .any(|s| s.starts_with('4') || s.starts_with('5'));
            assert!(
                documents_an_error || path.starts_with("/health/live"),
                "{name} documents no error"
            );
        }
    }
}

#[test]
fn every_tag_is_declared_once() {
    let document: serde_json::Value =
        serde_json::from_str(&chitieu_api::openapi::document_json()).unwrap();
    let mut names: Vec<&str> = document["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|tag| tag["name"].as_str())
        .collect();
    let declared = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), declared, "a tag is declared twice: {names:?}");
}
