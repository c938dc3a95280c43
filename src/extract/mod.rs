//! Extract: typed claims from a segmented source.
//!
//! Input: a [`Doc`] (sentences with spans) and its [`Source`]. Output: [`Claim`]s, each
//! with the span of its words in the original file, a normalised value and the context
//! words that say what it is about (used by `align`). One submodule per claim type;
//! extractors never print and never see other sources.

pub mod entity;
pub mod frame;
pub mod identifier;
pub mod quantity;
pub mod quote;
pub mod stance;
pub mod time;

use chrono_tz::Tz;

use crate::lexicon::Lexicons;
use crate::segment::Doc;
use crate::story::{Published, Source, Span};
use crate::text::Slice;

/// What a claim is about, with its typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Date(time::DateValue),
    Quantity(quantity::Quantity),
    Identifier(identifier::Identifier),
    Name(entity::NameMention),
    Title(entity::TitleMention),
    Quote(quote::Quote),
    Stance(stance::Stance),
}

impl Value {
    /// The claim type's name, as `concord extract --kind` takes it.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Date(_) => "date",
            Value::Quantity(_) => "number",
            Value::Identifier(_) => "identifier",
            Value::Name(_) => "name",
            Value::Title(_) => "title",
            Value::Quote(_) => "quote",
            Value::Stance(_) => "stance",
        }
    }
}

/// The claim kinds `extract --kind` accepts.
pub const KINDS: &[&str] = &[
    "date",
    "number",
    "identifier",
    "name",
    "title",
    "quote",
    "stance",
];

/// One thing a source states, located in its text.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Index of the source in the story.
    pub source: usize,
    /// Index of the sentence in the source's [`Doc`].
    pub sentence: usize,
    /// The claim's words in the original file.
    pub span: Span,
    /// `source.text[span]`.
    pub text: String,
    /// The canonical form (see the contract: `2025-06-09`, `30%`, `6.88e11 USD`).
    pub normalized: String,
    pub value: Value,
    /// Stemmed content words saying what the claim is about (its event or quantity).
    pub context: Vec<String>,
    /// Words naming what the claim is about, for a finding's subject.
    pub about: String,
    /// The names a figure belongs to (lower-cased): "Butker's 29-yard field goal" →
    /// `butker`. Two figures of different owners are different quantities.
    pub owners: Vec<String>,
    /// The other distinctive figures of a figure's sentence (normalised): two sentences
    /// sharing one tell of one event ("with 1:53 remaining … a 53-yard field goal").
    pub anchors: Vec<String>,
    /// In a draft sentence that repeats a reference sentence word for word: never a
    /// contradiction of that reference's dates.
    pub copied: bool,
}

/// What an extractor may know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub lex: &'a Lexicons,
    /// The story's zone, where its events happen.
    pub tz: Option<Tz>,
    pub published: Option<Published>,
    /// The story's day, from its other sources' publication times (their median): the year
    /// of a month and day in a source with no date of its own.
    pub story_date: Option<chrono::NaiveDate>,
    /// Words the story's sources write capitalised inside a sentence, lower-cased: its
    /// names, known also where a sentence opens on one ("Alton residents were …").
    pub names: &'a std::collections::HashSet<String>,
    /// The people each source names in full, with their surnames (by source index).
    pub people: &'a [Vec<(String, String)>],
    /// The story's people by surname (`None`: a surname of two people).
    pub surnames: &'a std::collections::HashMap<String, Option<(String, String)>>,
}

/// Builds a claim from a range of sentence `sentence` in cleaned-text coordinates.
pub fn claim(
    source: &Source,
    doc: &Doc,
    (source_index, sentence): (usize, usize),
    (start, end): (usize, usize),
    value: Value,
    normalized: String,
) -> Claim {
    let span = doc.cleaned.text.to_span(start, end, &source.text);
    Claim {
        source: source_index,
        sentence,
        span,
        text: source.text.slice(span.start..span.end).to_string(),
        normalized,
        value,
        context: Vec::new(),
        about: String::new(),
        owners: Vec::new(),
        anchors: Vec::new(),
        copied: false,
    }
}

/// Extracts every claim of one source.
pub fn extract(source_index: usize, source: &Source, doc: &Doc, ctx: &Ctx) -> Vec<Claim> {
    let mut out = Vec::new();
    time::extract(source_index, source, doc, ctx, &mut out);
    quantity::extract(source_index, source, doc, ctx, &mut out);
    identifier::extract(source_index, source, doc, ctx, &mut out);
    entity::extract(source_index, source, doc, ctx, &mut out);
    quote::extract(source_index, source, doc, ctx, &mut out);
    stance::extract(source_index, source, doc, ctx, &mut out);
    out.sort_by_key(|c| (c.span.start, c.span.end, c.value.kind()));
    out
}

/// The claims the whole pipeline reads in `text`, as one source of a story (for tests).
#[cfg(test)]
pub(crate) fn claims_of(text: &str) -> Vec<Claim> {
    let story = crate::story::Story {
        title: None,
        timezone: None,
        root: std::path::PathBuf::from("."),
        sources: vec![crate::story::Source::from_text(
            "s",
            "s.txt",
            crate::story::Format::Text,
            text.to_string(),
        )],
        notes: Vec::new(),
    };
    let lexicons = crate::lexicon::Lexicons::builtin();
    crate::analyse(&story, &lexicons).claims
}
