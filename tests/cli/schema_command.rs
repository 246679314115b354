//! `crosscheck schema claims|config` prints a JSON Schema (draft 2020-12) an editor can
//! use; anything else is a usage error.

use crate::support::Scratch;
use serde_json::Value;

#[test]
fn both_schemas_are_printed_as_json_schema() {
    let scratch = Scratch::new("schema-command");
    for (of, title) in [
        ("claims", "crosscheck claim file"),
        ("config", "crosscheck.toml"),
    ] {
        let run = scratch.run(&["schema", of]);
        run.assert_code(0);
        let schema: Value = serde_json::from_str(&run.stdout()).expect("JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["title"], title);
    }
}

#[test]
fn an_unknown_schema_is_a_usage_error() {
    let scratch = Scratch::new("schema-command-unknown");
    scratch.run(&["schema", "baseline"]).assert_code(2);
}
