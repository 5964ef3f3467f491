//! DHIS2's answer to an import: an `ImportSummary` wrapped in a `WebMessage`.
//!
//! From dhis2-core (see `docs/DHIS2.md`):
//! - `WebMessage` (2.40.0 `dxf2.webmessage.WebMessage`): `httpStatus` (the reason phrase),
//!   `httpStatusCode`, `status` (`OK`, `WARNING`, `ERROR`), `message`, `response`.
//! - `WebMessageUtils.importSummary`: ERROR → 409 "An error occurred, please check import
//!   summary."; WARNING → **409** in 2.40.0 ("One more conflicts encountered, please check import
//!   summary.", DHIS2's wording) and **200** in 2.43.0 ("Import completed with warnings, please
//!   check import summary."); SUCCESS → 200 "Import was successful.". Before API version 38 the
//!   bare summary is answered (`withPlainResponseBefore(V38)`).
//! - `ImportSummary`: `responseType`, `status`, `importOptions`, `description`, `importCount`
//!   (`imported`, `updated`, `ignored`, `deleted`), `conflicts`, `rejectedIndexes` (2.43.0),
//!   `dataSetComplete`. 2.40.0 counts a rejected value as `ignored` and an unchanged one as
//!   `updated` (`DefaultDataValueSetService.importDataValue`/`saveDataValueUpdate`); we add
//!   `unchanged` to say how many of the updated values did not change.
//! - Status: SUCCESS without conflicts; with conflicts 2.40.0 says WARNING, 2.43.0
//!   (`DataEntrySummary.toImportSummary`) WARNING when some value was stored and ERROR when
//!   none was.
//! - `ImportConflict`: `object`, `objects`, `value` (the message), `errorCode`, `property`,
//!   `indexes`; codes from `ErrorCode` E7600–E7620.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::reports::{self, AtomicMode, ImportOptions, ImportStrategy};

/// The DHIS2 release whose answers a route gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusRules {
    /// 2.40 (and 2.38–2.42): WARNING answered with 409.
    V2_40,
    /// 2.43: WARNING answered with 200; no value stored is ERROR.
    V2_43,
}

/// The API version of a request path: `/api/dataValueSets` or `/api/{version}/dataValueSets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiVersion {
    Unversioned,
    Numbered(u16),
}

impl ApiVersion {
    /// The versions DHIS2 2.43 still serves (`DhisApiVersion` 28 to 43) and ours.
    pub const OLDEST: u16 = 28;
    pub const NEWEST: u16 = 43;

    /// `Some` for a version DHIS2 knows.
    pub fn numbered(version: u16) -> Option<ApiVersion> {
        (Self::OLDEST..=Self::NEWEST)
            .contains(&version)
            .then_some(ApiVersion::Numbered(version))
    }

    /// The unversioned path answers as the newest release read, 2.43; a numbered path as that
    /// release (2.40's rules up to version 42).
    pub fn rules(self) -> StatusRules {
        match self {
            ApiVersion::Numbered(v) if v < 43 => StatusRules::V2_40,
            _ => StatusRules::V2_43,
        }
    }

