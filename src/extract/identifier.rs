//! Identifiers: product and model codes (H20, H100, A800).

use serde::Deserialize;

use super::{Claim, Ctx};
use crate::segment::Doc;
use crate::story::Source;

/// Known identifier families (`rules/lexicon/identifiers.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {}

/// A product or model code as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    pub code: String,
}

pub fn extract(_si: usize, _source: &Source, _doc: &Doc, _ctx: &Ctx, _out: &mut Vec<Claim>) {}
