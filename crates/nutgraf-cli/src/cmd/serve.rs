//! `nutgraf serve`: the HTTP service and its web page (`nutgraf-server`).

use anyhow::{bail, Result};
use clap::Args;

use crate::fetch;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    body_limit: usize,
    /// Seconds allowed for reading one page.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Let clients send {"url": ...}: the server then fetches http(s) pages on public
    /// addresses (never loopback or private networks).
    #[arg(long)]
    allow_fetch: bool,
}

/// Runs `nutgraf serve` until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<()> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let fetcher: Option<nutgraf_server::Fetcher> = args.allow_fetch.then(|| {
        let f: nutgraf_server::Fetcher = std::sync::Arc::new(|url: &str| {
            let opts = fetch::FetchOptions {
                public_only: true,
                max_bytes: 10 * 1024 * 1024,
                timeout: std::time::Duration::from_secs(10),
                ..fetch::FetchOptions::default()
            };
            fetch::fetch(url, &opts)
                .map(|f| (f.bytes, f.content_type))
                .map_err(|e| {
                    let kind = match e.kind {
                        fetch::ErrorKind::Invalid => nutgraf_server::FetchErrorKind::Invalid,
                        fetch::ErrorKind::Refused => nutgraf_server::FetchErrorKind::Refused,
                        fetch::ErrorKind::Upstream => nutgraf_server::FetchErrorKind::Upstream,
                    };
                    nutgraf_server::FetchError::new(kind, e.message)
                })
        });
        f
    });
    let config = nutgraf_server::Config {
        body_limit: args.body_limit,
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        fetcher,
        ..nutgraf_server::Config::default()
    };
    nutgraf_server::run(args.addr, config, |addr| {
        eprintln!("nutgraf: serving on http://{addr}/ (Ctrl-C to stop)");
    })?;
    Ok(())
}
