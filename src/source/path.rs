//! A document's path as the catalog and the keying compare it: normalised once, when it
//! is read (a claim file's `document`, a corpus document's name), so that comparisons
//! are plain string work.

use std::fmt;

/// A document path with `/` separators, no `.` or empty segments, `..` folded where it
/// can be, and no leading `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentPath(String);

impl DocumentPath {
    pub fn new(path: &str) -> DocumentPath {
        let unified = path.replace('\\', "/");
        let mut parts: Vec<&str> = Vec::new();
        for part in unified.split('/') {
            match part {
                "" | "." => {}
                ".." if parts.last().is_some_and(|last| *last != "..") => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        DocumentPath(parts.join("/"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both name the same file: equal, or one is the other seen from a folder
    /// further up (`home/p/seeds/a.txt`, `seeds/a.txt`).
    pub fn same_file(&self, other: &DocumentPath) -> bool {
        fn ends_with_path(long: &str, short: &str) -> bool {
            long.len() > short.len()
                && long.ends_with(short)
                && long.as_bytes()[long.len() - short.len() - 1] == b'/'
        }
        let (a, b) = (self.as_str(), other.as_str());
        !a.is_empty() && !b.is_empty() && (a == b || ends_with_path(a, b) || ends_with_path(b, a))
    }
}

impl fmt::Display for DocumentPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for DocumentPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for DocumentPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_dots_are_normalised() {
        assert_eq!(DocumentPath::new("./seeds//a.txt"), "seeds/a.txt");
        assert_eq!(DocumentPath::new("seeds\\x\\..\\a.txt"), "seeds/a.txt");
    }

    #[test]
    fn a_path_seen_from_further_up_is_the_same_file() {
        let same = |a: &str, b: &str| DocumentPath::new(a).same_file(&DocumentPath::new(b));
        assert!(same("/p/seeds/a.txt", "seeds/a.txt"));
        assert!(!same("/p/myseeds/a.txt", "seeds/a.txt"));
        assert!(!same("seeds/b.txt", "seeds/a.txt"));
    }
}
