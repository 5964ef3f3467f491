use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Invalid;
use crate::messages::Message;

/// A human-readable name (of a unit, catalog, section or indicator): NFC-normalised, trimmed,
/// never empty, no control characters. Stored and returned exactly as normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name(String);

impl Name {
    pub const MAX_CHARS: usize = 500;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let text: String = raw.trim().nfc().collect();
        if text.is_empty() {
            return Err(Invalid::said(Message::new("invalid-empty")));
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(Invalid::said(
                Message::new("invalid-too-long").arg("max", Self::MAX_CHARS),
            ));
        }
        if text.chars().any(|c| c.is_control()) {
            return Err(Invalid::said(Message::new("invalid-line-break")));
        }
        refuse_hidden(&text)?;
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The matching key of this name; see [`name_key`].
    pub fn key(&self) -> String {
        name_key(&self.0)
    }
}

/// Refuses characters that change how text displays without being seen: bidirectional
/// controls ("Trojan Source", CVE-2021-42574) and default-ignorable characters such as zero-width
/// spaces and joiners (Unicode TR 39, TR 44). Vietnamese needs none of them.
pub fn refuse_hidden(text: &str) -> Result<(), Invalid> {
    match text
        .chars()
        .find(|c| is_bidi_control(*c) || is_invisible(*c))
    {
        Some(c) => Err(Invalid::said(
            Message::new("invalid-hidden-character")
                .arg("found", format!("U+{:04X}", u32::from(c))),
        )),
        None => Ok(()),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Default_Ignorable_Code_Point (DerivedCoreProperties.txt), bidi controls aside.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Free text such as a description: NFC-normalised and trimmed; empty becomes `None`.
/// Line breaks are allowed; other control characters are not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionalText(Option<String>);

impl OptionalText {
    pub const MAX_CHARS: usize = 10_000;

    pub fn parse(raw: Option<&str>) -> Result<Self, Invalid> {
        let Some(raw) = raw else {
            return Ok(Self(None));
        };
        let text: String = raw.trim().nfc().collect();
        if text.is_empty() {
            return Ok(Self(None));
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(Invalid::said(
                Message::new("invalid-too-long").arg("max", Self::MAX_CHARS),
            ));
        }
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            return Err(Invalid::said(Message::new("invalid-control-character")));
        }
        refuse_hidden(&text)?;
        Ok(Self(Some(text)))
    }

    pub fn into_option(self) -> Option<String> {
        self.0
    }
}

/// Vietnamese tone marks; where a writer puts them in a syllable varies (`hoá`/`hóa`).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Where a syllable's tone mark goes in its key (a byte index into the decomposed, tone-less
/// syllable): on the last vowel carrying a circumflex, breve or horn; else on the last vowel when
/// a consonant follows; else on the second-to-last vowel of an open syllable. The same place
/// for every spelling, and the same for a word and its prefixes typed in a search box.
fn tone_position(letters: &str) -> usize {
    let chars: Vec<(usize, char)> = letters.char_indices().collect();
    let is_vowel = |i: usize| {
        let c = chars[i].1;
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next_is_vowel = chars.get(i + 1).is_some_and(|(_, n)| "aeiouy".contains(*n));
        "aeiouy".contains(c)
            && !(c == 'u' && prev == Some('q'))
            && !(c == 'i' && prev == Some('g') && next_is_vowel)
    };
    let vowels: Vec<usize> = (0..chars.len()).filter(|&i| is_vowel(i)).collect();
    let Some(&last) = vowels.last() else {
        return letters.len();
    };
    let has_mark = |i: usize| {
        chars[i + 1..]
            .iter()
            .take_while(|(_, c)| is_combining_mark(*c))
            .any(|(_, c)| matches!(c, '\u{302}' | '\u{306}' | '\u{31b}'))
    };
    let after_vowel = |i: usize| {
        let marks = chars[i + 1..]
            .iter()
            .take_while(|(_, c)| is_combining_mark(*c))
            .count();
        chars
            .get(i + 1 + marks)
            .map_or(letters.len(), |(at, _)| *at)
    };
    let consonant_follows = chars[last + 1..].iter().any(|(_, c)| c.is_alphabetic());
    let target = match vowels.iter().rev().find(|&&i| has_mark(i)) {
        Some(&marked) => marked,
        None if consonant_follows || vowels.len() == 1 => last,
        None => vowels[vowels.len() - 2],
    };
    after_vowel(target)
}

/// A key for matching names regardless of case, tone-mark placement (`hoá`/`hóa`,
/// `thuỷ`/`thủy`), dashes (`–`/`-`) and spacing, while still telling tones apart (`Tân` is not
/// `Tấn`). Each syllable's tone mark is moved to the syllable's end.
pub fn name_key(raw: &str) -> String {
    let mut key = String::with_capacity(raw.len());
    for word in raw
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        let mut tones = Vec::new();
        let mut letters = String::with_capacity(word.len());
        for c in word.nfd().flat_map(char::to_lowercase) {
            match c {
                c if TONE_MARKS.contains(&c) => tones.push(c),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => letters.push('-'),
                c => letters.push(c),
            }
        }
        tones.sort_unstable();
        let at = tone_position(&letters);
        key.push_str(&letters[..at]);
        key.extend(tones);
        key.push_str(&letters[at..]);
    }
    // Recompose so the key stays readable; the tone (now last) composes where it can.
    key.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_to_nfc_and_trimmed() {
        let decomposed = "Xa\u{303} Tha\u{301}i Ta\u{302}n ";
        assert_eq!(Name::parse(decomposed).unwrap().as_str(), "Xã Thái Tân");
    }

    #[test]
    fn right_to_left_overrides_and_zero_width_characters_are_refused() {
        for hidden in [
            "Xã\u{202E}nâH",
            "Thái\u{200B}Tân",
            "\u{2066}Tân\u{2069}",
            "A\u{FEFF}",
        ] {
            assert!(Name::parse(hidden).is_err(), "{hidden:?}");
            assert!(OptionalText::parse(Some(hidden)).is_err(), "{hidden:?}");
        }
        assert!(Name::parse("Xã Thái Tân").is_ok());
    }

    #[test]
    fn empty_and_multiline_names_are_refused() {
        assert!(Name::parse("  ").is_err());
        assert!(Name::parse("Phòng\nKinh tế").is_err());
    }

    #[test]
    fn tone_mark_placement_case_dashes_and_spacing_do_not_change_the_key() {
        assert_eq!(
            name_key("Phòng Văn hoá – Xã hội"),
            name_key("phòng  văn hóa - xã hội")
        );
        assert_eq!(name_key("Thuỷ lợi"), name_key("thủy lợi"));
    }

    #[test]
    fn different_tones_give_different_keys() {
        assert_ne!(name_key("Tân"), name_key("Tấn"));
        assert_ne!(name_key("Xã"), name_key("Xá"));
    }

    #[test]
    fn keys_stay_readable() {
        assert_eq!(name_key("Hồ Chí Minh."), "hồ chí minh.");
        assert_eq!(name_key("Phòng Văn hoá – Xã hội"), "phòng văn hóa - xã hội");
        assert_eq!(name_key("Thuỷ lợi"), "thủy lợi");
        assert_eq!(name_key("Quảng Ninh"), "quảng ninh");
        assert_eq!(name_key("Người"), "người");
    }

    #[test]
    fn a_prefix_of_a_name_keys_as_a_prefix_of_its_key() {
        assert!(name_key("Phòng Văn").starts_with(&name_key("Phòn")));
        assert!(name_key("Trạm y tế").starts_with(&name_key("Trạm")));
    }
}
