//! The one message catalogue: every sentence chitieu says to a person, in Vietnamese and
//! English, from `schema/locales/{vi,en}.ftl` (Project Fluent). Code names a message by its key
//! and arguments ([`Message`]); the language is chosen where the text leaves the system (the
//! API's error mapping from `Accept-Language`, an export's `lang=`), so the layers below never
//! pick a language themselves. Machine fields (codes, enums, pointers) are never messages.
//!
//! To add a message: add `key = English text` to `en.ftl` and the same key to `vi.ftl`, then
//! build it with `Message::new("key").arg("name", value)`. The test
//! `every_message_has_both_languages` fails until both files have the key.

mod catalogue;
mod lang;
mod number;

use std::fmt;

pub use catalogue::{keys, render};
pub use lang::Lang;
pub use number::format_number;

/// A sentence to be said in the reader's language: a catalogue key and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

// Arguments hold numbers as `f64`; a message is still equal only to itself, as a sentence is.
impl Eq for Message {}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Data, said as it is in every language (a name, a code, a cell reference).
    Plain(String),
    /// A number rounded to `decimals` places, with the reader's decimal separator.
    Number { value: f64, decimals: usize },
    /// Another message, said in the same language (a thing's name, a reason).
    Message(Box<Message>),
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// A plain argument: data said as it is.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Plain(value.to_string())));
        self
    }

    /// A number rounded to `decimals` places.
    pub fn number(mut self, name: &'static str, value: f64, decimals: usize) -> Self {
        self.args.push((name, Arg::Number { value, decimals }));
        self
    }

    /// Another message as an argument.
    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(value))));
        self
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        render(lang, self)
    }
}

/// English, for logs and for code that has no reader (the log is read by operators in English).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Text for a person: a catalogue message, or a sentence written before the catalogue existed
/// (English only) that has not been moved into it yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Message(Message),
    Untranslated(String),
}

impl Text {
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Text::Message(message) => message.in_lang(lang),
            Text::Untranslated(text) => text.clone(),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Text {
    /// The text as a message, to be an argument of another: a sentence not in the catalogue
    /// is said as written.
    pub fn into_message(self) -> Message {
        match self {
            Text::Message(message) => message,
            Text::Untranslated(text) => Message::new("text-as-written").arg("text", text),
        }
    }
}

impl From<Message> for Text {
    fn from(message: Message) -> Self {
        Text::Message(message)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Untranslated(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Untranslated(text.to_owned())
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::Untranslated(text.clone())
    }
}
