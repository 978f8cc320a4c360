//! The JSONL reader of `nutgraf batch` on arbitrary bytes: it must return, never panic,
//! and give exactly one record per line that is not blank (a page or a `Bad` record,
//! never a `Broken` one: reading bytes in memory cannot fail).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_cli::{jsonl, Record};

fuzz_target!(|data: &[u8]| {
    let fields = jsonl::Fields::default();
    let records: Vec<Record> = jsonl::records(data, "fuzz", fields, None).collect();
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.ends_with(b"\n") || data.is_empty() {
        lines.pop();
    }
    let expected = lines
        .iter()
        .filter(|l| !std::str::from_utf8(l).is_ok_and(|s| s.trim().is_empty()))
        .count();
    assert_eq!(records.len(), expected);
    for r in &records {
        match r {
            Record::Page { format, .. } => {
                assert!(format.is_none() || *format == Some(nutgraf::InputFormat::Html));
            }
            // (The id may be empty: it is what the record says.)
            Record::Bad { error, .. } => assert!(error.starts_with("line "), "{error}"),
            Record::Broken { .. } => panic!("a slice cannot fail to read: {r:?}"),
        }
    }
});
