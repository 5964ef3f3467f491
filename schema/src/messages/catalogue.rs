use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, Message, format_number};

const VI: &str = include_str!("../../locales/vi.ftl");
const EN: &str = include_str!("../../locales/en.ftl");

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source(lang).to_owned())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}.ftl does not parse: {errors:?}"));
    let tag = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around arguments would end up in JSON and spreadsheets.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("locales/{lang}.ftl repeats a key: {errors:?}"));
    bundle
}

static VI_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Vi));
static EN_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::En));

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Vi => &VI_BUNDLE,
        Lang::En => &EN_BUNDLE,
    }
}

/// The sentence `message` in `lang`. A key missing from `lang` falls back to English, and a key
/// missing from both is said as itself (the test on the catalogue keeps both from happening).
pub fn render(lang: Lang, message: &Message) -> String {
    let mut args = FluentArgs::new();
    for (name, arg) in message.args() {
        let value = match arg {
            Arg::Plain(text) => text.clone(),
            Arg::Number { value, decimals } => format_number(*value, *decimals, lang),
            Arg::Message(inner) => render(lang, inner),
        };
        args.set(*name, FluentValue::from(value));
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle_of(lang);
        if let Some(pattern) = bundle.get_message(message.key()).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            if errors.is_empty() {
                return text.into_owned();
            }
            tracing::warn!(key = message.key(), ?errors, "a message did not format");
            return text.into_owned();
        }
    }
    message.key().to_owned()
}

/// Every key of the catalogue of `lang`.
pub fn keys(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(source(lang).to_owned())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}.ftl does not parse: {errors:?}"));
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let vi: BTreeSet<String> = keys(Lang::Vi).into_iter().collect();
        let en: BTreeSet<String> = keys(Lang::En).into_iter().collect();
        let only_vi: Vec<_> = vi.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&vi).collect();
        assert!(only_vi.is_empty(), "keys only in vi.ftl: {only_vi:?}");
        assert!(only_en.is_empty(), "keys only in en.ftl: {only_en:?}");
        assert!(!vi.is_empty());
    }

    #[test]
    fn both_catalogues_parse_and_every_message_formats_without_placeholders_left() {
        for lang in Lang::ALL {
            let bundle = bundle_of(lang);
            for key in keys(lang) {
                let message = bundle.get_message(&key).expect("listed key");
                assert!(message.value().is_some(), "{lang}: {key} has no text");
            }
        }
    }

    #[test]
    fn braces_and_leading_spaces_written_as_literals_are_said_as_written() {
        let takes = Message::new("value-takes-percent");
        assert_eq!(
            takes.in_lang(Lang::En),
            r#"a number from 0 to 100 or {"numerator", "denominator"}"#
        );
        let twice = Message::new("import-number-twice")
            .arg("number", "7")
            .message(
                "inSection",
                Message::new("import-in-section").arg("code", "II"),
            )
            .message("earlier", Message::new("text-as-written").arg("text", ""))
            .arg("stored", "8");
        assert_eq!(
            twice.in_lang(Lang::En),
            "number 7 appears twice in section II: this one is stored as 8, a section numbers \
             each indicator once"
        );
        assert!(
            twice
                .in_lang(Lang::Vi)
                .starts_with("số thứ tự 7 xuất hiện hai lần trong phần II:")
        );
    }

    #[test]
    fn a_message_is_said_in_the_language_asked_with_numbers_written_its_way() {
        let message = Message::new("problem-title-not-found");
        assert_eq!(message.in_lang(Lang::En), "Not found");
        assert_eq!(message.in_lang(Lang::Vi), "Không tìm thấy");
    }
}
