//! `nutgraf batch`: many pages in, one JSON line per page out, in input order.
//!
//! Records stream from the inputs (JSONL, folders, WARC files) in chunks; each chunk is
//! digested in parallel (rayon) and written in order, so memory stays flat whatever the
//! input size. A bad record becomes an `{"id", "error"}` line and the run goes on; only
//! an unreadable input or an unwritable output stops it. Ctrl-C finishes the chunk at
//! hand, so the output holds only complete lines.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::{json, Value};

use crate::input::InputFormatArg;

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Inputs: JSONL files (`-` for standard input), folders of .html/.htm/.txt files,
    /// WARC files (.warc or .warc.gz).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Where to write the JSONL (default: standard output).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// JSONL field holding the record id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field holding an HTML page.
    #[arg(long, default_value = "html")]
    html_field: String,
    /// JSONL field holding text (read as --input-format says, detected otherwise).
    #[arg(long, default_value = "text")]
    text_field: String,
    /// How to read every record's text (detected per record when not given).
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Which parts to write, comma separated (default: all).
    #[arg(long, value_delimiter = ',', value_enum)]
    only: Vec<Part>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Never draw the progress bar.
    #[arg(long)]
    no_progress: bool,
}

/// The parts of a digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    /// The article read from the page.
    Article,
    /// Generated highlights.
    Highlights,
    /// Who said what.
    Quotes,
}

impl Part {
    fn all() -> &'static [Part] {
        &[Part::Article, Part::Highlights, Part::Quotes]
    }
}

/// The output line of a page that was read: its id, its URL when known, and the parts
/// of its digest asked for, in this order.
#[derive(Serialize)]
struct PageLine<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a nutgraf::Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    highlights: Option<&'a [nutgraf::Highlight]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<&'a [nutgraf::Quote]>,
}

impl<'a> PageLine<'a> {
    fn new(id: &'a str, url: Option<&'a str>, digest: &'a nutgraf::Digest, parts: &[Part]) -> Self {
        PageLine {
            id,
            url,
            article: parts.contains(&Part::Article).then_some(&digest.article),
            highlights: parts
                .contains(&Part::Highlights)
                .then_some(digest.highlights.as_slice()),
            quotes: parts
                .contains(&Part::Quotes)
                .then_some(digest.quotes.as_slice()),
        }
    }
}

/// A record to digest.
enum Record {
    Page {
        id: String,
        url: Option<String>,
        bytes: Vec<u8>,
        format: Option<nutgraf::InputFormat>,
        content_type: Option<String>,
    },
    /// A record that could not even be taken apart; reported in the output.
    Bad {
        id: String,
        reason: String,
        error: String,
    },
}

/// Outcome of one record, for the summary.
struct Line {
    json: String,
    failure: Option<String>,
}

fn process(record: Record, parts: &[Part]) -> Line {
    match record {
        Record::Bad { id, reason, error } => Line {
            json: json!({"id": id, "error": error}).to_string(),
            failure: Some(reason),
        },
        Record::Page {
            id,
            url,
            bytes,
            format,
            content_type,
        } => {
            let options = nutgraf::Options::new()
                .format(format)
                .content_type(content_type);
            match nutgraf::read(&bytes, &options) {
                Ok(article) => {
                    let digest = nutgraf::digest(article, &options);
                    let line = PageLine::new(&id, url.as_deref(), &digest, parts);
                    match serde_json::to_string(&line) {
                        Ok(json) => Line {
                            json,
                            failure: None,
                        },
                        // Not expected: the digest is plain data.
                        Err(e) => {
                            let error = format!("could not write the digest: {e}");
                            Line {
                                json: json!({"id": id, "error": error}).to_string(),
                                failure: Some("unwritable".to_string()),
                            }
                        }
                    }
                }
                Err(e) => {
                    let reason = match e {
                        nutgraf::Error::Empty => "empty",
                        nutgraf::Error::Binary { .. } => "binary",
                        nutgraf::Error::NoArticle { .. } => "no article",
                        _ => "unreadable",
                    };
                    let mut obj = json!({"id": id, "error": e.to_string()});
                    if let Some(url) = url {
                        obj["url"] = Value::String(url);
                    }
                    Line {
                        json: obj.to_string(),
                        failure: Some(reason.to_string()),
                    }
                }
            }
        }
    }
}

/// Counts of the summary line.
#[derive(Default)]
struct Tally {
    read: u64,
    ok: u64,
    failed: BTreeMap<String, u64>,
}

impl Tally {
    fn count(&mut self, line: &Line) {
        self.read += 1;
        match &line.failure {
            None => self.ok += 1,
            Some(reason) => *self.failed.entry(reason.clone()).or_default() += 1,
        }
    }
}

