//! EPUB: the chapters in the order the book's spine reads them, each an XHTML file read
//! as HTML (`html.rs`). Places: the page is the chapter's place in the spine (1 for the
//! first), the line and column are those of the chapter's XHTML file.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::zipped::Archive;
use super::{html, Flow, Limits, Problem};
use crate::source::PlacesBuilder;

/// Chapters read at most: [`Limits::pages`] counts them as it counts a PDF's pages.
pub(super) fn read(archive: &mut Archive, limits: &Limits) -> Result<PlacesBuilder, Problem> {
    let container = archive.text("META-INF/container.xml")?;
    let package = attribute_of(&container, "rootfile", "full-path")?.ok_or_else(|| {
        Problem::at(
            "META-INF/container.xml",
            "names no package file (rootfile full-path)",
        )
    })?;
    let opf = archive.text(&package)?;
    let folder = package.rfind('/').map_or("", |slash| &package[..=slash]);
    let chapters = spine(&package, &opf)?;
    if chapters.len() > limits.pages {
        return Err(Problem::new(format!(
            "{} chapters, more than the limit of {} (limits.pages in crosscheck.toml)",
            chapters.len(),
            limits.pages
        )));
    }
    let mut flow = Flow::new();
    for (index, href) in chapters.iter().enumerate() {
        let path = resolve(folder, href);
        let source = archive.text(&path)?;
        flow = html::read_into(&source, flow, index + 1);
    }
    Ok(flow.finish())
}

/// The value of `attribute` on the first `element` of `xml`.
fn attribute_of(xml: &str, element: &str, attribute: &str) -> Result<Option<String>, Problem> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == element => {
                return Ok(e.try_get_attribute(attribute).ok().flatten().and_then(|a| {
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned())
                }));
            }
            Ok(Event::Eof) => return Ok(None),
            Ok(_) => {}
            Err(error) => {
                return Err(Problem::at(
                    "META-INF/container.xml",
                    format!("malformed XML: {error}"),
                ))
            }
        }
    }
}

/// The chapters' paths (relative to the package file) in spine order.
fn spine(package: &str, opf: &str) -> Result<Vec<String>, Problem> {
    let mut reader = Reader::from_str(opf);
    let mut manifest = std::collections::HashMap::new();
    let mut order = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|error| Problem::at(package, format!("malformed XML: {error}")))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let value = |name: &str| {
                    e.try_get_attribute(name).ok().flatten().and_then(|a| {
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned())
                    })
                };
                match e.local_name().as_ref() {
                    "item" => {
                        if let (Some(id), Some(href)) = (value("id"), value("href")) {
                            manifest.insert(id, href);
                        }
                    }
                    "itemref" => {
                        let linear = value("linear").is_none_or(|l| l != "no");
                        if let (Some(id), true) = (value("idref"), linear) {
                            order.push(id);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let chapters: Vec<String> = order
        .iter()
        .filter_map(|id| manifest.get(id).cloned())
        .collect();
    if chapters.is_empty() {
        return Err(Problem::at(package, "the spine names no chapter"));
    }
    Ok(chapters)
}

/// A chapter's path in the archive: `href` (percent-encoded) relative to `folder`.
pub(super) fn resolve(folder: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or(href);
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    percent_decoded(&parts.join("/"))
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_paths_resolve_against_the_package_folder() {
        assert_eq!(
            resolve("OEBPS/", "text/ch%201.xhtml#top"),
            "OEBPS/text/ch 1.xhtml"
        );
        assert_eq!(resolve("OEBPS/text/", "../ch2.xhtml"), "OEBPS/ch2.xhtml");
        assert_eq!(resolve("", "ch3.xhtml"), "ch3.xhtml");
    }
}
