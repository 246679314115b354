//! Files crosscheck writes (the baseline, `init`'s files, `--output`) are written
//! to a temporary file beside their target and renamed into place, so an
//! interrupted write never leaves a broken or empty file behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A temporary name beside `path`, unlikely to collide.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{}.{stamp}.tmp", std::process::id()))
}

fn write_temporary(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    write_temporary_with(path, |out| out.write_all(contents))
}

/// Like [`write_temporary`], with the contents written by `fill` as they come.
fn write_temporary_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let temporary = temporary_beside(path);
    let result = (|| {
        let file: File = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        let mut out = io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    })();
    match result {
        Ok(()) => Ok(temporary),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

/// Replaces `path` with `contents` atomically.
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |out| out.write_all(contents))
}

/// Creates `path` with `contents`, atomically, refusing to replace anything that exists.
/// Like [`write`], with the contents written by `fill` as they come rather than held in
/// memory first: a report of millions of findings goes straight to the temporary file.
/// If `fill` fails, `path` is left as it was.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let temporary = write_temporary_with(path, fill)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

pub fn create_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temporary = write_temporary(path, contents)?;
    // A hard link fails when the target exists, so nothing is ever replaced.
    let linked = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    linked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-atomic-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn write_replaces_and_leaves_no_temporary() {
        let dir = scratch("write");
        let path = dir.join("baseline.toml");
        fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = scratch("halfway");
        let path = dir.join("report.json");
        fs::write(&path, "old").unwrap();
        let failed = write_with(&path, |out| {
            out.write_all(b"new, half written")?;
            Err(io::Error::other("the renderer stopped"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        write_with(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn create_new_refuses_to_replace() {
        let dir = scratch("create");
        let path = dir.join("crosscheck.toml");
        fs::write(&path, "mine").unwrap();
        assert!(create_new(&path, b"theirs").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }
}
