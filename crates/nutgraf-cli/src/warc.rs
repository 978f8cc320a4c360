//! A streaming reader of WARC files (plain or gzip, one member per record as Common
//! Crawl writes them), yielding the HTML responses.
//!
//! Written by hand: the format is a few header lines and a length-delimited block, and
//! the crates that read it bring their own I/O stacks; we need only `response` records.
//!
//! [`records`] is what `nutgraf batch` reads: every HTML response before any damage,
//! then one [`Record::Broken`] for the damage (a cut file or gzip stream, bytes that are
//! not WARC).

use std::io::{BufRead, BufReader, Read};

use anyhow::{bail, Context, Result};

use crate::Record;

/// The bytes of a WARC file, decompressed when `gz` (every gzip member in turn, as
/// Common Crawl writes one per record).
pub fn decode<'a, R: Read + 'a>(input: R, gz: bool) -> Box<dyn BufRead + 'a> {
    if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(input),
        )))
    } else {
        Box::new(BufReader::new(input))
    }
}

/// The records of a WARC file for `nutgraf batch`: its HTML responses (id: the
/// `WARC-Record-ID`), a [`Record::Bad`] for a response whose HTTP part is unreadable,
/// and, if the file is damaged, one [`Record::Broken`] named `name` after everything
/// read before the damage. Other records are skipped.
pub fn records<R: BufRead>(reader: R, name: impl Into<String>) -> Records<R> {
    Records {
        reader: Reader::new(reader),
        name: name.into(),
        done: false,
    }
}

/// Iterator returned by [`records`].
#[derive(Debug)]
pub struct Records<R> {
    reader: Reader<R>,
    name: String,
    done: bool,
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            match self.reader.next_item() {
                Ok(None) => self.done = true,
                Ok(Some(Item::Skipped)) => {}
                Ok(Some(Item::Bad { record_id, error })) => {
                    return Some(Record::Bad {
                        id: record_id,
                        reason: "bad WARC record".into(),
                        error,
                    })
                }
                Ok(Some(Item::Html(r))) => {
                    return Some(Record::Page {
                        id: r.record_id,
                        url: r.url,
                        bytes: r.body,
                        format: Some(nutgraf::InputFormat::Html),
                        content_type: r.content_type,
                    })
                }
                Err(e) => {
                    self.done = true;
                    return Some(Record::Broken {
                        id: self.name.clone(),
                        reason: "damaged input".into(),
                        error: format!("could not read {}: {e:#}", self.name),
                    });
                }
            }
        }
        None
    }
}

/// One HTTP response found in a WARC file.
#[derive(Debug)]
pub struct Response {
    /// `WARC-Record-ID`.
    pub record_id: String,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// The HTTP `Content-Type` header of the response.
    pub content_type: Option<String>,
    /// The response body (de-chunked).
    pub body: Vec<u8>,
}

/// What the reader found next.
#[derive(Debug)]
pub enum Item {
    /// An HTML response.
    Html(Response),
    /// A response that is not HTML, or another record type: skipped.
    Skipped,
    /// A record whose HTTP part could not be read (reported, not fatal).
    Bad { record_id: String, error: String },
}

/// Reads records one by one from a buffered stream.
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    /// Records read so far (for error messages).
    pub records: u64,
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

