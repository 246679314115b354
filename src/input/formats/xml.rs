//! XML text.
