//! Claim-file text the `check_*` scenarios repeat word for word: the camp's
//! quantities and source, the plant's two quantities, and the one-figure document the
//! claim-file error scenarios read. Each scenario still writes out, in its own file, the
//! part its test is about (the faulty table, the documents that disagree, the relation).
#![allow(dead_code)]

use super::{Run, Scratch};

/// The document (docs/a.txt) the claim-file error scenarios read: one figure, 4,512.
pub const CAMP_DOC: &str = "In 1937 the camp held 4,512 prisoners.\n";

/// The quantity `camp_prisoners`, without a rule: 4 lines.
pub const CAMP_PRISONERS: &str = r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"
"#;

/// The source `register` (the camp register, an archive): 5 lines.
pub const REGISTER: &str = r#"[[source]]
id = "register"
title = "Camp register"
outlet = "State archive"
kind = "archive"
"#;

/// The head of a claim file about the camp: [`CAMP_PRISONERS`] and [`REGISTER`], each
/// followed by a blank line. It takes lines 1 to 11: what follows starts at line 12.
pub fn camp_head() -> String {
    format!("{CAMP_PRISONERS}\n{REGISTER}\n")
}

/// `crosscheck check docs --claims claims` in a folder of its own that holds
/// [`CAMP_DOC`] as docs/a.txt and `claims` as claims/camp.toml.
pub fn check_camp(scenario: &str, claims: impl AsRef<[u8]>) -> Run {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", CAMP_DOC);
    scratch.write("claims/camp.toml", claims);
    scratch.run(&["check", "docs", "--claims", "claims"])
}

/// `crosscheck check docs --claims claims --format json` in a folder of its own that
/// holds `a` and `b` as docs/a.txt and docs/b.txt and [`PRISONERS_1937`] as
/// claims/camp.toml.
pub fn check_camp_documents(scenario: &str, a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> Run {
    let scratch = Scratch::new(scenario);
    scratch.write("docs/a.txt", a);
    scratch.write("docs/b.txt", b);
    scratch.write("claims/camp.toml", PRISONERS_1937);
    scratch.run(&["check", "docs", "--claims", "claims", "--format", "json"])
}

/// Writes the camp's registers the discovery scenarios read: docs/a.txt (11,200 in
/// 1937) and docs/b.txt (13,900), and with `third`, docs/c.txt (13,090).
pub fn camp_registers(scratch: &Scratch, third: bool) {
    scratch.write(
        "docs/a.txt",
        "In 1937 the camp held 11,200 prisoners, according to the register of the camp.\n",
    );
    scratch.write(
        "docs/b.txt",
        "Registers show that in 1937 the camp held 13,900 prisoners.\n",
    );
    if third {
        scratch.write(
            "docs/c.txt",
            "The register of the camp lists 13,090 prisoners for 1937, most of them peasants.\n",
        );
    }
}

/// A claim file that keys "held N prisoners" as the camp's prisoners in 1937.
pub const PRISONERS_1937: &str = r#"[[quantity]]
id = "camp_prisoners_1937"
description = "Prisoners held in the camp in 1937"
unit = "people"

[[quantity.rule]]
pattern = "held {figure} prisoners"
"#;

/// A claim file that keys "held N prisoners" as the camp's prisoners, whatever the year.
pub const PRISONERS: &str = r#"[[quantity]]
id = "camp_prisoners"
description = "Prisoners held in the camp"
unit = "people"

[[quantity.rule]]
pattern = "held {figure} prisoners"
"#;

/// The plant's workers and the women among them, with the rules that key "employed N
/// workers" and "N workers were women": 15 lines, so a table added after a blank line
/// starts at line 17.
pub const PLANT_WORKERS_AND_WOMEN: &str = r#"[[quantity]]
id = "plant_workers"
description = "Workers employed at the plant in 1937"
unit = "people"

[[quantity.rule]]
pattern = "employed {figure} workers"

[[quantity]]
id = "plant_women"
description = "Women among the plant's workers in 1937"
unit = "people"

[[quantity.rule]]
pattern = "{figure} workers were women"
"#;