/// A source of records; `Err` is fatal.
type Records<'a> = Box<dyn Iterator<Item = Result<Record>> + 'a>;

fn jsonl_records<'a>(
    reader: Box<dyn BufRead + 'a>,
    name: String,
    args: &'a BatchArgs,
) -> Records<'a> {
    let format = args.input_format.map(nutgraf::InputFormat::from);
    Box::new(reader.lines().enumerate().filter_map(move |(i, line)| {
        let n = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Err(
                    anyhow::Error::new(e).context(format!("reading {name} line {n}"))
                ))
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        let fallback_id = format!("{name}:{n}");
        let value: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                return Some(Ok(Record::Bad {
                    id: fallback_id,
                    reason: "bad JSON".into(),
                    error: format!("line {n} is not valid JSON: {e}"),
                }))
            }
        };
        let id = match value.get(&args.id_field) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(x)) => x.to_string(),
            _ => fallback_id,
        };
        let (text, fmt) = if let Some(Value::String(h)) = value.get(&args.html_field) {
            (h.clone(), Some(nutgraf::InputFormat::Html))
        } else if let Some(Value::String(t)) = value.get(&args.text_field) {
            (t.clone(), format)
        } else {
            return Some(Ok(Record::Bad {
                id,
                reason: "no page".into(),
                error: format!(
                    "line {n} has no string field {:?} or {:?}",
                    args.html_field, args.text_field
                ),
            }));
        };
        Some(Ok(Record::Page {
            id,
            url: value.get("url").and_then(Value::as_str).map(str::to_string),
            bytes: text.into_bytes(),
            format: fmt,
            content_type: Some("text/plain; charset=utf-8".into()),
        }))
    }))
}

fn folder_records<'a>(dir: &Path, args: &'a BatchArgs) -> Result<Records<'a>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in
            std::fs::read_dir(&d).with_context(|| format!("could not list {}", d.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "txt"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    let format = args.input_format.map(nutgraf::InputFormat::from);
    let base = dir.to_path_buf();
    Ok(Box::new(files.into_iter().map(move |path| {
        let id = path
            .strip_prefix(&base)
            .unwrap_or(&path)
            .display()
            .to_string();
        Ok(match std::fs::read(&path) {
            Ok(bytes) => Record::Page {
                id,
                url: None,
                bytes,
                format,
                content_type: None,
            },
            Err(e) => Record::Bad {
                id,
                reason: "unreadable file".into(),
                error: format!("could not read {}: {e}", path.display()),
            },
        })
    })))
}

fn warc_records<'a>(path: &Path) -> Result<Records<'a>> {
    let file = File::open(path).with_context(|| format!("could not open {}", path.display()))?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut warc = crate::warc::Reader::new(reader);
    let name = path.display().to_string();
    let mut done = false;
    Ok(Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        match warc.next_item() {
            Ok(None) => return None,
            Ok(Some(crate::warc::Item::Skipped)) => continue,
            Ok(Some(crate::warc::Item::Bad { record_id, error })) => {
                return Some(Ok(Record::Bad {
                    id: record_id,
                    reason: "bad WARC record".into(),
                    error,
                }))
            }
            Ok(Some(crate::warc::Item::Html(r))) => {
                return Some(Ok(Record::Page {
                    id: r.record_id,
                    url: r.url,
                    bytes: r.body,
                    format: Some(nutgraf::InputFormat::Html),
                    content_type: r.content_type,
                }))
            }
            Err(e) => {
                done = true;
                return Some(Err(e.context(format!("reading {name}"))));
            }
        }
    })))
}

fn open_input<'a>(input: &str, args: &'a BatchArgs) -> Result<Records<'a>> {
    if input == "-" {
        let stdin = std::io::stdin();
        return Ok(jsonl_records(Box::new(stdin.lock()), "stdin".into(), args));
    }
    let path = Path::new(input);
    if path.is_dir() {
        return folder_records(path, args);
    }
    let lower = input.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        return warc_records(path);
    }
    let file = File::open(path).with_context(|| format!("could not open {input}"))?;
    let reader: Box<dyn BufRead> = if lower.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    Ok(jsonl_records(reader, input.to_string(), args))
}

