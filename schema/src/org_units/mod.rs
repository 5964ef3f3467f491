//! Queries on the organisation tree: one file per action.
