//! Single-thread throughput of `nutgraf::highlights` on articles already read.
//!
//! ```sh
//! cargo run --release -p nutgraf --example bench_highlights -- ../shared/data/cnndm/dev.jsonl [ROUNDS]
//! ```
use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .ok_or("usage: bench_highlights FILE.jsonl [ROUNDS]")?;
    let rounds: usize = args.get(2).map(|r| r.parse()).transpose()?.unwrap_or(10);
    let mut articles = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v["article"].as_str().unwrap_or("");
        articles.push(nutgraf::read_str(
            text,
            Some(nutgraf::InputFormat::Article),
        )?);
    }
    let opts = nutgraf::Options::default();
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for a in &articles {
            n += nutgraf::highlights(a, &opts).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} articles: best of {rounds} rounds {:.4} s = {:.0} articles/s ({:.1} µs/article), one thread",
        articles.len(),
        best,
        articles.len() as f64 / best,
        1e6 * best / articles.len() as f64
    );
    Ok(())
}