/// Records to expect, when that is cheap to know: lines of JSONL files and pages of
/// folders (a WARC file or standard input leaves it unknown).
fn expected_records(args: &BatchArgs) -> Option<u64> {
    let mut total = 0u64;
    for input in &args.inputs {
        let path = Path::new(input);
        let lower = input.to_ascii_lowercase();
        if input == "-" || lower.ends_with(".gz") || lower.ends_with(".warc") {
            return None;
        }
        if path.is_dir() {
            let mut stack = vec![path.to_path_buf()];
            while let Some(d) = stack.pop() {
                for entry in std::fs::read_dir(&d).ok()?.flatten() {
                    let p = entry.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "txt")
                    }) {
                        total += 1;
                    }
                }
            }
        } else {
            let mut reader = BufReader::new(File::open(path).ok()?);
            let mut buf = Vec::new();
            while reader.read_until(b'\n', &mut buf).ok()? > 0 {
                if !buf.iter().all(u8::is_ascii_whitespace) {
                    total += 1;
                }
                buf.clear();
            }
        }
    }
    Some(total)
}

/// A bar with rate and ETA when the total is known, a spinner with the rate otherwise.
fn progress_bar(args: &BatchArgs) -> indicatif::ProgressBar {
    let (pb, template) = match expected_records(args) {
        Some(total) => (
            indicatif::ProgressBar::new(total),
            "{bar:30} {pos}/{len} records, {per_sec}, ETA {eta}  {msg}",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {pos} records, {per_sec}, {elapsed} elapsed  {msg}",
        ),
    };
    pb.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    pb
}

/// Runs the batch; returns the process exit code.
pub fn run(args: &BatchArgs) -> Result<()> {
    let parts: Vec<Part> = if args.only.is_empty() {
        Part::all().to_vec()
    } else {
        args.only.clone()
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    if jobs == 0 {
        bail!("--jobs must be at least 1");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("could not start worker threads")?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("could not create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // Not fatal if a handler is already set (tests).
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let progress = if args.no_progress || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        progress_bar(args)
    };

    // Records go to the pool one by one; results come back tagged with their position
    // and are written in input order. At most `window` records are in flight (read but
    // not yet written), which bounds memory whatever the input size, and no worker ever
    // waits for a slow neighbour as it would with chunk barriers.
    let window = (jobs * 8) as u64;
    let parts: Arc<[Part]> = parts.into();
    let (tx, rx) = std::sync::mpsc::channel::<(u64, Line)>();
    let mut pending: BTreeMap<u64, Line> = BTreeMap::new();
    let mut tally = Tally::default();
    let mut next_seq = 0u64; // next record to dispatch
    let mut next_write = 0u64; // next record to write
    let mut interrupted = false;
    let mut write_ready = |pending: &mut BTreeMap<u64, Line>,
                           next_write: &mut u64,
                           tally: &mut Tally|
     -> Result<()> {
        while let Some(line) = pending.remove(next_write) {
            tally.count(&line);
            out.write_all(line.json.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .context("could not write the output")?;
            *next_write += 1;
        }
        Ok(())
    };
    'inputs: for input in &args.inputs {
        progress.set_message(input.clone());
        let records = open_input(input, args)?;
        for record in records {
            let record = record?;
            if stop.load(Ordering::SeqCst) {
                interrupted = true;
                break 'inputs;
            }
            // Wait for room in the window.
            while next_seq - next_write >= window {
                let (seq, line) = rx.recv().context("a worker thread stopped")?;
                pending.insert(seq, line);
                write_ready(&mut pending, &mut next_write, &mut tally)?;
            }
            let tx = tx.clone();
            let parts = Arc::clone(&parts);
            let seq = next_seq;
            pool.spawn(move || {
                // The receiver outlives every worker; a send can only fail if the run
                // is already failing.
                let _ = tx.send((seq, process(record, &parts)));
            });
            next_seq += 1;
            while let Ok((seq, line)) = rx.try_recv() {
                pending.insert(seq, line);
            }
            write_ready(&mut pending, &mut next_write, &mut tally)?;
            progress.set_position(next_write);
        }
    }
    // Drain what is in flight (also after Ctrl-C: only complete lines are written).
    while next_write < next_seq {
        let (seq, line) = rx.recv().context("a worker thread stopped")?;
        pending.insert(seq, line);
        write_ready(&mut pending, &mut next_write, &mut tally)?;
    }
    out.flush().context("could not write the output")?;
    let Tally { read, ok, failed } = tally;
    progress.finish_and_clear();
    let failed_total: u64 = failed.values().sum();
    let mut summary = format!("nutgraf batch: {read} records read, {ok} ok, {failed_total} failed");
    if !failed.is_empty() {
        let reasons: Vec<String> = failed.iter().map(|(k, v)| format!("{v} {k}")).collect();
        summary.push_str(&format!(" ({})", reasons.join(", ")));
    }
    if interrupted {
        summary.push_str("; interrupted, output holds complete lines only");
    }
    eprintln!("{summary}");
    if interrupted {
        std::process::exit(130);
    }
    Ok(())
}
