//! End-to-end tests of the `nutgraf` binary: hostile inputs, network inputs, and the
//! output contract. Every test runs the real binary; every error test checks that the
//! error is one line on stderr and not a panic.
//!
//! All pages here are invented for these tests.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long any one run of the binary may take before the test fails. Generous: the
/// binary is a debug build and the machine may be busy.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// The finished run of the binary.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `nutgraf ARGS`, feeding `stdin` (or nothing), and waits at most [`RUN_LIMIT`].
fn nutgraf(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("could not start the nutgraf binary");
    let feeder = child.stdin.take().map(|mut pipe| {
        let bytes = stdin.unwrap_or_default().to_vec();
        // A closed pipe is the binary's business, not the test's.
        thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));
    let status = loop {
        if let Some(status) = child.try_wait().expect("could not wait for nutgraf") {
            break status;
        }
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nutgraf {args:?} ran longer than {RUN_LIMIT:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    if let Some(feeder) = feeder {
        feeder.join().expect("stdin feeder thread panicked");
    }
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout.join().expect("stdout reader panicked"))
            .expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&stderr.join().expect("stderr reader panicked"))
            .into_owned(),
        elapsed,
    }
}

/// Reads a pipe to the end in a thread (so a full pipe never blocks the child).
fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).expect("could not read a pipe");
        bytes
    })
}

impl Run {
    /// Asserts a successful run and returns stdout.
    fn ok(&self) -> &str {
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        &self.stdout
    }

    /// Asserts a failed run with exactly one line `error: …` on stderr (no panic, no
    /// output), and returns that line.
    fn one_line_error(&self) -> &str {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit code 1; stdout: {}; stderr: {}",
            self.stdout,
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        let line = self
            .stderr
            .strip_suffix('\n')
            .expect("stderr ends with a newline");
        assert!(
            !line.contains('\n'),
            "more than one line: {:?}",
            self.stderr
        );
        assert!(line.starts_with("error: "), "{line}");
        assert!(self.stdout.is_empty(), "output on failure: {}", self.stdout);
        line
    }

    fn json(&self) -> Value {
        serde_json::from_str(self.ok()).expect("stdout is one JSON document")
    }
}

/// A scratch directory under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        // Test names are unique within the run, the process id across runs.
        let dir =
            std::env::temp_dir().join(format!("nutgraf-cli-test-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("could not create a scratch directory");
        Self(dir)
    }

    /// Writes `bytes` to a file in the directory and returns its path as a string.
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("could not write a scratch file");
        path_str(&path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn path_str(path: &Path) -> String {
    path.to_str().expect("temp paths are UTF-8").to_owned()
}

fn fixture(name: &str) -> String {
    path_str(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}

/// A small, fine news page around `body` (which goes inside `<article>`).
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head>{head}<title>Bridge repair approved | Vell Valley Post</title></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>Bridge repair approved</h1>{body}</article>\
         <footer><a href=\"/privacy\">Privacy</a></footer></body></html>"
    )
}

const PARAGRAPHS: &str = "<p>The village council voted on Thursday to repair the old stone bridge \
    over the Vell before winter, the mayor said after the meeting.</p>\
    <p>Work will start next month and close the bridge to trucks for six weeks, while cars \
    and walkers can still cross on one lane.</p>";

/// Deterministic bytes that look random (xorshift), with NULs sprinkled in.
fn garbage(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if i % 97 == 3 {
                0
            } else {
                state.to_le_bytes()[0]
            }
        })
        .collect()
}

/// Chrome of the example page that must never reach the article text.
const CHROME: &[&str] = &[
    "Skip to main content",
    "Share on Facebook",
    "More stories",
    "All rights reserved",
];

// ---------------------------------------------------------------------------------------
// Hostile and odd inputs.

#[test]
fn empty_file_fails_with_one_line_empty_error() {
    let dir = Scratch::new("empty");
    for (name, bytes) in [("empty.html", &b""[..]), ("blank.html", b" \n\t\r\n ")] {
        let path = dir.file(name, bytes);
        let run = nutgraf(&["read", &path], None);
        let err = run.one_line_error();
        assert!(err.contains("empty"), "{err}");
        assert!(err.contains(name), "the error names the file: {err}");
    }
}

#[test]
fn empty_stdin_fails_with_one_line_empty_error() {
    let run = nutgraf(&["read", "-"], Some(b""));
    let err = run.one_line_error();
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn binary_garbage_with_nul_bytes_fails_with_binary_error() {
    let dir = Scratch::new("garbage");
    let path = dir.file("garbage.html", &garbage(64 * 1024));
    let err = nutgraf(&["read", &path], None).one_line_error().to_owned();
    assert!(err.contains("binary"), "{err}");
    // Forcing the format does not get past the check either.
    let run = nutgraf(&["read", &path, "--input-format", "text"], None);
    assert!(run.one_line_error().contains("binary"));
}

#[test]
fn gzip_file_fails_with_binary_error_naming_gzip() {
    let dir = Scratch::new("gzip");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page("", PARAGRAPHS).as_bytes())
        .expect("gzip into memory");
    let path = dir.file("story.html.gz", &gz.finish().expect("gzip into memory"));
    let run = nutgraf(&["read", &path], None);
    let err = run.one_line_error();
    assert!(err.contains("binary") && err.contains("gzip"), "{err}");
}