impl<R: BufRead> Reader<R> {
    /// A reader over decompressed WARC bytes.
    pub fn new(inner: R) -> Self {
        Reader { inner, records: 0 }
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> Result<usize> {
        line.clear();
        Ok(self.inner.read_until(b'\n', line)?)
    }

    /// The next record, `None` at the end of the file. Errors are fatal (the file is
    /// not WARC or is cut short).
    pub fn next_item(&mut self) -> Result<Option<Item>> {
        let mut line = Vec::new();
        // Skip blank lines between records.
        loop {
            if self.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            bail!(
                "not a WARC record at record {}: expected a `WARC/1.x` line, found {:?}",
                self.records + 1,
                String::from_utf8_lossy(&line[..line.len().min(40)])
            );
        }
        let mut headers = Vec::new();
        loop {
            if self.read_line(&mut line)? == 0 {
                bail!(
                    "WARC file ends inside the headers of record {}",
                    self.records + 1
                );
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        self.records += 1;
        let len: u64 = header_value(&headers, "Content-Length")
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("WARC record {} has no valid Content-Length", self.records))?;
        // The length is only a claim: reserve little up front, the read grows as needed.
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        (&mut self.inner)
            .take(len)
            .read_to_end(&mut block)
            .with_context(|| format!("reading WARC record {}", self.records))?;
        if (block.len() as u64) < len {
            bail!("WARC file ends inside record {}", self.records);
        }
        let record_id = header_value(&headers, "WARC-Record-ID")
            .unwrap_or("")
            .trim_matches(['<', '>'])
            .to_string();
        let is_response =
            header_value(&headers, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let is_http = header_value(&headers, "Content-Type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !is_response || !is_http {
            return Ok(Some(Item::Skipped));
        }
        let url = header_value(&headers, "WARC-Target-URI").map(str::to_string);
        match parse_http(&block) {
            Ok((content_type, body)) => {
                let html = content_type.as_deref().is_none_or(|t| {
                    let t = t.to_ascii_lowercase();
                    t.contains("html") || t.contains("xml")
                });
                if !html {
                    return Ok(Some(Item::Skipped));
                }
                Ok(Some(Item::Html(Response {
                    record_id,
                    url,
                    content_type,
                    body,
                })))
            }
            Err(error) => Ok(Some(Item::Bad { record_id, error })),
        }
    }
}

/// Splits an HTTP response into its `Content-Type` and body (de-chunked).
fn parse_http(block: &[u8]) -> std::result::Result<(Option<String>, Vec<u8>), String> {
    let head_end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })
        .ok_or("HTTP response without a blank line after its headers")?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        // The first 40 characters (not bytes: the line need not be ASCII).
        let start: String = status.chars().take(40).collect();
        return Err(format!("not an HTTP response: {start:?}"));
    }
    let mut content_type = None;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim();
            if k.eq_ignore_ascii_case("content-type") {
                content_type = Some(v.trim().to_string());
            } else if k.eq_ignore_ascii_case("transfer-encoding") {
                chunked = v.to_ascii_lowercase().contains("chunked");
            }
        }
    }
    let body = &block[head_end.1..];
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    Ok((content_type, body))
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let nl = body.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&body[..nl]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn record(kind: &str, http: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://example.test/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    }

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let data = format!(
            "{}{}{}",
            record("request", "GET /a HTTP/1.1\r\n\r\n"),
            record(
                "response",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>"
            ),
            record(
                "response",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"
            )
        );
        let mut r = Reader::new(data.as_bytes());
        assert!(matches!(r.next_item().unwrap(), Some(Item::Skipped)));
        match r.next_item().unwrap() {
            Some(Item::Html(resp)) => {
                assert_eq!(resp.body, b"<p>Hi</p>");
                assert_eq!(resp.url.as_deref(), Some("http://example.test/a"));
                assert_eq!(
                    resp.content_type.as_deref(),
                    Some("text/html; charset=utf-8")
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(r.next_item().unwrap(), Some(Item::Skipped)));
        assert!(r.next_item().unwrap().is_none());
    }

    #[test]
    fn dechunks_bodies() {
        let http = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        let data = record("response", http);
        let mut r = Reader::new(data.as_bytes());
        match r.next_item().unwrap() {
            Some(Item::Html(resp)) => assert_eq!(resp.body, b"<p>ab</p>"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert!(Reader::new(&b"hello\n"[..]).next_item().is_err());
        let cut = "WARC/1.0\r\nContent-Length: 100\r\n\r\nshort";
        assert!(Reader::new(cut.as_bytes()).next_item().is_err());
        let bad_http = record("response", "garbage");
        assert!(matches!(
            Reader::new(bad_http.as_bytes()).next_item().unwrap(),
            Some(Item::Bad { .. })
        ));
    }

    #[test]
    fn a_status_line_that_is_not_ascii_is_a_bad_record_not_a_panic() {
        // Found by the batch_warc fuzz target: a multi-byte character across byte 40.
        let status = format!("{}\u{fffd}\u{fffd} and more", "x".repeat(38));
        let data = record("response", &format!("{status}\r\n\r\n<p>A story.</p>"));
        match Reader::new(data.as_bytes()).next_item().unwrap() {
            Some(Item::Bad { error, .. }) => {
                assert!(error.starts_with("not an HTTP response"), "{error}")
            }
            other => panic!("{other:?}"),
        }
    }
}
