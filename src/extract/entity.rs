//! People, organisations and their titles.

use serde::Deserialize;

use super::{Claim, Ctx};
use crate::segment::Doc;
use crate::story::Source;

/// Title equivalences (`rules/lexicon/titles.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {}

/// A person or organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    pub name: String,
}

/// A title given to a named person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    pub person: String,
    pub title: String,
}

pub fn extract(_si: usize, _source: &Source, _doc: &Doc, _ctx: &Ctx, _out: &mut Vec<Claim>) {}
