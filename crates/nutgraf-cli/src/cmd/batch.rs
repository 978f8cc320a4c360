//! `nutgraf batch`: many pages in, one JSON line per page out, in input order.
//!
//! Records stream from the inputs (JSONL, folders, WARC files) in chunks; each chunk is
//! digested in parallel (rayon) and written in order, so memory stays flat whatever the
//! input size. A bad record, an input that cannot be opened and damage that ends an
//! input early each become an `{"id", "error"}` line in place and the run goes on; only
//! an unwritable output stops it. Ctrl-C finishes the records in flight, so the output
//! holds only complete lines.

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

use nutgraf_cli::{jsonl, warc, Record};

use crate::input::InputFormatArg;

/// `nutgraf batch --help`: what the command does and its exit codes.
pub const LONG_ABOUT: &str = "\
Digest many pages: JSONL, folders, WARC files → one JSON line per page.

Every record gives one output line, in input order: the page's digest, or
{\"id\", \"error\"} for a record that could not be read (a line that is not UTF-8
or not JSON, a page with no article, a bad WARC record). An input that cannot be
opened, or that breaks off (a cut .gz or .warc file), gives one error line in its
place, after every record read before the damage, and the run goes on with the
next input. A summary line on standard error ends every run.

Exit codes:
  0    the run went through its inputs (error lines included)
  1    no input could be read at all (every input missing, unopenable or broken
       before its first record), or the output could not be written
  2    usage error (unknown option, --jobs 0, …)
  130  interrupted by Ctrl-C (the output holds complete lines only)";

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
    /// Worker threads, at least 1 (default: all cores).
    #[arg(long, short = 'j', value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    jobs: Option<usize>,
    /// Never draw the progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Time limit per record in seconds: a record that takes longer becomes an error
    /// line ("timed out") and its work stops there.
    #[arg(long, value_parser = positive_seconds)]
    timeout: Option<std::time::Duration>,
}

/// Parses `--timeout`: a positive number of seconds.
fn positive_seconds(s: &str) -> Result<std::time::Duration, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 && t < 1e9 => Ok(std::time::Duration::from_secs_f64(t)),
        _ => Err(format!("{s:?} is not a positive number of seconds")),
    }
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

/// Outcome of one record, for the summary.
struct Line {
    json: String,
    failure: Option<String>,
}

fn error_line(id: &str, error: &str, reason: &str) -> Line {
    Line {
        json: json!({"id": id, "error": error}).to_string(),
        failure: Some(reason.to_string()),
    }
}

/// The summary's name for a read that failed.
fn failure_reason(e: &nutgraf::Error) -> &'static str {
    match e {
        nutgraf::Error::Empty => "empty",
        nutgraf::Error::Binary { .. } => "binary",
        nutgraf::Error::NoArticle { .. } => "no article",
        nutgraf::Error::TimedOut => "timed out",
        _ => "unreadable",
    }
}

fn process(record: Record, parts: &[Part], timeout: Option<std::time::Duration>) -> Line {
    match record {
        Record::Bad { id, reason, error } | Record::Broken { id, reason, error } => {
            error_line(&id, &error, &reason)
        }
        Record::Page {
            id,
            url,
            bytes,
            format,
            content_type,
        } => {
            let options = nutgraf::Options::new()
                .format(format)
                .content_type(content_type)
                .deadline(timeout.and_then(|t| std::time::Instant::now().checked_add(t)));
            let result = nutgraf::read(&bytes, &options)
                .and_then(|article| page_json(&id, url.as_deref(), article, &options, parts));
            match result {
                Ok(Ok(json)) => Line {
                    json,
                    failure: None,
                },
                // Not expected: the digest is plain data.
                Ok(Err(e)) => error_line(
                    &id,
                    &format!("could not write the digest: {e}"),
                    "unwritable",
                ),
                Err(e) => {
                    let mut obj = json!({"id": id, "error": e.to_string()});
                    if let Some(url) = url {
                        obj["url"] = Value::String(url);
                    }
                    Line {
                        json: obj.to_string(),
                        failure: Some(failure_reason(&e).to_string()),
                    }
                }
            }
        }
    }
}

/// The output line of a page that was read, computing only the parts asked for; the
/// outer error is the library's (a time limit), the inner one serialization's.
fn page_json(
    id: &str,
    url: Option<&str>,
    article: nutgraf::Article,
    options: &nutgraf::Options,
    parts: &[Part],
) -> Result<serde_json::Result<String>, nutgraf::Error> {
    let want = |p: Part| parts.contains(&p);
    if want(Part::Highlights) && want(Part::Quotes) {
        let digest = nutgraf::digest(article, options)?;
        return Ok(serde_json::to_string(&PageLine {
            id,
            url,
            article: want(Part::Article).then_some(&digest.article),
            highlights: Some(&digest.highlights),
            quotes: Some(&digest.quotes),
        }));
    }
    let highlights = match want(Part::Highlights) {
        true => Some(nutgraf::highlights(&article, options)?),
        false => None,
    };
    let quotes = want(Part::Quotes).then(|| nutgraf::quotes(&article));
    Ok(serde_json::to_string(&PageLine {
        id,
        url,
        article: want(Part::Article).then_some(&article),
        highlights: highlights.as_deref(),
        quotes: quotes.as_deref(),
    }))
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

/// A source of records. Never fails: an input that cannot be opened is one
/// [`Record::Broken`], and so is damage that ends an input early.
type Records<'a> = Box<dyn Iterator<Item = Record> + 'a>;

/// The one record of an input that could not be opened or listed.
fn unopenable<'a>(input: &str, error: String) -> Records<'a> {
    Box::new(std::iter::once(Record::Broken {
        id: input.to_string(),
        reason: "unreadable input".into(),
        error,
    }))
}

fn is_page_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "txt"))
}

