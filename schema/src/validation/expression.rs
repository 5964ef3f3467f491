//! One side of a validation rule in DHIS2's notation: indicator codes as `#{NQ57-X-1}`,
//! numbers, `+ - * /` and parentheses. Parsed once into a tree; a parse error names the
//! 1-based character position where the input stops making sense.

use std::collections::HashMap;

use crate::domain::{IndicatorCode, Invalid};

/// Longer expressions are refused: a rule is a check a person reads, not a program.
const MAX_CHARS: usize = 2_000;
/// Parentheses nested deeper are refused, so a hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Number(f64),
    /// An indicator code and the 1-based position of its `#`.
    Item(String, usize),
    Negate(Box<Node>),
    Binary(char, Box<Node>, Box<Node>),
}

/// A parsed side: built only through [`Expression::parse`].
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    raw: String,
    root: Node,
}

/// How a side's value came out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SideValue {
    Value(f64),
    /// Values it needs are missing (under the rule's missing-value strategy).
    Missing,
    /// It divides by zero: it has no value, whatever the strategy.
    DivisionByZero,
}

impl SideValue {
    pub fn value(self) -> Option<f64> {
        match self {
            SideValue::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// What to do when an indicator a side names has no value in the report (DHIS2's
/// `MissingValueStrategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissingValueStrategy {
    /// The side has no value if any value it names is missing (DHIS2's default).
    SkipIfAnyValueMissing,
    /// The side has no value only if all values it names are missing; others count as 0.
    SkipIfAllValuesMissing,
    /// Missing values count as 0; the side always has a value.
    NeverSkip,
}

impl MissingValueStrategy {
    pub const ALL: [MissingValueStrategy; 3] = [
        Self::SkipIfAnyValueMissing,
        Self::SkipIfAllValuesMissing,
        Self::NeverSkip,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SkipIfAnyValueMissing => "skipIfAnyValueMissing",
            Self::SkipIfAllValuesMissing => "skipIfAllValuesMissing",
            Self::NeverSkip => "neverSkip",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw)
            .ok_or_else(|| {
                Invalid::new(format!(
                    "must be skipIfAnyValueMissing, skipIfAllValuesMissing or neverSkip, not {raw:?}"
                ))
            })
    }
}

impl Expression {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let chars: Vec<char> = raw.chars().collect();
        if chars.len() > MAX_CHARS {
            return Err(Invalid::new(format!(
                "must be at most {MAX_CHARS} characters long"
            )));
        }
        let mut parser = Parser {
            chars: &chars,
            at: 0,
            depth: 0,
        };
        let root = parser.sum()?;
        parser.skip_spaces();
        if parser.at < chars.len() {
            return Err(parser.error(&format!(
                "expected an operator (+ - * /) or the end, found {:?}",
                chars[parser.at]
            )));
        }
        Ok(Self {
            raw: raw.trim().to_owned(),
            root,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The indicator codes it names, each once, in order of appearance.
    pub fn indicator_codes(&self) -> Vec<&str> {
        self.indicator_positions()
            .into_iter()
            .map(|(code, _)| code)
            .collect()
    }

    /// The indicator codes it names with the 1-based position of their first appearance.
    pub fn indicator_positions(&self) -> Vec<(&str, usize)> {
        let mut codes = Vec::new();
        collect(&self.root, &mut codes);
        codes
    }

    /// Its value over `values` (by indicator code) under `strategy`.
    pub fn evaluate(
        &self,
        values: &HashMap<String, f64>,
        strategy: MissingValueStrategy,
    ) -> SideValue {
        let codes = self.indicator_codes();
        let missing = codes.iter().filter(|c| !values.contains_key(**c)).count();
        let skip = match strategy {
            MissingValueStrategy::SkipIfAnyValueMissing => missing > 0,
            MissingValueStrategy::SkipIfAllValuesMissing => {
                !codes.is_empty() && missing == codes.len()
            }
            MissingValueStrategy::NeverSkip => false,
        };
        if skip {
            return SideValue::Missing;
        }
        match compute(&self.root, values) {
            Some(v) if v.is_finite() => SideValue::Value(v),
            _ => SideValue::DivisionByZero,
        }
    }
}

fn collect<'a>(node: &'a Node, codes: &mut Vec<(&'a str, usize)>) {
    match node {
        Node::Number(_) => {}
        Node::Item(code, position) => {
            if !codes.iter().any(|(seen, _)| *seen == code) {
                codes.push((code, *position));
            }
        }
        Node::Negate(inner) => collect(inner, codes),
        Node::Binary(_, left, right) => {
            collect(left, codes);
            collect(right, codes);
        }
    }
}

/// `None` on division by zero; a missing value counts as 0 (the strategy decided before).
fn compute(node: &Node, values: &HashMap<String, f64>) -> Option<f64> {
    Some(match node {
        Node::Number(n) => *n,
        Node::Item(code, _) => values.get(code).copied().unwrap_or(0.0),
        Node::Negate(inner) => -compute(inner, values)?,
        Node::Binary(op, left, right) => {
            let (l, r) = (compute(left, values)?, compute(right, values)?);
            match op {
                '+' => l + r,
                '-' => l - r,
                '*' => l * r,
                _ if r == 0.0 => return None,
                _ => l / r,
            }
        }
    })
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> Invalid {
        Invalid::new(format!("at position {}: {what}", self.at + 1))
    }

    fn skip_spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_spaces();
        self.chars.get(self.at).copied()
    }

    fn sum(&mut self) -> Result<Node, Invalid> {
        let mut node = self.product()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.at += 1;
            node = Node::Binary(op, Box::new(node), Box::new(self.product()?));
        }
        Ok(node)
    }

