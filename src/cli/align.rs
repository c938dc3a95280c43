//! `concord align STORY`: why claims met or did not, for rule authors.
//!
//! Prints the alignment groups of a story (claims of several sources taken to state one
//! fact), each claim with what the aligner compares (its context words, its event, its
//! blocking keys) and the scored links that joined it; then the candidate pairs that shared
//! a blocking key but stayed below the similarity threshold, and the keys skipped as too
//! common. Text for reading, JSON (`concord/align-v1`) for tools.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::emit;
use crate::error::Error;
use crate::extract::{Claim, Value};
use crate::story::Story;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A story folder (with or without story.toml) or a story.toml file.
    pub path: PathBuf,
    /// `text` (default) or `json`.
    #[arg(long, default_value = "text")]
    pub format: String,
    /// Only claims of this kind: date, number, identifier, name, title, quote or stance.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// A folder of rule and lexicon files that add to or override the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// One claim as the aligner sees it.
#[derive(Serialize)]
pub struct ClaimView {
    pub id: usize,
    pub source: String,
    pub kind: &'static str,
    pub text: String,
    pub normalized: String,
    pub line: usize,
    pub column: usize,
    /// Words naming what it is about (a finding's subject).
    pub about: String,
    /// The words it is compared on.
    pub context: Vec<String>,
    /// The names a figure belongs to (figures of different owners are not compared).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// The other distinctive figures of its sentence: claims sharing one are linked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
    /// A date's event class (`begin`, `meet`…), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// It is compared only with claims sharing one of these.
    pub block_keys: Vec<String>,
}

impl ClaimView {
    pub fn new(id: usize, c: &Claim, story: &Story) -> ClaimView {
        let src = &story.sources[c.source];
        let (line, column) = src.line_col(c.span.start);
        ClaimView {
            id,
            source: src.id.clone(),
            kind: c.value.kind(),
            text: c.text.clone(),
            normalized: c.normalized.clone(),
            line,
            column,
            about: c.about.clone(),
            context: c.context.clone(),
            owners: c.owners.clone(),
            anchors: c.anchors.clone(),
            event: match &c.value {
                Value::Date(d) => d.event.clone(),
                _ => None,
            },
            block_keys: crate::align::block_keys(c),
        }
    }
}

#[derive(Serialize)]
struct Link {
    a: usize,
    b: usize,
    similarity: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    shared_keys: Vec<String>,
}

#[derive(Serialize)]
struct GroupView {
    kind: &'static str,
    members: Vec<usize>,
    links: Vec<Link>,
}

#[derive(Serialize)]
struct Skipped {
    key: String,
    claims: usize,
}

