//! The nutgraf HTTP service: `POST /v1/digest`, `GET /healthz`, `GET /openapi.json`
//! and a web page at `/`, all embedded in the binary.
//!
//! Reading pages is CPU work: it runs on tokio's blocking pool, at most
//! [`Config::max_concurrent`] at a time, each under [`Config::timeout`]. Bodies are capped
//! at [`Config::body_limit`]. Every error is a JSON object `{"error": "..."}` with a 4xx or
//! 5xx status; no input can stop the server.
#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use tokio::sync::Semaphore;

/// Fetches a URL for a client: bytes and `Content-Type`, or why not.
pub type Fetcher = Arc<dyn Fn(&str) -> Result<(Vec<u8>, Option<String>), FetchError> + Send + Sync>;

/// What kind of failure a [`FetchError`] is; it sets the HTTP status of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchErrorKind {
    /// The URL is malformed or its scheme is not fetched (`file:`, `ftp:`, …): 400.
    Invalid,
    /// The URL's host is refused (a loopback, private or other non-public address): 403.
    Refused,
    /// The host could not be reached or answered badly: 502.
    Upstream,
}

impl FetchErrorKind {
    /// The status the client gets.
    pub fn status(self) -> StatusCode {
        match self {
            FetchErrorKind::Invalid => StatusCode::BAD_REQUEST,
            FetchErrorKind::Refused => StatusCode::FORBIDDEN,
            FetchErrorKind::Upstream => StatusCode::BAD_GATEWAY,
        }
    }
}

/// Why a [`Fetcher`] could not fetch a URL: its kind and a message for the client.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct FetchError {
    /// What kind of failure it is.
    pub kind: FetchErrorKind,
    /// The message for the client.
    pub message: String,
}

impl FetchError {
    /// A fetch error of `kind`.
    pub fn new(kind: FetchErrorKind, message: impl Into<String>) -> Self {
        FetchError {
            kind,
            message: message.into(),
        }
    }
}

/// How the service runs.
#[derive(Clone)]
pub struct Config {
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Time limit for reading one page.
    pub timeout: Duration,
    /// Pages read at the same time; more requests wait their turn, up to
    /// [`Config::queue_timeout`].
    pub max_concurrent: usize,
    /// How long a request waits for one of the [`Config::max_concurrent`] slots before
    /// it is answered 503 with `Retry-After`.
    pub queue_timeout: Duration,
    /// When set, clients may send `{"url": ...}` and the service fetches it.
    pub fetcher: Option<Fetcher>,
    /// Time a client has to send a request's headers, and the longest a kept-alive
    /// connection may sit idle before its next request; then the connection is closed.
    pub header_timeout: Duration,
    /// Time a client has to send a request's body once its headers are in (answered
    /// 408 and closed after that).
    pub body_timeout: Duration,
    /// Open connections at the most; further ones wait in the system's listen queue
    /// until one closes.
    pub max_connections: usize,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("body_limit", &self.body_limit)
            .field("timeout", &self.timeout)
            .field("max_concurrent", &self.max_concurrent)
            .field("queue_timeout", &self.queue_timeout)
            .field("fetch", &self.fetcher.is_some())
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            body_limit: 5 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            max_concurrent: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
            queue_timeout: Duration::from_secs(2),
            fetcher: None,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// Why the service could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound.
    #[error("could not listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The runtime could not start or the server failed.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

struct AppState {
    config: Config,
    permits: Arc<Semaphore>,
}

const INDEX_HTML: &str = include_str!("web/index.html");
const OPENAPI_JSON: &str = include_str!("openapi.json");

/// The service's routes.
pub fn router(config: Config) -> Router {
    let permits = Arc::new(Semaphore::new(config.max_concurrent.max(1)));
    let state = Arc::new(AppState { config, permits });
    Router::new()
        .route("/", get(index))
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .route("/v1/example", get(example))
        .route("/v1/digest", post(digest))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

/// Serves on `addr` until Ctrl-C; calls `ready` with the bound address first.
pub fn run(
    addr: SocketAddr,
    config: Config,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        serve(listener, config, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok(())
    })
}

/// Accepts connections until `shutdown` resolves, then lets the open ones finish.
///
/// Our own accept loop rather than `axum::serve`, which has no connection limits: each
/// connection is served by hyper's HTTP/1 with a header read timeout (which also closes
/// idle kept-alive connections), and at most [`Config::max_connections`] are open at a
/// time.
async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let connections = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let header_timeout = config.header_timeout;
    let service = hyper_util::service::TowerToHyperService::new(router(config));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        // Wait for a free slot first: a full server leaves new clients in the listen queue.
        let permit = tokio::select! {
            p = Arc::clone(&connections).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait a little, never exit.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(header_timeout);
        let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service.clone());
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

fn json_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    json_response(
        status,
        serde_json::json!({ "error": message.into() }).to_string(),
    )
}

