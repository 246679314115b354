//! The baseline file on arbitrary bytes. `baseline::load` takes a path, so each input
//! is written to a file in a folder of this process's own first. A baseline that loads
//! is also split and rewritten (`baseline::updated`), as `crosscheck baseline` does.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use crosscheck::baseline::{self, Accepted};
use crosscheck::reconcile::Fingerprint;
use libfuzzer_sys::fuzz_target;

fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-fuzz-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        dir.join("crosscheck-baseline.toml")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    std::fs::write(path, data).expect("write the input");
    match baseline::load(path) {
        Ok(Some(baseline)) => {
            let fingerprints: Vec<Fingerprint> = baseline
                .entries
                .iter()
                .map(|e| e.fingerprint.as_str())
                .take(1)
                .chain(["0123456789abcdef"])
                .filter_map(|f| f.parse().ok())
                .collect();
            let _ = baseline.split(&fingerprints);
            let accepted = vec![Accepted {
                fingerprint: "0123456789abcdef".into(),
                quantity: "q".into(),
                verdict: "contradiction".into(),
                figures: vec!["1 at a.txt:1:1".into()],
            }];
            for prune in [false, true] {
                let (text, _, _) = baseline::updated(Some(&baseline), &accepted, prune);
                // What `updated` writes must load again.
                std::fs::write(path, &text).expect("write");
                assert!(
                    matches!(baseline::load(path), Ok(Some(_))),
                    "updated baseline does not load:\n{text}"
                );
            }
        }
        Ok(None) => {}
        Err(diagnostics) => {
            for d in &diagnostics {
                let _ = d.to_string();
            }
        }
    }
});
