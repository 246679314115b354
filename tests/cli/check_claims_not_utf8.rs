//! `crosscheck check` with a claim file that is not UTF-8 (Latin-1 bytes): exit 2,
//! the first bad byte located, nothing on standard output.

use crate::support::claims_fixture::CAMP_DOC;
use crate::support::Scratch;

#[test]
fn claim_file_not_utf8_is_located() {
    let scratch = Scratch::new("check-claims-not-utf8");
    scratch.write("docs/a.txt", CAMP_DOC);
    // "é" in Latin-1 is the single byte 0xE9.
    let mut bytes = b"[[quantity]]\nid = \"camp_prisoners\"\n".to_vec();
    bytes.extend_from_slice(b"description = \"Prisoners held in the \xe9migr\xe9 camp\"\n");
    bytes.extend_from_slice(b"unit = \"people\"\n");
    scratch.write("claims/camp.toml", bytes);
    let run = scratch.run(&["check", "docs", "--claims", "claims"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    let stderr = run.stderr();
    // `description = "Prisoners held in the ` is 37 characters.
    assert!(
        stderr.contains("claims/camp.toml:3:38: error[utf8]: claim file is not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("crosscheck: 1 problem in the claim files\n"),
        "{stderr}"
    );
}
