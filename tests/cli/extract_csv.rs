//! `crosscheck extract FILE --format csv`: RFC 4180 with a header row.

use crate::support::{Scratch, SAMPLE};

/// Rows of an RFC 4180 text: quoted fields may hold commas, quotes (doubled) and newlines.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_a_header_and_one_row_per_figure() {
    let scratch = Scratch::new("csv");
    scratch.write("sample.txt", SAMPLE);
    let run = scratch.run(&["extract", "sample.txt", "--format", "csv"]);
    run.assert_code(0);
    let stdout = run.stdout();
    assert!(stdout.starts_with("source,line,column,end_line,end_column,text,value,low,high,unit,qualifier,kind,vague,sentence,period,attributed_to,step,sentence_offset,canonical_unit,canonical_value,page\r\n"), "{stdout}");

    let rows = parse_csv(&stdout);
    assert_eq!(rows.len(), 3, "{stdout}");
    let header = &rows[0];
    let get = |row: &Vec<String>, name: &str| {
        let i = header.iter().position(|h| h == name).expect("known column");
        row[i].clone()
    };
    assert_eq!(get(&rows[1], "source"), "sample.txt");
    assert_eq!(get(&rows[1], "line"), "1");
    assert_eq!(get(&rows[1], "column"), "23");
    assert_eq!(get(&rows[1], "text"), "1,436");
    assert_eq!(get(&rows[1], "value"), "1436");
    assert_eq!(get(&rows[1], "qualifier"), "exact");
    assert_eq!(get(&rows[1], "vague"), "false");
    assert_eq!(get(&rows[2], "value"), "4000");
    assert_eq!(get(&rows[2], "qualifier"), "about");
    // A field holding a comma is quoted.
    assert!(stdout.contains(",\"1,436\","), "{stdout}");
}
