//! Files crosscheck writes (the baseline, `init`'s files, `--output`, the review files)
//! are written to a temporary file beside their target and renamed into place, so an
//! interrupted write never leaves a broken or empty file behind. What is replaced is
//! what the user named: a symbolic link is followed and its target replaced, keeping
//! the target's mode and owner; a file with other hard links is rewritten in place so
//! the links stay one file; a device or a pipe (`/dev/null`, a FIFO) is written
//! through, never replaced; a read-only file is refused. A temporary file is removed on
//! every failure, on SIGINT, SIGTERM and SIGHUP, and on a full disk or a file-size limit
//! (SIGXFSZ is ignored, so the write fails with an error instead of killing the run).

use std::fs::{self, File, Metadata, OpenOptions};
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

/// Writes a temporary file beside `path` with the contents `fill` writes as they come.
/// The file is removed if anything fails, or if a signal ends the run, until the
/// caller has put it in place and called [`signals::Pending::done`].
fn write_temporary_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<signals::Pending> {
    signals::prepare();
    let pending = signals::Pending::new(temporary_beside(path));
    let file: File = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(pending.path())?;
    let mut out = io::BufWriter::with_capacity(1 << 16, file);
    fill(&mut out)?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(pending)
}

/// How many symbolic links are followed before giving up, as the kernel does.
const MOST_LINKS: usize = 40;

/// The file that writing to `path` replaces: `path`, or, through symbolic links, the
/// file they name (which need not exist yet).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MOST_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Replaces `path` with `contents` atomically.
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |out| out.write_all(contents))
}

/// Like [`write`], with the contents written by `fill` as they come rather than held in
/// memory first: a report of millions of findings goes straight to the temporary file.
/// If `fill` fails, `path` is left as it was.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error),
    };
    let Some(meta) = existing else {
        let temporary = write_temporary_with(&target, fill)?;
        fs::rename(temporary.path(), &target)?;
        temporary.done();
        return Ok(());
    };
    if meta.is_dir() {
        return Err(io::Error::other("is a folder"));
    }
    if !meta.is_file() {
        // A device or a pipe: written through, as a shell's `>` would; replacing it
        // with a file would break it for every other program.
        signals::prepare();
        let file = OpenOptions::new().write(true).open(&target)?;
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        return out.flush();
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; crosscheck does not write over it (make it writable first)",
        ));
    }
    // Opening it for writing (without truncating) asks the system whether this user
    // may change it; the rename below would not.
    OpenOptions::new().write(true).open(&target)?;
    let temporary = write_temporary_with(&target, fill)?;
    keep_mode_and_owner(temporary.path(), &meta)?;
    if links(&meta) > 1 {
        // Renaming would leave the other names with the old contents; the temporary
        // file, complete, is removed when `temporary` is dropped.
        copy_in_place(temporary.path(), &target)
    } else {
        fs::rename(temporary.path(), &target)?;
        temporary.done();
        Ok(())
    }
}

/// Gives the temporary file the mode and owner of the file it replaces.
fn keep_mode_and_owner(temporary: &Path, original: &Metadata) -> io::Result<()> {
    fs::set_permissions(temporary, original.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only the superuser may give a file away; for anyone else the owner is already
        // theirs, or cannot be kept and the file is theirs from now on.
        let _ = std::os::unix::fs::chown(temporary, Some(original.uid()), Some(original.gid()));
    }
    Ok(())
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_meta: &Metadata) -> u64 {
    1
}

/// Rewrites `target` with the contents of `source`, in place.
fn copy_in_place(source: &Path, target: &Path) -> io::Result<()> {
    let mut from = File::open(source)?;
    let mut to = OpenOptions::new().write(true).truncate(true).open(target)?;
    io::copy(&mut from, &mut to)?;
    to.sync_all()
}

/// Creates `path` with `contents`, atomically, refusing to replace anything that exists.
pub fn create_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temporary = write_temporary_with(path, |out| out.write_all(contents))?;
    // A hard link fails when the target exists, so nothing is ever replaced; the
    // temporary name is removed when `temporary` is dropped.
    fs::hard_link(temporary.path(), path)
}

