//! The HTTP service end to end: a real server on 127.0.0.1, requests over TCP, and the
//! web page driven by headless Chromium (skipped with a message when it is absent;
//! `.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

/// Starts a server with `config` on a free port; it runs until the test binary ends.
fn start(config: nutgraf_server::Config) -> SocketAddr {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        nutgraf_server::run("127.0.0.1:0".parse().unwrap(), config, |addr| {
            tx.send(addr).unwrap();
        })
        .unwrap();
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("server starts")
}

/// One server for the whole test binary.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        start(nutgraf_server::Config {
            body_limit: 64 * 1024,
            ..nutgraf_server::Config::default()
        })
    })
}

/// A minimal HTTP/1.1 client: returns status and body.
fn request(method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> (u16, String) {
    request_to(server(), method, path, content_type, body)
}

/// [`request`] to the server at `addr`.
fn request_to(
    addr: SocketAddr,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading everything; ignore a broken pipe.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").expect("a full response");
    let status: u16 = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[test]
fn issue_6_health_openapi_and_page() {
    let (s, b) = request("GET", "/healthz", None, b"");
    assert_eq!((s, json(&b)["status"].as_str()), (200, Some("ok")));
    let (s, b) = request("GET", "/openapi.json", None, b"");
    assert_eq!(s, 200);
    assert!(json(&b)["paths"]["/v1/digest"]["post"].is_object());
    let (s, b) = request("GET", "/", None, b"");
    assert_eq!(s, 200);
    assert!(b.contains("nutgraf") && b.contains("/v1/digest"));
    assert!(
        !b.contains("http://") && !b.contains("https://"),
        "the page loads nothing from the network"
    );
    let (s, b) = request("GET", "/nope", None, b"");
    assert_eq!(s, 404);
    assert!(json(&b)["error"].is_string());
}

#[test]
fn issue_6_digest_json_and_raw_bodies() {
    let page = nutgraf::EXAMPLE_HTML;
    let body = serde_json::json!({ "html": page }).to_string();
    let (s, b) = request(
        "POST",
        "/v1/digest",
        Some("application/json"),
        body.as_bytes(),
    );
    assert_eq!(s, 200, "{b}");
    let v = json(&b);
    assert_eq!(
        v["article"]["title"],
        "Glacier lake dam holds as engineers race to drain it"
    );
    // Same answer for the raw page.
    let (s2, b2) = request(
        "POST",
        "/v1/digest",
        Some("text/html; charset=utf-8"),
        page.as_bytes(),
    );
    assert_eq!(s2, 200);
    assert_eq!(json(&b2)["article"], v["article"]);
    assert!(!v["highlights"].as_array().unwrap().is_empty());
    // Options reach the summarizer; unknown ones are refused.
    let body = serde_json::json!({ "html": page, "options": {"sentences": 2} }).to_string();
    let (s, b) = request(
        "POST",
        "/v1/digest",
        Some("application/json"),
        body.as_bytes(),
    );
    assert_eq!(s, 200);
    assert_eq!(json(&b)["highlights"].as_array().unwrap().len(), 2);
    let body = serde_json::json!({ "html": page, "options": {"sentencez": 2} }).to_string();
    let (s, _) = request(
        "POST",
        "/v1/digest",
        Some("application/json"),
        body.as_bytes(),
    );
    assert_eq!(s, 400);
    // Clean article text is kept exactly.
    let text = "First paragraph of a story.\n\nSecond one.";
    let body = serde_json::json!({ "article": text }).to_string();
    let (s, b) = request(
        "POST",
        "/v1/digest",
        Some("application/json"),
        body.as_bytes(),
    );
    assert_eq!(s, 200);
    assert_eq!(json(&b)["article"]["text"], text);
}

#[test]
fn issue_6_bad_requests_get_4xx_json_and_the_server_stays_up() {
    let cases: Vec<(Option<&str>, Vec<u8>, u16)> = vec![
        (Some("application/json"), b"{not json".to_vec(), 400),
        (Some("application/json"), br#"{"html": 5}"#.to_vec(), 400),
        (
            Some("application/json"),
            br#"{"html": "<p>a</p>", "text": "b"}"#.to_vec(),
            422,
        ),
        (
            Some("application/json"),
            br#"{"surprise": "x"}"#.to_vec(),
            400,
        ),
        (Some("image/png"), b"\x89PNG".to_vec(), 415),
        (None, b"<p>x</p>".to_vec(), 415),
        (Some("text/html"), vec![b'a'; 200 * 1024], 413),
        (
            Some("application/json"),
            br#"{"url": "http://127.0.0.1/"}"#.to_vec(),
            403,
        ),
        (Some("text/plain"), b"".to_vec(), 422),
        (Some("text/html"), b"\x00\x01\x02binary".to_vec(), 422),
        (
            Some("text/html"),
            b"<nav><a href=/>Home</a></nav>".to_vec(),
            422,
        ),
    ];
    for (ct, body, want) in cases {
        let (s, b) = request("POST", "/v1/digest", ct, &body);
        assert_eq!(s, want, "{ct:?}: {b}");
        assert!(
            json(&b)["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{b}"
        );
    }
    let (s, _) = request("GET", "/healthz", None, b"");
    assert_eq!(s, 200, "still serving");
}

#[test]
fn issue_6_many_requests_without_errors() {
    let body = serde_json::json!({ "html": nutgraf::EXAMPLE_HTML }).to_string();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let body = body.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    let (s, _) = request(
                        "POST",
                        "/v1/digest",
                        Some("application/json"),
                        body.as_bytes(),
                    );
                    assert_eq!(s, 200);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn fetch_errors_map_to_their_statuses() {
    use nutgraf_server::{FetchError, FetchErrorKind};
    // A fetcher that fails as the URL's path says, and serves the example page otherwise.
    let fetcher: nutgraf_server::Fetcher = std::sync::Arc::new(|url: &str| {
        let kind = match url.rsplit('/').next() {
            Some("invalid") => FetchErrorKind::Invalid,
            Some("refused") => FetchErrorKind::Refused,
            Some("upstream") => FetchErrorKind::Upstream,
            _ => {
                return Ok((
                    nutgraf::EXAMPLE_HTML.as_bytes().to_vec(),
                    Some("text/html; charset=utf-8".to_string()),
                ))
            }
        };
        Err(FetchError::new(kind, format!("{kind:?}: {url}")))
    });
    let addr = start(nutgraf_server::Config {
        fetcher: Some(fetcher),
        ..nutgraf_server::Config::default()
    });
    for (path, want) in [
        ("invalid", 400),
        ("refused", 403),
        ("upstream", 502),
        ("page", 200),
    ] {
        let url = format!("http://news.example/{path}");
        let body = serde_json::json!({ "url": url }).to_string();
        let (s, b) = request_to(
            addr,
            "POST",
            "/v1/digest",
            Some("application/json"),
            body.as_bytes(),
        );
        assert_eq!(s, want, "{path}: {b}");
        if want == 200 {
            assert!(json(&b)["article"]["title"].is_string(), "{b}");
        } else {
            // The fetcher's message reaches the client.
            let error = json(&b)["error"].as_str().unwrap_or_default().to_string();
            assert!(error.ends_with(&format!(": {url}")), "{error}");
        }
    }
}

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|c| c.to_string())
}

#[test]
fn issue_6_web_page_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium on this machine (.ci/run installs Debian's chromium)");
        return;
    };
    let profile = std::env::temp_dir().join(format!("nutgraf-chromium-{}", std::process::id()));
    // `?example=1` makes the page fetch the built-in example, paste it into the text
    // box and press Read, as a user would; --dump-dom prints the page after its scripts ran.
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=15000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("http://{}/?example=1", server()))
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<h1>Glacier lake dam holds as engineers race to drain it</h1>"),
        "headline not rendered; DOM was:\n{dom}"
    );
    assert!(dom.contains("class=\"dateline\""), "dateline not rendered");
    assert!(
        dom.contains("Engineers are pumping 40,000 gallons"),
        "page's own highlights not rendered"
    );
    assert!(dom.contains("Mountain towns"), "tags not rendered");
    assert!(
        dom.contains("class=\"hl-item\"") && dom.contains("<mark class=\"hl\">"),
        "generated highlights not listed and marked in the text"
    );
    assert!(
        dom.contains("class=\"speaker\" data-speaker=\"Helen Marsh\"")
            && dom.contains("class=\"q\""),
        "speakers not listed or quotes not marked"
    );
}