#[test]
fn missing_file_fails_with_one_line_error() {
    let dir = Scratch::new("missing");
    let path = path_str(&dir.0.join("no-such-page.html"));
    let run = nutgraf(&["read", &path], None);
    let err = run.one_line_error();
    assert!(err.contains("no-such-page.html"), "{err}");
}

/// Writes a 50 MB page: a real article, then boilerplate (`markup` bytes of nav divs and
/// small scripts), then one inline state script that fills the page up to 50 MB.
fn write_big_page(path: &Path, markup: usize) {
    const TOTAL: usize = 50 * 1024 * 1024;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create big page"));
    let head = page("<meta charset=\"utf-8\">", PARAGRAPHS);
    let head = head
        .strip_suffix("</body></html>")
        .expect("page ends with </body></html>");
    out.write_all(head.as_bytes()).expect("write big page");
    let chunk = "<div class=\"sidebar promo\"><a href=\"/deals\">Today's deals</a> \
        <a href=\"/newsletter\">Newsletter</a><script>window.ads.push({slot:'side'});</script></div>\n";
    let mut written = head.len();
    for _ in 0..markup / chunk.len() {
        out.write_all(chunk.as_bytes()).expect("write big page");
        written += chunk.len();
    }
    let open = b"<script>window.__STATE__ = \"";
    let close = b"\";</script></body></html>";
    out.write_all(open).expect("write big page");
    let fill = TOTAL.saturating_sub(written + open.len() + close.len());
    let block = [b'a'; 64 * 1024];
    let mut left = fill;
    while left > 0 {
        let n = left.min(block.len());
        out.write_all(&block[..n]).expect("write big page");
        left -= n;
    }
    out.write_all(close).expect("write big page");
    out.flush().expect("write big page");
    assert_eq!(
        std::fs::metadata(path).expect("big page written").len(),
        TOTAL as u64
    );
}

/// A 50 MB page that is mostly one inline script, after 1 MB of boilerplate markup.
#[test]
fn fifty_megabyte_page_of_script_completes_with_the_article() {
    let dir = Scratch::new("big");
    let path = dir.0.join("big.html");
    // 1 MB of nav/ad markup (a debug build tokenizes it in about a second); the rest is
    // one inline script, as on pages that ship their state as JSON.
    write_big_page(&path, 1024 * 1024);
    let run = nutgraf(&["read", &path_str(&path), "--format", "json"], None);
    let article = run.json();
    assert_eq!(article["title"], "Bridge repair approved");
    let text = article["text"].as_str().expect("text is a string");
    assert!(text.starts_with("The village council voted"), "{text}");
    assert!(!text.contains("Today's deals"), "boilerplate in the text");
    assert!(run.elapsed < Duration::from_secs(60), "{:?}", run.elapsed);
}

/// The same with 50 MB of boilerplate markup, read and digested: slow in a debug build,
/// so run it on demand: `cargo test --release -p nutgraf-cli -- --ignored`. (Time and
/// memory per MB of input are measured by `bench/sizes.sh`.)
#[test]
#[ignore = "slow in debug builds; run with --release -- --ignored"]
fn fifty_megabytes_of_boilerplate_markup_complete() {
    let dir = Scratch::new("big-markup");
    let path = dir.0.join("big.html");
    write_big_page(&path, 50 * 1024 * 1024);
    let run = nutgraf(&["read", &path_str(&path), "--format", "json"], None);
    assert_eq!(run.json()["title"], "Bridge repair approved");
    let run = nutgraf(&["digest", &path_str(&path), "--format", "json"], None);
    assert_eq!(run.json()["article"]["title"], "Bridge repair approved");
}

