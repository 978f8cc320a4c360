//! Single-thread throughput of `nutgraf::quotes` over articles held in memory.
//! Usage: cargo run --release -p nutgraf --example bench_quotes -- [TEXTS.jsonl] [ROUNDS]
//! (TEXTS.jsonl: one JSON object with a `text` field per line, e.g. the PolNeAR file.)
//! Without a file it times a built-in invented story.
use std::io::BufRead;
use std::time::Instant;

const STORY: &str = "“We will reopen the bridge by May,” Mayor Lena Ostrow said on Tuesday, “and not a day later.”\n\n\
Mark Toner, the city's acting transport director, said that crews had finished the deck. He added that the paint would wait.\n\n\
“It is a good day for Pell Creek,” said Ostrow. She told reporters the budget held.\n\n\
According to the council, the repairs cost $4 million.";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let texts: Vec<String> = match args.get(1) {
        Some(path) => {
            let mut v = Vec::new();
            for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
                let row: serde_json::Value = serde_json::from_str(&line?)?;
                if let Some(t) = row["text"].as_str() {
                    v.push(t.to_owned());
                }
            }
            v
        }
        None => vec![STORY.to_owned(); 1000],
    };
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let started = Instant::now();
    let articles: Vec<nutgraf::Article> = texts
        .iter()
        .filter_map(|t| nutgraf::read_str(t, Some(nutgraf::InputFormat::Article)).ok())
        .collect();
    let read_secs = started.elapsed().as_secs_f64();
    let mut found = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            found += nutgraf::quotes(a).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = (articles.len() * rounds) as f64;
    println!(
        "quotes: {} articles x {rounds} rounds, {:.1} quotes/article: {:.0} articles/s, {:.1} M chars/s (single thread)",
        articles.len(),
        found as f64 / n,
        n / secs,
        (chars * rounds) as f64 / secs / 1e6
    );
    println!(
        "reading the texts as articles (sentence split, once): {:.0} articles/s",
        articles.len() as f64 / read_secs
    );
    Ok(())
}