async fn index() -> Response {
    let mut r = INDEX_HTML.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

async fn healthz() -> Response {
    json_response(StatusCode::OK, r#"{"status":"ok"}"#.into())
}

async fn openapi() -> Response {
    json_response(StatusCode::OK, OPENAPI_JSON.into())
}

async fn example() -> Response {
    let mut r = nutgraf::EXAMPLE_HTML.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {}; see /openapi.json",
            uri.path()
        ),
    )
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such endpoint; see /openapi.json")
}

/// The JSON request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DigestRequest {
    html: Option<String>,
    text: Option<String>,
    article: Option<String>,
    url: Option<String>,
    #[serde(default)]
    options: DigestOptions,
}

/// The request's `"options"` object: what to put in the digest. Its name shows in the
/// messages of malformed requests ("expected struct DigestOptions").
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct DigestOptions {
    /// Number of generated highlights (default 3).
    sentences: Option<usize>,
    /// Word budget for the highlights, never exceeded.
    words: Option<usize>,
    /// Character budget for the highlights, never exceeded.
    chars: Option<usize>,
    /// Order of the highlights: `article` (default) or `score`.
    order: nutgraf::Order,
}

impl From<DigestOptions> for nutgraf::Options {
    fn from(o: DigestOptions) -> Self {
        nutgraf::Options::new()
            .sentences(o.sentences)
            .words(o.words)
            .chars(o.chars)
            .order(o.order)
    }
}

/// What to read.
enum Job {
    Bytes {
        bytes: Vec<u8>,
        format: Option<nutgraf::InputFormat>,
        content_type: Option<String>,
    },
    Url(String),
}

/// The `format` query parameter of a raw body: how to read it instead of detecting.
fn query_format(query: Option<&str>) -> Result<Option<nutgraf::InputFormat>, (StatusCode, String)> {
    let Some(value) = query
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("format="))
    else {
        return Ok(None);
    };
    match value {
        "html" => Ok(Some(nutgraf::InputFormat::Html)),
        "text" => Ok(Some(nutgraf::InputFormat::Dump)),
        "article" => Ok(Some(nutgraf::InputFormat::Article)),
        "" | "auto" => Ok(None),
        other => Err((
            StatusCode::BAD_REQUEST,
            format!("unknown format {other:?}: use html, text, article or auto"),
        )),
    }
}

fn parse_request(
    content_type: &str,
    query: Option<&str>,
    body: Vec<u8>,
) -> Result<(Job, nutgraf::Options), (StatusCode, String)> {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let raw_format = match media.as_str() {
        "application/json" => None,
        "text/html" | "application/xhtml+xml" => Some(Some(nutgraf::InputFormat::Html)),
        "text/plain" | "application/octet-stream" => Some(None),
        "" => {
            return Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "missing Content-Type: send application/json, text/html or text/plain".into(),
            ))
        }
        other => {
            return Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "unsupported Content-Type {other:?}: send application/json, text/html or text/plain"
                ),
            ))
        }
    };
    let forced = query_format(query)?;
    if let Some(format) = raw_format {
        let job = Job::Bytes {
            bytes: body,
            format: forced.or(format),
            content_type: Some(content_type.to_string()),
        };
        return Ok((job, nutgraf::Options::default()));
    }
    if forced.is_some() {
        return Err((
            StatusCode::BAD_REQUEST,
            "the format parameter goes with a raw body; in JSON, name the field html, text or article".into(),
        ));
    }
    let req: DigestRequest = serde_json::from_slice(&body)
        .map_err(|e| (StatusCode::BAD_REQUEST, format!("invalid JSON body: {e}")))?;
    let given = [&req.html, &req.text, &req.article, &req.url]
        .iter()
        .filter(|f| f.is_some())
        .count();
    if given != 1 {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "give exactly one of \"html\", \"text\", \"article\" or \"url\"".into(),
        ));
    }
    let utf8 = Some("text/plain; charset=utf-8".to_string());
    let job = if let Some(h) = req.html {
        Job::Bytes {
            bytes: h.into_bytes(),
            format: Some(nutgraf::InputFormat::Html),
            content_type: utf8,
        }
    } else if let Some(t) = req.text {
        Job::Bytes {
            bytes: t.into_bytes(),
            format: Some(nutgraf::InputFormat::Dump),
            content_type: utf8,
        }
    } else if let Some(a) = req.article {
        Job::Bytes {
            bytes: a.into_bytes(),
            format: Some(nutgraf::InputFormat::Article),
            content_type: utf8,
        }
    } else {
        Job::Url(req.url.unwrap_or_default())
    };
    Ok((job, req.options.into()))
}

