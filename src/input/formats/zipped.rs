//! Zip archives (DOCX, ODT, EPUB): which kind an archive is, and its members' text,
//! read within [`Limits::unpacked_bytes`] all told so that a zip bomb stops at the
//! limit. A member that is missing, encrypted, damaged or not UTF-8 is a problem
//! naming the member.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{Format, Limits, Problem};

/// An archive open for reading its members.
pub(super) struct Archive<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
    limits: Limits,
    /// Bytes unpacked so far.
    unpacked: u64,
}

impl<'b> Archive<'b> {
    pub(super) fn open(bytes: &'b [u8], limits: &Limits) -> Result<Archive<'b>, Problem> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|error| Problem::new(format!("not a readable zip archive: {error}")))?;
        Ok(Archive {
            zip,
            limits: *limits,
            unpacked: 0,
        })
    }

    /// Whether the archive has a member of this name.
    pub(super) fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// What the archive is: its `mimetype` member says ODT or EPUB, a
    /// `word/document.xml` DOCX; otherwise what its name said.
    pub(super) fn kind(&mut self, named: Format) -> Format {
        if self.has("mimetype") {
            if let Ok(mimetype) = self.text("mimetype") {
                match mimetype.trim() {
                    "application/epub+zip" => return Format::Epub,
                    "application/vnd.oasis.opendocument.text" => return Format::Odt,
                    _ => {}
                }
            }
        }
        if self.has("word/document.xml") {
            return Format::Docx;
        }
        named
    }

    /// The text of member `name`.
    pub(super) fn text(&mut self, name: &str) -> Result<String, Problem> {
        let room = self.limits.unpacked_bytes.saturating_sub(self.unpacked);
        let mut member = match self.zip.by_name(name) {
            Ok(member) => member,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(Problem::at(name, "missing from the archive"));
            }
            Err(error) => return Err(Problem::at(name, format!("cannot be unpacked: {error}"))),
        };
        let mut bytes = Vec::new();
        (&mut member)
            .take(room.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| Problem::at(name, format!("cannot be unpacked: {error}")))?;
        if bytes.len() as u64 > room {
            return Err(Problem::at(
                name,
                format!(
                    "the archive unpacks to more than the limit of {} bytes (limits.unpacked-bytes in crosscheck.toml)",
                    self.limits.unpacked_bytes
                ),
            ));
        }
        self.unpacked += bytes.len() as u64;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        String::from_utf8(bytes).map_err(|error| {
            Problem::at(
                name,
                format!(
                    "not valid UTF-8 at byte {}",
                    error.utf8_error().valid_up_to()
                ),
            )
        })
    }
}
