//! Markup helpers the HTML pages share: text made safe for HTML and SVG, and a
//! sentence with its figure marked.

/// Text made safe inside HTML and SVG, in element content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than white space are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `sentence` escaped, with the first occurrence of the figure's text marked.
pub fn marked(sentence: &str, figure: &str) -> String {
    match sentence.find(figure).filter(|_| !figure.is_empty()) {
        Some(at) => format!(
            "{}<mark>{}</mark>{}",
            escape(&sentence[..at]),
            escape(figure),
            escape(&sentence[at + figure.len()..])
        ),
        None => escape(sentence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_text() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn the_figure_is_marked_in_its_sentence_and_the_rest_escaped() {
        assert_eq!(
            marked("<b>1,436</b> delegates", "1,436"),
            "&lt;b&gt;<mark>1,436</mark>&lt;/b&gt; delegates"
        );
    }
}
