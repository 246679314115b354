//! Helpers shared by the integration tests; each test crate uses a part of them.
#![allow(dead_code)]

pub mod discovery;
pub mod project;
pub mod proptest_config;
pub mod scoring;
