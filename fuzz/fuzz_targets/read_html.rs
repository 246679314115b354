//! The Html reader on arbitrary bytes taken for HTML; the checks are in `common/reader.rs`.
#![no_main]

use crosscheck::input::formats::Format;
use libfuzzer_sys::fuzz_target;

#[path = "../common/reader.rs"]
mod reader;

fuzz_target!(|data: &[u8]| reader::check(Format::Html, data));