    fn product(&mut self) -> Result<Node, Invalid> {
        let mut node = self.unary()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.at += 1;
            node = Node::Binary(op, Box::new(node), Box::new(self.unary()?));
        }
        Ok(node)
    }

    fn unary(&mut self) -> Result<Node, Invalid> {
        if self.peek() == Some('-') {
            self.at += 1;
            return self.nested(|p| Ok(Node::Negate(Box::new(p.unary()?))));
        }
        self.primary()
    }

    fn nested(
        &mut self,
        inner: impl FnOnce(&mut Self) -> Result<Node, Invalid>,
    ) -> Result<Node, Invalid> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(&format!("nested more than {MAX_DEPTH} deep")));
        }
        let node = inner(self)?;
        self.depth -= 1;
        Ok(node)
    }

    fn primary(&mut self) -> Result<Node, Invalid> {
        match self.peek() {
            Some('(') => {
                self.at += 1;
                let node = self.nested(Self::sum)?;
                if self.peek() != Some(')') {
                    return Err(self.error("expected ')'"));
                }
                self.at += 1;
                Ok(node)
            }
            Some('#') => self.item(),
            Some(c) if c.is_ascii_digit() || c == '.' => self.number(),
            Some(c) => Err(self.error(&format!(
                "expected an indicator #{{code}}, a number or '(', found {c:?}"
            ))),
            None => {
                Err(self.error("expected an indicator #{code}, a number or '(', found the end"))
            }
        }
    }

    fn item(&mut self) -> Result<Node, Invalid> {
        let position = self.at + 1;
        self.at += 1;
        if self.chars.get(self.at) != Some(&'{') {
            return Err(self.error("expected '{' after '#'"));
        }
        self.at += 1;
        let start = self.at;
        let Some(length) = self.chars[start..].iter().position(|c| *c == '}') else {
            return Err(self.error("expected an indicator code closed by '}'"));
        };
        let code: String = self.chars[start..start + length].iter().collect();
        IndicatorCode::parse(&code)
            .map_err(|invalid| self.error(&format!("the indicator code {code:?} {}", invalid.0)))?;
        self.at = start + length + 1;
        Ok(Node::Item(code, position))
    }

    fn number(&mut self) -> Result<Node, Invalid> {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
        {
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        text.parse::<f64>().map(Node::Number).map_err(|_| {
            self.at = start;
            self.error(&format!(
                "{text:?} is not a number (use a dot for decimals)"
            ))
        })
    }
}

#[cfg(test)]
#[path = "expression_tests.rs"]
mod tests;
