//! JSONL batch input: one JSON object per line, each with an id and a page.
//!
//! Lines are read as bytes, so one line that is not UTF-8 (or not JSON, or without a
//! page) is a [`Record::Bad`] naming its line number and the next line is read as usual.
//! An I/O error (a cut `.gz`, a failing disk) ends the input with one
//! [`Record::Broken`]; the line it cut is not reported as a record.

use std::io::BufRead;

use serde_json::Value;

use crate::Record;

/// Which fields of a JSONL object hold what.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The record id (a string or a number; `NAME:LINE` when missing).
    pub id: String,
    /// An HTML page.
    pub html: String,
    /// Text, read as the `text_format` given to [`records`] says.
    pub text: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            html: "html".into(),
            text: "text".into(),
        }
    }
}

/// The records of the JSONL read from `reader`: one per line that is not blank, in
/// order, then a [`Record::Broken`] if reading failed. `name` names the input in
/// stand-in ids (`NAME:LINE`) and messages; `text_format` says how text fields are read
/// (detected per record when `None`).
pub fn records<R: BufRead>(
    reader: R,
    name: impl Into<String>,
    fields: Fields,
    text_format: Option<nutgraf::InputFormat>,
) -> Records<R> {
    Records {
        reader,
        name: name.into(),
        fields,
        text_format,
        line: 0,
        done: false,
        buf: Vec::new(),
    }
}

/// Iterator returned by [`records`].
#[derive(Debug)]
pub struct Records<R> {
    reader: R,
    name: String,
    fields: Fields,
    text_format: Option<nutgraf::InputFormat>,
    /// Lines read so far.
    line: usize,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let mut line = self.buf.as_slice();
                    if let Some(l) = line.strip_suffix(b"\n") {
                        line = l.strip_suffix(b"\r").unwrap_or(l);
                    }
                    if let Some(record) =
                        parse_line(line, self.line, &self.name, &self.fields, self.text_format)
                    {
                        return Some(record);
                    }
                }
                Err(e) => {
                    self.done = true;
                    let n = self.line + 1;
                    return Some(Record::Broken {
                        id: self.name.clone(),
                        reason: "damaged input".into(),
                        error: format!("could not read {} at line {n}: {e}", self.name),
                    });
                }
            }
        }
        None
    }
}

/// The record of line number `n` (without its line break), `None` for a blank line.
pub fn parse_line(
    line: &[u8],
    n: usize,
    name: &str,
    fields: &Fields,
    text_format: Option<nutgraf::InputFormat>,
) -> Option<Record> {
    let fallback_id = format!("{name}:{n}");
    let line = match std::str::from_utf8(line) {
        Ok(l) => l,
        Err(e) => {
            return Some(Record::Bad {
                id: fallback_id,
                reason: "not UTF-8".into(),
                error: format!("line {n} is not valid UTF-8: {e}"),
            })
        }
    };
    if line.trim().is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Some(Record::Bad {
                id: fallback_id,
                reason: "bad JSON".into(),
                error: format!("line {n} is not valid JSON: {e}"),
            })
        }
    };
    let id = match value.get(&fields.id) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(x)) => x.to_string(),
        _ => fallback_id,
    };
    let (text, format) = if let Some(Value::String(h)) = value.get(&fields.html) {
        (h.clone(), Some(nutgraf::InputFormat::Html))
    } else if let Some(Value::String(t)) = value.get(&fields.text) {
        (t.clone(), text_format)
    } else {
        return Some(Record::Bad {
            id,
            reason: "no page".into(),
            error: format!(
                "line {n} has no string field {:?} or {:?}",
                fields.html, fields.text
            ),
        });
    };
    Some(Record::Page {
        id,
        url: value.get("url").and_then(Value::as_str).map(str::to_string),
        bytes: text.into_bytes(),
        format,
        content_type: Some("text/plain; charset=utf-8".into()),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<Record> {
        records(bytes, "in", Fields::default(), None).collect()
    }

    #[test]
    fn a_line_that_is_not_utf8_is_one_bad_record() {
        let input = b"{\"id\":\"a\",\"html\":\"<p>a</p>\"}\n{\"id\":\"b\",\"html\":\"\xff\xfe\"}\r\n\n  \n{\"id\":\"c\",\"text\":\"c\"}";
        let out = all(input);
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(matches!(&out[0], Record::Page { id, .. } if id == "a"));
        match &out[1] {
            Record::Bad { id, reason, error } => {
                assert_eq!(id, "in:2");
                assert_eq!(reason, "not UTF-8");
                assert!(error.starts_with("line 2 is not valid UTF-8"), "{error}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&out[2], Record::Page { id, format: None, .. } if id == "c"));
    }

    #[test]
    fn a_read_error_ends_the_input_with_one_broken_record() {
        struct Failing(&'static [u8]);
        impl std::io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "cut short",
                    ));
                }
                let n = self.0.len().min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let reader = std::io::BufReader::new(Failing(b"{\"id\":1,\"text\":\"x\"}\n{\"id\":2,\"te"));
        let out: Vec<Record> = records(reader, "f.jsonl.gz", Fields::default(), None).collect();
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].id(), "1");
        match &out[1] {
            Record::Broken { id, error, .. } => {
                assert_eq!(id, "f.jsonl.gz");
                assert!(
                    error.contains("line 2") && error.contains("cut short"),
                    "{error}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
