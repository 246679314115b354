//! docs/seeds.md and claims/sources.toml describe the same documents the same way:
//! each seed has one source naming it, and the README's row carries its title, its
//! author or outlet, the year of its date and its kind.

use std::path::Path;

#[test]
fn every_seed_is_described_alike_in_both_places() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalog = crosscheck::claims::load(&[root.join("claims")]).expect("the catalog loads");
    let readme = std::fs::read_to_string(root.join("docs/seeds.md")).expect("docs/seeds.md");
    let mut seeds: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name.ends_with(".txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    let fold = |s: &str| s.to_lowercase().replace(['"', '*', '“', '”'], "");
    for seed in seeds {
        let naming: Vec<_> = catalog
            .sources
            .iter()
            .filter(|s| {
                s.document.as_ref().map(|d| d.as_str()) == Some(format!("seeds/{seed}").as_str())
            })
            .collect();
        assert_eq!(
            naming.len(),
            1,
            "{seed}: sources naming it: {}",
            naming.len()
        );
        let source = naming[0];
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{seed}`")))
            .unwrap_or_else(|| panic!("{seed}: no row in docs/seeds.md"));
        let cells: Vec<String> = row.split('|').map(fold).collect();
        let (title, outlet, date, kind) = (&cells[2], &cells[3], &cells[4], &cells[6]);
        assert!(
            title.contains(&fold(&source.title)),
            "{seed}: title {:?} not in {title:?}",
            source.title
        );
        let who = source
            .author
            .as_deref()
            .or(source.outlet.as_deref())
            .unwrap_or_default();
        for word in fold(who)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.len() >= 2 && *w != "unknown")
        {
            assert!(
                outlet.contains(word),
                "{seed}: {word:?} of {who:?} not in {outlet:?}"
            );
        }
        if let Some(year) = source.date.as_deref().map(|d| &d[..4]) {
            assert!(date.contains(year), "{seed}: year {year} not in {date:?}");
        }
        assert!(
            kind.contains(source.kind.as_str()),
            "{seed}: kind {} not in {kind:?}",
            source.kind.as_str()
        );
    }
}
