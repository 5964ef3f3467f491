//! Holds `openapi.json`; see `tests/drift.rs`.