#[test]
fn ten_thousand_nested_divs_do_not_overflow_the_stack() {
    let dir = Scratch::new("deep");
    let depth = 10_000;
    let body = format!(
        "{}{PARAGRAPHS}{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let path = dir.file("deep.html", page("", &body).as_bytes());
    let run = nutgraf(&["read", &path], None);
    if run.code == Some(0) {
        assert!(
            run.stdout.contains("old stone bridge"),
            "article lost: {}",
            run.stdout
        );
    } else {
        run.one_line_error();
    }
}

#[test]
fn invalid_utf8_in_a_utf8_page_becomes_replacement_characters() {
    let dir = Scratch::new("bad-utf8");
    let body = "<p>The caf\u{e9} on Elm Street reopened on Monday after a long renovation, \
        the owner said, and the line reached the corner by nine. Prices BADBYTES stayed the same.</p>\
        <p>Customers said the new espresso machine was worth the wait, and the pastries were as \
        good as ever before the fire.</p>";
    let mut bytes = page("<meta charset=\"utf-8\">", body).into_bytes();
    let at = bytes
        .windows(8)
        .position(|w| w == b"BADBYTES")
        .expect("marker in page");
    bytes.splice(at..at + 8, *b"\xff\xfe\xc3(");
    let path = dir.file("bad.html", &bytes);
    let article = nutgraf(&["read", &path, "--format", "json"], None).json();
    let text = article["text"].as_str().expect("text is a string");
    assert!(text.contains('\u{fffd}'), "no U+FFFD in {text:?}");
    assert!(
        text.contains("The caf\u{e9} on Elm Street"),
        "valid UTF-8 around the bad bytes was damaged: {text:?}"
    );
}

#[test]
fn stray_latin1_byte_in_an_undeclared_ascii_page_is_decoded() {
    let dir = Scratch::new("latin1");
    let body = PARAGRAPHS.replace("the mayor said", "the mayor, Ren\u{e9}e Dupr\u{e9}, said");
    // Re-encode the two é as single Latin-1 bytes: the page is not valid UTF-8.
    let bytes: Vec<u8> = page("", &body)
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 only"))
        .collect();
    let path = dir.file("latin1.html", &bytes);
    let article = nutgraf(&["read", &path, "--format", "json"], None).json();
    let text = article["text"].as_str().expect("text is a string");
    assert!(
        text.contains("Ren\u{e9}e Dupr\u{e9}") || text.contains('\u{fffd}'),
        "{text:?}"
    );
}

#[test]
fn page_with_only_navigation_fails_with_no_article_error() {
    let dir = Scratch::new("nav-only");
    let html = "<!DOCTYPE html><html><head><title>Vell Valley Post</title></head><body>\
        <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>\
        <li><a href=\"/sports\">Sports</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav></header>\
        <footer><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer></body></html>";
    let path = dir.file("nav.html", html.as_bytes());
    for format in ["text", "json", "markdown"] {
        let run = nutgraf(&["read", &path, "--format", format], None);
        let err = run.one_line_error();
        assert!(err.contains("no article"), "{err}");
    }
}

// ---------------------------------------------------------------------------------------
// URLs.

#[test]
fn unreachable_url_fails_fast_with_one_line_error() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let addr = listener.local_addr().expect("local address");
    drop(listener);
    let url = format!("http://{addr}/news/bridge");
    let run = nutgraf(&["read", &url, "--timeout", "5"], None);
    let err = run.one_line_error();
    assert!(err.contains("could not reach"), "{err}");
    assert!(err.contains(&addr.to_string()), "{err}");
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
}

/// Serves `response` (raw HTTP) to every connection on a free local port; returns the
/// base URL. The server thread ends with the test process.
fn serve(response: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let addr = listener.local_addr().expect("local address");
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &response);
        }
    });
    format!("http://{addr}")
}

fn answer(stream: TcpStream, response: &[u8]) {
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    let mut stream = stream;
    let _ = stream.write_all(response);
    let _ = stream.flush();
}

#[test]
fn url_with_windows_1252_charset_header_decodes_accents() {
    // A misleading <meta charset="utf-8"> in the page: the header has to win, or every
    // accented letter below becomes U+FFFD.
    let body = "<p>The caf\u{e9} owner, Ren\u{e9}e Dupr\u{e9}, said the new menu would cost \
        \u{20ac}12 and called it \u{201c}na\u{ef}ve but honest\u{201d} on Monday.</p>\
        <p>Regulars at the caf\u{e9} on Quay Street said they would come back for the \
        cr\u{e8}me br\u{fb}l\u{e9}e either way, whatever the price.</p>";
    let html = page("<meta charset=\"utf-8\">", body);
    let bytes = windows_1252(&html);
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html; charset=windows-1252\r\n\
         Content-Length: {}\r\n\r\n",
        bytes.len()
    )
    .into_bytes();
    response.extend_from_slice(&bytes);
    let base = serve(response);
    let url = format!("{base}/food/cafe");
    let article = nutgraf(&["read", &url, "--format", "json", "--timeout", "10"], None).json();
    let text = article["text"].as_str().expect("text is a string");
    for word in [
        "caf\u{e9}",
        "Ren\u{e9}e Dupr\u{e9}",
        "\u{20ac}12",
        "\u{201c}na\u{ef}ve but honest\u{201d}",
        "cr\u{e8}me br\u{fb}l\u{e9}e",
    ] {
        assert!(text.contains(word), "{word:?} not in {text:?}");
    }
    assert!(!text.contains('\u{fffd}'), "{text:?}");
}

