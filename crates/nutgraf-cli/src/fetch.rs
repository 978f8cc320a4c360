//! Fetching a page over HTTP(S), with a total time limit, a size cap and a redirect limit.
//!
//! Errors are one line each and say what went wrong and where, e.g.
//! `could not reach example.invalid: failed to lookup address information: …`,
//! `server answered 404 Not Found for http://…`, `page is larger than 50 MiB: http://…`.
use std::io;
use std::time::Duration;

use ureq::http::StatusCode;
use ureq::ResponseExt;

/// What kind of failure a fetch error is, so that a server can answer its client with
/// the right status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The URL is malformed or not http(s): the caller's mistake.
    Invalid,
    /// The URL is fine but its host is not fetched (a loopback, private or other
    /// non-public address, with [`FetchOptions::public_only`]).
    Refused,
    /// The host could not be reached, or answered badly (an error status, too many
    /// redirects, a body over the cap, a time-out).
    Upstream,
}

/// A failed fetch: its kind and a one-line message that says what failed and where.
#[derive(Debug, Clone)]
pub struct Error {
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// The message.
    pub message: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The result of a fetch step.
type Result<T> = std::result::Result<T, Error>;

fn invalid(message: String) -> Error {
    Error {
        kind: ErrorKind::Invalid,
        message,
    }
}

fn refused(message: String) -> Error {
    Error {
        kind: ErrorKind::Refused,
        message,
    }
}

fn upstream(message: String) -> Error {
    Error {
        kind: ErrorKind::Upstream,
        message,
    }
}

/// How to fetch a page.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Time limit for the whole fetch: name lookup, connecting, redirects and the body.
    pub timeout: Duration,
    /// The largest body accepted (after decompression), in bytes.
    pub max_bytes: u64,
    /// How many redirects are followed before giving up.
    pub max_redirects: u32,
    /// The `User-Agent` header sent.
    pub user_agent: String,
    /// Refuse hosts that resolve to loopback, private, link-local or other non-public
    /// addresses, at every redirect (for a server fetching on behalf of clients).
    pub public_only: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_bytes: 50 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!("nutgraf/{}", env!("CARGO_PKG_VERSION")),
            public_only: false,
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The body, decompressed but not decoded.
    pub bytes: Vec<u8>,
    /// The `Content-Type` header of the response, if there was one.
    pub content_type: Option<String>,
    /// The URL the body came from, after redirects.
    pub final_url: String,
}

/// What is sent as `Accept`: pages first, anything else last.
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5";

/// Fetches `url` (http or https only) with a GET request.
///
/// # Errors
///
/// A one-line error if the URL is not http(s) ([`ErrorKind::Invalid`]), its host is
/// refused ([`ErrorKind::Refused`]), or ([`ErrorKind::Upstream`]) the host cannot be
/// reached, the time limit runs out, there are too many redirects, the server answers
/// with a status of 400 or more (or a redirect that is not followed), or the body is
/// larger than the cap.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched> {
    let too_many = || {
        upstream(format!(
            "too many redirects (more than {}) fetching {url}",
            opts.max_redirects
        ))
    };
    if !opts.public_only {
        return match fetch_hop(url, opts, true)? {
            Hop::Done(f) => Ok(f),
            Hop::Redirect(_) => Err(too_many()),
        };
    }
    // Follow redirects by hand so that every hop's host is checked.
    let deadline = std::time::Instant::now() + opts.timeout;
    let mut current = url.to_string();
    for hop in 0..=opts.max_redirects {
        check_public(&current).map_err(|e| match e.kind {
            // The client's URL was fine; the server it names redirected to a bad one.
            ErrorKind::Invalid if hop > 0 => upstream(format!("{url} redirects to {e}")),
            _ => e,
        })?;
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(upstream(format!(
                "timed out after {} fetching {url}",
                seconds(opts.timeout)
            )));
        }
        let hop_opts = FetchOptions {
            timeout: left,
            ..opts.clone()
        };
        match fetch_hop(&current, &hop_opts, false)? {
            Hop::Done(f) => return Ok(f),
            Hop::Redirect(next) => current = next,
        }
    }
    Err(too_many())
}

