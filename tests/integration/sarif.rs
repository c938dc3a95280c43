//! concord's SARIF validates against the OASIS SARIF 2.1.0 JSON Schema (draft-07), checked
//! by a validator of the keywords that schema uses (`$ref`, `type`, `properties`,
//! `required`, `additionalProperties`, `items`, `minItems`, `uniqueItems`, `minimum`,
//! `maximum`, `enum`, `pattern`, `anyOf`, `oneOf`); `format` is an annotation in draft-07.

use std::process::Command;

use serde_json::Value;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sarif/sarif-schema-2.1.0.json"
);

/// Every way `value` breaks `schema`, as JSON paths with a reason.
fn errors(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        return;
    };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let target = r
            .strip_prefix("#/definitions/")
            .and_then(|name| root["definitions"].get(name));
        match target {
            Some(t) => errors(root, t, value, path, out),
            None => out.push(format!("{path}: unresolved $ref {r}")),
        }
        return;
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::String(x) => vec![x.as_str()],
            Value::Array(xs) => xs.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let is = |t: &str| match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            _ => false,
        };
        if !types.iter().any(|t| is(t)) {
            out.push(format!("{path}: not of type {types:?}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            out.push(format!("{path}: {value} is not one of {e:?}"));
        }
    }
    if let (Some(p), Some(v)) = (s.get("pattern").and_then(Value::as_str), value.as_str()) {
        match regex::Regex::new(p) {
            Ok(re) if re.is_match(v) => {}
            Ok(_) => out.push(format!("{path}: {v:?} does not match {p}")),
            Err(e) => out.push(format!("{path}: pattern {p} does not compile: {e}")),
        }
    }
    if let Some(n) = value.as_f64() {
        if s.get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            out.push(format!("{path}: {n} below the minimum"));
        }
        if s.get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            out.push(format!("{path}: {n} above the maximum"));
        }
    }
    if let Some(items) = value.as_array() {
        let min = s.get("minItems").and_then(Value::as_u64).unwrap_or(0);
        if (items.len() as u64) < min {
            out.push(format!("{path}: fewer than {min} items"));
        }
        if s.get("uniqueItems") == Some(&Value::Bool(true)) {
            for (i, x) in items.iter().enumerate() {
                if items[..i].contains(x) {
                    out.push(format!("{path}[{i}]: repeats an earlier item"));
                }
            }
        }
        if let Some(item) = s.get("items") {
            for (i, x) in items.iter().enumerate() {
                errors(root, item, x, &format!("{path}[{i}]"), out);
            }
        }
    }
    if let Some(obj) = value.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(k) = r.as_str() {
                if !obj.contains_key(k) {
                    out.push(format!("{path}: missing required {k}"));
                }
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, v) in obj {
            let here = format!("{path}.{k}");
            match props.and_then(|p| p.get(k)) {
                Some(ps) => errors(root, ps, v, &here, out),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => out.push(format!("{here}: not allowed")),
                    Some(extra @ Value::Object(_)) => errors(root, extra, v, &here, out),
                    _ => {}
                },
            }
        }
    }
    for (key, exactly_one) in [("anyOf", false), ("oneOf", true)] {
        if let Some(options) = s.get(key).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|o| {
                    let mut e = Vec::new();
                    errors(root, o, value, path, &mut e);
                    e.is_empty()
                })
                .count();
            if passing == 0 || (exactly_one && passing != 1) {
                out.push(format!("{path}: {passing} of the {key} options match"));
            }
        }
    }
}

fn validate(sarif: &Value) -> Vec<String> {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA).expect("schema")).expect("json");
    let mut out = Vec::new();
    errors(&schema, &schema, sarif, "$", &mut out);
    out
}

fn sarif_of(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run concord");
    serde_json::from_slice(&out.stdout).expect("sarif is json")
}

#[test]
fn reports_validate_against_the_2_1_0_schema() {
    // One story, several stories in one run, and a review.
    for args in [
        &["check", "seeds", "--format", "sarif"][..],
        &[
            "check",
            "seeds",
            "tests/stories/keybridge",
            "tests/stories/super-bowl",
            "--format",
            "sarif",
        ][..],
        &[
            "review",
            "tests/fixtures/review/draft.md",
            "--against",
            "tests/fixtures/review",
            "--format",
            "sarif",
        ][..],
    ] {
        let sarif = sarif_of(args);
        assert!(
            sarif["runs"][0]["results"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "{args:?}: no results"
        );
        let found = validate(&sarif);
        assert!(found.is_empty(), "{args:?}: {found:#?}");
    }
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let good = sarif_of(&["check", "seeds", "--format", "sarif"]);
    let mut bad_level = good.clone();
    bad_level["runs"][0]["results"][0]["level"] = Value::from("fatal");
    let mut no_version = good.clone();
    no_version
        .as_object_mut()
        .expect("object")
        .remove("version");
    let mut bad_line = good.clone();
    bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    let mut stray = good;
    stray["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["colour"] =
        Value::from("red");
    for (what, v) in [
        ("level", bad_level),
        ("version", no_version),
        ("startLine", bad_line),
        ("colour", stray),
    ] {
        let found = validate(&v);
        assert!(found.iter().any(|e| e.contains(what)), "{what}: {found:#?}");
    }
}