/// The pages of a folder and its subfolders, sorted by path; a subfolder that cannot be
/// listed is a bad record in its place.
fn folder_records<'a>(input: &str, dir: &Path, args: &'a BatchArgs) -> Records<'a> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return unopenable(input, format!("could not list {}: {e}", dir.display())),
    };
    // (path, why it could not be listed) for every page file and unlistable folder.
    let mut found: Vec<(PathBuf, Option<String>)> = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), Some(entries))];
    while let Some((d, entries)) = stack.pop() {
        let entries = match entries.map_or_else(|| std::fs::read_dir(&d), Ok) {
            Ok(entries) => entries,
            Err(e) => {
                found.push((
                    d.clone(),
                    Some(format!("could not list {}: {e}", d.display())),
                ));
                continue;
            }
        };
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push((path, None));
                    } else if is_page_file(&path) {
                        found.push((path, None));
                    }
                }
                Err(e) => found.push((
                    d.clone(),
                    Some(format!("could not list {}: {e}", d.display())),
                )),
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let format = args.input_format.map(nutgraf::InputFormat::from);
    let base = dir.to_path_buf();
    Box::new(found.into_iter().map(move |(path, unlistable)| {
        let id = path
            .strip_prefix(&base)
            .unwrap_or(&path)
            .display()
            .to_string();
        if let Some(error) = unlistable {
            return Record::Bad {
                id,
                reason: "unreadable folder".into(),
                error,
            };
        }
        match std::fs::read(&path) {
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
        }
    }))
}

fn open_input<'a>(input: &str, args: &'a BatchArgs) -> Records<'a> {
    let fields = nutgraf_cli::jsonl::Fields {
        id: args.id_field.clone(),
        html: args.html_field.clone(),
        text: args.text_field.clone(),
    };
    let text_format = args.input_format.map(nutgraf::InputFormat::from);
    if input == "-" {
        let stdin = std::io::stdin().lock();
        return Box::new(jsonl::records(stdin, "stdin", fields, text_format));
    }
    let path = Path::new(input);
    if path.is_dir() {
        return folder_records(input, path, args);
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return unopenable(input, format!("could not open {input}: {e}")),
    };
    let lower = input.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        let reader = warc::decode(file, lower.ends_with(".gz"));
        return Box::new(warc::records(reader, path.display().to_string()));
    }
    let reader: Box<dyn BufRead> = if lower.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    Box::new(jsonl::records(reader, input, fields, text_format))
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

/// What became of each input, for the exit code.
#[derive(Default)]
struct Inputs {
    /// Inputs that gave at least one record, or ended cleanly.
    read: usize,
    /// The first message of an input that gave nothing (could not be opened, or broke
    /// before its first record).
    first_failure: Option<String>,
}

/// Runs the batch; returns the process exit code (see [`LONG_ABOUT`]).
pub fn run(args: &BatchArgs) -> Result<i32> {
    let parts: Vec<Part> = if args.only.is_empty() {
        Part::all().to_vec()
    } else {
        args.only.clone()
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
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
    let mut inputs = Inputs::default();
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
    // Everything but the summary, which is printed whatever happens here.
    let mut pump = || -> Result<()> {
        'inputs: for input in &args.inputs {
            progress.set_message(input.clone());
            let mut gave_records = false;
            let mut failure = None;
            for record in open_input(input, args) {
                if stop.load(Ordering::SeqCst) {
                    interrupted = true;
                    break 'inputs;
                }
                match &record {
                    Record::Broken { error, .. } if !gave_records => failure = Some(error.clone()),
                    _ => gave_records = true,
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
                let timeout = args.timeout;
                pool.spawn(move || {
                    // The receiver outlives every worker; a send can only fail if the run
                    // is already failing.
                    let _ = tx.send((seq, process(record, &parts, timeout)));
                });
                next_seq += 1;
                while let Ok((seq, line)) = rx.try_recv() {
                    pending.insert(seq, line);
                }
                write_ready(&mut pending, &mut next_write, &mut tally)?;
                progress.set_position(next_write);
            }
            match failure {
                Some(error) => {
                    inputs.first_failure.get_or_insert(error);
                }
                None => inputs.read += 1,
            }
        }
        // Drain what is in flight (also after Ctrl-C: only complete lines are written).
        while next_write < next_seq {
            let (seq, line) = rx.recv().context("a worker thread stopped")?;
            pending.insert(seq, line);
            write_ready(&mut pending, &mut next_write, &mut tally)?;
        }
        Ok(())
    };
    let outcome = pump().and_then(|()| out.flush().context("could not write the output"));
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
    if outcome.is_err() {
        summary.push_str("; stopped early");
    }
    eprintln!("{summary}");
    outcome?;
    if interrupted {
        return Ok(130);
    }
    if inputs.read == 0 {
        if let Some(error) = inputs.first_failure {
            bail!("no input could be read ({error})");
        }
    }
    Ok(0)
}
