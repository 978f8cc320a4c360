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
    /// Pages read at the same time; more requests wait their turn.
    pub max_concurrent: usize,
    /// When set, clients may send `{"url": ...}` and the service fetches it.
    pub fetcher: Option<Fetcher>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("body_limit", &self.body_limit)
            .field("timeout", &self.timeout)
            .field("max_concurrent", &self.max_concurrent)
            .field("fetch", &self.fetcher.is_some())
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            body_limit: 5 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            max_concurrent: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
            fetcher: None,
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
        axum::serve(listener, router(config))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
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
    /// Number of generated highlights (default: chosen by the summarizer).
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

fn parse_request(
    content_type: &str,
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
        "text/plain" => Some(None),
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
    if let Some(format) = raw_format {
        let job = Job::Bytes {
            bytes: body,
            format,
            content_type: Some(content_type.to_string()),
        };
        return Ok((job, nutgraf::Options::default()));
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
    let limit = state.config.body_limit;
    let body = match to_bytes(request.into_body(), limit).await {
        Ok(b) => b.to_vec(),
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is larger than the limit of {limit} bytes"),
            )
        }
    };
    let (job, options) = match parse_request(&content_type, body) {
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
    let Ok(permit) = Arc::clone(&state.permits).acquire_owned().await else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is shutting down",
        );
    };
    let timeout = state.config.timeout;
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
        let options = options.format(format).content_type(content_type);
        let article = nutgraf::read(&bytes, &options)
            .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        let digest = nutgraf::digest(article, &options);
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
        Err(_) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "reading the page took longer than {} s",
                timeout.as_secs_f64()
            ),
        ),
    }
}