/// Whether writing to `output` would replace one of `inputs` (files, or folders whose
/// files are read): the same file by device and inode, however it is named (through
/// `..`, an absolute path or a link). Returns the input it would replace.
pub fn replaces_input<'a>(output: &Path, inputs: &'a [PathBuf]) -> Option<&'a Path> {
    let target = resolve(output).ok()?;
    let meta = fs::metadata(&target).ok()?;
    if !meta.is_file() {
        return None;
    }
    let canonical = fs::canonicalize(&target).ok()?;
    inputs.iter().map(PathBuf::as_path).find(|input| {
        let Ok(input_meta) = fs::metadata(input) else {
            return false;
        };
        if input_meta.is_dir() {
            fs::canonicalize(input).is_ok_and(|folder| canonical.starts_with(folder))
        } else {
            same_file(&meta, &input_meta)
        }
    })
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_a: &Metadata, _b: &Metadata) -> bool {
    false
}

/// An exclusive advisory lock on a file that is read, changed and written back (the
/// baseline): two runs at once take turns instead of one losing the other's entries.
/// Held until dropped.
pub struct Lock {
    _file: File,
}

/// Locks the file `path` names (through links), waiting for another run's lock; when
/// it does not exist yet, its folder. The lock is on the file itself, so a run that
/// waited while the file was replaced locks the new one.
pub fn lock(path: &Path) -> io::Result<Lock> {
    let target = resolve(path)?;
    loop {
        let file = match File::open(&target) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let folder = match target.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent,
                    _ => Path::new("."),
                };
                let file = File::open(folder)?;
                file.lock()?;
                if target.exists() {
                    continue;
                }
                return Ok(Lock { _file: file });
            }
            Err(error) => return Err(error),
        };
        file.lock()?;
        // Still the file at that name, or replaced while this run waited?
        let (held, now) = (file.metadata()?, fs::metadata(&target));
        if now.is_ok_and(|now| same_file(&held, &now)) || !cfg!(unix) {
            return Ok(Lock { _file: file });
        }
    }
}

/// Signals that would end a run in the middle of a write.
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::Once;

    /// The temporary file being written, for the signal handler to remove.
    static PENDING: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// Installs the handlers, once: SIGXFSZ ignored (a write past a size limit then
    /// fails with an error), and SIGINT, SIGTERM and SIGHUP remove the temporary file
    /// before the run ends as the signal would have ended it.
    pub fn prepare() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            // SAFETY: `signal` with SIG_IGN, or with a handler that only calls
            // async-signal-safe functions (`unlink`, `signal`, `raise`) on a pointer
            // that stays valid while it is published (see `Pending`).
            unsafe {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                    libc::signal(
                        signal,
                        remove_and_reraise as *const () as libc::sighandler_t,
                    );
                }
            }
        });
    }

    extern "C" fn remove_and_reraise(signal: libc::c_int) {
        let path = PENDING.swap(std::ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: async-signal-safe calls only; `path` is a live C string or null.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// A temporary file, published to the handler until it is in place; removed when
    /// dropped unless [`Pending::done`] was called.
    pub struct Pending {
        path: PathBuf,
        name: *mut libc::c_char,
        kept: bool,
    }

    impl Pending {
        pub fn new(path: PathBuf) -> Pending {
            use std::os::unix::ffi::OsStrExt;
            let name = CString::new(path.as_os_str().as_bytes())
                .map_or(std::ptr::null_mut(), CString::into_raw);
            PENDING.store(name, Ordering::SeqCst);
            Pending {
                path,
                name,
                kept: false,
            }
        }

        pub fn path(&self) -> &Path {
            &self.path
        }

        /// The file was renamed into place: nothing is left to remove.
        pub fn done(mut self) {
            self.kept = true;
        }
    }

    impl Drop for Pending {
        fn drop(&mut self) {
            // Unpublish first, so the handler never sees a freed name.
            let _ = PENDING.compare_exchange(
                self.name,
                std::ptr::null_mut(),
                Ordering::SeqCst,
                Ordering::SeqCst,
            );
            if !self.kept {
                let _ = std::fs::remove_file(&self.path);
            }
            if !self.name.is_null() {
                // SAFETY: made by `CString::into_raw` in `new`, freed once, here.
                drop(unsafe { CString::from_raw(self.name) });
            }
        }
    }
}

/// Where there are no signals to catch, a temporary file is removed on failure only.
#[cfg(not(unix))]
mod signals {
    use std::path::{Path, PathBuf};

    pub fn prepare() {}

    pub struct Pending {
        path: PathBuf,
        kept: bool,
    }

    impl Pending {
        pub fn new(path: PathBuf) -> Pending {
            Pending { path, kept: false }
        }

        pub fn path(&self) -> &Path {
            &self.path
        }

        pub fn done(mut self) {
            self.kept = true;
        }
    }

    impl Drop for Pending {
        fn drop(&mut self) {
            if !self.kept {
                let _ = std::fs::remove_file(&self.path);
            }
        }
    }
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