/// Encodes `s` as windows-1252 (Latin-1 plus the few characters of 0x80–0x9f this test
/// uses).
fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20ac}' => 0x80,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c => u8::try_from(u32::from(c))
                .ok()
                .filter(|b| !(0x80..0xa0).contains(b))
                .unwrap_or_else(|| panic!("{c:?} is not in this windows-1252 table")),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Inputs and output formats.

#[test]
fn reads_standard_input_with_dash() {
    let html = page("<meta charset=\"utf-8\">", PARAGRAPHS);
    let run = nutgraf(&["read", "-", "--format", "json"], Some(html.as_bytes()));
    let article = run.json();
    assert_eq!(article["title"], "Bridge repair approved");
    assert_eq!(article["paragraphs"].as_array().map(Vec::len), Some(2));
}

#[test]
fn article_input_format_keeps_the_text_exactly() {
    for input in [
        "The county fair opened on Friday with a record number of entries.\n\n\
         Organizers said the pie contest drew 212 bakers, up from 150 last year.",
        "FAIRVIEW, Ore. -- The county fair opened on Friday.\n\nIt rained.   Nobody left.\n",
    ] {
        let run = nutgraf(
            &["read", "-", "--input-format", "article", "--format", "json"],
            Some(input.as_bytes()),
        );
        let article = run.json();
        assert_eq!(article["text"].as_str(), Some(input));
        check_sentences(&article);
    }
}

/// Every sentence is `{start, end}` in characters and slices `text` to a non-empty,
/// trimmed string; sentences are in order and do not overlap.
fn check_sentences(article: &Value) {
    let text: Vec<char> = article["text"]
        .as_str()
        .expect("text is a string")
        .chars()
        .collect();
    let sentences = article["sentences"]
        .as_array()
        .expect("sentences is a list");
    assert!(!sentences.is_empty(), "no sentences");
    let mut last_end = 0;
    for s in sentences {
        let start = s["start"].as_u64().expect("start is a number") as usize;
        let end = s["end"].as_u64().expect("end is a number") as usize;
        assert!(
            last_end <= start && start < end && end <= text.len(),
            "bad span {s} after {last_end} in a text of {} chars",
            text.len()
        );
        let slice: String = text[start..end].iter().collect();
        assert!(!slice.trim().is_empty(), "empty sentence {s}");
        assert_eq!(slice.trim(), slice, "untrimmed sentence {s}");
        last_end = end;
    }
}

#[test]
fn read_json_has_every_contract_field() {
    let run = nutgraf(&["read", &fixture("ferry.html"), "--format", "json"], None);
    let a = run.json();
    assert_eq!(
        a["title"],
        "Island ferry back on schedule after three-day storm"
    );
    assert_eq!(a["authors"], serde_json::json!(["Lena Tarrow"]));
    assert_eq!(a["outlet"], "Harbor Gazette");
    assert!(
        a["published"]
            .as_str()
            .is_some_and(|p| p.starts_with("2027-02-09")),
        "{}",
        a["published"]
    );
    assert_eq!(a["dateline"]["place"], "PORT ALDER, Maine");
    assert!(a["dateline"].get("outlet").is_some());
    assert!(a["tags"].as_array().is_some_and(|t| !t.is_empty()));
    assert_eq!(a["highlights_given"].as_array().map(Vec::len), Some(2));
    let paragraphs: Vec<&str> = a["paragraphs"]
        .as_array()
        .expect("paragraphs is a list")
        .iter()
        .map(|p| p.as_str().expect("paragraphs are strings"))
        .collect();
    assert_eq!(paragraphs.len(), 4);
    assert_eq!(a["text"].as_str(), Some(paragraphs.join("\n\n").as_str()));
    assert_eq!(a["language"], "en");
    check_sentences(&a);
    // The first sentence starts after the dateline prefix.
    let first = a["sentences"][0]["start"]
        .as_u64()
        .expect("a first sentence");
    assert!(first > 0);
    for chrome in CHROME {
        assert!(
            !a["text"].as_str().unwrap_or_default().contains(chrome),
            "{chrome}"
        );
    }
}

