//! Throughput of `nutgraf::read` over a folder of pages held in memory, single thread.
//! Usage: cargo run --release --example bench_read -- DIR [html|text] [ROUNDS]
use std::io::Read;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .ok_or("usage: bench_read DIR [html|text] [ROUNDS]")?;
    let mode = args.get(2).map(String::as_str).unwrap_or("html");
    let rounds: usize = args.get(3).map(|r| r.parse()).transpose()?.unwrap_or(5);
    let mut pages = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    paths.sort_by_key(|e| e.path());
    for e in paths {
        let p = e.path();
        let mut bytes = Vec::new();
        if p.extension().is_some_and(|x| x == "gz") {
            flate2::read::GzDecoder::new(std::fs::File::open(&p)?).read_to_end(&mut bytes)?;
        } else {
            bytes = std::fs::read(&p)?;
        }
        pages.push(bytes);
    }
    let fmt = if mode == "html" {
        nutgraf::InputFormat::Html
    } else {
        nutgraf::InputFormat::Dump
    };
    let opts = nutgraf::Options::new().format(fmt);
    let mb: f64 = pages.iter().map(|p| p.len() as f64).sum::<f64>() / 1e6;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for p in &pages {
            if let Ok(a) = nutgraf::read(p, &opts) {
                n += a.text.len();
            }
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {:.1} MB: best of {rounds} rounds {:.3} s = {:.0} pages/s ({:.0} MB/s)",
        pages.len(),
        mb,
        best,
        pages.len() as f64 / best,
        mb / best
    );
    Ok(())
}
