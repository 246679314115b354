//! `crosscheck init` where a folder it would make exists as a file writes nothing and
//! exits 2 (regression: it wrote crosscheck.toml and the claim file, then failed on
//! `corpus`, and the half-made project refused a rerun); once the file is moved away,
//! init makes the whole project.

use crate::support::Scratch;

#[test]
fn a_file_where_a_folder_goes_stops_init_before_anything_is_written() {
    let scratch = Scratch::new("init-blocked");
    scratch.write("corpus", "my notes, not a folder");
    let run = scratch.run(&["init"]);
    run.assert_code(2);
    run.stderr_line("corpus: exists and is not a folder; init writes nothing");
    assert!(!scratch.path("crosscheck.toml").exists());
    assert!(!scratch.path("claims").exists());
    assert_eq!(scratch.read("corpus"), "my notes, not a folder");

    std::fs::rename(scratch.path("corpus"), scratch.path("notes.txt")).unwrap();
    scratch.run(&["init"]).assert_code(0);
    assert!(scratch.path("crosscheck.toml").is_file());
    assert!(scratch.path("corpus").is_dir());
}
