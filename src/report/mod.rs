//! Rendering of figures and findings.
