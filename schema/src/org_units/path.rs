//! Arithmetic on materialised paths such as `/01/01001/01001-VHXH/`: every unit's path is its
//! parent's path followed by its own code and a slash, so a subtree is exactly the paths that
//! start with the root's path.

use crate::domain::OrgUnitCode;

/// The path of a unit with no parent.
pub fn root_path(code: &OrgUnitCode) -> String {
    format!("/{code}/")
}

/// The path of a unit with `code` under the unit whose path is `parent_path`.
pub fn child_path(parent_path: &str, code: &OrgUnitCode) -> String {
    format!("{parent_path}{code}/")
}

/// The smallest string greater than every path starting with `prefix`. Codes are ASCII and
/// `'0'` is the byte after `'/'`, so swapping the final slash for `'0'` bounds the subtree:
/// `prefix <= path < upper_bound(prefix)` is one index range scan on both backends (bytewise
/// comparison: SQLite's default, PostgreSQL through `COLLATE "C"` on the column).
pub fn upper_bound(prefix: &str) -> String {
    let trimmed = prefix.strip_suffix('/').unwrap_or(prefix);
    format!("{trimmed}0")
}

/// The codes along a path, root first, the unit itself last.
pub fn codes(path: &str) -> impl DoubleEndedIterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

/// The code of the parent, derived from the path rather than looked up.
pub fn parent_code(path: &str) -> Option<&str> {
    codes(path).rev().nth(1)
}

/// The codes of the ancestors, root first, without the unit itself.
pub fn ancestor_codes(path: &str) -> Vec<&str> {
    let mut all: Vec<&str> = codes(path).collect();
    all.pop();
    all
}

/// The level of a unit whose path is `path`: 1 for a root (as in DHIS2).
pub fn depth(path: &str) -> i32 {
    i32::try_from(codes(path).count()).unwrap_or(i32::MAX)
}

/// Whether the unit at `path` lies in the subtree rooted at `root_path` (itself included).
pub fn is_within(path: &str, root_path: &str) -> bool {
    path.starts_with(root_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> OrgUnitCode {
        OrgUnitCode::parse(raw).unwrap()
    }

    #[test]
    fn a_child_path_extends_its_parents_path() {
        let province = root_path(&code("01"));
        let commune = child_path(&province, &code("01001"));
        assert_eq!(province, "/01/");
        assert_eq!(commune, "/01/01001/");
        assert_eq!(
            child_path(&commune, &code("01001-VHXH")),
            "/01/01001/01001-VHXH/"
        );
    }

    #[test]
    fn the_upper_bound_encloses_the_subtree_and_nothing_else() {
        let prefix = "/01/01001/";
        let bound = upper_bound(prefix);
        let inside = [
            "/01/01001/",
            "/01/01001/01001-VHXH/",
            "/01/01001/01001-A/X.Y/",
        ];
        for path in inside {
            assert!(prefix <= path && path < bound.as_str(), "{path}");
        }
        // Siblings whose codes merely start with the same characters stay outside.
        let outside = [
            "/01/01001-B/",
            "/01/010010/",
            "/01/01002/",
            "/01/",
            "/02/01001/",
        ];
        for path in outside {
            assert!(!(prefix <= path && path < bound.as_str()), "{path}");
        }
    }

    #[test]
    fn ancestors_parent_and_depth_come_from_the_path() {
        let path = "/01/01001/01001-VHXH/";
        assert_eq!(ancestor_codes(path), vec!["01", "01001"]);
        assert_eq!(parent_code(path), Some("01001"));
        assert_eq!(parent_code("/01/"), None);
        assert_eq!(depth(path), 3);
        assert_eq!(depth("/01/"), 1);
    }

    #[test]
    fn a_unit_is_within_its_own_subtree_but_not_a_siblings() {
        assert!(is_within("/01/01001/", "/01/01001/"));
        assert!(is_within("/01/01001/X/", "/01/01001/"));
        assert!(!is_within("/01/01001-B/", "/01/01001/"));
        assert!(!is_within("/01/", "/01/01001/"));
    }
}
