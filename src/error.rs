//! Errors that stop a run: unusable input or arguments (exit status 2).
//!
//! Every message names the file, and for TOML the line, so the user's one line on stderr
//! says where to look. Messy *content* is never an error: it becomes a note or a finding.

use crate::text::Slice;
use std::path::PathBuf;

/// An input or configuration problem that makes a run impossible.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{path}: cannot write: {message}")]
    Write { path: PathBuf, message: String },
    #[error("{path}:{line}: {message}")]
    Toml {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A TOML problem, located by the byte span the parser reports.
    pub(crate) fn toml(path: impl Into<PathBuf>, text: &str, err: &toml::de::Error) -> Self {
        let line = err.span().map_or(1, |s| {
            text.slice(..s.start.min(text.len())).matches('\n').count() + 1
        });
        Error::Toml {
            path: path.into(),
            line,
            message: err
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// A problem with one entry of a TOML file, at a known line.
    pub(crate) fn at_line(
        path: impl Into<PathBuf>,
        line: usize,
        message: impl Into<String>,
    ) -> Self {
        Error::Toml {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}
