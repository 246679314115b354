//! The CLI scenarios, one per module: each runs the built `crosscheck` binary in a
//! scratch folder of its own ([`support`]) and checks what it prints and its exit status.
//! They are one test binary, linked once; `cargo test --release --test cli NAME` runs
//! the scenarios whose path contains NAME (`cargo test --release --test cli gate_`, for
//! instance, runs the CI-gate scenarios). The stress scenarios (a 200 MB line, 100,000
//! files, 100,000 claims, 6 MB documents) are ignored by `cargo test --release`, to keep
//! it quick: `cargo test --release -- --ignored` runs them, and so does `.ci/run`.

mod support;

mod baseline_concurrent_runs;
mod check_agreement;
mod check_arithmetic_mismatch;
mod check_broken_pipe;
mod check_claims_100k;
mod check_claims_bad_period;
mod check_claims_bad_regex;
mod check_claims_bad_relation;
mod check_claims_bad_tolerance;
mod check_claims_bad_value;
mod check_claims_duplicate_id;
mod check_claims_low_above_high;
mod check_claims_many_problems;
mod check_claims_missing_key;
mod check_claims_not_utf8;
mod check_claims_pattern_without_slot;
mod check_claims_pin_by_quote;
mod check_claims_pin_no_figure;
mod check_claims_toml_syntax;
mod check_claims_unknown_key;
mod check_claims_unknown_quantity;
mod check_claims_unknown_source;
mod check_contradiction;
mod check_digits_transposed;
mod check_explain;
mod check_figures_equivalent;
mod check_fingerprint_stable;
mod check_large_document;
mod check_missing_corpus;
mod check_no_color_when_piped;
mod check_number_too_large;
mod check_order_of_magnitude;
mod check_relation_division_by_zero;
mod check_relation_holds;
mod check_scope_mismatch;
mod check_superset_smaller;
mod check_unmatched;
mod check_unmatched_formats;
mod check_unmatched_from_figures;
mod check_within_approximation;
mod check_within_rounding;
mod discover_figures_same_as_documents;
mod discover_seeds;
mod discover_with_a_catalog;
mod extract_absurd_numbers;
mod extract_binary_in_folder;
mod extract_binary_named;
mod extract_broken_pipe;
mod extract_byte_order_mark;
mod extract_csv;
mod extract_default_paths;
mod extract_folder;
mod extract_huge_line;
mod extract_invalid_utf8;
mod extract_invalid_utf8_later_part;
mod extract_json;
mod extract_jsonl;
mod extract_many_files;
mod extract_missing_path;
mod extract_readme;
mod extract_stdin;
mod extract_symlink_loop;
mod extract_table;
mod extract_unreadable_mid_run;
mod extract_usage_error;
mod gate_baseline_accepts;
mod gate_baseline_atomic;
mod gate_baseline_keeps_reasons;
mod gate_clean_project;
mod gate_figure_changed;
mod gate_init;
mod gate_lines_inserted;
mod gate_malformed_baseline;
mod gate_malformed_claims;
mod gate_malformed_config;
mod gate_new_contradiction;
mod gate_output_file;
mod gate_output_formats;
mod gate_rewrapped;
mod gate_severity_flags;
mod gate_stale_entry;
mod output_keeps_links_modes_and_devices;
mod output_refuses_to_replace_an_input;
mod review_accept;
mod review_accept_looks_like;
mod review_reject;
mod write_interrupted_by_signal;
mod write_size_limit;