/// Refuses a URL whose host is, or resolves to, a non-public address.
fn check_public(url: &str) -> Result<()> {
    use std::net::{IpAddr, ToSocketAddrs};
    check_scheme(url)?;
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|e| invalid(format!("not a valid URL: {url}: {e}")))?;
    let host = uri
        .host()
        .ok_or_else(|| invalid(format!("the URL has no host name: {url}")))?;
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        });
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<IpAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            upstream(format!(
                "could not reach {host}: the host name does not resolve: {e}"
            ))
        })?
        .map(|a| a.ip())
        .collect();
    let public = |ip: &IpAddr| match ip {
        IpAddr::V4(v4) => {
            !(v4.is_loopback()
            || v4.is_private()
            || v4.is_link_local()
            || v4.is_unspecified()
            || v4.is_broadcast()
            || v4.is_documentation()
            || v4.is_multicast()
            || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64 // shared 100.64/10
            || v4.octets()[0] == 0)
        }
        IpAddr::V6(v6) => {
            let seg = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00 // unique local
                || (seg[0] & 0xffc0) == 0xfe80 // link local
                || v6.to_ipv4_mapped().is_some())
        }
    };
    if addrs.is_empty() || !addrs.iter().all(public) {
        return Err(refused(format!(
            "refusing to fetch {url}: {host} is not a public address"
        )));
    }
    Ok(())
}

/// The end of one request: a page, or where a redirect points.
enum Hop {
    Done(Fetched),
    Redirect(String),
}

fn fetch_hop(url: &str, opts: &FetchOptions, follow: bool) -> Result<Hop> {
    check_scheme(url)?;
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|e| invalid(format!("not a valid URL: {url}: {e}")))?;
    let host = match (uri.host(), uri.port_u16()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => return Err(invalid(format!("the URL has no host name: {url}"))),
    };
    let what = Target {
        url,
        host: &host,
        opts,
    };

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(if follow { opts.max_redirects } else { 0 })
        .max_redirects_will_error(follow)
        .http_status_as_error(false)
        .user_agent(opts.user_agent.as_str())
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", ACCEPT)
        .call()
        .map_err(|e| what.explain(e))?;

    let status = response.status();
    let final_url = response.get_uri().to_string();
    if status.is_redirection() && !follow {
        let location = response
            .headers()
            .get(ureq::http::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| {
                upstream(format!(
                    "{url} redirects with {} but names no location",
                    status_text(status)
                ))
            })?;
        let next = resolve_location(url, location);
        return Ok(Hop::Redirect(next));
    }
    if status.is_redirection() {
        // Only reached when redirects are switched off (max_redirects = 0).
        return Err(upstream(format!(
            "too many redirects (more than {}): {url} redirects with {}",
            opts.max_redirects,
            status_text(status)
        )));
    }
    if status.as_u16() >= 400 {
        return Err(upstream(format!(
            "server answered {} for {final_url}",
            status_text(status)
        )));
    }
    let content_type = response
        .headers()
        .get(ureq::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    // Fail early on a declared length; the read below enforces the cap either way (and
    // on the decompressed size).
    let declared_len = response
        .headers()
        .get(ureq::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let compressed = response
        .headers()
        .get(ureq::http::header::CONTENT_ENCODING)
        .is_some();
    if !compressed && declared_len.is_some_and(|len| len > opts.max_bytes) {
        return Err(upstream(format!(
            "page is larger than {}: {final_url}",
            human_size(opts.max_bytes)
        )));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| what.explain(e))?;
    Ok(Hop::Done(Fetched {
        bytes,
        content_type,
        final_url,
    }))
}

/// An absolute URL for a `Location` header (absolute, scheme-relative, or a path).
fn resolve_location(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    if location.starts_with('/') {
        format!("{}{location}", &base[..host_end])
    } else {
        let dir_end = base[host_end..]
            .rfind('/')
            .map_or(base.len(), |i| host_end + i + 1);
        let prefix = if dir_end > host_end {
            &base[..dir_end]
        } else {
            &base[..host_end]
        };
        if prefix.ends_with('/') {
            format!("{prefix}{location}")
        } else {
            format!("{prefix}/{location}")
        }
    }
}

/// Refuses anything but `http://` and `https://` URLs, naming what was given instead.
fn check_scheme(url: &str) -> Result<()> {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Ok(()),
        Some(s)
            if !url[s.len() + 1..].starts_with("//")
                && url[s.len() + 1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            // `example.com:8080/page`: a host and port, no scheme.
            Err(invalid(format!(
                "the URL has no scheme; only http:// and https:// URLs can be fetched: {url}"
            )))
        }
        Some(s) => Err(invalid(format!(
            "unsupported URL scheme {s:?}; only http:// and https:// URLs can be fetched: {url}"
        ))),
        None => Err(invalid(format!(
            "the URL has no scheme; only http:// and https:// URLs can be fetched: {url}"
        ))),
    }
}