#[test]
fn issue_16_wrong_methods_get_a_json_405() {
    for (method, path) in [("GET", "/v1/digest"), ("PUT", "/"), ("DELETE", "/healthz")] {
        let (status, body) = request(method, path, None, b"");
        assert_eq!(status, 405, "{method} {path}");
        assert!(
            json(&body)["error"].as_str().unwrap().contains(method),
            "{body}"
        );
    }
}

/// Reads until the server closes the connection; returns what it sent and when it closed.
fn wait_for_close(mut s: TcpStream) -> (String, Duration) {
    let t = std::time::Instant::now();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    (String::from_utf8_lossy(&raw).to_string(), t.elapsed())
}

#[test]
fn issue_16_connections_that_stall_are_closed() {
    let addr = start(nutgraf_server::Config {
        header_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(1),
        ..nutgraf_server::Config::default()
    });
    let mut open = Vec::new();
    for i in 0..60 {
        let mut s = TcpStream::connect(addr).unwrap();
        let head = match i % 3 {
            // Headers begun, never finished.
            0 => "POST /v1/digest HTTP/1.1\r\nHost: test\r\n".to_string(),
            // Headers complete, the promised body never sent.
            1 => "POST /v1/digest HTTP/1.1\r\nHost: test\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>".to_string(),
            // Nothing at all after connecting.
            _ => String::new(),
        };
        s.write_all(head.as_bytes()).unwrap();
        open.push((i % 3, s));
    }
    let closed: Vec<_> = open
        .into_iter()
        .map(|(kind, s)| (kind, wait_for_close(s)))
        .collect();
    for (kind, (answer, took)) in closed {
        assert!(
            took < Duration::from_secs(10),
            "kind {kind}: still open after {took:?}"
        );
        if kind == 1 {
            assert!(answer.starts_with("HTTP/1.1 408"), "kind {kind}: {answer}");
            assert!(answer.contains("did not arrive"), "{answer}");
        }
    }
    // A kept-alive connection that goes quiet after a request is closed too.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        .unwrap();
    let (answer, took) = wait_for_close(s);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        took < Duration::from_secs(10),
        "idle keep-alive open for {took:?}"
    );
    // The server still answers.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        .unwrap();
    let (answer, _) = wait_for_close(s);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[test]
