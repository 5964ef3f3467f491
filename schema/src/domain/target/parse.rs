use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::{Bound, Decimal, NumericTarget, Target, TargetMeaning, TargetUnit};
use crate::domain::name_key;

/// Canonical status labels; a cell matches one when its key equals the label's key.
const STATUSES: [&str; 8] = [
    "Đạt",
    "Có",
    "Duy trì",
    "Nâng cấp",
    "Kết nối",
    "Đáp ứng",
    "Hoạt động ổn định",
    "Hoàn thành",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Reach,
}

/// Lead phrases, longest first; "phần đầu" is a common typo of "phấn đấu". A lead of `Reach`
/// may be sharpened by a symbol that follows (`đạt ≥ 70%`).
const LEADS: [(&str, Op); 16] = [
    ("phấn đấu đạt ít nhất", Op::AtLeast),
    ("phấn đấu đạt trên", Op::MoreThan),
    ("phấn đấu ít nhất", Op::AtLeast),
    ("phần đầu ít nhất", Op::AtLeast),
    ("phấn đấu đạt", Op::Reach),
    ("phần đầu đạt", Op::Reach),
    ("đạt ít nhất", Op::AtLeast),
    ("đạt tối thiểu", Op::AtLeast),
    ("đạt trên", Op::MoreThan),
    ("phấn đấu", Op::Reach),
    ("ít nhất", Op::AtLeast),
    ("tối thiểu", Op::AtLeast),
    ("không dưới", Op::AtLeast),
    ("không quá", Op::AtMost),
    ("tối đa", Op::AtMost),
    ("đạt", Op::Reach),
];

const LEADS_AFTER: [(&str, Op); 3] = [
    ("trên", Op::MoreThan),
    ("dưới", Op::LessThan),
    ("hơn", Op::MoreThan),
];

/// The lead phrases as matching keys: cells are compared in key form (see `name_key`).
static LEAD_KEYS: LazyLock<Vec<(String, Op)>> = LazyLock::new(|| {
    LEADS
        .iter()
        .map(|(lead, op)| (name_key(lead), *op))
        .collect()
});
static LEAD_AFTER_KEYS: LazyLock<Vec<(String, Op)>> = LazyLock::new(|| {
    LEADS_AFTER
        .iter()
        .map(|(lead, op)| (name_key(lead), *op))
        .collect()
});

pub(super) fn parse(raw: &str) -> Target {
    let raw: String = raw.trim().nfc().collect();
    let meaning = understand(&raw);
    Target { raw, meaning }
}

fn understand(raw: &str) -> TargetMeaning {
    let text = clean(raw);
    if text.is_empty() || matches!(text.as_str(), "-" | "--" | "---") {
        return TargetMeaning::NoTarget;
    }
    let key = name_key(&text);
    let key = key.trim_end_matches('.').trim();
    if let Some(label) = STATUSES.iter().find(|label| name_key(label) == key) {
        return TargetMeaning::Status(label);
    }
    if let Some(rest) = without_neutral_lead(key).strip_prefix("top ") {
        return match top_rank(rest) {
            TargetMeaning::Qualitative { reason } => TargetMeaning::Qualitative {
                reason: as_written(&reason, &text),
            },
            understood => understood,
        };
    }
    match numeric(key) {
        Ok(target) => TargetMeaning::Numeric(target),
        Err(reason) => TargetMeaning::Qualitative {
            reason: as_written(&reason, &text),
        },
    }
}

/// A reason quotes the cell's matching key (lower case, tone marks moved): put back the
/// cell's own words in what it quotes, so "Đạt chỉ tiêu Thành phố giao" is quoted as written.
fn as_written(reason: &str, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let quoted: Vec<String> = reason.split('"').map(str::to_owned).collect();
    let restored: Vec<String> = quoted
        .into_iter()
        .enumerate()
        .map(|(i, mut part)| {
            if i % 2 == 1 {
                // The longest run of the cell's words whose key ends the quote.
                for start in 0..words.len() {
                    let written = words[start..].join(" ");
                    let key = name_key(&written);
                    if !key.is_empty() && part.ends_with(&key) {
                        part.replace_range(part.len() - key.len().., &written);
                        break;
                    }
                }
            }
            part
        })
        .collect();
    restored.join("\"")
}

/// The cell without a lead that names no comparison (`phấn đấu top 50` is `top 50`).
fn without_neutral_lead(key: &str) -> &str {
    LEAD_KEYS
        .iter()
        .filter(|(_, op)| *op == Op::Reach)
        .find(|(lead, _)| starts_with_word(key, lead))
        .map_or(key, |(lead, _)| key[lead.len()..].trim_start())
}

