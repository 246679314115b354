//! `crosscheck check --figures` on figures extracted beforehand gives the same findings
//! as `crosscheck check` on the documents: extraction can run elsewhere (a Spark or
//! Hadoop mapper) and reconciliation here.

use std::path::Path;
use std::process::{Command, Stdio};

fn crosscheck(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(root)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run crosscheck");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        std::io::Write::write_all(&mut pipe, input).expect("write figures");
    }
    let output = child.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn findings_from_figures_equal_findings_from_documents() {
    let figures = crosscheck(&["extract", "seeds", "--format", "jsonl"], None);
    let from_documents: serde_json::Value =
        serde_json::from_slice(&crosscheck(&["check", "--format", "json"], None)).expect("JSON");
    let from_figures: serde_json::Value = serde_json::from_slice(&crosscheck(
        &["check", "--figures", "-", "--format", "json"],
        Some(&figures),
    ))
    .expect("JSON");
    let findings = |v: &serde_json::Value| v["findings"].as_array().cloned().unwrap_or_default();
    assert!(findings(&from_documents).len() > 10);
    assert_eq!(findings(&from_documents), findings(&from_figures));
    assert_eq!(from_documents["summary"], from_figures["summary"]);
}