fn issue_16_raw_bytes_of_any_charset_and_a_forced_format() {
    // What the web page sends for a chosen file: its bytes, as they are.
    let page = "<html><head><meta charset=\"windows-1251\"><title>Мост</title></head><body>\
        <article><h1>Новый мост открыт</h1><p>Новый мост через реку открыли в понедельник, \
        на две недели раньше срока, сообщили в городской администрации.</p><p>Инженеры \
        объяснили это сухой весной и хорошей погодой на последнем этапе работ.</p>\
        </article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
    let (status, body) = request(
        "POST",
        "/v1/digest",
        Some("application/octet-stream"),
        &bytes,
    );
    assert_eq!(status, 200, "{body}");
    let d = json(&body);
    assert_eq!(d["article"]["title"], "Новый мост открыт", "{body}");
    assert!(!body.contains('\u{fffd}'), "mojibake: {body}");

    // `?format=` reads a raw body as the user chose instead of detecting.
    let dump = "Bridge opens early\n\nThe new bridge opened on Monday, two weeks early, \
        officials said.\n\nEngineers credited a dry spring for the quick progress.\n";
    let (status, body) = request(
        "POST",
        "/v1/digest?format=article",
        Some("text/plain"),
        dump.as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        json(&body)["article"]["text"],
        dump,
        "article text is kept exactly"
    );
    let (status, body) = request(
        "POST",
        "/v1/digest?format=pdf",
        Some("text/plain"),
        dump.as_bytes(),
    );
    assert_eq!(status, 400, "{body}");
    let (status, body) = request(
        "POST",
        "/v1/digest?format=html",
        Some("application/json"),
        br#"{"html": "<p>x</p>"}"#,
    );
    assert_eq!(status, 400, "{body}");
}

/// An invented page of `n` paragraphs (one story paragraph repeated).
fn story_page(n: usize) -> String {
    let para = "<p>The council voted on Tuesday to close the old bridge for repairs, a \
                decision that officials said would add twenty minutes to the commute.</p>\n";
    format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(n)
    )
}

#[test]
fn issue_16_a_page_over_its_time_limit_is_stopped_and_the_server_goes_on() {
    let addr = start(nutgraf_server::Config {
        // A debug build needs seconds for the big page, milliseconds for the small one.
        timeout: Duration::from_secs(1),
        ..nutgraf_server::Config::default()
    });
    let big = story_page(25_000);
    let (status, body) = request_to(
        addr,
        "POST",
        "/v1/digest",
        Some("text/html"),
        big.as_bytes(),
    );
    assert_eq!(status, 503, "{body}");
    assert!(
        json(&body)["error"]
            .as_str()
            .unwrap()
            .contains("longer than"),
        "{body}"
    );
    // The next page is read: the stopped one holds no slot.
    let small = story_page(3);
    let (status, body) = request_to(
        addr,
        "POST",
        "/v1/digest",
        Some("text/html"),
        small.as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
}

/// Reads a whole response (status line and headers included) from the server at `addr`.
fn raw_post(addr: SocketAddr, body: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let head = format!(
        "POST /v1/digest HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).to_string()
}

#[test]
fn issue_16_a_full_server_answers_503_with_retry_after() {
    let addr = start(nutgraf_server::Config {
        max_concurrent: 1,
        queue_timeout: Duration::from_millis(100),
        // The big page must finish, however busy the machine.
        timeout: Duration::from_secs(300),
        ..nutgraf_server::Config::default()
    });
    // Seconds of work in a debug build: it holds the only slot.
    let big = story_page(25_000);
    let busy = std::thread::spawn(move || raw_post(addr, big.as_bytes()));
    std::thread::sleep(Duration::from_millis(300));
    let small = story_page(3);
    let answer = raw_post(addr, small.as_bytes());
    let first = busy.join().unwrap();
    assert!(
        first.starts_with("HTTP/1.1 200"),
        "{}",
        &first[..first.len().min(300)]
    );
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("retry-after: 1"),
        "{answer}"
    );
    assert!(answer.contains("busy"), "{answer}");
    // With the slot free again, the same page is read.
    assert!(raw_post(addr, small.as_bytes()).starts_with("HTTP/1.1 200"));
}