/// Undoes document-converter remnants (`$\geq 70\%$`) and spells operators one way.
pub(super) fn clean(raw: &str) -> String {
    let mut text = raw.replace('$', "");
    for (from, to) in [
        ("\\geq", "≥"),
        ("\\ge", "≥"),
        ("\\leq", "≤"),
        ("\\le", "≤"),
        ("\\%", "%"),
        ("\\,", " "),
        ("\\;", " "),
        (">=", "≥"),
        ("=>", "≥"),
        ("<=", "≤"),
        ("=<", "≤"),
        ("⩾", "≥"),
        ("⩽", "≤"),
    ] {
        text = text.replace(from, to);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Top 50 của thành phố`: a rank of at most 50 within the area named after it.
fn top_rank(rest: &str) -> TargetMeaning {
    let (digits, tail) = split_digits(rest);
    let tail = tail.trim();
    let qualifier_ok = tail.is_empty()
        || ["của", "trong", "toàn"]
            .iter()
            .any(|w| tail.starts_with(&name_key(w)));
    match Decimal::from_parts(digits, "") {
        Some(rank) if qualifier_ok => TargetMeaning::Numeric(NumericTarget {
            bound: Bound::AtMost(rank),
            unit: TargetUnit::Rank,
        }),
        _ => TargetMeaning::Qualitative {
            reason: format!(
                "a ranking target not understood: {:?}",
                format!("top {rest}")
            ),
        },
    }
}

fn numeric(key: &str) -> Result<NumericTarget, String> {
    let mut rest = key;
    let mut op = Op::Reach;
    if let Some((lead, lead_op)) = LEAD_KEYS
        .iter()
        .find(|(lead, _)| starts_with_word(rest, lead))
    {
        rest = rest[lead.len()..].trim_start();
        op = *lead_op;
    }
    if let Some((word, word_op)) = LEAD_AFTER_KEYS
        .iter()
        .find(|(w, _)| starts_with_word(rest, w))
    {
        if op != Op::Reach {
            return Err(format!("two comparisons in one target: {key:?}"));
        }
        rest = rest[word.len()..].trim_start();
        op = *word_op;
    }
    if let Some((symbol_op, after)) = symbol(rest) {
        if op != Op::Reach && op != symbol_op {
            return Err(format!("the words and the symbol disagree in {key:?}"));
        }
        op = symbol_op;
        rest = after.trim_start();
    }
    let (low, after_low) = number(rest)?;
    let mut rest = after_low.trim_start();
    let mut unit = TargetUnit::AsIndicator;
    if let Some(after) = rest.strip_prefix('%') {
        unit = TargetUnit::Percent;
        rest = after.trim_start();
    }
    let mut high = None;
    if let Some(after) = rest.strip_prefix('-').or_else(|| rest.strip_prefix("đến ")) {
        let (value, after_high) = number(after.trim_start())?;
        high = Some(value);
        rest = after_high.trim_start();
        if let Some(after) = rest.strip_prefix('%') {
            unit = TargetUnit::Percent;
            rest = after.trim_start();
        }
    }
    let rest = rest.trim_end_matches('.').trim();
    if !rest.is_empty() {
        return Err(format!("text after the number is not understood: {rest:?}"));
    }
    let bound = match (op, high) {
        (Op::AtLeast, None) => Bound::AtLeast(low),
        (Op::MoreThan, None) => Bound::MoreThan(low),
        (Op::AtMost, None) => Bound::AtMost(low),
        (Op::LessThan, None) => Bound::LessThan(low),
        (Op::Reach, None) => Bound::Reach(low),
        (Op::Reach | Op::AtLeast, Some(high)) if low < high => Bound::Between(low, high),
        (_, Some(_)) => return Err(format!("a range not understood: {key:?}")),
    };
    Ok(NumericTarget { bound, unit })
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word).is_some_and(|after| {
        after.is_empty()
            || after.starts_with(' ')
            || after.starts_with(|c: char| c.is_ascii_digit() || "≥≤<>=".contains(c))
    })
}

fn symbol(text: &str) -> Option<(Op, &str)> {
    let mut chars = text.chars();
    let op = match chars.next()? {
        '≥' => Op::AtLeast,
        '>' => Op::MoreThan,
        '≤' => Op::AtMost,
        '<' => Op::LessThan,
        '=' => Op::Reach,
        _ => return None,
    };
    Some((op, chars.as_str()))
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// A number with a decimal comma (`3,5`). A dot followed by exactly three digits could be a
/// Vietnamese thousands separator or an English decimal point: that is left to a person.
fn number(text: &str) -> Result<(Decimal, &str), String> {
    let (integer, rest) = split_digits(text);
    if integer.is_empty() {
        return Err(format!("no number where one was expected: {text:?}"));
    }
    let (fraction, rest) = match rest.strip_prefix(',').or_else(|| rest.strip_prefix('.')) {
        Some(after) => {
            let (fraction, tail) = split_digits(after);
            if fraction.is_empty() {
                ("", rest)
            } else if rest.starts_with('.') && fraction.len() == 3 {
                return Err(format!(
                    "{integer}.{fraction} may be a thousands separator or a decimal point"
                ));
            } else {
                (fraction, tail)
            }
        }
        None => ("", rest),
    };
    let value = Decimal::from_parts(integer, fraction)
        .ok_or_else(|| format!("the number {integer},{fraction} is too long"))?;
    Ok((value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doubt_quotes_the_cell_as_written_not_its_lower_cased_key() {
        let target = parse("Đạt 3 Sản phẩm OCOP");
        let TargetMeaning::Qualitative { reason } = target.meaning() else {
            panic!("qualitative: {target:?}");
        };
        assert!(reason.contains("\"Sản phẩm OCOP\""), "{reason}");
    }
}
