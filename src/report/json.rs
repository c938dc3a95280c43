//! The JSON report (`concord/report-v1`): pretty-printed, keys in contract order.

use std::io::Write as _;

use super::Report;

/// Renders the report as JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Renders one report as JSON; several as one `concord/batch-v1` document.
pub fn render_all(reports: &[Report]) -> String {
    match reports {
        [one] => render(one),
        many => {
            let mut s = serde_json::to_string_pretty(&super::Batch::new(many))
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

/// Writes what [`render_all`] renders, streamed to `w` (buffered): the report is never held
/// in memory as text.
pub fn write_all(reports: &[Report], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::new(w);
    match reports {
        [one] => serde_json::to_writer_pretty(&mut buf, one)?,
        many => serde_json::to_writer_pretty(&mut buf, &super::Batch::new(many))?,
    }
    buf.write_all(b"\n")?;
    buf.flush()
}

/// Renders one report as a single line of JSON (`--format jsonl`).
pub fn render_line(report: &Report) -> String {
    let mut s = serde_json::to_string(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
