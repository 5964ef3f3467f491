use std::fmt;

use super::Invalid;

/// The level of a unit in the tree: national (optional root) → province → commune → unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgUnitKind {
    National,
    Province,
    Commune,
    /// An agency or other unit (Phòng Kinh tế, Trạm y tế, a school, a provincial department).
    Unit,
}

impl OrgUnitKind {
    pub const ALL: [OrgUnitKind; 4] = [
        OrgUnitKind::National,
        OrgUnitKind::Province,
        OrgUnitKind::Commune,
        OrgUnitKind::Unit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgUnitKind::National => "national",
            OrgUnitKind::Province => "province",
            OrgUnitKind::Commune => "commune",
            OrgUnitKind::Unit => "unit",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| {
                Invalid::said(
                    crate::messages::Message::new("invalid-org-kind")
                        .arg("raw", format!("{raw:?}")),
                )
            })
    }

    /// Whether a unit of this kind may sit directly under a unit of `parent` kind
    /// (`None`: at the root).
    pub fn may_sit_under(self, parent: Option<OrgUnitKind>) -> bool {
        use OrgUnitKind::*;
        match (self, parent) {
            (National, None) => true,
            (National, Some(_)) => false,
            (Province, None | Some(National)) => true,
            (Province, Some(_)) => false,
            (Commune, Some(Province)) => true,
            (Commune, _) => false,
            (Unit, Some(Province | Commune | Unit)) => true,
            (Unit, _) => false,
        }
    }

    /// What may be the parent of this kind, for error messages.
    /// The kind in words (in English, its API name).
    pub fn message(self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            OrgUnitKind::National => "org-kind-national",
            OrgUnitKind::Province => "org-kind-province",
            OrgUnitKind::Commune => "org-kind-commune",
            OrgUnitKind::Unit => "org-kind-unit",
        })
    }

    /// The parents a unit of this kind may have, in words.
    pub fn allowed_parents_message(self) -> crate::messages::Message {
        crate::messages::Message::new(match self {
            OrgUnitKind::National => "org-parents-national",
            OrgUnitKind::Province => "org-parents-province",
            OrgUnitKind::Commune => "org-parents-commune",
            OrgUnitKind::Unit => "org-parents-unit",
        })
    }

    pub fn allowed_parents(self) -> &'static str {
        match self {
            OrgUnitKind::National => "no parent",
            OrgUnitKind::Province => "no parent or a national unit",
            OrgUnitKind::Commune => "a province",
            OrgUnitKind::Unit => "a province, a commune or another unit",
        }
    }
}

impl fmt::Display for OrgUnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::OrgUnitKind::*;

    #[test]
    fn a_commune_sits_only_under_a_province() {
        assert!(Commune.may_sit_under(Some(Province)));
        assert!(!Commune.may_sit_under(None));
        assert!(!Commune.may_sit_under(Some(Commune)));
    }

    #[test]
    fn agencies_sit_under_communes_provinces_or_other_units() {
        assert!(Unit.may_sit_under(Some(Commune)));
        assert!(Unit.may_sit_under(Some(Province)));
        assert!(Unit.may_sit_under(Some(Unit)));
        assert!(!Unit.may_sit_under(None));
    }
}
