//! Isolation: the last line of defence against a bug on some input.
//!
//! Each per-source stage (clean, segment, publication time, extract), the cross-source
//! stages (off-topic cleaning, alignment) and each rule run under [`catch`]. A panic there
//! becomes a [`Fault`] naming the stage and the source or rule, the stage's output for that
//! source is left empty, and the rest of the report is still produced. The command line
//! prints each fault and exits with status 2, so a bug is never mistaken for a clean run.
//!
//! [`quiet`] replaces the default panic hook (which prints a backtrace notice to stderr)
//! with one that only remembers where the panic happened, for the fault's message; the
//! binary installs it, a library user may not.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

use serde::Serialize;

/// A stage or rule that panicked, and what was lost with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fault {
    /// `clean`, `segment`, `time`, `extract`, `off-topic`, `align`, `rule`, `review`…
    pub stage: String,
    /// The source or rule it was working on, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// The panic's message and place in concord's code.
    pub message: String,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error in stage `{}`", self.stage)?;
        if let Some(on) = &self.on {
            write!(f, " on `{on}`")?;
        }
        write!(
            f,
            ": {}; its output was left out (this is a bug in concord, please report it with the input)",
            self.message
        )
    }
}

thread_local! {
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Installs a panic hook that, inside [`catch`], prints nothing and remembers the panic's
/// place for the fault; outside it, prints one line asking for a report. Call once, at the
/// start of the program.
pub fn quiet() {
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if DEPTH.with(Cell::get) > 0 {
            LAST.with(|l| *l.borrow_mut() = Some(place));
        } else {
            let msg = payload_message(info.payload());
            eprintln!(
                "concord: internal error: {}{place} (this is a bug in concord, please report it with the input)",
                first_line(&msg)
            );
        }
    }));
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Runs `f`; a panic in it is recorded in `faults` (stage, subject) and gives `None`.
pub fn catch<T>(
    faults: &mut Vec<Fault>,
    stage: &str,
    on: Option<&str>,
    f: impl FnOnce() -> T,
) -> Option<T> {
    LAST.with(|l| l.borrow_mut().take());
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        failpoint(stage, on);
        f()
    }));
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    match result {
        Ok(v) => Some(v),
        Err(payload) => {
            let msg = payload_message(payload.as_ref());
            let place = LAST.with(|l| l.borrow_mut().take()).unwrap_or_default();
            faults.push(Fault {
                stage: stage.to_string(),
                on: on.map(str::to_string),
                message: format!("{}{place}", first_line(&msg)),
            });
            None
        }
    }
}

/// [`catch`] for each of `items`, in parallel in the current rayon pool (`--jobs`): the
/// results in item order, and the faults appended in item order, so the output is the same
/// whatever the threads did. `on` names the item in a fault.
pub fn catch_each<I: Send, T: Send>(
    faults: &mut Vec<Fault>,
    stage: &str,
    items: Vec<I>,
    on: impl Fn(&I) -> Option<String> + Sync,
    f: impl Fn(usize, I) -> T + Sync,
) -> Vec<Option<T>> {
    use rayon::prelude::*;
    let results: Vec<(Option<T>, Vec<Fault>)> = items
        .into_par_iter()
        .enumerate()
        .map(|(i, item)| {
            let mut own = Vec::new();
            let name = on(&item);
            let r = catch(&mut own, stage, name.as_deref(), || f(i, item));
            (r, own)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (r, mut own) in results {
        faults.append(&mut own);
        out.push(r);
    }
    out
}

/// Debug builds only: `CONCORD_FAILPOINT=stage:subject` (e.g. `extract:bloomberg`,
/// `rule:date-conflict`) panics at that point, so the tests can show a fault is contained.
fn failpoint(stage: &str, on: Option<&str>) {
    if cfg!(debug_assertions) {
        if let Some(want) = std::env::var_os("CONCORD_FAILPOINT") {
            let here = format!("{stage}:{}", on.unwrap_or(""));
            assert!(want.to_str() != Some(&here), "failpoint {stage}");
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_fault() {
        let mut faults = Vec::new();
        let ok = catch(&mut faults, "extract", Some("a"), || 3);
        assert_eq!(ok, Some(3));
        let v: Vec<u8> = Vec::new();
        let lost = catch(&mut faults, "extract", Some("b"), || v[1]);
        assert_eq!(lost, None);
        assert_eq!(faults.len(), 1);
        assert_eq!(faults[0].on.as_deref(), Some("b"));
        assert!(faults[0].to_string().contains("stage `extract` on `b`"));
    }
}
