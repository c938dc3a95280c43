//! The JSON report (`concord/report-v1`): pretty-printed, keys in contract order.

use super::Report;

/// Renders the report as JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
