//! Which files a list of paths names, and their text.
