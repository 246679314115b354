//! DOCX (Word 2007 and later): the body's paragraphs and tables, then its footnotes
//! and endnotes, from the parts the package's relationships name (`word/document.xml`,
//! `word/footnotes.xml` and `word/endnotes.xml` where Word writes them). Places: the paragraph (counted through the body, then the
//! footnotes, then the endnotes) and the character in it.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::epub::resolve;
use super::xml::{Dialect, Text};
use super::zipped::Archive;
use super::Problem;
use crate::source::PlacesBuilder;

const WORD: Dialect = Dialect {
    paragraphs: &["w:p"],
    text: &["w:t"],
    tabs: &["w:tab"],
    breaks: &["w:br", "w:cr"],
    spaces: "w:spaces-none",
    rows: &["w:tr"],
    cells: &["w:tc"],
    notes: &[],
    skipped: &["w:delText", "w:instrText"],
};

pub(super) fn read(archive: &mut Archive) -> Result<PlacesBuilder, Problem> {
    let mut text = Text::new();
    // The package's relationships say where the body is; Word writes it to
    // `word/document.xml`, other writers may not.
    let body_part = linked(archive, "", "officeDocument")?
        .and_then(|parts| parts.into_iter().next())
        .unwrap_or_else(|| "word/document.xml".to_string());
    let body = archive.text(&body_part)?;
    text.read(&body_part, &body, &WORD, false)?;
    for kind in ["footnotes", "endnotes"] {
        let parts =
            linked(archive, &body_part, kind)?.unwrap_or_else(|| vec![format!("word/{kind}.xml")]);
        for part in parts {
            if archive.has(&part) {
                let notes = archive.text(&part)?;
                text.read(&part, &notes, &WORD, true)?;
            }
        }
    }
    Ok(text.finish().finish())
}

/// The parts that `part` (`""` for the package) links to with a relationship of this
/// kind (its type's last word), as paths in the archive; `None` where the part has no
/// relationships file.
fn linked(archive: &mut Archive, part: &str, kind: &str) -> Result<Option<Vec<String>>, Problem> {
    let (folder, name) = part.rsplit_once('/').map_or(("", part), |(f, n)| (f, n));
    let folder = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    let rels = format!("{folder}_rels/{name}.rels");
    if !archive.has(&rels) {
        return Ok(None);
    }
    let xml = archive.text(&rels)?;
    let mut reader = Reader::from_str(&xml);
    let mut targets = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|error| Problem::at(rels.as_str(), format!("malformed XML: {error}")))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let value = |name: &str| {
                    e.try_get_attribute(name).ok().flatten().and_then(|a| {
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned())
                    })
                };
                let external = value("TargetMode").is_some_and(|m| m == "External");
                let of_kind = value("Type").is_some_and(|t| t.rsplit('/').next() == Some(kind));
                if let (false, true, Some(target)) = (external, of_kind, value("Target")) {
                    targets.push(match target.strip_prefix('/') {
                        Some(absolute) => resolve("", absolute),
                        None => resolve(&folder, &target),
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Some(targets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::Limits;

    /// A zip archive of these parts, stored.
    fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut bytes);
        for (name, text) in parts {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            zip.start_file(*name, options).unwrap();
            std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        bytes.into_inner()
    }

    const BODY: &str = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>In 1938 the camp held 3,100 prisoners.</w:t></w:r></w:p></w:body></w:document>"#;
    const NOTES: &str = r#"<w:footnotes xmlns:w="w"><w:footnote><w:p><w:r><w:t>GARF, f. 9401.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;

    #[test]
    fn the_body_and_notes_are_found_where_the_relationships_say() {
        let bytes = archive(&[
            (
                "_rels/.rels",
                r#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/text/main.xml"/></Relationships>"#,
            ),
            (
                "text/_rels/main.xml.rels",
                r#"<Relationships><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="notes/fn.xml"/><Relationship Id="r3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#,
            ),
            ("text/main.xml", BODY),
            ("text/notes/fn.xml", NOTES),
        ]);
        let mut archive = Archive::open(&bytes, &Limits::default()).unwrap();
        let text = read(&mut archive).expect("read").finish().0;
        assert!(text.contains("3,100 prisoners"), "{text}");
        assert!(text.contains("GARF, f. 9401."), "{text}");
    }

    #[test]
    fn without_relationships_the_usual_parts_are_read() {
        let bytes = archive(&[("word/document.xml", BODY), ("word/footnotes.xml", NOTES)]);
        let mut archive = Archive::open(&bytes, &Limits::default()).unwrap();
        let text = read(&mut archive).expect("read").finish().0;
        assert!(
            text.contains("3,100 prisoners") && text.contains("9401"),
            "{text}"
        );
    }
}
