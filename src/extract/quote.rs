//! Quotes and their speakers.

use super::{Claim, Ctx};
use crate::segment::Doc;
use crate::story::Source;

/// Quoted words with the speaker they are given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub words: String,
    pub speaker: Option<String>,
}

pub fn extract(_si: usize, _source: &Source, _doc: &Doc, _ctx: &Ctx, _out: &mut Vec<Claim>) {}
