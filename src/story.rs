//! The story: its manifest (`story.toml`), its sources, and positions inside them.
//!
//! Input: a story folder, a `story.toml` path, or in-memory texts (rule examples, tests).
//! Output: a [`Story`] whose sources hold their text exactly as read. This module and
//! nothing else reads files. Spans everywhere in concord are byte offsets into
//! [`Source::text`], which is the file as read (decoded lossily only when it was not
//! UTF-8, and then the source carries a note saying so).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::Error;

/// A byte range into a source's text. `text[start..end]` is always a valid slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// The role a source plays in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    #[default]
    Reference,
    Draft,
}

/// The input format of a source, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// When a source was published, as precisely as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A calendar date with no time of day.
    Date(NaiveDate),
    /// An instant with its original UTC offset.
    DateTime(DateTime<FixedOffset>),
}

impl Published {
    /// Parses an RFC 3339 date (`2025-06-10`) or datetime (`2025-06-10T11:44:12+05:30`).
    pub fn parse_rfc3339(s: &str) -> Option<Published> {
        let s = s.trim();
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Some(Published::DateTime(dt));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(Published::Date)
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(d) => *d,
            Published::DateTime(dt) => dt.date_naive(),
        }
    }
}

impl std::fmt::Display for Published {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Published::DateTime(dt) => write!(f, "{}", dt.to_rfc3339()),
        }
    }
}

/// Where a source's publication time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublishedFrom {
    /// `published` in `story.toml`, or `--published` on the command line.
    Manifest,
    /// A dateline or byline in the text.
    Dateline,
    /// Not known: no manifest entry and no usable dateline.
    Unknown,
}

/// One report of the story, with its text exactly as read.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    /// The path as the user wrote it (relative to the manifest folder), for reports.
    pub path: String,
    /// The same file as reached from the current directory, as the user typed the story's
    /// path ("stories/x/a.txt"): where renderers point editors and CI annotations.
    pub file: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Published>,
    pub published_from: PublishedFrom,
    /// What concord could say of the publication time (e.g. an ambiguous zone).
    pub published_note: Option<String>,
    pub role: Role,
    pub format: Format,
    pub text: String,
    /// Problems met while reading, shown in the report (e.g. lossy decoding).
    pub notes: Vec<String>,
    lines: LineIndex,
}

impl Source {
    /// A source built from text in memory (rule examples, `extract -`, tests).
    pub fn from_text(id: &str, path: &str, format: Format, text: String) -> Source {
        let lines = LineIndex::new(&text);
        Source {
            id: id.to_string(),
            path: path.to_string(),
            file: path.to_string(),
            outlet: None,
            url: None,
            published: None,
            published_from: PublishedFrom::Unknown,
            published_note: None,
            role: Role::Reference,
            format,
            text,
            notes: Vec::new(),
            lines,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The byte range of the 1-based line `line`, without its newline.
    pub fn line_span(&self, line: usize) -> Span {
        self.lines.line_span(&self.text, line)
    }
}

/// Byte offsets of line starts, for turning spans into `line:column`.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset, characters before it)` every [`CHECKPOINT`] bytes, at character
    /// boundaries: a column is counted from the nearest checkpoint, so a file of one long
    /// line costs a bounded count per lookup, not a count from its start.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between character-count checkpoints in a [`LineIndex`].
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Lines end at LF, CRLF, or a lone CR (old Mac files): a file with CR-only line
    /// endings must not put every finding on line 1.
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            b.iter()
                .enumerate()
                .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i + 1),
        );
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// The number of characters before byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (b, n) = self
            .checkpoints
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        n + text
            .get(b..offset)
            .map_or(offset - b, |s| s.chars().count())
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = if text.is_char_boundary(offset) && text.is_char_boundary(start) {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } else {
            offset - start
        } + 1;
        (line, column)
    }

    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        let end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        Span::new(start, end.max(start))
    }
}

