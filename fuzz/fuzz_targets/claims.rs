//! The claim-file loader on arbitrary text. A line `#=== NAME` starts a new file, so
//! that one input can hold several claim files (sources in one, claims in another) and
//! reach the checks across files.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut name = "claims/fuzz.toml".to_string();
    let mut body = String::new();
    for line in text.split_inclusive('\n') {
        if let Some(next) = line.strip_prefix("#=== ") {
            files.push((PathBuf::from(&name), std::mem::take(&mut body)));
            name = format!("claims/{}", next.trim());
        } else {
            body.push_str(line);
        }
    }
    files.push((PathBuf::from(name), body));
    match crosscheck::claims::load_texts(files) {
        Ok(catalog) => {
            let _ = format!("{catalog:?}");
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                let _ = d.to_string();
            }
        }
    }
});
