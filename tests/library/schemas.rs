//! The JSON Schemas `crosscheck schema` prints agree with the loaders: every bundled
//! claim file, the documented example, `init`'s starter files and the project's
//! crosscheck.toml are valid under them (checked by a real validator), and each table
//! allows exactly the keys the loader accepts (so an editor neither flags a good key nor
//! passes a bad one).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(text: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(text).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is valid draft 2020-12")
}

/// A TOML document as the JSON value an editor validates.
fn as_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(value).expect("JSON")
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, text: &str) {
    let errors: Vec<String> = validator
        .iter_errors(&as_json(text))
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_bundled_claim_files_and_examples_are_valid() {
    let validator = schema(crosscheck::cli::CLAIMS_SCHEMA);
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("claims"))
        .expect("claims/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        assert_valid(&validator, &file.display().to_string(), &text);
    }
    let docs = std::fs::read_to_string(root().join("docs/claim-files.md")).expect("docs");
    let example = docs
        .split("## Example\n\n```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the example");
    assert_valid(&validator, "docs/claim-files.md's example", example);
    assert_valid(
        &validator,
        "init's claim file",
        crosscheck::cli::STARTER_CLAIMS,
    );
}

#[test]
fn the_project_settings_are_valid() {
    let validator = schema(crosscheck::cli::CONFIG_SCHEMA);
    let text = std::fs::read_to_string(root().join("crosscheck.toml")).expect("crosscheck.toml");
    assert_valid(&validator, "crosscheck.toml", &text);
    assert_valid(
        &validator,
        "init's crosscheck.toml",
        crosscheck::config::STARTER,
    );
}

#[test]
fn an_unknown_key_is_invalid_under_the_schema() {
    let validator = schema(crosscheck::cli::CLAIMS_SCHEMA);
    let text =
        "[[quantity]]\nid = \"q\"\ndescription = \"d\"\nunit = \"people\"\ncolour = \"red\"\n";
    assert!(!validator.is_valid(&as_json(text)));
}

/// The keys the loader accepts in a table, from its message about an unknown key.
fn loader_keys(file: &str) -> BTreeSet<String> {
    let problems =
        crosscheck::claims::load_texts(vec![(PathBuf::from("c.toml"), file.to_string())])
            .expect_err("an unknown key");
    let message = problems
        .iter()
        .map(|p| p.message.clone())
        .find(|m| m.contains("expected"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    let list = message.split("expected").nth(1).unwrap();
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The properties the schema allows at `pointer` (a JSON pointer into the schema).
fn schema_keys(pointer: &str) -> BTreeSet<String> {
    let schema: Value = serde_json::from_str(crosscheck::cli::CLAIMS_SCHEMA).unwrap();
    schema
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{pointer}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn each_table_allows_exactly_the_keys_the_loader_accepts() {
    let quantity = "[[quantity]]\nid = \"q\"\ndescription = \"d\"\nunit = \"people\"\n";
    let cases = [
        ("zzz = 1\n".to_string(), "/properties"),
        (
            "[[source]]\nzzz = 1\n".to_string(),
            "/$defs/source/properties",
        ),
        (format!("{quantity}zzz = 1\n"), "/$defs/quantity/properties"),
        (
            format!("{quantity}[[quantity.rule]]\npattern = \"{{figure}} x\"\nzzz = 1\n"),
            "/$defs/rule/properties",
        ),
        (
            format!(
                "{quantity}[[quantity.rule]]\npattern = \"{{figure}} x\"\nset = {{ zzz = 1 }}\n"
            ),
            "/$defs/set/properties",
        ),
        (
            "[[claim]]\nzzz = 1\n".to_string(),
            "/$defs/claim/properties",
        ),
        ("[[pin]]\nzzz = 1\n".to_string(), "/$defs/pin/properties"),
        (
            "[[relation]]\nzzz = 1\n".to_string(),
            "/$defs/relation/properties",
        ),
    ];
    for (file, pointer) in cases {
        let mut loader = loader_keys(&file);
        // `exact` is the loader's alias of `text`, listed in the schema as its own key.
        if pointer.contains("pin") {
            loader.insert("exact".to_string());
        }
        assert_eq!(loader, schema_keys(pointer), "{pointer}");
    }
}

#[test]
fn the_settings_allow_exactly_the_keys_the_loader_accepts() {
    let dir = std::env::temp_dir().join(format!("crosscheck-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let schema: Value = serde_json::from_str(crosscheck::cli::CONFIG_SCHEMA).unwrap();
    for (text, pointer) in [
        ("zzz = 1\n", "/properties"),
        (
            "[tolerances]\nzzz = 1\n",
            "/properties/tolerances/properties",
        ),
        ("[severity]\nzzz = 1\n", "/properties/severity/properties"),
        ("[limits]\nzzz = 1\n", "/properties/limits/properties"),
    ] {
        let path = dir.join("crosscheck.toml");
        std::fs::write(&path, text).unwrap();
        let problems = crosscheck::config::load(&path).expect_err("an unknown key");
        let message = problems
            .iter()
            .map(|p| p.message.clone())
            .find(|m| m.contains("expected"))
            .unwrap_or_else(|| panic!("{problems:#?}"));
        let loader: BTreeSet<String> = message
            .split("expected")
            .nth(1)
            .unwrap()
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        let allowed: BTreeSet<String> = schema
            .pointer(pointer)
            .and_then(Value::as_object)
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(loader, allowed, "{pointer}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
