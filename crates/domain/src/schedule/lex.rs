//! A small tokenizer over Vietnamese text, shared by the schedule and target
//! parsers. Words are folded (lowercase, no diacritics, đ -> d) so grammars
//! match "Hằng năm", "hàng năm" and "HANG NAM" alike, while every token keeps
//! its byte range in the original text so parsers can quote it verbatim.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A run of letters, folded.
    Word(String),
    /// A run of ASCII digits; `digits` counts them ("01" has 2), `value`
    /// saturates so absurdly long numbers never overflow.
    Num { value: u64, digits: usize },
    /// Any other character that is not whitespace.
    Punct(char),
}

/// One token with its place in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub tok: Tok,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Whether whitespace (or the start of the text) precedes this token.
    pub space_before: bool,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn num(&self) -> Option<(u64, usize)> {
        match self.tok {
            Tok::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }
}

/// Folds one character: lowercase, without diacritics, đ -> d. May yield
/// nothing (a lone combining mark) or several characters.
fn fold_char(c: char, out: &mut String) {
    if c == 'đ' || c == 'Đ' {
        out.push('d');
        return;
    }
    for d in std::iter::once(c).nfd() {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        let tok = if c.is_ascii_digit() {
            let (mut value, mut digits) = (u64::from(c as u8 - b'0'), 1);
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                digits += 1;
                end = i + d.len_utf8();
                chars.next();
            }
            Tok::Num { value, digits }
        } else if is_word_char(c) {
            let mut word = String::new();
            fold_char(c, &mut word);
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| is_word_char(*d)) {
                fold_char(d, &mut word);
                end = i + d.len_utf8();
                chars.next();
            }
            Tok::Word(word)
        } else {
            Tok::Punct(c)
        };
        tokens.push(Token {
            tok,
            start,
            end,
            space_before,
        });
        space_before = false;
    }
    tokens
}

/// A cursor over tokens with the small matching helpers both grammars use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub tokens: &'a [Token],
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(tokens: &'a [Token]) -> Self {
        Cursor { tokens, pos: 0 }
    }

    pub fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    /// True when the following words are `words` (already folded).
    pub fn at_words(&self, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(i, w)| {
            self.tokens
                .get(self.pos + i)
                .and_then(Token::word)
                .is_some_and(|t| t == *w)
        })
    }

    /// Consumes `words` if they come next.
    pub fn eat_words(&mut self, words: &[&str]) -> bool {
        let found = self.at_words(words);
        if found {
            self.pos += words.len();
        }
        found
    }

    /// Consumes the first phrase of `phrases` that comes next.
    pub fn eat_any(&mut self, phrases: &[&[&str]]) -> bool {
        phrases.iter().any(|p| self.eat_words(p))
    }

    pub fn eat_punct(&mut self, c: char) -> bool {
        let found = self.peek().is_some_and(|t| t.is_punct(c));
        if found {
            self.pos += 1;
        }
        found
    }

    pub fn eat_num(&mut self) -> Option<(u64, usize)> {
        let n = self.peek().and_then(Token::num)?;
        self.pos += 1;
        Some(n)
    }

    pub fn eat_word(&mut self) -> Option<&'a str> {
        let w = self.peek().and_then(Token::word)?;
        self.pos += 1;
        Some(w)
    }

    /// Skips punctuation that carries no meaning at the edges of a cell.
    pub fn skip_punct(&mut self, set: &[char]) {
        while self
            .peek()
            .is_some_and(|t| set.iter().any(|c| t.is_punct(*c)))
        {
            self.pos += 1;
        }
    }
}