/// A story: a title, the zone where its events happen, and its sources.
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub title: Option<String>,
    pub timezone: Option<chrono_tz::Tz>,
    /// The folder holding the manifest (or the sources).
    pub root: PathBuf,
    pub sources: Vec<Source>,
    /// Things the user should know about loading: skipped files, lossy decoding.
    pub notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Manifest {
    title: Option<String>,
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<SourceEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SourceEntry {
    id: Spanned<String>,
    path: Spanned<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Spanned<PublishedValue>>,
    role: Option<Spanned<String>>,
}

/// `published` may be a quoted string or a bare TOML date/datetime.
#[derive(Deserialize)]
#[serde(untagged)]
enum PublishedValue {
    Text(String),
    Toml(toml::value::Datetime),
}

/// Is `id` a valid source id: non-empty, `[a-z0-9-]` only?
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses an IANA zone name.
pub fn parse_timezone(name: &str) -> Option<chrono_tz::Tz> {
    name.trim().parse::<chrono_tz::Tz>().ok()
}

impl Story {
    /// Opens a story from a folder (with or without `story.toml`) or a manifest path.
    pub fn open(path: &Path) -> Result<Story, Error> {
        let mut story = Self::open_at(path)?;
        // Each file as reached from the current directory: the story's folder as typed,
        // joined with the manifest's path ("./x" stays "./x"; a manifest in "." adds nothing).
        if story.root != Path::new(".") {
            for s in &mut story.sources {
                s.file = story.root.join(&s.path).to_string_lossy().into_owned();
            }
        }
        Ok(story)
    }

    fn open_at(path: &Path) -> Result<Story, Error> {
        if !path.exists() {
            return Err(Error::NotFound {
                path: path.to_path_buf(),
            });
        }
        if path.is_dir() {
            let manifest = path.join("story.toml");
            if manifest.is_file() {
                Self::from_manifest(&manifest)
            } else {
                Self::from_folder(path)
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            Self::from_manifest(path)
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                message: "not a story: give a story folder or a story.toml file".into(),
            })
        }
    }

    fn from_manifest(manifest_path: &Path) -> Result<Story, Error> {
        let text = read_config(manifest_path)?;
        let manifest: Manifest =
            toml::from_str(&text).map_err(|e| Error::toml(manifest_path, &text, &e))?;
        // One line index for the whole manifest: a story of thousands of sources must not
        // recount lines from the top for every entry.
        let lines = LineIndex::new(&text);
        let line_of = |offset: usize| lines.line_col(&text, offset).0;
        let root = manifest_path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        let timezone = match &manifest.timezone {
            None => None,
            Some(tz) => Some(parse_timezone(tz.get_ref()).ok_or_else(|| {
                Error::at_line(
                    manifest_path,
                    line_of(tz.span().start),
                    format!(
                        "unknown time zone `{}` (use an IANA name such as Europe/London)",
                        tz.get_ref()
                    ),
                )
            })?),
        };
        if manifest.sources.is_empty() {
            return Err(Error::Invalid {
                path: manifest_path.to_path_buf(),
                message: "no [[sources]]: a story needs at least one source".into(),
            });
        }
        let mut story = Story {
            title: manifest.title,
            timezone,
            root: root.clone(),
            sources: Vec::new(),
            notes: Vec::new(),
        };
        let mut seen = BTreeSet::new();
        let mut total: u64 = 0;
        let real_root = std::fs::canonicalize(&root).map_err(|e| Error::Io {
            path: root.clone(),
            message: e.to_string(),
        })?;
        for entry in manifest.sources {
            let entry = entry.into_inner();
            let id = entry.id.get_ref().clone();
            let id_line = line_of(entry.id.span().start);
            if !valid_id(&id) {
                return Err(Error::at_line(
                    manifest_path,
                    id_line,
                    format!("source id `{id}` must be lowercase letters, digits and `-`"),
                ));
            }
            if !seen.insert(id.clone()) {
                return Err(Error::at_line(
                    manifest_path,
                    id_line,
                    format!("duplicate source id `{id}`"),
                ));
            }
            let rel = entry.path.get_ref().clone();
            let path_line = line_of(entry.path.span().start);
            if !stays_inside(Path::new(&rel)) {
                return Err(Error::at_line(
                    manifest_path,
                    path_line,
                    format!("path `{rel}` leaves the story folder"),
                ));
            }
            let role = match &entry.role {
                None => Role::Reference,
                Some(r) => match r.get_ref().as_str() {
                    "reference" => Role::Reference,
                    "draft" => Role::Draft,
                    other => {
                        return Err(Error::at_line(
                            manifest_path,
                            line_of(r.span().start),
                            format!("role `{other}` is not `reference` or `draft`"),
                        ))
                    }
                },
            };
            let published = match &entry.published {
                None => None,
                Some(p) => {
                    let raw = match p.get_ref() {
                        PublishedValue::Text(s) => s.clone(),
                        PublishedValue::Toml(d) => d.to_string(),
                    };
                    Some(Published::parse_rfc3339(&raw).ok_or_else(|| {
                        Error::at_line(
                            manifest_path,
                            line_of(p.span().start),
                            format!("published `{raw}` is not an RFC 3339 date or datetime (2025-06-10 or 2025-06-10T11:44:12+05:30)"),
                        )
                    })?)
                }
            };
            let full = root.join(&rel);
            // The path as written stays inside; where it resolves must too (a symlink in
            // the folder may point at any file the user can read).
            if let Ok(real) = std::fs::canonicalize(&full) {
                if !real.starts_with(&real_root) {
                    return Err(Error::at_line(
                        manifest_path,
                        path_line,
                        format!("path `{rel}` resolves outside the story folder (a symbolic link): not read"),
                    ));
                }
            }
            let format = Format::from_path(&full).unwrap_or(Format::Text);
            let (text, note) = read_lossy(&full).map_err(|e| match e {
                Error::Invalid { message, .. } => Error::at_line(
                    manifest_path,
                    path_line,
                    format!("source `{rel}`: {message}"),
                ),
                other => other,
            })?;
            total += text.len() as u64;
            if total > MAX_STORY_BYTES {
                return Err(Error::at_line(
                    manifest_path,
                    path_line,
                    format!(
                        "the sources up to `{rel}` hold more than {} MiB, the limit for one story",
                        MAX_STORY_BYTES >> 20
                    ),
                ));
            }
            let mut source = Source::from_text(&id, &rel, format, text);
            source.outlet = entry.outlet;
            source.url = entry.url;
            source.role = role;
            if let Some(p) = published {
                source.published = Some(p);
                source.published_from = PublishedFrom::Manifest;
            }
            if let Some(note) = note {
                story.notes.push(format!("{rel}: {note}"));
                source.notes.push(note);
            }
            story.sources.push(source);
        }
        Ok(story)
    }

    fn from_folder(dir: &Path) -> Result<Story, Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        let mut story = Story {
            root: dir.to_path_buf(),
            ..Story::default()
        };
        let real_root = std::fs::canonicalize(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut seen = BTreeSet::new();
        let mut total: u64 = 0;
        for file in files {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            let meta = std::fs::metadata(&file);
            let format = Format::from_path(&file);
            match (&meta, format) {
                // Sub-folders of a story folder are not sources; one named like a source is said.
                (Ok(m), None) if m.is_dir() => continue,
                (Ok(m), _) if !m.is_file() => {
                    story.notes.push(format!(
                        "{name}: skipped ({}, not a regular file)",
                        file_kind(m)
                    ));
                    continue;
                }
                (Err(e), _) => {
                    story
                        .notes
                        .push(format!("{name}: skipped (cannot read: {e})"));
                    continue;
                }
                (Ok(_), None) => {
                    story
                        .notes
                        .push(format!("{name}: skipped (not .txt, .md or .html)"));
                    continue;
                }
                (Ok(_), Some(_)) => {}
            }
            let Some(format) = format else { continue };
            if std::fs::canonicalize(&file).map_or(true, |real| !real.starts_with(&real_root)) {
                story.notes.push(format!(
                    "{name}: skipped (a link to a file outside the story folder)"
                ));
                continue;
            }
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = slug(&stem);
            if !seen.insert(id.clone()) {
                return Err(Error::Invalid {
                    path: file,
                    message: format!("duplicate source id `{id}` (two files with the same stem)"),
                });
            }
            let (text, note) = read_lossy(&file)?;
            total += text.len() as u64;
            if total > MAX_STORY_BYTES {
                return Err(Error::Invalid {
                    path: file,
                    message: format!(
                        "the sources up to this file hold more than {} MiB, the limit for one story",
                        MAX_STORY_BYTES >> 20
                    ),
                });
            }
            let mut source = Source::from_text(&id, &name, format, text);
            if let Some(note) = note {
                story.notes.push(format!("{name}: {note}"));
                source.notes.push(note);
            }
            story.sources.push(source);
        }
        if story.sources.is_empty() {
            return Err(Error::Invalid {
                path: dir.to_path_buf(),
                message: "no story.toml and no .txt, .md or .html files".into(),
            });
        }
        Ok(story)
    }
}

