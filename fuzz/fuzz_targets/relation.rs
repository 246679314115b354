//! A relation's expression on arbitrary text, parsed and evaluated against a small
//! catalog: quantities `a`, `b` and `c` with claims of every kind of value (a rounded
//! count, a range, an open bound, a share), so that any expression that parses is also
//! reconciled.
#![no_main]

use std::path::PathBuf;

use crosscheck::pipeline::{Checker, Options};
use libfuzzer_sys::fuzz_target;

const CATALOG: &str = r#"
[[source]]
id = "s"
title = "A source"
outlet = "An archive"
kind = "archive"

[[quantity]]
id = "a"
description = "a"
unit = "people"

[[quantity]]
id = "b"
description = "b"
unit = "people"

[[quantity]]
id = "c"
description = "c"
unit = "people"

[[claim]]
id = "ca"
quantity = "a"
source = "s"
value = "about 1,500"

[[claim]]
id = "cb"
quantity = "b"
source = "s"
value = "100 to 200"

[[claim]]
id = "cc"
quantity = "c"
source = "s"
value = "over 8.5%"
"#;

fuzz_target!(|data: &[u8]| {
    let Ok(expr) = std::str::from_utf8(data) else {
        return;
    };
    // A TOML literal string holds anything but its quote and line breaks.
    if expr.contains(['\'', '\n', '\r']) || expr.chars().any(char::is_control) {
        return;
    }
    let text = format!("{CATALOG}\n[[relation]]\nid = \"r\"\nexpr = '{expr}'\n");
    let catalog = match crosscheck::claims::load_texts(vec![(PathBuf::from("claims/r.toml"), text)]) {
        Ok(catalog) => catalog,
        Err(diagnostics) => {
            for d in &diagnostics {
                let _ = d.to_string();
            }
            return;
        }
    };
    let checker = Checker::new(
        &catalog,
        Options {
            tolerances: Default::default(),
            keep_unmatched: false,
        },
    );
    if let Ok(outcome) = checker.finish() {
        for finding in &outcome.findings {
            let _ = outcome.reason(finding);
        }
    }
});
