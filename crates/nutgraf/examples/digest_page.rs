//! Digests a page — article, generated highlights, who said what — and prints the
//! highlights and the quotes by speaker. Without a file it uses the sample page built
//! into the library.
//!
//! ```sh
//! cargo run -p nutgraf --example digest_page -- [page.html]
//! ```
use std::process::ExitCode;

fn main() -> ExitCode {
    let bytes = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("digest_page: could not read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => nutgraf::EXAMPLE_HTML.as_bytes().to_vec(),
    };
    // Two highlights instead of the summarizer's choice, and a time limit.
    let options = nutgraf::Options::new()
        .sentences(2)
        .timeout(std::time::Duration::from_secs(10));
    let article = match nutgraf::read(&bytes, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("digest_page: {e}");
            return ExitCode::FAILURE;
        }
    };
    let digest = match nutgraf::digest(article, &options) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("digest_page: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{}\n",
        digest.article.title.as_deref().unwrap_or("(no headline)")
    );
    for h in &digest.highlights {
        println!("* {}", h.text);
    }
    println!();
    for q in &digest.quotes {
        let who = q.speaker.as_deref().unwrap_or("(unknown)");
        println!("{who}: “{}”", q.content);
    }
    ExitCode::SUCCESS
}
