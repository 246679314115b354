//! `crosscheck.toml` on arbitrary bytes. `config::load` takes a path, so each input is
//! written to a file in a folder of this process's own first.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        dir.join("crosscheck.toml")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    std::fs::write(path, data).expect("write the input");
    match crosscheck::config::load(path) {
        Ok(config) => {
            let _ = format!("{config:?}");
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                let _ = d.to_string();
            }
        }
    }
});
