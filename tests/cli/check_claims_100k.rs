//! A claim file with 100,000 claims over 10,000 quantities is checked in seconds, and a
//! duplicate id among them is still found and located.

use crate::support::Scratch;

const QUANTITIES: usize = 10_000;
const CLAIMS: usize = 100_000;

/// 100 sources, then the quantities and the claims; every claim of a quantity states
/// the same value, so the claims agree. `duplicate` gives the last claim the first's id.
fn project(scratch: &Scratch, duplicate: bool) {
    let mut sources = String::new();
    for s in 0..100 {
        sources.push_str(&format!(
            "[[source]]\nid = \"s{s}\"\ntitle = \"Source {s}\"\nauthor = \"A\"\nkind = \"monograph\"\n\n"
        ));
    }
    scratch.write("claims/sources.toml", sources);
    let mut theme = String::with_capacity(CLAIMS * 80);
    for q in 0..QUANTITIES {
        theme.push_str(&format!(
            "[[quantity]]\nid = \"q{q:05}\"\ndescription = \"Quantity {q}\"\nunit = \"people\"\nkind = \"count\"\n\n"
        ));
    }
    for c in 0..CLAIMS {
        let id = if duplicate && c == CLAIMS - 1 { 0 } else { c };
        theme.push_str(&format!(
            "[[claim]]\nid = \"c{id:06}\"\nquantity = \"q{:05}\"\nsource = \"s{}\"\nvalue = \"{}\"\n\n",
            c % QUANTITIES,
            c % 100,
            20_000 + c % QUANTITIES
        ));
    }
    scratch.write("claims/theme.toml", theme);
    scratch.write("corpus/empty.txt", "Nothing to count here.\n");
}

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_hundred_thousand_agreeing_claims_are_all_compared() {
    let scratch = Scratch::new("claims-100k");
    project(&scratch, false);
    let run = scratch.run(&["check", "--claims", "claims", "corpus"]);
    run.assert_code(0);
    // Ten claims a quantity: 45 pairs each.
    assert!(
        run.stdout().contains(&format!(
            "{CLAIMS} claims keyed to {QUANTITIES} quantities: 0 contradictions"
        )),
        "{}",
        run.stdout()
    );
    assert!(run.stdout().contains("450000 agree"), "{}", run.stdout());
}

#[test]
#[ignore = "stress: run by .ci/run's stress step"]
fn a_duplicate_id_among_a_hundred_thousand_claims_is_located() {
    let scratch = Scratch::new("claims-100k-duplicate");
    project(&scratch, true);
    let run = scratch.run(&["check", "--claims", "claims", "corpus"]);
    run.assert_code(2);
    // Quantities and claims take six lines each, blank line included; the id is the
    // second line of a claim, its value at column 6.
    let id_line = |claim: usize| 6 * QUANTITIES + 6 * claim + 2;
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!(
            "claims/theme.toml:{}:6: error[duplicate]: duplicate claim id `c000000` \
             (already a claim id at claims/theme.toml:{}:6)",
            id_line(CLAIMS - 1),
            id_line(0)
        )),
        "{stderr}"
    );
}
