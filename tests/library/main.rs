//! The library's tests through its API, one module per subject: accuracy against hand
//! annotations, properties of the extractor and the loaders, the engine on the seeds and
//! on a second corpus, the report formats, the inputs the fuzz targets found; and the
//! documents that quote the program (the README, docs/claim-files.md, docs/seeds.md)
//! checked against it. One test binary, linked once; `cargo test --release --test
//! library NAME` runs the tests whose path contains NAME. The number grammar's tests
//! are `grammar`: a unit test in src/extract reads that file by its path
//! (`include_str!`) for the inputs of its table.

mod common;

mod accuracy_blind;
mod accuracy_corpus;
mod accuracy_seeds;
mod architecture;
mod claims_example;
mod discovery_blind;
mod discovery_catalog;
mod discovery_copies;
mod discovery_fit;
mod discovery_review;
mod discovery_rules;
mod discovery_units;
mod extraction_contexts;
mod formats_from_seeds;
mod grammar;
mod prop_discover;
mod prop_extract;
mod prop_loaders;
mod readme_ci_examples;
mod readme_claims_example;
mod readme_report;
mod regression_extraction;
mod regression_fuzz;
mod report_formats;
mod schemas;
mod second_corpus;
mod seed_catalog;
mod seeds_readme_agrees_with_sources;