impl Story {
    /// Adds `file` as the draft under review (`concord review DRAFT --against STORY`).
    /// Its id is its file stem, made unique against the story's ids.
    pub fn add_draft(&mut self, file: &Path) -> Result<(), Error> {
        if file.as_os_str() == "-" {
            let (text, note) = read_stdin()?;
            let mut id = "draft".to_string();
            while self.sources.iter().any(|s| s.id == id) {
                id.push_str("-draft");
            }
            let mut source = Source::from_text(&id, "-", Format::Text, text);
            source.role = Role::Draft;
            if let Some(note) = note {
                self.notes.push(format!("-: {note}"));
                source.notes.push(note);
            }
            self.sources.push(source);
            return Ok(());
        }
        if !file.is_file() {
            return Err(Error::NotFound {
                path: file.to_path_buf(),
            });
        }
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut id = slug(&stem);
        while self.sources.iter().any(|s| s.id == id) {
            id.push_str("-draft");
        }
        let (text, note) = read_lossy(file)?;
        let format = Format::from_path(file).unwrap_or(Format::Text);
        let shown = file.display().to_string();
        let mut source = Source::from_text(&id, &shown, format, text);
        source.role = Role::Draft;
        if let Some(note) = note {
            self.notes.push(format!("{shown}: {note}"));
            source.notes.push(note);
        }
        self.sources.push(source);
        Ok(())
    }

