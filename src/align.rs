//! Align: group claims from different sources that speak of the same event or quantity.
//!
//! Input: every claim of the story. Output: [`Group`]s (each claim is in exactly one,
//! singletons included, so rules also see what only one source says).
//!
//! Blocking keeps the cost near-linear: a claim is only compared with claims that share
//! a blocking key with it (its claim type plus one of its context words, or its own
//! block key from the extractor). A key shared by very many claims is compared by class:
//! claims of one context are linked across sources at once and only the classes' first
//! claims are scored, so a fact every source reports is still compared; a key shared by
//! very many different contexts carries no signal and is skipped. Candidate pairs are scored with fuzzy token similarity
//! ([`crate::words::token_similarity`]) and linked above a threshold; groups are the
//! connected components. Invariant: claims of one source are never linked to each other
//! here (internal checks compare a source with itself on their own terms).

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::Claim;
use crate::words;

/// Claims about the same thing, from several sources.
#[derive(Debug, Clone)]
pub struct Group {
    /// The claim type (`date`, `number`…).
    pub kind: &'static str,
    /// Indices into the claim list, in claim order.
    pub members: Vec<usize>,
    /// The scored links that joined the group: `(a, b, similarity)`.
    pub links: Vec<(usize, usize, f64)>,
}

/// The most claims one source may give a context of a large block for that context to name
/// one fact.
const MAX_PER_SOURCE: usize = 2;

/// Alignment parameters.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Minimum context similarity for two claims to be about the same thing.
    pub threshold: f64,
    /// A blocking key shared by more claims than this is too common to compare on.
    pub max_block: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.35,
            max_block: 256,
        }
    }
}

/// Blocking keys of a claim: its type joined with each distinct context word, and with each
/// anchor figure of its sentence.
fn keys(claim: &Claim) -> BTreeSet<String> {
    let kind = claim.value.kind();
    claim
        .context
        .iter()
        .filter(|w| w.chars().count() > 2)
        .map(|w| format!("{kind}\u{1f}{w}"))
        .chain(
            claim
                .anchors
                .iter()
                .map(|x| format!("{kind}\u{1f}with {x}")),
        )
        .collect()
}

/// Do two claims' sentences share an anchor figure (see [`Claim::anchors`])? They then
/// tell of one event, and are linked whatever their other words.
fn anchored(a: &Claim, b: &Claim) -> bool {
    a.anchors.iter().any(|x| b.anchors.contains(x))
}

/// A claim's blocking keys as people read them (`number:tariffs`): two claims are only
/// compared when they share one.
pub fn block_keys(claim: &Claim) -> Vec<String> {
    keys(claim)
        .into_iter()
        .map(|k| k.replace('\u{1f}', ":"))
        .collect()
}

/// Why claims met or did not: every pair of claims from different sources that shared a
/// blocking key, with its similarity and whether it linked, and the keys skipped as too
/// common. The same pairs [`align`] scores (so it costs what alignment costs).
#[derive(Debug, Clone, Default)]
pub struct Explanation {
    /// `(a, b, similarity, linked, shared keys)`, in claim order.
    pub pairs: Vec<(usize, usize, f64, bool, Vec<String>)>,
    /// Keys shared by more than `max_block` claims: `(key, claims)`.
    pub skipped: Vec<(String, usize)>,
    pub threshold: f64,
}

/// The candidate pairs of [`align`], scored, with the reasons (see [`Explanation`]).
pub fn explain(claims: &[Claim], params: Params) -> Explanation {
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for k in keys(c) {
            blocks.entry(k).or_default().push(i);
        }
    }
    let mut out = Explanation {
        threshold: params.threshold,
        ..Explanation::default()
    };
    let mut pairs: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for (key, members) in &blocks {
        if members.len() > params.max_block {
            out.skipped
                .push((key.replace('\u{1f}', ":"), members.len()));
            continue;
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if claims[a].source != claims[b].source {
                    pairs
                        .entry((a.min(b), a.max(b)))
                        .or_default()
                        .push(key.replace('\u{1f}', ":"));
                }
            }
        }
    }
    for ((a, b), shared) in pairs {
        let sim = words::token_similarity(&claims[a].context, &claims[b].context);
        let linked = sim >= params.threshold || anchored(&claims[a], &claims[b]);
        out.pairs.push((a, b, sim, linked, shared));
    }
    out
}

/// Leaders a key's classes are compared with when it has more classes than `max_block`.
const LEADERS: usize = 64;