/// What is being fetched, to word errors.
struct Target<'a> {
    url: &'a str,
    host: &'a str,
    opts: &'a FetchOptions,
}

impl Target<'_> {
    /// Turns a ureq error into a one-line error that says what failed and where.
    fn explain(&self, err: ureq::Error) -> Error {
        let Target { url, host, opts } = self;
        let secs = seconds(opts.timeout);
        macro_rules! up {
            ($($message:tt)*) => {
                upstream(format!($($message)*))
            };
        }
        match err {
            ureq::Error::HostNotFound => {
                up!("could not reach {host}: the host name does not resolve")
            }
            ureq::Error::Io(e) => match e.kind() {
                io::ErrorKind::ConnectionRefused => {
                    up!("could not reach {host}: connection refused")
                }
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                    up!("timed out after {secs} fetching {url}")
                }
                io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset => {
                    up!("the connection to {host} broke off while fetching {url}: {e}")
                }
                _ => up!("could not reach {host}: {e}"),
            },
            ureq::Error::ConnectionFailed => up!("could not reach {host}: connection failed"),
            ureq::Error::Timeout(phase @ (ureq::Timeout::Resolve | ureq::Timeout::Connect)) => {
                up!("could not reach {host}: timed out after {secs} ({phase})")
            }
            ureq::Error::Timeout(ureq::Timeout::Global) => {
                up!("timed out after {secs} fetching {url}")
            }
            ureq::Error::Timeout(phase) => {
                up!("timed out after {secs} fetching {url} ({phase})")
            }
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => up!(
                "too many redirects (more than {}) fetching {url}",
                opts.max_redirects
            ),
            ureq::Error::BodyExceedsLimit(_) => {
                up!("page is larger than {}: {url}", human_size(opts.max_bytes))
            }
            ureq::Error::StatusCode(code) => {
                let status = StatusCode::from_u16(code)
                    .map(status_text)
                    .unwrap_or_else(|_| code.to_string());
                up!("server answered {status} for {url}")
            }
            ureq::Error::BadUri(reason) => invalid(format!("not a valid URL ({reason}): {url}")),
            ureq::Error::Tls(reason) => up!("could not reach {host}: TLS error: {reason}"),
            ureq::Error::Rustls(e) => up!("could not reach {host}: TLS error: {e}"),
            ureq::Error::Protocol(e) => {
                up!("{host} did not answer with valid HTTP for {url}: {e}")
            }
            ureq::Error::Decompress(kind, e) => {
                up!("could not decompress the {kind} body of {url}: {e}")
            }
            other => up!("fetching {url} failed: {other}"),
        }
    }
}

/// `404 Not Found`, or just `499` for a code without a standard reason.
fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// A byte count for people: `50 MiB`, `512 KiB`, `1000 bytes`.
fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    const GIB: u64 = 1024 * MIB;
    match bytes {
        b if b >= GIB && b % GIB == 0 => format!("{} GiB", b / GIB),
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= KIB && b % KIB == 0 => format!("{} KiB", b / KIB),
        b => format!("{b} bytes"),
    }
}

