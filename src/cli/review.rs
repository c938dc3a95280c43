//! `concord review DRAFT --against STORY`: check a draft against a story's reports without
//! editing its manifest. The draft joins the story as a source with role `draft`.

use std::io::Write;
use std::path::PathBuf;

use super::check;
use crate::error::Error;
use crate::story::Story;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The draft (.txt, .md or .html); `-` reads it from standard input.
    pub draft: PathBuf,
    /// The story to check it against (a folder or a story.toml).
    #[arg(long, value_name = "STORY")]
    pub against: PathBuf,
    /// Publication time of the draft (RFC 3339), to resolve its relative dates.
    #[arg(long, value_name = "DATETIME")]
    pub published: Option<String>,
    #[command(flatten)]
    pub check: check::Options,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let mut story = Story::open(&args.against)?;
    story.add_draft(&args.draft)?;
    if let Some(p) = &args.published {
        let published = crate::story::Published::parse_rfc3339(p).ok_or_else(|| {
            Error::Usage(format!(
                "--published `{p}` is not an RFC 3339 date or datetime"
            ))
        })?;
        if let Some(d) = story.sources.last_mut() {
            d.published = Some(published);
            d.published_from = crate::story::PublishedFrom::Manifest;
        }
    }
    let opts = check::Args {
        paths: vec![args.against.clone()],
        options: args.check.clone(),
    };
    check::run_stories(&opts, vec![story], out)
}
