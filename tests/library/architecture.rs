//! The layers of `src/` point one way: a module may use the modules below it in the
//! pipeline, never one above it, and no two files of one folder use each other in a
//! circle. Read from the code's own `crate::` paths and `use super::` lines, as an
//! architecture test (ArchUnit's idea) does; test modules at the end of a file are not
//! read, since a test may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules of `src/`, from the bottom of the pipeline to the top. A
/// module may use those before it in this list, and no other.
const LAYERS: &[&str] = &[
    "source",
    "diag",
    "atomic",
    "split",
    "error",
    "extract",
    "value",
    "input",
    "parallel",
    "claims",
    "keying",
    "reconcile",
    "discover",
    "figures",
    "config",
    "review",
    "pipeline",
    "baseline",
    "report",
    "cli",
];

/// A file's code without its comments and without the test module at its end.
fn code_of(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") && !line.starts_with(' ') {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        lines.push((index + 1, line));
    }
    lines
}

/// The names that follow `prefix` on a line (`crate::` → the top-level modules used).
fn names_after<'a>(line: &'a str, prefix: &str) -> Vec<&'a str> {
    line.match_indices(prefix)
        .filter(|(at, _)| {
            // `crate::` itself, not `mycrate::`.
            line[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
        .map(|(at, _)| {
            let rest = &line[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The top-level module a file of `src/` belongs to (`src/extract/grammar.rs` →
/// `extract`); `None` for `lib.rs` and `main.rs`, which sit above everything.
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// Every upward import among `files` (path relative to `src/`, text): one line each,
/// `path:line: module uses higher`.
fn upward_imports(files: &[(PathBuf, String)]) -> Vec<String> {
    let rank = |module: &str| LAYERS.iter().position(|m| *m == module);
    let mut found = Vec::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            found.push(format!(
                "{}: module `{module}` has no place in LAYERS",
                path.display()
            ));
            continue;
        };
        for (line_number, line) in code_of(text) {
            for used in names_after(line, "crate::") {
                match rank(used) {
                    Some(theirs) if theirs > own => found.push(format!(
                        "{}:{line_number}: `{module}` uses `{used}`, which is above it",
                        path.display()
                    )),
                    Some(_) => {}
                    None => found.push(format!(
                        "{}:{line_number}: `{module}` uses `{used}`, which has no place in LAYERS",
                        path.display()
                    )),
                }
            }
        }
    }
    found
}

/// Circles among the files of one folder through `use super::NAME` (and `super::NAME::`
/// paths): each as the list of its files.
fn sibling_circles(files: &[(PathBuf, String)]) -> Vec<Vec<String>> {
    // Edges between sibling modules, keyed by folder.
    let mut edges: BTreeMap<(PathBuf, String), BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        let Some(folder) = path.parent() else {
            continue;
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        // A folder's mod.rs is its parent's child, not a sibling of its own files.
        if stem == "mod" {
            continue;
        }
        for (_, line) in code_of(text) {
            for used in names_after(line, "super::") {
                if used != stem {
                    edges
                        .entry((folder.to_path_buf(), stem.to_string()))
                        .or_default()
                        .insert(used.to_string());
                }
            }
        }
    }
    let mut circles = Vec::new();
    for (folder, start) in edges.keys() {
        // A depth-first walk from `start` back to itself.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            let next = edges
                .get(&(folder.clone(), at.clone()))
                .cloned()
                .unwrap_or_default();
            for to in next {
                if to == *start {
                    let mut circle: Vec<String> = trail
                        .iter()
                        .map(|m| folder.join(m).display().to_string())
                        .collect();
                    circle.sort();
                    if !circles.contains(&circle) {
                        circles.push(circle);
                    }
                } else if seen.insert(to.clone()) {
                    let mut longer = trail.clone();
                    longer.push(to.clone());
                    stack.push((to, longer));
                }
            }
        }
    }
    circles
}

/// Every `.rs` file under `src/`, path relative to it.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(root: &Path, folder: &Path, into: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
                let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                into.push((relative, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files
}

#[test]
fn no_module_uses_one_above_it_in_the_pipeline() {
    let found = upward_imports(&sources());
    assert!(
        found.is_empty(),
        "imports that point up:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_files_of_one_folder_use_each_other_in_a_circle() {
    let circles = sibling_circles(&sources());
    assert!(circles.is_empty(), "circles: {circles:#?}");
}

#[test]
fn a_planted_upward_import_is_caught() {
    let mut files = sources();
    let planted = "use crate::report::FigureRecord;\n";
    let extract = files
        .iter_mut()
        .find(|(path, _)| path == Path::new("extract/mod.rs"))
        .expect("src/extract/mod.rs");
    extract.1.insert_str(0, planted);
    let found = upward_imports(&files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("extract/mod.rs:1: `extract` uses `report`"),
        "{found:#?}"
    );
}

#[test]
fn a_planted_circle_between_siblings_is_caught() {
    let files = vec![
        (
            PathBuf::from("extract/a.rs"),
            "use super::b::B;\n".to_string(),
        ),
        (
            PathBuf::from("extract/b.rs"),
            "use super::c::C;\n".to_string(),
        ),
        (
            PathBuf::from("extract/c.rs"),
            "fn f() { super::a::g() }\n".to_string(),
        ),
        (
            PathBuf::from("extract/d.rs"),
            "use super::a::A;\n".to_string(),
        ),
    ];
    let circles = sibling_circles(&files);
    assert_eq!(
        circles,
        vec![vec!["extract/a", "extract/b", "extract/c"]],
        "{circles:#?}"
    );
}

#[test]
fn a_test_module_may_reach_anywhere() {
    let files = vec![(
        PathBuf::from("source/mod.rs"),
        "use std::fmt;\n#[cfg(test)]\nmod tests {\n    use crate::cli::run;\n}\n".to_string(),
    )];
    assert!(upward_imports(&files).is_empty());
}