#[test]
fn digest_example_json_has_metadata_and_no_chrome() {
    let run = nutgraf(&["digest", "--example", "--format", "json"], None);
    let doc = run.json();
    let a = &doc["article"];
    assert!(a["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(a["authors"].as_array().is_some_and(|x| !x.is_empty()));
    assert!(a["dateline"]["place"]
        .as_str()
        .is_some_and(|p| !p.is_empty()));
    assert!(a["highlights_given"]
        .as_array()
        .is_some_and(|x| !x.is_empty()));
    let text = a["text"].as_str().expect("text is a string");
    assert!(!text.is_empty());
    for chrome in CHROME {
        assert!(!text.contains(chrome), "{chrome:?} in the text");
    }
    check_sentences(a);
}

#[test]
fn markdown_output_starts_with_a_heading() {
    let read = nutgraf(
        &["read", &fixture("ferry.html"), "--format", "markdown"],
        None,
    );
    assert!(
        read.ok()
            .starts_with("# Island ferry back on schedule after three-day storm\n"),
        "{}",
        read.stdout
    );
    let digest = nutgraf(&["digest", "--example", "--format", "markdown"], None);
    assert!(digest.ok().starts_with("# "), "{}", digest.stdout);
}

#[test]
fn text_output_starts_with_the_title() {
    let run = nutgraf(&["read", &fixture("ferry.html")], None);
    assert!(run
        .ok()
        .starts_with("Island ferry back on schedule after three-day storm\n"));
}

#[test]
fn usage_errors_exit_with_code_two() {
    let run = nutgraf(&["read", "x.html", "--format", "yaml"], None);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn no_input_is_a_usage_error() {
    for cmd in ["read", "highlights", "quotes", "digest"] {
        let run = nutgraf(&[cmd], None);
        assert_eq!(run.code, Some(2), "{cmd}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error: no input given"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("Usage: nutgraf {cmd}")),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn markdown_escapes_paragraphs_that_would_become_lists_or_headings() {
    let text = "1. The first paragraph starts with a number.\n\n\
        12) So does this one.\n\n\
        - A dash starts this one.\n\n\
        * A star starts this one.\n\n\
        + A plus starts this one.\n\n\
        # A hash starts this one.\n\n\
        > An angle starts this one.\n\n\
        1.5 million people read the last one.";
    let run = nutgraf(
        &[
            "read",
            "-",
            "--input-format",
            "article",
            "--format",
            "markdown",
        ],
        Some(text.as_bytes()),
    );
    let paragraphs: Vec<&str> = run.ok().split("\n\n").map(str::trim).collect();
    for want in [
        "1\\. The first paragraph starts with a number.",
        "12\\) So does this one.",
        "\\- A dash starts this one.",
        "\\* A star starts this one.",
        "\\+ A plus starts this one.",
        "\\# A hash starts this one.",
        "\\> An angle starts this one.",
        "1.5 million people read the last one.",
    ] {
        assert!(paragraphs.contains(&want), "{want:?} not in {paragraphs:?}");
    }
}

// ---- nutgraf batch (issue 6) ----

/// One-by-one `digest --format json` of a file, as a JSON value.
fn digest_one(path: &str, format: Option<&str>) -> Value {
    let mut args = vec!["digest", path, "--format", "json"];
    if let Some(f) = format {
        args.extend(["--input-format", f]);
    }
    let run = nutgraf(&args, None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("digest prints JSON")
}

fn batch_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("batch prints JSON lines"))
        .collect()
}

fn three_pages(dir: &Scratch) -> Vec<(String, String)> {
    let bodies = [
        PARAGRAPHS.to_string(),
        format!("<p>Ferry crossings resume.</p>{PARAGRAPHS}"),
        format!("{PARAGRAPHS}<p>Work starts in March, the engineer said on Friday evening at the hall.</p>"),
    ];
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let name = format!("page{i}.html");
            (name.clone(), dir.file(&name, page("", b).as_bytes()))
        })
        .collect()
}

#[test]
fn issue_6_batch_folder_matches_one_by_one_runs_in_order() {
    let dir = Scratch::new("batch_folder");
    let pages = three_pages(&dir);
    dir.file("notes.md", b"not a page: skipped by extension");
    for jobs in ["1", "2"] {
        let run = nutgraf(
            &["batch", &path_str(&dir.0), "--jobs", jobs, "--no-progress"],
            None,
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let lines = batch_lines(&run.stdout);
        assert_eq!(lines.len(), 3);
        for (line, (name, path)) in lines.iter().zip(&pages) {
            assert_eq!(line["id"], name.as_str());
            assert_eq!(line["article"], digest_one(path, None)["article"]);
        }
        assert!(
            run.stderr.contains("3 records read, 3 ok, 0 failed"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn issue_6_batch_jsonl_reports_bad_records_and_keeps_the_rest() {
    let dir = Scratch::new("batch_jsonl");
    let good = page("", PARAGRAPHS);
    let lines = [
        serde_json::json!({"id": "a", "html": good}).to_string(),
        "{this is not json".to_string(),
        serde_json::json!({"id": "c", "html": "<nav><a href=/>Home</a></nav>"}).to_string(),
        serde_json::json!({"id": "d", "body": "no page field"}).to_string(),
        serde_json::json!({"id": "e", "text": "A clean story.\n\nIts second paragraph."})
            .to_string(),
    ];
    let input = dir.file("in.jsonl", lines.join("\n").as_bytes());
    let run = nutgraf(
        &[
            "batch",
            &input,
            "--input-format",
            "article",
            "--only",
            "article",
        ],
        None,
    );
    assert_eq!(
        run.code,
        Some(0),
        "a bad record does not fail the run: {}",
        run.stderr
    );
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 5, "one line per record");
    assert_eq!(out[0]["id"], "a");
    assert!(out[0]["article"]["title"].is_string());
    assert!(out[1]["error"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(out[2]["id"], "c");
    assert!(out[2]["error"].as_str().unwrap().contains("no article"));
    assert!(out[3]["error"].is_string());
    assert_eq!(
        out[4]["article"]["text"],
        "A clean story.\n\nIts second paragraph."
    );
    assert!(
        run.stderr.contains("5 records read, 2 ok, 3 failed"),
        "summary: {}",
        run.stderr
    );
}

#[test]
fn issue_6_batch_reads_warc_gz_like_one_by_one_runs() {
    let dir = Scratch::new("batch_warc");
    let pages = three_pages(&dir);
    let mut warc = Vec::new();
    for (i, (_, path)) in pages.iter().enumerate() {
        let html = std::fs::read(path).unwrap();
        let http = [
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".as_slice(),
            &html,
        ]
        .concat();
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\nWARC-Target-URI: http://example.test/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        record.extend_from_slice(&http);
        record.extend_from_slice(b"\r\n\r\n");
        // One gzip member per record, as Common Crawl writes them.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&record).unwrap();
        warc.extend(gz.finish().unwrap());
    }
    let input = dir.file("crawl.warc.gz", &warc);
    let run = nutgraf(&["batch", &input], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 3);
    for (i, (line, (_, path))) in out.iter().zip(&pages).enumerate() {
        assert_eq!(line["id"], format!("urn:uuid:{i}"));
        assert_eq!(line["url"], format!("http://example.test/{i}"));
        assert_eq!(line["article"], digest_one(path, None)["article"]);
    }
}

#[test]
fn issue_6_batch_nothing_readable_fails_the_run() {
    let run = nutgraf(&["batch", "/no/such/input.jsonl"], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    // Still one error line in place, and the summary.
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["id"], "/no/such/input.jsonl");
    assert!(out[0]["error"].as_str().unwrap().contains("could not open"));
    assert!(
        run.stderr.contains("1 records read, 0 ok, 1 failed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error: no input could be read"),
        "{}",
        run.stderr
    );
}

// ---- nutgraf batch keeps every good record ("nothing ties it up, nothing is lost") ----

/// A JSONL line of `page("", body)` with id `id`.
fn jsonl_line(id: &str, body: &str) -> Vec<u8> {
    let mut line = serde_json::json!({"id": id, "html": page("", body)})
        .to_string()
        .into_bytes();
    line.push(b'\n');
    line
}

#[test]
fn batch_jsonl_line_that_is_not_utf8_is_an_error_line_in_place() {
    let dir = Scratch::new("batch_not_utf8");
    let mut bytes = jsonl_line("a", PARAGRAPHS);
    bytes.extend_from_slice(b"{\"id\": \"b\", \"html\": \"<p>caf\xe9 \xff</p>\"}\n");
    bytes.extend(jsonl_line("c", PARAGRAPHS));
    let first = dir.file("first.jsonl", &bytes);
    let second = dir.file("second.jsonl", &jsonl_line("d", PARAGRAPHS));
    let run = nutgraf(&["batch", &first, &second, "--jobs", "2"], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = batch_lines(&run.stdout);
    let ids: Vec<&str> = out.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", &format!("{first}:2") as &str, "c", "d"]);
    for i in [0, 2, 3] {
        assert!(out[i]["article"]["title"].is_string(), "{}", out[i]);
    }
    let error = out[1]["error"].as_str().unwrap();
    assert!(error.contains("line 2 is not valid UTF-8"), "{error}");
    assert!(
        run.stderr
            .contains("4 records read, 3 ok, 1 failed (1 not UTF-8)"),
        "{}",
        run.stderr
    );
}

/// A `.warc.gz` of `n` response records of `page("", PARAGRAPHS)`, one gzip member each,
/// and where each member starts.
fn warc_gz(n: usize) -> (Vec<u8>, Vec<usize>) {
    let html = page("", PARAGRAPHS);
    let mut warc = Vec::new();
    let mut starts = Vec::new();
    for i in 0..n {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\nWARC-Target-URI: http://example.test/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record.as_bytes()).unwrap();
        starts.push(warc.len());
        warc.extend(gz.finish().unwrap());
    }
    (warc, starts)
}

#[test]
fn batch_truncated_warc_gz_keeps_the_records_before_the_damage() {
    let dir = Scratch::new("batch_cut_warc");
    let (warc, starts) = warc_gz(4);
    // Cut the last member in its middle.
    let cut = (starts[3] + warc.len()) / 2;
    let input = dir.file("cut.warc.gz", &warc[..cut]);
    let next = dir.file("next.jsonl", &jsonl_line("after", PARAGRAPHS));
    let run = nutgraf(&["batch", &input, &next], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 5, "{}", run.stdout);
    for (i, line) in out.iter().take(3).enumerate() {
        assert_eq!(line["id"], format!("urn:uuid:{i}"));
        assert!(line["article"]["title"].is_string(), "{line}");
    }
    assert_eq!(out[3]["id"], input.as_str());
    let error = out[3]["error"].as_str().unwrap();
    assert!(
        error.contains("could not read") && error.contains("record 4"),
        "{error}"
    );
    assert_eq!(out[4]["id"], "after", "the run goes on with the next input");
    assert!(
        run.stderr
            .contains("5 records read, 4 ok, 1 failed (1 damaged input)"),
        "{}",
        run.stderr
    );

    // Cut inside the first record: an error line, the summary, exit 1 (nothing read).
    let input = dir.file("cut_early.warc.gz", &warc[..starts[1] / 2]);
    let run = nutgraf(&["batch", &input], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(batch_lines(&run.stdout).len(), 1);
    assert!(
        run.stderr.contains("1 records read, 0 ok, 1 failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn batch_truncated_jsonl_gz_keeps_the_lines_before_the_damage() {
    let dir = Scratch::new("batch_cut_jsonl_gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&jsonl_line("a", PARAGRAPHS)).unwrap();
    // Flush so that the first line is complete in the compressed bytes.
    gz.flush().unwrap();
    let first_len = gz.get_ref().len();
    gz.write_all(&jsonl_line("b", &PARAGRAPHS.repeat(3)))
        .unwrap();
    let bytes = gz.finish().unwrap();
    let input = dir.file("cut.jsonl.gz", &bytes[..first_len + 20]);
    let run = nutgraf(&["batch", &input], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 2, "{}", run.stdout);
    assert_eq!(out[0]["id"], "a");
    assert!(out[0]["article"].is_object());
    assert_eq!(out[1]["id"], input.as_str());
    assert!(
        out[1]["error"].as_str().unwrap().contains("line 2"),
        "{}",
        out[1]
    );
}

#[test]
fn batch_missing_input_between_good_ones_is_an_error_line() {
    let dir = Scratch::new("batch_missing_input");
    let first = dir.file("first.jsonl", &jsonl_line("a", PARAGRAPHS));
    let last = dir.file("last.jsonl", &jsonl_line("c", PARAGRAPHS));
    let missing = path_str(&dir.0.join("missing.jsonl"));
    let run = nutgraf(&["batch", &first, &missing, &last], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = batch_lines(&run.stdout);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[1]["id"], missing.as_str());
    assert!(out[1]["error"].as_str().unwrap().contains("could not open"));
    assert_eq!(out[2]["id"], "c");
    assert!(
        run.stderr
            .contains("3 records read, 2 ok, 1 failed (1 unreadable input)"),
        "{}",
        run.stderr
    );
}

#[test]
fn batch_only_writes_the_same_bytes_as_the_full_line() {
    let dir = Scratch::new("batch_only");
    let input = dir.file("in.jsonl", &jsonl_line("a", PARAGRAPHS));
    let full = nutgraf(&["batch", &input], None);
    let full = full.ok().trim_end();
    let at = |key: &str| full.find(&format!(",\"{key}\":")).unwrap();
    let (id, article, highlights, quotes) = (
        &full[..at("article")],
        &full[at("article")..at("highlights")],
        &full[at("highlights")..at("quotes")],
        &full[at("quotes")..full.len() - 1],
    );
    for (only, parts) in [
        ("article", vec![article]),
        ("highlights", vec![highlights]),
        ("quotes", vec![quotes]),
        ("quotes,article", vec![article, quotes]),
        ("highlights,quotes", vec![highlights, quotes]),
    ] {
        let run = nutgraf(&["batch", &input, "--only", only], None);
        assert_eq!(
            run.ok().trim_end(),
            format!("{id}{}}}", parts.concat()),
            "--only {only}"
        );
    }
}

#[test]
fn batch_unwritable_output_fails_the_run_after_its_summary() {
    if !Path::new("/dev/full").exists() {
        eprintln!("SKIPPED: no /dev/full on this system");
        return;
    }
    let dir = Scratch::new("batch_dev_full");
    let input = dir.file("in.jsonl", &jsonl_line("a", PARAGRAPHS));
    let run = nutgraf(&["batch", &input, "-o", "/dev/full"], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("nutgraf batch: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("error: could not write the output"),
        "{}",
        run.stderr
    );
}

#[test]
fn batch_jobs_zero_is_a_usage_error() {
    let run = nutgraf(&["batch", "x.jsonl", "--jobs", "0"], None);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--jobs"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn batch_help_documents_the_exit_codes() {
    let run = nutgraf(&["batch", "--help"], None);
    let help = run.ok();
    assert!(help.contains("Exit codes:"), "{help}");
    for code in ["0 ", "1 ", "2 ", "130 "] {
        assert!(help.contains(&format!("\n  {code}")), "{code}: {help}");
    }
}

#[test]
fn issue_6_batch_ctrl_c_leaves_only_complete_lines() {
    let dir = Scratch::new("batch_interrupt");
    let record = serde_json::json!({"html": page("", &PARAGRAPHS.repeat(40))}).to_string();
    let input = dir.file("big.jsonl", format!("{record}\n").repeat(20_000).as_bytes());
    let output = dir.0.join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["batch", &input, "--jobs", "2", "-o", &path_str(&output)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    thread::sleep(Duration::from_millis(700));
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let stderr = drain(child.stderr.take().unwrap());
    let status = child.wait().unwrap();
    let stderr = String::from_utf8_lossy(&stderr.join().unwrap()).into_owned();
    let written = std::fs::read_to_string(&output).unwrap();
    if status.success() {
        // The machine was fast enough to finish first: nothing to interrupt.
        assert_eq!(written.lines().count(), 20_000);
        return;
    }
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(
        written.ends_with('\n') || written.is_empty(),
        "last line cut"
    );
    for line in written.lines() {
        serde_json::from_str::<Value>(line).expect("every written line is complete JSON");
    }
}

// ---- nutgraf serve --allow-fetch: refused URLs are the client's error ----

/// Kills the server child when the test ends, whatever happens.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// POSTs a JSON body to `addr` and returns the status code and body.
fn post_json(addr: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(RUN_LIMIT)).unwrap();
    write!(
        s,
        "POST /v1/digest HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    let _ = s.read_to_string(&mut raw);
    let status = raw.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, raw)
}

#[test]
fn serve_answers_refused_urls_with_4xx_and_unreachable_ones_with_502() {
    let child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(["serve", "--allow-fetch", "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut first = String::new();
    BufReader::new(server.0.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    // A local port nobody listens on: refused before any connection is tried.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = listener.local_addr().unwrap();
    drop(listener);
    for (url, want) in [
        (format!("http://{closed}/"), 403),
        ("http://localhost/".to_string(), 403),
        ("http://10.1.2.3/".to_string(), 403),
        ("file:///etc/passwd".to_string(), 400),
        ("ftp://example.com/x".to_string(), 400),
        ("example.com/page".to_string(), 400),
    ] {
        let (status, raw) = post_json(&addr, &serde_json::json!({ "url": url }).to_string());
        assert_eq!(status, want, "{url}: {raw}");
        assert!(raw.contains("\"error\""), "{raw}");
    }
}

// ---- issue 16: time limits -------------------------------------------------------------

/// An invented page of `n` paragraphs (one story paragraph repeated).
fn long_page(n: usize) -> Vec<u8> {
    let para = "<p>The council voted on Tuesday to close the old bridge for repairs, a \
                decision that officials said would add twenty minutes to the commute.</p>\n";
    format!(
        "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>\n{}</article></body></html>",
        para.repeat(n)
    )
    .into_bytes()
}

#[test]
fn issue_16_timeout_stops_digest_with_a_clear_error() {
    let dir = Scratch::new("timeout-digest");
    let page = dir.file("long.html", &long_page(20_000));
    let r = nutgraf(&["digest", "--timeout", "0.000001", &page], None);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("time limit ran out"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    // A generous limit changes nothing.
    let limited = nutgraf(&["read", "--timeout", "600", &page], None);
    let free = nutgraf(&["read", &page], None);
    assert_eq!(limited.code, Some(0), "{}", limited.stderr);
    assert_eq!(limited.stdout, free.stdout);
    // Not a number of seconds: a usage error.
    for bad in ["0", "-1", "soon", "NaN"] {
        let r = nutgraf(&["read", "--timeout", bad, &page], None);
        assert_eq!(r.code, Some(2), "--timeout {bad}: {}", r.stderr);
    }
}

#[test]
fn issue_16_batch_timeout_is_an_error_line_per_record() {
    let dir = Scratch::new("timeout-batch");
    let long = String::from_utf8(long_page(20_000)).unwrap();
    let short = "Dam opens early\n\nThe new dam on the Vell river opened two weeks early on \
                 Monday, officials said. Engineers credited a dry spring.";
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "long", "html": long}),
        serde_json::json!({"id": "short", "text": short}),
    );
    let input = dir.file("in.jsonl", jsonl.as_bytes());
    let r = nutgraf(
        &["batch", "--timeout", "0.000001", "--jobs", "1", &input],
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert_eq!(lines[0]["id"], "long");
    assert!(
        lines[0]["error"].as_str().unwrap().contains("time limit"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("timed out"), "{}", r.stderr);
    let r = nutgraf(&["batch", "--timeout", "600", &input], None);
    assert!(!r.stdout.contains("\"error\""), "{}", r.stdout);
}