    /// Is this story in review mode (it has a draft)?
    pub fn has_draft(&self) -> bool {
        self.sources.iter().any(|s| s.role == Role::Draft)
    }
}

/// Lowercases a file stem into a valid source id.
fn slug(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "source".into()
    } else {
        out
    }
}

/// A manifest path must not be absolute nor climb out of the story folder.
fn stays_inside(path: &Path) -> bool {
    let mut depth: i32 = 0;
    for c in path.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    depth > 0
}

/// The largest source file concord reads (16 MiB: a long article with its page is well
/// under 2 MiB). A larger file is an error, not a slow run or an exhausted memory.
pub const MAX_SOURCE_BYTES: u64 = 16 << 20;
/// The most source text one story may hold, all files together (256 MiB).
pub const MAX_STORY_BYTES: u64 = 256 << 20;
/// The largest configuration file (manifest, rule, lexicon, baseline) concord reads.
pub const MAX_CONFIG_BYTES: u64 = 16 << 20;

/// What kind of thing a path that is not a regular file is, for messages.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Reads a regular file of at most `limit` bytes. A FIFO, device, socket or folder is
/// refused before it is opened (opening a FIFO would wait for a writer forever), and the
/// read stops one byte past the limit, so a file that grows while read cannot exhaust
/// memory either.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            path: path.to_path_buf(),
        },
        _ => Error::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    })?;
    if !meta.is_file() {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: format!("{}, not a regular file: not read", file_kind(&meta)),
        });
    }
    let too_big = || Error::Invalid {
        path: path.to_path_buf(),
        message: format!(
            "larger than the {} MiB limit for one file: not read",
            limit >> 20
        ),
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    read_file(path, MAX_SOURCE_BYTES)
}

