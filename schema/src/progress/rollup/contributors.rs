//! Which units' figures make up a roll-up: history of a merged unit moves to its successor from
//! the merger date, and a unit's own figure stands for its whole subtree (a commune's report
//! already consolidates its agencies), so values below it are not added again.

use std::collections::HashMap;

use super::facts::{Fact, Succession};

/// Where a fact counts: under its own unit before a merger, under the successor from the
/// merger date. A unit split between several successors counts under the first by path, so
/// its history is kept once rather than copied.
pub struct Attribution<'a> {
    successors: HashMap<i64, Vec<&'a Succession>>,
}

impl<'a> Attribution<'a> {
    pub fn new(successions: &'a [Succession]) -> Self {
        let mut successors: HashMap<i64, Vec<&Succession>> = HashMap::new();
        for succession in successions {
            successors
                .entry(succession.predecessor_id)
                .or_default()
                .push(succession);
        }
        for list in successors.values_mut() {
            list.sort_by(|a, b| a.successor_path.cmp(&b.successor_path));
        }
        Attribution { successors }
    }

    pub fn path_of<'f>(&'f self, fact: &'f Fact) -> &'f str {
        self.successors
            .get(&fact.unit_id)
            .and_then(|list| {
                list.iter()
                    .find(|succession| succession.effective_on <= fact.period_start)
            })
            .map_or(&*fact.unit_path, |succession| {
                succession.successor_path.as_str()
            })
    }
}

/// Keeps the entries whose path is not strictly below another entry's path. Entries at the
/// same path (a unit and the predecessor merged into it) are all kept.
pub fn topmost<T>(mut entries: Vec<(String, T)>) -> Vec<(String, T)> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut kept: Vec<(String, T)> = Vec::with_capacity(entries.len());
    let mut cover: Option<String> = None;
    for (path, item) in entries {
        match &cover {
            Some(top) if path.starts_with(top.as_str()) && &path != top => continue,
            Some(top) if &path == top => {}
            _ => cover = Some(path.clone()),
        }
        kept.push((path, item));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_own_figure_hides_the_figures_below_it() {
        let entries = vec![
            ("/01/A/x/".to_owned(), 1),
            ("/01/A/".to_owned(), 2),
            ("/01/B/x/".to_owned(), 3),
            ("/01/B/y/".to_owned(), 4),
            ("/01/AB/".to_owned(), 5),
        ];
        let kept: Vec<i32> = topmost(entries).into_iter().map(|(_, n)| n).collect();
        assert_eq!(kept, vec![2, 5, 3, 4]);
    }

    #[test]
    fn figures_at_the_same_path_are_all_kept() {
        let entries = vec![("/01/B/".to_owned(), 1), ("/01/B/".to_owned(), 2)];
        assert_eq!(topmost(entries).len(), 2);
    }
}
