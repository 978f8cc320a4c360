//! Reads a news page (HTML, a text dump or clean article text; the format and charset
//! are detected) and prints its headline, byline and paragraphs.
//!
//! ```sh
//! cargo run -p nutgraf --example read_page -- page.html
//! ```
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_page FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("read_page: could not read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Options::new() detects everything; `.format(...)` would force HTML, dump or article.
    match nutgraf::read(&bytes, &nutgraf::Options::new()) {
        Ok(article) => {
            println!("{}", article.title.as_deref().unwrap_or("(no headline)"));
            if !article.authors.is_empty() {
                println!("By {}", article.authors.join(", "));
            }
            for paragraph in &article.paragraphs {
                println!("\n{paragraph}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("read_page: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
