//! Lexicons: the shared word lists in `rules/lexicon/*.toml` (boilerplate patterns,
//! sentence-ending exceptions, time-zone abbreviations, known identifiers, titles, stance
//! cues). Built in at compile time; `--rules DIR` may override a file by name with
//! `DIR/lexicon/NAME.toml`. Each stage owns the typed form of its own file; this module
//! only finds the text and parses it strictly, naming the file and line on error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::error::Error;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}
pub use builtin::{BUILTIN_LEXICON, BUILTIN_RULES};

/// The raw lexicon files in force: name → (where it came from, contents).
#[derive(Debug, Clone, Default)]
pub struct LexiconFiles {
    files: BTreeMap<String, (PathBuf, String)>,
}

impl LexiconFiles {
    pub fn builtin() -> Self {
        let mut files = BTreeMap::new();
        for (name, text) in BUILTIN_LEXICON {
            files.insert(
                (*name).to_string(),
                (
                    PathBuf::from(format!("rules/lexicon/{name}")),
                    (*text).to_string(),
                ),
            );
        }
        LexiconFiles { files }
    }

    /// Adds or replaces files from `dir/lexicon/*.toml`.
    pub fn overlay(&mut self, dir: &Path) -> Result<(), Error> {
        let lex = dir.join("lexicon");
        if !lex.is_dir() {
            return Ok(());
        }
        let rd = std::fs::read_dir(&lex).map_err(|e| Error::Io {
            path: lex.clone(),
            message: e.to_string(),
        })?;
        let mut paths: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = crate::story::read_config(&path)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.files.insert(name, (path, text));
        }
        Ok(())
    }

    /// Parses lexicon `name` strictly into `T`; a missing file gives `T::default()`.
    pub fn parse<T: DeserializeOwned + Default>(&self, name: &str) -> Result<T, Error> {
        match self.files.get(name) {
            None => Ok(T::default()),
            Some((path, text)) => toml::from_str(text).map_err(|e| Error::toml(path, text, &e)),
        }
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

/// Every stage's typed lexicon, parsed once per run.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    pub clean: crate::clean::Lexicon,
    pub segment: crate::segment::Lexicon,
    pub time: crate::extract::time::Lexicon,
    pub events: crate::extract::time::EventLexicon,
    pub quantity: crate::extract::quantity::Lexicon,
    pub measures: crate::extract::frame::Senses,
    pub identifier: crate::extract::identifier::Lexicon,
    pub entity: crate::extract::entity::Lexicon,
    pub stance: crate::extract::stance::Lexicon,
}

impl Lexicons {
    pub fn from_files(files: &LexiconFiles) -> Result<Self, Error> {
        Ok(Lexicons {
            clean: files.parse("boilerplate.toml")?,
            segment: files.parse("abbreviations.toml")?,
            time: files.parse("timezones.toml")?,
            events: files.parse("events.toml")?,
            quantity: files.parse("quantities.toml")?,
            measures: files.parse("measures.toml")?,
            identifier: files.parse("identifiers.toml")?,
            entity: files.parse("titles.toml")?,
            stance: files.parse("stance.toml")?,
        })
    }

    /// The built-in lexicons. They are tested to parse, so this cannot fail at run time.
    pub fn builtin() -> Self {
        Self::from_files(&LexiconFiles::builtin()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let files = LexiconFiles::builtin();
        assert!(files.names().count() >= 7);
        if let Err(e) = Lexicons::from_files(&files) {
            panic!("{e}");
        }
    }
}