#[derive(Serialize)]
struct Output {
    schema: &'static str,
    title: Option<String>,
    threshold: f64,
    claims: Vec<ClaimView>,
    groups: Vec<GroupView>,
    unlinked: Vec<Link>,
    skipped_keys: Vec<Skipped>,
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<i32, Error> {
    let json = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => {
            return Err(Error::Usage(format!(
                "unknown --format `{other}` (expected text or json)"
            )))
        }
    };
    if let Some(k) = &args.kind {
        if !crate::extract::KINDS.contains(&k.as_str()) {
            return Err(Error::Usage(format!(
                "unknown --kind `{k}` (expected {})",
                crate::extract::KINDS.join(", ")
            )));
        }
    }
    let story = Story::open(&args.path)?;
    for note in &story.notes {
        eprintln!("concord: note: {note}");
    }
    let rules = super::rule_set(args.rules.as_deref())?;
    let a = crate::analyse(&story, &rules.lexicons);
    for f in &a.faults {
        eprintln!("concord: error: {f}");
    }
    let why = crate::align::explain(&a.claims, crate::align::Params::default());
    let wanted = |i: usize| {
        args.kind
            .as_deref()
            .is_none_or(|k| a.claims[i].value.kind() == k)
    };
    let groups: Vec<GroupView> = a
        .groups
        .iter()
        .filter(|g| g.members.len() > 1 && wanted(g.members[0]))
        .map(|g| GroupView {
            kind: g.kind,
            members: g.members.clone(),
            links: g
                .links
                .iter()
                .map(|&(x, y, s)| Link {
                    a: x,
                    b: y,
                    similarity: round(s),
                    shared_keys: why
                        .pairs
                        .iter()
                        .find(|p| (p.0, p.1) == (x, y))
                        .map(|p| p.4.clone())
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let unlinked: Vec<Link> = why
        .pairs
        .iter()
        .filter(|p| !p.3 && wanted(p.0))
        .map(|p| Link {
            a: p.0,
            b: p.1,
            similarity: round(p.2),
            shared_keys: p.4.clone(),
        })
        .collect();
    // The claims any group or pair mentions, so the output stays about alignment.
    let mut shown: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .chain(unlinked.iter().flat_map(|l| [l.a, l.b]))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let claims: Vec<ClaimView> = shown
        .iter()
        .map(|&i| ClaimView::new(i, &a.claims[i], &story))
        .collect();
    let output = Output {
        schema: "concord/align-v1",
        title: story.title.clone(),
        threshold: why.threshold,
        claims,
        groups,
        unlinked,
        skipped_keys: why
            .skipped
            .into_iter()
            .map(|(key, claims)| Skipped { key, claims })
            .collect(),
    };
    let rendered = if json {
        let mut s = serde_json::to_string_pretty(&output).unwrap_or_default();
        s.push('\n');
        s
    } else {
        text(&output)
    };
    emit(out, &rendered)?;
    Ok(if a.faults.is_empty() { 0 } else { 2 })
}

fn text(o: &Output) -> String {
    let by_id: std::collections::BTreeMap<usize, &ClaimView> =
        o.claims.iter().map(|c| (c.id, c)).collect();
    let claim = |i: usize| {
        by_id.get(&i).map_or_else(String::new, |c| {
            format!(
                "{}:{}:{} \u{201c}{}\u{201d} = {}",
                c.source, c.line, c.column, c.text, c.normalized
            )
        })
    };
    let mut s = String::new();
    for (n, g) in o.groups.iter().enumerate() {
        let _ = writeln!(
            s,
            "group {} ({}, {} claims)",
            n + 1,
            g.kind,
            g.members.len()
        );
        for &m in &g.members {
            if let Some(c) = by_id.get(&m) {
                let _ = writeln!(s, "  #{m} {}", claim(m));
                let _ = writeln!(
                    s,
                    "      about: {}; context: {}{}{}",
                    c.about,
                    c.context.join(", "),
                    [("owners", &c.owners), ("anchors", &c.anchors)]
                        .iter()
                        .filter(|(_, v)| !v.is_empty())
                        .fold(String::new(), |mut acc, (k, v)| {
                            let _ = write!(acc, "; {k}: {}", v.join(", "));
                            acc
                        }),
                    c.event
                        .as_ref()
                        .map_or_else(String::new, |e| format!("; event: {e}"))
                );
            }
        }
        for l in &g.links {
            let why = if l.similarity >= o.threshold {
                format!("similarity {:.3} ≥ {}", l.similarity, o.threshold)
            } else {
                format!(
                    "similarity {:.3} < {}, but their sentences share a figure",
                    l.similarity, o.threshold
                )
            };
            let _ = writeln!(
                s,
                "  linked #{} and #{}: {why} (shared keys: {})",
                l.a,
                l.b,
                l.shared_keys.join(", ")
            );
        }
        s.push('\n');
    }
    if !o.unlinked.is_empty() {
        let _ = writeln!(
            s,
            "compared but not linked (similarity below {}):",
            o.threshold
        );
        for l in &o.unlinked {
            let _ = writeln!(s, "  {}", claim(l.a));
            let _ = writeln!(s, "  {}", claim(l.b));
            let ctx = |i: usize| {
                by_id
                    .get(&i)
                    .map_or_else(String::new, |c| c.context.join(", "))
            };
            let _ = writeln!(
                s,
                "    similarity {:.3}; shared keys: {}; contexts [{}] vs [{}]",
                l.similarity,
                l.shared_keys.join(", "),
                ctx(l.a),
                ctx(l.b)
            );
        }
        s.push('\n');
    }
    for k in &o.skipped_keys {
        let _ = writeln!(
            s,
            "key {} skipped: {} claims share it (too common to compare on)",
            k.key, k.claims
        );
    }
    let _ = writeln!(
        s,
        "{} groups of several sources; {} pairs compared but not linked",
        o.groups.len(),
        o.unlinked.len()
    );
    s
}
