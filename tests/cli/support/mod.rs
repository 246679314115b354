//! Shared by the CLI scenarios: a scratch folder under the system's temporary folder,
//! and a way to run the built `crosscheck` binary inside it. The fixtures several
//! scenarios share are in submodules: [`ferry`], the project of the CI-gate scenarios,
//! [`claims_fixture`], the claim-file text the check scenarios repeat, and [`camp`], the
//! two-page PDF the page scenarios read; [`blocks`] runs discovery block by block.
#![allow(dead_code)]

pub mod blocks;
pub mod browser;
pub mod camp;
pub mod claims_fixture;
pub mod ferry;
/// The same text as HTML, Markdown, PDF, DOCX, ODT and EPUB.
#[path = "../../fixtures/make_formats.rs"]
pub mod make_formats;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The text every format scenario reads.
pub const SAMPLE: &str =
    "The congress gathered 1,436 delegates. About 4,000 people died in 1956.\n";

/// A folder of its own for one scenario, removed when dropped.
pub struct Scratch {
    pub root: PathBuf,
}

impl Scratch {
    pub fn new(scenario: &str) -> Scratch {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let root = std::env::temp_dir().join(format!(
            "crosscheck-{scenario}-{}-{nanos}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&root).expect("create scratch folder");
        Scratch { root }
    }

    /// Writes `bytes` to `relative` inside the scratch folder, creating folders.
    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(&path, bytes).expect("write file");
        path
    }

    /// Copies the folder `from` (a path of the repository, such as `seeds`), with its
    /// subfolders, to `to` inside the scratch folder.
    pub fn copy_in(&self, from: &str, to: &str) {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
        for entry in fs::read_dir(&source).unwrap_or_else(|e| panic!("{from}: {e}")) {
            let path = entry.expect("an entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
            let (from, to) = (format!("{from}/{name}"), format!("{to}/{name}"));
            if path.is_dir() {
                self.copy_in(&from, &to);
            } else {
                self.write(&to, fs::read(&path).expect("a file"));
            }
        }
    }

    /// `crosscheck extract INPUT --format jsonl`, which must succeed, written to `file` in
    /// the scratch folder: the figures a `--figures` scenario reads back.
    pub fn extract_jsonl(&self, input: &str, file: &str) {
        let extracted = self.run(&["extract", input, "--format", "jsonl"]);
        extracted.assert_code(0);
        self.write(file, extracted.stdout());
    }

    /// `crosscheck ARGS` run inside the scratch folder with an empty standard input.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, b"")
    }

    /// `crosscheck ARGS` run inside the scratch folder, `input` on standard input.
    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start crosscheck");
        if let Some(mut stdin) = child.stdin.take() {
            // A run that does not read its input may exit before we write: a broken
            // pipe here is expected, not a failure.
            if let Err(error) = stdin.write_all(input) {
                assert_eq!(
                    error.kind(),
                    std::io::ErrorKind::BrokenPipe,
                    "write stdin: {error}"
                );
            }
        }
        Run(child.wait_with_output().expect("wait for crosscheck"))
    }

    /// The command, not yet started, with the scratch folder as working directory.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
        command.args(args).current_dir(&self.root);
        command
    }

    /// The text of a file in the scratch folder.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative))
            .unwrap_or_else(|error| panic!("{relative}: {error}"))
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// A finished run.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.0.status.code()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    /// The first line of standard error that contains `needle`; fails the test with
    /// all of standard error when there is none.
    pub fn stderr_line(&self, needle: &str) -> String {
        let stderr = self.stderr();
        stderr
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with `{needle}`:\n{stderr}"))
            .to_string()
    }

    /// Standard output as JSON Lines.
    pub fn records(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
            .collect()
    }

    /// The findings of a report in JSON (`check --format json`) on standard output.
    pub fn findings(&self) -> Vec<serde_json::Value> {
        let report: serde_json::Value =
            serde_json::from_str(&self.stdout()).expect("a JSON report");
        report["findings"].as_array().expect("findings").clone()
    }

    /// Fails with both outputs shown unless the exit status is `code`.
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self
    }
}

/// The `source` field of each record, in order.
pub fn sources(records: &[serde_json::Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["source"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A path as crosscheck names it: the argument joined with the path inside the folder.
pub fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
