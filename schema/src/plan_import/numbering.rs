//! Item numbers as found in the seeds: gaps (1, 2, 4) are kept with a warning; a number that
//! repeats an earlier one (numbering restarted in a new section) is stored under a free number
//! after the table's highest, its sub-items following it, because a catalog numbers each
//! indicator once.

use std::collections::HashSet;

use super::diagnostics::Diagnostic;
use crate::domain::{IndicatorNumber, Invalid};

/// The stored number of each item, in order, with a diagnostic for each gap and repeat.
pub fn renumber<'a>(
    written: impl Iterator<Item = (&'a str, String)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<IndicatorNumber>, Invalid> {
    let written: Vec<(&str, String)> = written.collect();
    let top = |n: &str| {
        n.split('.')
            .next()
            .and_then(|t| t.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let mut next_free = written.iter().map(|(n, _)| top(n)).max().unwrap_or(0) + 1;
    let mut used: HashSet<String> = HashSet::new();
    let mut first_at: Vec<(String, String)> = Vec::new();
    let mut remapped_parent: Option<(String, String)> = None;
    let mut previous_top: Option<u32> = None;
    let mut numbers = Vec::with_capacity(written.len());
    for (number, reference) in written {
        let stored = match number.split_once('.') {
            None => {
                if let Some(previous) = previous_top
                    && top(number) > previous + 1
                {
                    diagnostics.push(Diagnostic::warning(
                        reference.clone(),
                        format!("numbering skips from {previous} to {number}: kept as written"),
                    ));
                }
                previous_top = Some(top(number));
                if used.contains(number) {
                    let stored = next_free.to_string();
                    next_free += 1;
                    remapped_parent = Some((number.to_owned(), stored.clone()));
                    stored
                } else {
                    remapped_parent = None;
                    number.to_owned()
                }
            }
            Some((parent, rest)) => {
                let parent = match &remapped_parent {
                    Some((written_parent, stored)) if written_parent == parent => stored.clone(),
                    _ => parent.to_owned(),
                };
                if !used.contains(&parent) {
                    diagnostics.push(Diagnostic::warning(
                        reference.clone(),
                        format!("sub-item {number} has no item {parent} above it"),
                    ));
                }
                let candidate = format!("{parent}.{rest}");
                if used.contains(&candidate) {
                    (1..)
                        .map(|k| format!("{parent}.{k}"))
                        .find(|n| !used.contains(n))
                        .unwrap_or(candidate)
                } else {
                    candidate
                }
            }
        };
        if stored != number {
            let earlier = first_at
                .iter()
                .find(|(n, _)| n == number)
                .map_or_else(String::new, |(_, at)| format!(" (first at {at})"));
            diagnostics.push(Diagnostic::warning(
                reference.clone(),
                format!(
                    "number {number} repeats an earlier item{earlier}: stored as {stored}, \
                     a catalog numbers each indicator once"
                ),
            ));
        }
        first_at.push((number.to_owned(), reference));
        used.insert(stored.clone());
        numbers.push(IndicatorNumber::parse(&stored)?);
    }
    Ok(numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(numbers: &[&str]) -> (Vec<String>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let stored = renumber(
            numbers
                .iter()
                .enumerate()
                .map(|(i, n)| (*n, format!("line {}", i + 1))),
            &mut diagnostics,
        )
        .unwrap();
        (
            stored.iter().map(|n| n.as_str().to_owned()).collect(),
            diagnostics,
        )
    }

    #[test]
    fn a_gap_in_the_numbering_is_kept_with_a_warning() {
        let (stored, diagnostics) = run(&["1", "2", "4", "4.1"]);
        assert_eq!(stored, ["1", "2", "4", "4.1"]);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("skips from 2 to 4"));
    }

    #[test]
    fn a_restarted_numbering_is_stored_after_the_highest_number_with_its_sub_items() {
        let (stored, diagnostics) = run(&["1", "2", "3", "1", "1.1", "2", "4"]);
        assert_eq!(stored, ["1", "2", "3", "5", "5.1", "6", "4"]);
        let repeats = diagnostics
            .iter()
            .filter(|d| d.message.contains("repeats"))
            .count();
        assert_eq!(repeats, 3, "{diagnostics:?}");
        assert!(
            diagnostics
                .iter()
                .any(|d| d.message.contains("first at line 1"))
        );
    }
}
