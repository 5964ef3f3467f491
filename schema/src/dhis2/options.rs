//! DHIS2's import options as it spells them in a query (`importStrategy`, `atomicMode`,
//! `idScheme`): closed sets, read by their exact names (DHIS2's enum constants, upper case),
//! so the document's enums and the server agree, and mapped to the import's own options.

use serde::Deserialize;

use crate::reports::{AtomicMode, ImportStrategy};

/// `importStrategy` (dhis2-core `ImportStrategy`). The older names stay accepted, as DHIS2
/// keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ImportStrategyName {
    Create,
    Update,
    CreateAndUpdate,
    Delete,
    Sync,
    New,
    Updates,
    NewAndUpdates,
    Deletes,
}

impl ImportStrategyName {
    /// A name as written in a set's own `strategy` member, which DHIS2 reads leniently.
    pub fn parse_lenient(raw: &str) -> Option<Self> {
        use serde::de::IntoDeserializer;
        let upper = raw.trim().to_ascii_uppercase();
        let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            upper.as_str().into_deserializer();
        Self::deserialize(deserializer).ok()
    }

    /// What the import does. `SYNC` creates and updates; rows marked `deleted` are deleted
    /// whatever the strategy (DHIS2 2.43 imports data values so).
    pub fn strategy(self) -> ImportStrategy {
        match self {
            Self::Create | Self::New => ImportStrategy::Create,
            Self::Update | Self::Updates => ImportStrategy::Update,
            Self::CreateAndUpdate | Self::NewAndUpdates | Self::Sync => {
                ImportStrategy::CreateAndUpdate
            }
            Self::Delete | Self::Deletes => ImportStrategy::Delete,
        }
    }
}

/// `atomicMode` (dhis2-core `AtomicMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AtomicModeName {
    All,
    None,
}

impl AtomicModeName {
    pub fn mode(self) -> AtomicMode {
        match self {
            Self::All => AtomicMode::All,
            Self::None => AtomicMode::None,
        }
    }
}

/// `idScheme`, `dataElementIdScheme`, `orgUnitIdScheme`: only codes name things here (DHIS2's
/// default, `UID`, does not exist). DHIS2 clients write it `code` or `CODE`; both are read. The
/// document lists `code` alone: two values differing only in case break generated clients
/// (openapi-python-client names both `CODE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum IdSchemeName {
    #[serde(rename = "code", alias = "CODE")]
    Code,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_may_write_its_strategy_in_any_case() {
        assert_eq!(
            ImportStrategyName::parse_lenient("sync"),
            Some(ImportStrategyName::Sync)
        );
        assert_eq!(ImportStrategyName::parse_lenient("MERGE"), None);
    }
}
