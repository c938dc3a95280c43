//! Stances: claimed links between two things, and their denials.

use serde::Deserialize;

use super::{Claim, Ctx};
use crate::segment::Doc;
use crate::story::Source;

/// Stance cue phrases (`rules/lexicon/stance.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {}

/// A link asserted or denied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    pub asserted: bool,
}

pub fn extract(_si: usize, _source: &Source, _doc: &Doc, _ctx: &Ctx, _out: &mut Vec<Claim>) {}