/// Standard input as one source's text (within the size limit of a file), and a note when
/// it had to be decoded lossily.
pub fn read_stdin() -> Result<(String, Option<String>), Error> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Io {
            path: PathBuf::from("<stdin>"),
            message: e.to_string(),
        })?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(Error::Invalid {
            path: PathBuf::from("<stdin>"),
            message: format!(
                "larger than the {} MiB limit for one file: not read",
                MAX_SOURCE_BYTES >> 20
            ),
        });
    }
    Ok(decode(bytes))
}

impl Story {
    /// A story of one source read from standard input (`concord check -`): its internal
    /// checks run (a text that contradicts itself or the calendar).
    pub fn from_stdin() -> Result<Story, Error> {
        let (text, note) = read_stdin()?;
        let mut source = Source::from_text("stdin", "-", Format::Text, text);
        let mut notes = Vec::new();
        if let Some(note) = note {
            notes.push(format!("-: {note}"));
            source.notes.push(note);
        }
        Ok(Story {
            title: None,
            timezone: None,
            root: PathBuf::from("."),
            sources: vec![source],
            notes,
        })
    }
}

pub fn read_config(path: &Path) -> Result<String, Error> {
    let bytes = read_file(path, MAX_CONFIG_BYTES)?;
    String::from_utf8(bytes).map_err(|_| Error::Invalid {
        path: path.to_path_buf(),
        message: "not valid UTF-8".into(),
    })
}

/// Reads a source; a non-UTF-8 or binary file is decoded lossily with a note.
fn read_lossy(path: &Path) -> Result<(String, Option<String>), Error> {
    let bytes = read_bytes(path)?;
    Ok(decode(bytes))
}

/// Decodes bytes as UTF-8; otherwise lossily, saying so. A file that looks binary
/// (NUL bytes) is kept as an empty source with a note, so it yields no claims.
pub fn decode(bytes: Vec<u8>) -> (String, Option<String>) {
    // A UTF-8 BOM stays in the text: dropping it would shift every span by three bytes.
    // UTF-16 (Windows editors' "Unicode") is known by its byte-order mark and decoded; its
    // spans are then offsets into the decoded UTF-8 text, which the note says.
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| unit([c[0], c.get(1).copied().unwrap_or(0)]))
            .collect();
        let text: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return (
            text,
            Some("UTF-16 file: decoded; spans are byte offsets into its UTF-8 form".into()),
        );
    }
    if bytes.contains(&0) {
        return (
            String::new(),
            Some("binary file (NUL bytes): skipped, no claims read from it".into()),
        );
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let mut note = String::new();
            let _ = write!(
                note,
                "not valid UTF-8 (first bad byte at offset {}): decoded lossily, spans after it may be off",
                e.utf8_error().valid_up_to()
            );
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(note),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\n“é” x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 5));
    }

    #[test]
    fn columns_of_one_long_line_match_a_plain_count() {
        use crate::text::Slice;
        let text: String = (0..3000)
            .map(|i| if i % 7 == 0 { "é “x” " } else { "word " })
            .collect();
        let text = format!("head\n{text}\nend");
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(97) {
            let line_start = text.slice(..offset).rfind('\n').map_or(0, |i| i + 1);
            let want = text.slice(line_start..offset).chars().count() + 1;
            assert_eq!(index.line_col(&text, offset).1, want, "at {offset}");
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "one\rtwo\r\nthree\nfour";
        let idx = LineIndex::new(text);
        for (word, line) in [("two", 2), ("three", 3), ("four", 4)] {
            assert_eq!(idx.line_col(text, text.find(word).unwrap()), (line, 1));
        }
        assert_eq!(idx.line_span(text, 1), Span::new(0, 3));
        assert_eq!(idx.line_span(text, 2), Span::new(4, 7));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Talks began June 9."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let (text, note) = decode(le);
        assert_eq!(text, "Talks began June 9.");
        assert!(note.unwrap().contains("UTF-16"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("İzmir".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be).0, "İzmir");
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(stays_inside(Path::new("a.txt")));
        assert!(stays_inside(Path::new("sub/../a.txt")));
        assert!(!stays_inside(Path::new("../a.txt")));
        assert!(!stays_inside(Path::new("/etc/passwd")));
        assert!(!stays_inside(Path::new(".")));
    }
}
