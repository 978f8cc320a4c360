//! The WARC reader of `nutgraf batch` on arbitrary bytes (gzip-decoded first when they
//! start with the gzip magic, as a `.warc.gz` is): it must return, never panic, and end
//! an input with at most one `Broken` record, after everything else.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_cli::{warc, Record};

fuzz_target!(|data: &[u8]| {
    let gz = data.starts_with(&[0x1f, 0x8b]);
    let records: Vec<Record> = warc::records(warc::decode(data, gz), "fuzz.warc").collect();
    let broken = records
        .iter()
        .position(|r| matches!(r, Record::Broken { .. }));
    if let Some(at) = broken {
        assert_eq!(at, records.len() - 1, "records after the damage");
        assert_eq!(records[at].id(), "fuzz.warc");
    }
    if !gz {
        // Every record starts with its own `WARC/` line, and a body is part of the input.
        let starts = data.windows(5).filter(|w| w == b"WARC/").count();
        let read = records.len() - usize::from(broken.is_some());
        assert!(read <= starts, "{read} records from {starts} `WARC/` lines");
        for r in &records {
            if let Record::Page { bytes, .. } = r {
                assert!(bytes.len() <= data.len());
            }
        }
    }
});