/// Candidate pairs for a key shared by too many contexts to compare all their classes:
/// each class (by its first claim) is compared with the leaders so far, in order, and
/// paired with the first it matches; a class matching none becomes a leader while there
/// are fewer than [`LEADERS`]. A fact every source reports in its own words is still
/// aligned (its first wording leads the rest), in classes × leaders comparisons.
fn leaders(
    claims: &[Claim],
    heads: &[Vec<usize>],
    params: Params,
    pairs: &mut BTreeSet<(usize, usize)>,
) {
    let mut leading: Vec<usize> = Vec::new();
    for head in heads {
        let Some(&h) = head.first() else { continue };
        let matched = leading.iter().copied().find(|&l| {
            claims[l].source != claims[h].source
                && (words::token_similarity(&claims[l].context, &claims[h].context)
                    >= params.threshold
                    || anchored(&claims[l], &claims[h]))
        });
        match matched {
            Some(l) => {
                pairs.insert((l.min(h), l.max(h)));
            }
            None if leading.len() < LEADERS => leading.push(h),
            None => {}
        }
    }
}

/// Groups `claims` (see the module docs).
pub fn align(claims: &[Claim], params: Params) -> Vec<Group> {
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for k in keys(c) {
            blocks.entry(k).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut uf = UnionFind::new(claims.len());
    let mut links = Vec::new();
    for members in blocks.values() {
        if members.len() < 2 {
            continue;
        }
        if members.len() > params.max_block {
            // A key many claims share: a fact every source reports (a wire sentence copied
            // a thousand times) must still be compared. Claims of one context are one
            // class, linked across sources at once; the classes' first claims are compared
            // with each other. Only a key shared by too many different contexts is
            // skipped: it carries no signal.
            let mut classes: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
            for &m in members {
                classes
                    .entry(claims[m].context.as_slice())
                    .or_default()
                    .push(m);
            }
            // A context one source gives many figures or dates (a table, a list) names no
            // one fact: such a class is left out.
            classes.retain(|_, class| {
                let mut per_source: BTreeMap<usize, usize> = BTreeMap::new();
                class.iter().all(|&m| {
                    let n = per_source.entry(claims[m].source).or_default();
                    *n += 1;
                    *n <= MAX_PER_SOURCE
                })
            });
            let many = classes.len() > params.max_block;
            for class in classes.values() {
                let first = class[0];
                if let Some(&other) = class
                    .iter()
                    .find(|&&m| claims[m].source != claims[first].source)
                {
                    for &m in class {
                        let partner = if claims[m].source == claims[first].source {
                            other
                        } else {
                            first
                        };
                        if uf.find(m) != uf.find(partner) {
                            uf.union(m, partner);
                            links.push((m.min(partner), m.max(partner), 1.0));
                        }
                    }
                }
            }
            // Each class by its first claims of up to two sources: enough to find a pair
            // across sources between any two classes in constant time.
            let heads: Vec<Vec<usize>> = classes
                .values()
                .map(|class| {
                    let mut two: Vec<usize> = Vec::with_capacity(2);
                    for &m in class {
                        if two.iter().all(|&t| claims[t].source != claims[m].source) {
                            two.push(m);
                            if two.len() == 2 {
                                break;
                            }
                        }
                    }
                    two
                })
                .collect();
            if many {
                leaders(claims, &heads, params, &mut pairs);
                continue;
            }
            for (x, p) in heads.iter().enumerate() {
                for q in &heads[x + 1..] {
                    let pick = p.iter().find_map(|&a| {
                        q.iter()
                            .find(|&&b| claims[a].source != claims[b].source)
                            .map(|&b| (a.min(b), a.max(b)))
                    });
                    if let Some(pair) = pick {
                        pairs.insert(pair);
                    }
                }
            }
            continue;
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if claims[a].source != claims[b].source {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    // Claims of one context (a wire sentence many sources repeat) are measured once.
    let mut contexts: std::collections::HashMap<&[String], usize> =
        std::collections::HashMap::new();
    let class: Vec<usize> = claims
        .iter()
        .map(|c| {
            let next = contexts.len();
            *contexts.entry(c.context.as_slice()).or_insert(next)
        })
        .collect();
    let mut known: std::collections::HashMap<(usize, usize), f64> =
        std::collections::HashMap::new();
    for (a, b) in pairs {
        let sim = *known
            .entry((class[a], class[b]))
            .or_insert_with(|| words::token_similarity(&claims[a].context, &claims[b].context));
        if sim >= params.threshold || anchored(&claims[a], &claims[b]) {
            uf.union(a, b);
            links.push((a, b, sim));
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..claims.len() {
        by_root.entry(uf.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Group> = by_root
        .into_values()
        .map(|members| Group {
            kind: claims[members[0]].value.kind(),
            members,
            links: Vec::new(),
        })
        .collect();
    groups.sort_by_key(|g| g.members[0]);
    let index: BTreeMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| g.members.iter().map(move |&m| (m, gi)))
        .collect();
    for (a, b, s) in links {
        groups[index[&a]].links.push((a, b, s));
    }
    groups
}

/// Every claim in a group of its own: what the rules see when alignment failed.
pub fn singletons(claims: &[Claim]) -> Vec<Group> {
    claims
        .iter()
        .enumerate()
        .map(|(i, c)| Group {
            kind: c.value.kind(),
            members: vec![i],
            links: Vec::new(),
        })
        .collect()
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so grouping does not depend on link order.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}
