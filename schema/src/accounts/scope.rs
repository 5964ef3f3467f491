/// The org-unit paths of a subtree as a half-open range `[lower, upper)`, so a filter is one
/// index range scan on `org_units.path` (bytewise order on both backends) and needs no `LIKE`,
/// where the `_` allowed in codes would be a wildcard.
///
/// Paths end with `/` (`/01/01001/`), so the subtree of `/01/` is every path starting with
/// `/01/`: from `/01/` up to, not including, `/010` (`0` is the byte after `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubtreeRange {
    lower: String,
    upper: String,
}

impl SubtreeRange {
    /// The subtree under `path`, which must end with `/` as stored paths do.
    pub fn of(path: &str) -> Self {
        let stem = path.strip_suffix('/').unwrap_or(path);
        Self {
            lower: format!("{stem}/"),
            upper: format!("{stem}0"),
        }
    }

    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn upper(&self) -> &str {
        &self.upper
    }

    pub fn contains(&self, path: &str) -> bool {
        path >= self.lower.as_str() && path < self.upper.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subtree_holds_its_root_and_descendants_only() {
        let range = SubtreeRange::of("/01/");
        assert!(range.contains("/01/"));
        assert!(range.contains("/01/01001/01001-VHXH/"));
        assert!(!range.contains("/010/"));
        assert!(!range.contains("/02/"));
        assert!(!range.contains("/0/"));
    }
}