    /// Whether the bare `ImportSummary` is answered (DHIS2 before API version 38).
    pub fn plain_summary(self) -> bool {
        matches!(self, ApiVersion::Numbered(v) if v < 38)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Success,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportCount {
    pub imported: u64,
    /// Changed values, and (as DHIS2 counts them) values sent again unchanged.
    pub updated: u64,
    /// Values not acted on, including every rejected value (one per conflict index).
    pub ignored: u64,
    pub deleted: u64,
    /// Not DHIS2's: how many of `updated` were sent again as stored.
    pub unchanged: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportConflict {
    /// The code the conflict is about (DHIS2: the first of `objects`).
    pub object: String,
    /// The field and its value as sent.
    pub objects: BTreeMap<String, String>,
    /// The message.
    pub value: String,
    /// DHIS2's error code: E7600 data set, E7610 data element, E7611 period, E7612 unit,
    /// E7613 category option combo, E7615 attribute option combo, E7618 value missing, E7619
    /// value invalid, E7620 comment.
    pub error_code: &'static str,
    /// The field: `dataElement`, `period`, `orgUnit`, `value` …
    pub property: String,
    /// Positions of the rows among the rows sent, from 0.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportOptionsView {
    pub id_schemes: BTreeMap<String, String>,
    pub dry_run: bool,
    pub import_strategy: &'static str,
    pub atomic_mode: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Always `ImportSummary`.
    pub response_type: &'static str,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "SUCCESS"))]
    pub status: Status,
    pub import_options: ImportOptionsView,
    pub description: String,
    pub import_count: ImportCount,
    pub conflicts: Vec<ImportConflict>,
    pub rejected_indexes: Vec<usize>,
    /// `false`: values are stored in reports, which are submitted with their own call.
    pub data_set_complete: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct WebMessage {
    /// The reason phrase of the HTTP status: `OK`, `Conflict`.
    pub http_status: &'static str,
    pub http_status_code: u16,
    /// `OK`, `WARNING` or `ERROR`.
    pub status: &'static str,
    pub message: &'static str,
    pub response: ImportSummary,
}

impl ImportSummary {
    /// DHIS2's summary of our import's result under `rules`.
    pub fn of_import(
        summary: reports::ImportSummary,
        options: ImportOptions,
        rules: StatusRules,
    ) -> ImportSummary {
        let c = summary.count;
        let conflicts: Vec<ImportConflict> =
            summary.conflicts.iter().map(ImportConflict::of).collect();
        let stored = c.imported + c.updated + c.unchanged + c.deleted;
        let status = if summary.rejected_atomically {
            Status::Error
        } else if conflicts.is_empty() {
            Status::Success
        } else if rules == StatusRules::V2_43 && stored == 0 {
            Status::Error
        } else {
            Status::Warning
        };
        let description = if summary.rejected_atomically {
            format!(
                "Import was aborted (atomicMode=ALL): {} conflict(s), nothing stored",
                conflicts.len()
            )
        } else {
            "Import process completed successfully".to_owned()
        };
        let mut rejected: Vec<usize> = summary.conflicts.iter().map(|c| c.index).collect();
        rejected.dedup();
        ImportSummary {
            response_type: "ImportSummary",
            status,
            import_options: ImportOptionsView::of(options),
            description,
            import_count: ImportCount {
                imported: c.imported,
                updated: c.updated + c.unchanged,
                ignored: c.ignored + rejected.len() as u64,
                deleted: c.deleted,
                unchanged: c.unchanged,
            },
            conflicts,
            rejected_indexes: rejected,
            data_set_complete: "false",
        }
    }

    /// A set that cannot be imported at all (DHIS2: `context.error()`), such as an unknown
    /// data set: ERROR with one conflict and no index.
    pub fn set_error(
        options: ImportOptions,
        property: &str,
        object: &str,
        message: String,
    ) -> ImportSummary {
        ImportSummary {
            response_type: "ImportSummary",
            status: Status::Error,
            import_options: ImportOptionsView::of(options),
            description: "Import process was aborted".to_owned(),
            import_count: ImportCount {
                imported: 0,
                updated: 0,
                ignored: 0,
                deleted: 0,
                unchanged: 0,
            },
            conflicts: vec![ImportConflict {
                object: object.to_owned(),
                objects: BTreeMap::from([(property.to_owned(), object.to_owned())]),
                value: message,
                error_code: error_code(property, object),
                property: property.to_owned(),
                indexes: Vec::new(),
            }],
            rejected_indexes: Vec::new(),
            data_set_complete: "false",
        }
    }

    pub fn status(&self) -> Status {
        self.status
    }

    /// The envelope and its HTTP status under `rules`.
    pub fn into_web_message(self, rules: StatusRules) -> WebMessage {
        let (code, status, message) = match (self.status, rules) {
            (Status::Error, _) => (
                409,
                "ERROR",
                "An error occurred, please check import summary.",
            ),
            (Status::Warning, StatusRules::V2_40) => (
                409,
                "WARNING",
                "One more conflicts encountered, please check import summary.",
            ),
            (Status::Warning, StatusRules::V2_43) => (
                200,
                "WARNING",
                "Import completed with warnings, please check import summary.",
            ),
            (Status::Success, _) => (200, "OK", "Import was successful."),
        };
        WebMessage {
            http_status: if code == 200 { "OK" } else { "Conflict" },
            http_status_code: code,
            status,
            message,
            response: self,
        }
    }
}

impl ImportOptionsView {
    fn of(options: ImportOptions) -> Self {
        ImportOptionsView {
            id_schemes: BTreeMap::from([("idScheme".to_owned(), "CODE".to_owned())]),
            dry_run: options.dry_run,
            import_strategy: match options.strategy {
                ImportStrategy::Create => "CREATE",
                ImportStrategy::Update => "UPDATE",
                ImportStrategy::CreateAndUpdate => "CREATE_AND_UPDATE",
                ImportStrategy::Delete => "DELETE",
            },
            atomic_mode: match options.atomic {
                AtomicMode::All => "ALL",
                AtomicMode::None => "NONE",
            },
        }
    }
}

impl ImportConflict {
    fn of(conflict: &reports::Conflict) -> Self {
        ImportConflict {
            object: conflict.value.clone(),
            objects: BTreeMap::from([(conflict.object.clone(), conflict.value.clone())]),
            value: conflict.reason.clone(),
            error_code: if conflict.reason.starts_with(super::rows::VALUE_MISSING) {
                "E7618"
            } else {
                error_code(&conflict.object, &conflict.value)
            },
            property: conflict.object.clone(),
            indexes: vec![conflict.index],
        }
    }
}

/// DHIS2's code for a conflict on `property` (dhis2-core `DataValueImportConflict`).
fn error_code(property: &str, sent: &str) -> &'static str {
    match property {
        "dataSet" => "E7600",
        "dataElement" => "E7610",
        "period" => "E7611",
        "orgUnit" => "E7612",
        "categoryOptionCombo" => "E7613",
        "attributeOptionCombo" => "E7615",
        "comment" => "E7620",
        // A missing value names the data element (E7618); a wrong one is E7619.
        "value" if sent.is_empty() => "E7618",
        _ => "E7619",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::{Conflict, ImportCount as Counts};

    fn options() -> ImportOptions {
        ImportOptions {
            strategy: ImportStrategy::CreateAndUpdate,
            atomic: AtomicMode::None,
            dry_run: false,
        }
    }

    fn partial() -> reports::ImportSummary {
        reports::ImportSummary {
            count: Counts {
                imported: 2,
                updated: 1,
                unchanged: 1,
                ignored: 0,
                deleted: 0,
            },
            conflicts: vec![Conflict {
                index: 3,
                object: "value".into(),
                value: "-1".into(),
                reason: "a count must be a whole number ≥ 0".into(),
            }],
            rejected_atomically: false,
        }
    }

    #[test]
    fn a_partial_import_is_409_warning_in_2_40_and_200_warning_in_2_43() {
        let old = ImportSummary::of_import(partial(), options(), StatusRules::V2_40)
            .into_web_message(StatusRules::V2_40);
        assert_eq!((old.http_status_code, old.status), (409, "WARNING"));
        let new = ImportSummary::of_import(partial(), options(), StatusRules::V2_43)
            .into_web_message(StatusRules::V2_43);
        assert_eq!((new.http_status_code, new.status), (200, "WARNING"));
        assert_eq!(new.http_status, "OK");
    }

    #[test]
    fn rejected_values_count_as_ignored_and_unchanged_ones_as_updated() {
        let summary = ImportSummary::of_import(partial(), options(), StatusRules::V2_43);
        let c = &summary.import_count;
        assert_eq!(
            (c.imported, c.updated, c.ignored, c.unchanged),
            (2, 2, 1, 1)
        );
        assert_eq!(summary.rejected_indexes, [3]);
        let conflict = &summary.conflicts[0];
        assert_eq!(conflict.error_code, "E7619");
        assert_eq!(conflict.property, "value");
        assert_eq!(conflict.indexes, [3]);
    }

    #[test]
    fn nothing_stored_is_error_in_2_43_and_warning_in_2_40() {
        let mut none = partial();
        none.count = Counts::default();
        let new = ImportSummary::of_import(none.clone(), options(), StatusRules::V2_43);
        assert_eq!(new.status(), Status::Error);
        let old = ImportSummary::of_import(none, options(), StatusRules::V2_40);
        assert_eq!(old.status(), Status::Warning);
    }

    #[test]
    fn versions_before_38_answer_the_bare_summary_and_before_43_the_2_40_rules() {
        assert!(ApiVersion::Numbered(37).plain_summary());
        assert!(!ApiVersion::Numbered(38).plain_summary());
        assert_eq!(ApiVersion::Numbered(40).rules(), StatusRules::V2_40);
        assert_eq!(ApiVersion::Numbered(43).rules(), StatusRules::V2_43);
        assert_eq!(ApiVersion::Unversioned.rules(), StatusRules::V2_43);
        assert_eq!(ApiVersion::numbered(27), None);
    }
}