async fn digest(State(state): State<Arc<AppState>>, request: Request<Body>) -> Response {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let query = request.uri().query().map(str::to_string);
    let limit = state.config.body_limit;
    let body_timeout = state.config.body_timeout;
    let body = match tokio::time::timeout(body_timeout, to_bytes(request.into_body(), limit)).await
    {
        Ok(Ok(b)) => b.to_vec(),
        Ok(Err(_)) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is larger than the limit of {limit} bytes"),
            )
        }
        Err(_) => {
            let mut r = error(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {} s",
                    body_timeout.as_secs_f64()
                ),
            );
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            return r;
        }
    };
    let (job, options) = match parse_request(&content_type, query.as_deref(), body) {
        Ok(j) => j,
        Err((status, message)) => return error(status, message),
    };
    let fetcher = match (&job, &state.config.fetcher) {
        (Job::Url(_), None) => return error(
            StatusCode::FORBIDDEN,
            "this server does not fetch URLs (start it with --allow-fetch); send the page itself",
        ),
        (_, f) => f.clone(),
    };
    // The permit moves into the blocking task: a page that outlives its time limit
    // still holds its slot until it is done, so work never piles up.
    let queue_timeout = state.config.queue_timeout;
    let permit =
        match tokio::time::timeout(queue_timeout, Arc::clone(&state.permits).acquire_owned()).await
        {
            Ok(Ok(permit)) => permit,
            Ok(Err(_)) => {
                return error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the server is shutting down",
                )
            }
            Err(_) => {
                let mut r = error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "the server is busy: all {} slots stayed taken for {} s; try again",
                        state.config.max_concurrent.max(1),
                        queue_timeout.as_secs_f64()
                    ),
                );
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                return r;
            }
        };
    let timeout = state.config.timeout;
    // The library stops at this deadline by itself, so a page that outlives its limit
    // frees its thread, its memory and its slot instead of running on unseen.
    let deadline = std::time::Instant::now().checked_add(timeout);
    let too_long = move || {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "reading the page took longer than {} s",
                timeout.as_secs_f64()
            ),
        )
    };
    let work = tokio::task::spawn_blocking(move || -> Result<String, (StatusCode, String)> {
        let _permit = permit;
        let (bytes, format, content_type) = match job {
            Job::Bytes {
                bytes,
                format,
                content_type,
            } => (bytes, format, content_type),
            Job::Url(url) => {
                let fetch =
                    fetcher.ok_or((StatusCode::FORBIDDEN, "fetching is disabled".to_string()))?;
                let (bytes, ct) = fetch(&url).map_err(|e| (e.kind.status(), e.message))?;
                (bytes, None, ct)
            }
        };
        let options = options
            .format(format)
            .content_type(content_type)
            .deadline(deadline);
        let failed = |e: nutgraf::Error| match e {
            nutgraf::Error::TimedOut => too_long(),
            e => (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
        };
        let article = nutgraf::read(&bytes, &options).map_err(failed)?;
        let digest = nutgraf::digest(article, &options).map_err(failed)?;
        serde_json::to_string(&digest)
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    });
    match tokio::time::timeout(timeout, work).await {
        Ok(Ok(Ok(json))) => json_response(StatusCode::OK, json),
        Ok(Ok(Err((status, message)))) => error(status, message),
        Ok(Err(_)) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "reading this page failed unexpectedly; please report it with the page",
        ),
        Err(_) => {
            let (status, message) = too_long();
            error(status, message)
        }
    }
}