/// A duration for people: `20 s`, `0.3 s`.
fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::thread;

    /// Starts a server on a free local port that answers each request with `respond(path)`
    /// (raw response bytes), each connection in its own thread. Returns the base URL.
    fn serve(respond: fn(&str) -> Vec<u8>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                thread::spawn(move || handle(stream, respond));
            }
        });
        format!("http://{addr}")
    }

    fn handle(stream: TcpStream, respond: fn(&str) -> Vec<u8>) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).is_err() {
            return;
        }
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) if line == "\r\n" || line == "\n" => break,
                Ok(_) => {}
            }
        }
        let path = request_line.split_whitespace().nth(1).unwrap_or("/");
        let response = respond(path);
        let mut stream = stream;
        let _ = stream.write_all(&response);
        let _ = stream.flush();
    }

    fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
        for (name, value) in headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut out = out.into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn routes(path: &str) -> Vec<u8> {
        if let Some(n) = path.strip_prefix("/hop/") {
            let n: u32 = n.parse().unwrap();
            return if n == 0 {
                response("200 OK", &[("Content-Type", "text/plain")], b"arrived")
            } else {
                let next = format!("/hop/{}", n - 1);
                response("302 Found", &[("Location", next.as_str())], b"")
            };
        }
        match path {
            "/page" => response(
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1252")],
                b"<html><body><p>caf\xe9</p></body></html>",
            ),
            "/missing" => response("404 Not Found", &[], b"no such page"),
            "/broken" => response("503 Service Unavailable", &[], b"down"),
            "/big" => response("200 OK", &[], &[b'x'; 5000]),
            "/big-unannounced" => {
                // No Content-Length: the body runs until the connection closes.
                let mut out = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
                out.extend_from_slice(&[b'y'; 5000]);
                out
            }
            "/stall" => {
                thread::sleep(Duration::from_secs(3));
                response("200 OK", &[], b"too late")
            }
            _ => response("500 Internal Server Error", &[], b"unexpected path"),
        }
    }

    fn quick() -> FetchOptions {
        FetchOptions {
            timeout: Duration::from_secs(5),
            ..FetchOptions::default()
        }
    }

    fn error(url: &str, opts: &FetchOptions) -> String {
        let err = fetch(url, opts).unwrap_err();
        let text = format!("{err:#}");
        assert!(!text.contains('\n'), "not one line: {text}");
        text
    }

    #[test]
    fn defaults() {
        let opts = FetchOptions::default();
        assert_eq!(opts.timeout, Duration::from_secs(20));
        assert_eq!(opts.max_bytes, 50 * 1024 * 1024);
        assert_eq!(opts.max_redirects, 5);
        assert!(opts.user_agent.starts_with("nutgraf/"));
    }

    #[test]
    fn page_with_charset_header() {
        let base = serve(routes);
        let page = fetch(&format!("{base}/page"), &quick()).unwrap();
        assert_eq!(page.bytes, b"<html><body><p>caf\xe9</p></body></html>");
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=windows-1252")
        );
        assert_eq!(page.final_url, format!("{base}/page"));
        // Read as clean text, the page is kept as it is: decoded with the header's charset.
        let options = nutgraf::Options::new()
            .format(nutgraf::InputFormat::Article)
            .content_type(page.content_type.clone());
        let decoded = nutgraf::read(&page.bytes, &options).unwrap();
        assert!(decoded.text.contains("café"));
    }

    #[test]
    fn redirects_within_the_limit() {
        let base = serve(routes);
        let page = fetch(&format!("{base}/hop/5"), &quick()).unwrap();
        assert_eq!(page.bytes, b"arrived");
        assert_eq!(page.final_url, format!("{base}/hop/0"));
    }

    #[test]
    fn redirects_beyond_the_limit() {
        let base = serve(routes);
        let err = error(&format!("{base}/hop/6"), &quick());
        assert!(err.starts_with("too many redirects (more than 5)"), "{err}");
        let none = FetchOptions {
            max_redirects: 0,
            ..quick()
        };
        let err = error(&format!("{base}/hop/1"), &none);
        assert!(err.starts_with("too many redirects (more than 0)"), "{err}");
    }

    #[test]
    fn error_statuses() {
        let base = serve(routes);
        let url = format!("{base}/missing");
        assert_eq!(
            error(&url, &quick()),
            format!("server answered 404 Not Found for {url}")
        );
        let url = format!("{base}/broken");
        assert_eq!(
            error(&url, &quick()),
            format!("server answered 503 Service Unavailable for {url}")
        );
    }

    #[test]
    fn oversize_body() {
        let base = serve(routes);
        let small = FetchOptions {
            max_bytes: 4096,
            ..quick()
        };
        for path in ["/big", "/big-unannounced"] {
            let url = format!("{base}{path}");
            assert_eq!(
                error(&url, &small),
                format!("page is larger than 4 KiB: {url}")
            );
        }
        // Exactly at the cap is fine.
        let exact = FetchOptions {
            max_bytes: 5000,
            ..quick()
        };
        assert_eq!(
            fetch(&format!("{base}/big-unannounced"), &exact)
                .unwrap()
                .bytes
                .len(),
            5000
        );
        assert_eq!(human_size(50 * 1024 * 1024), "50 MiB");
    }

    #[test]
    fn stalled_server_times_out() {
        let base = serve(routes);
        let opts = FetchOptions {
            timeout: Duration::from_millis(300),
            ..quick()
        };
        let started = std::time::Instant::now();
        let err = error(&format!("{base}/stall"), &opts);
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(err.starts_with("timed out after 0.3 s fetching"), "{err}");
    }

    #[test]
    fn refused_connection() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let err = error(&format!("http://{addr}/"), &quick());
        assert_eq!(err, format!("could not reach {addr}: connection refused"));
    }

    #[test]
    fn unresolvable_host() {
        // `.invalid` never resolves (RFC 2606); this needs no network either way.
        let err = error("http://example.invalid/news", &quick());
        assert!(
            err.starts_with("could not reach example.invalid: "),
            "{err}"
        );
    }

    #[test]
    fn only_http_and_https() {
        for url in [
            "ftp://example.com/file",
            "file:///etc/passwd",
            "mailto:a@b.c",
        ] {
            let err = error(url, &quick());
            assert!(err.contains("only http:// and https://"), "{err}");
            assert!(err.ends_with(url), "{err}");
        }
        for url in ["example.com/page", "example.com:8080/page", ""] {
            let err = error(url, &quick());
            assert!(err.starts_with("the URL has no scheme"), "{err}");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod public_only_tests {
    use super::*;

    #[test]
    fn loopback_and_private_hosts_are_refused() {
        let opts = FetchOptions {
            public_only: true,
            timeout: Duration::from_secs(2),
            ..FetchOptions::default()
        };
        for url in [
            "http://127.0.0.1:9/",
            "http://localhost/",
            "http://10.1.2.3/",
            "http://192.168.0.1/x",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://0.0.0.0/",
        ] {
            let err = fetch(url, &opts).unwrap_err().to_string();
            assert!(
                err.contains("not a public address") || err.contains("does not resolve"),
                "{url}: {err}"
            );
        }
        assert!(fetch("file:///etc/passwd", &opts).is_err());
    }

    #[test]
    fn locations_resolve_against_the_page() {
        let base = "http://news.example/a/b/page.html";
        assert_eq!(
            resolve_location(base, "https://other.example/x"),
            "https://other.example/x"
        );
        assert_eq!(
            resolve_location(base, "//cdn.example/y"),
            "http://cdn.example/y"
        );
        assert_eq!(resolve_location(base, "/top"), "http://news.example/top");
        assert_eq!(
            resolve_location(base, "next.html"),
            "http://news.example/a/b/next.html"
        );
        assert_eq!(
            resolve_location("http://news.example", "p"),
            "http://news.example/p"
        );
    }
}
