//! Integration tests of the nutgraf library: the output contract on the built-in
//! example page (snapshot), invariants over generated input (proptest), and the
//! evaluation bars on the shared data (skipped with a message when `../shared` is
//! absent, as in a user's clone).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use nutgraf::{read, read_str, Article, InputFormat, Options};
use proptest::prelude::*;

fn example() -> Article {
    read(nutgraf::EXAMPLE_HTML.as_bytes(), &Options::default()).expect("example page reads")
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Every sentence span points into `text`, in order, trimmed and non-empty.
fn check_offsets(a: &Article) {
    let n = a.text.chars().count();
    let mut last = 0;
    for s in &a.sentences {
        assert!(s.start < s.end && s.end <= n, "span {s:?} outside 0..{n}");
        assert!(s.start >= last, "spans out of order at {s:?}");
        let t = slice(&a.text, s.start, s.end);
        assert_eq!(t.trim(), t, "span {s:?} not trimmed: {t:?}");
        last = s.end;
    }
}

#[test]
fn issue_2_example_page_snapshot() {
    let a = example();
    check_offsets(&a);
    insta::assert_json_snapshot!("example_article", a);
}

#[test]
fn issue_2_example_page_fields() {
    let a = example();
    assert_eq!(
        a.title.as_deref(),
        Some("Glacier lake dam holds as engineers race to drain it")
    );
    assert_eq!(a.authors, ["Marta Quillon", "Devin Osei"]);
    assert_eq!(a.outlet.as_deref(), Some("The Valley Ledger"));
    assert!(a
        .published
        .as_deref()
        .unwrap_or("")
        .starts_with("2026-10-14"));
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(d.place, "PELL CREEK, Colo.");
    assert_eq!(d.outlet.as_deref(), Some("The Valley Ledger"));
    assert_eq!(a.highlights_given.len(), 3);
    assert_eq!(a.credits, ["Devin Osei reported from Denver."]);
    for chrome in [
        "Skip to main content",
        "Share on",
        "Advertisement",
        "More stories",
        "Snow closes Route 9",
        "Stay safe everyone",
        "All rights reserved",
        "Photo:",
        "Story highlights",
    ] {
        assert!(!a.text.contains(chrome), "chrome {chrome:?} in the text");
    }
    assert_eq!(a.text, a.paragraphs.join("\n\n"));
    // The dateline is not part of the first sentence.
    let first = slice(&a.text, a.sentences[0].start, a.sentences[0].end);
    assert!(first.starts_with("Engineers worked"), "{first}");
}

#[test]
fn issue_2_article_format_keeps_input_exactly() {
    let input =
        "  First line of a story.\r\nStill the first paragraph.\n\n\nSecond one — with “quotes”.\n";
    let a = read_str(input, Some(InputFormat::Article)).unwrap();
    assert_eq!(a.text, input);
    assert_eq!(a.paragraphs.len(), 2);
    check_offsets(&a);
}

#[test]
fn issue_2_json_contract_field_names() {
    let v = serde_json::to_value(example()).unwrap();
    for key in [
        "title",
        "authors",
        "outlet",
        "published",
        "dateline",
        "tags",
        "highlights_given",
        "paragraphs",
        "text",
        "sentences",
        "language",
    ] {
        assert!(v.get(key).is_some(), "missing field {key}");
    }
    assert!(v["sentences"][0].get("start").is_some() && v["sentences"][0].get("end").is_some());
}

#[test]
fn issue_2_deep_nesting_does_not_overflow() {
    let mut page = String::from("<html><body>");
    for _ in 0..10_000 {
        page.push_str("<div>");
    }
    page.push_str("<p>Deep inside the page, a paragraph about the council vote on the new bridge, which passed.</p>");
    for _ in 0..10_000 {
        page.push_str("</div>");
    }
    // Either an article or a clear error; never a stack overflow.
    let _ = read_str(&page, Some(InputFormat::Html));
}

#[test]
fn issue_2_page_without_article_is_an_error() {
    let page =
        r#"<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav></body></html>"#;
    let err = read_str(page, Some(InputFormat::Html)).unwrap_err();
    assert!(err.to_string().contains("no article"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn offsets_point_into_text(paras in prop::collection::vec("[A-Za-z0-9 ,.'\"!?()é日本-]{0,120}", 1..8)) {
        let mut page = String::from("<html><body><article>");
        for p in &paras {
            page.push_str("<p>");
            page.push_str(&p.replace('<', " "));
            page.push_str("</p>");
        }
        page.push_str("</article></body></html>");
        if let Ok(a) = read_str(&page, Some(InputFormat::Html)) {
            check_offsets(&a);
            prop_assert_eq!(a.text.clone(), a.paragraphs.join("\n\n"));
        }
        let plain = paras.join("\n\n");
        if let Ok(a) = read_str(&plain, Some(InputFormat::Article)) {
            check_offsets(&a);
            prop_assert_eq!(a.text, plain);
        }
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read(&bytes, &Options::default());
        let _ = read(&bytes, &Options::new().format(InputFormat::Html));
    }
}

// ---- evaluation bars on ../shared (skipped when it is absent) ----

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} not found (the evaluation data sits beside the repository in CI)",
            dir.display()
        );
        None
    }
}

/// The benchmark's metric: `\w+` tokens, multiset of 4-gram shingles (a text of 1–3
/// tokens is one shingle), per-page precision and recall averaged over pages, F1 of the means.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let mut m = HashMap::new();
    if tokens.is_empty() {
        return m;
    }
    if tokens.len() < 4 {
        *m.entry(tokens).or_insert(0) += 1;
        return m;
    }
    for w in tokens.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

fn corpus_f1(pairs: &[(String, String)]) -> f64 {
    let (mut p_sum, mut p_n, mut r_sum) = (0.0, 0usize, 0.0);
    for (gold, pred) in pairs {
        let g = shingles(gold);
        let p = shingles(pred);
        let tp: usize = p
            .iter()
            .map(|(k, v)| (*v).min(*g.get(k).unwrap_or(&0)))
            .sum();
        let (np, ng) = (p.values().sum::<usize>(), g.values().sum::<usize>());
        if np > 0 {
            p_sum += tp as f64 / np as f64;
            p_n += 1;
        }
        r_sum += if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    }
    let (p, r) = (p_sum / p_n.max(1) as f64, r_sum / pairs.len() as f64);
    2.0 * p * r / (p + r)
}

fn gunzip(path: &std::path::Path) -> Vec<u8> {
    let mut v = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut v)
        .unwrap();
    v
}

#[test]
fn issue_2_aeb_dev_html_f1_bar() {
    let Some(dir) = shared() else { return };
    let aeb = dir.join("aeb");
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(aeb.join("ground-truth.json")).unwrap()).unwrap();
    let mut pairs = Vec::new();
    for (id, g) in gold.as_object().unwrap() {
        let bytes = gunzip(&aeb.join("html").join(format!("{id}.html.gz")));
        let opts = Options::new().format(InputFormat::Html);
        let text = read(&bytes, &opts).map(|a| a.text).unwrap_or_default();
        pairs.push((g["articleBody"].as_str().unwrap().to_string(), text));
    }
    let f1 = corpus_f1(&pairs);
    eprintln!(
        "AEB dev HTML main-text F1 = {f1:.4} over {} pages",
        pairs.len()
    );
    assert!(f1 >= 0.965, "AEB dev F1 {f1:.4} fell under the 0.965 bar");
}

// ---- issue 4: highlights ---------------------------------------------------------------

#[test]
fn issue_4_highlights_of_the_built_in_example() {
    let article = nutgraf::read(
        nutgraf::EXAMPLE_HTML.as_bytes(),
        &nutgraf::Options::default(),
    )
    .unwrap();
    let hl = nutgraf::highlights(&article, &nutgraf::Options::default());
    assert_eq!(hl.len(), 3);
    for h in &hl {
        let slice: String = article
            .text
            .chars()
            .skip(h.start)
            .take(h.end - h.start)
            .collect();
        assert_eq!(slice, h.text);
        assert!(!article.highlights_given.iter().any(|g| g == &h.text));
    }
    let texts: Vec<&str> = hl.iter().map(|h| h.text.as_str()).collect();
    insta::assert_json_snapshot!("issue_4_example_highlights", texts);
}

// ===================================================================================
// Issue 5: quotes (who said what). Texts are invented for these tests.
// ===================================================================================

const QUOTES_STORY: &str = "Harbor bridge to reopen in May, mayor says\n\n\
PELL CREEK -- The harbor bridge will reopen in May, two months early, Mayor Lena Ostrow said on Tuesday.\n\n\
“We will reopen the bridge by May,” Ostrow said at a news conference, “and not a day later.”\n\n\
Mark Toner, the city's acting transport director, said that crews had finished the deck. He added that the paint would wait for warmer weather.\n\n\
“It has been a long winter for the crews,” said Toner. “They earned this.”\n\n\
Not everyone was pleased. According to the council's budget office, the repairs cost $4 million more than planned.\n\n\
Council member Ruth Abara, who voted against the contract, told reporters: “We were promised a fixed price.\n\n\
“Now the town pays for the delays.”\n\n\
She said she would ask for an audit.";

fn quotes_of(text: &str) -> Vec<nutgraf::Quote> {
    let article = read_str(text, Some(InputFormat::Article)).expect("article text reads");
    nutgraf::quotes(&article)
}

#[test]
fn issue_5_quotes_snapshot() {
    let article = read_str(QUOTES_STORY, Some(InputFormat::Article)).unwrap();
    let quotes = nutgraf::quotes(&article);
    insta::assert_json_snapshot!("issue_5_quotes_story", quotes);
}

/// Every offset points into the text; content is the text of its spans.
fn check_quote_offsets(text: &str, quotes: &[nutgraf::Quote]) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    for q in quotes {
        assert!(!q.content_spans.is_empty());
        let mut last = 0;
        let mut parts = Vec::new();
        for [s, e] in &q.content_spans {
            assert!(s < e && *e <= n && *s >= last, "span {s}..{e} in 0..{n}");
            last = *e;
            parts.push(chars[*s..*e].iter().collect::<String>());
        }
        assert_eq!(q.content, parts.join(" … "));
        assert_eq!(q.content_start, q.content_spans[0][0]);
        assert_eq!(q.content_end, last);
        match (
            q.speaker_mention_start,
            q.speaker_mention_end,
            &q.speaker_mention,
        ) {
            (Some(s), Some(e), Some(m)) => {
                assert!(s < e && e <= n);
                assert_eq!(&chars[s..e].iter().collect::<String>(), m);
            }
            (None, None, None) => {}
            other => panic!("inconsistent mention {other:?}"),
        }
    }
}

#[test]
fn issue_5_story_offsets_and_speakers() {
    let quotes = quotes_of(QUOTES_STORY);
    check_quote_offsets(QUOTES_STORY, &quotes);
    let speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
    assert!(speakers.contains(&"Lena Ostrow"), "{speakers:?}");
    assert!(speakers.contains(&"Mark Toner"), "{speakers:?}");
    assert!(speakers.contains(&"Ruth Abara"), "{speakers:?}");
    // The quote over two paragraphs is one quote.
    let abara: Vec<_> = quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Ruth Abara"))
        .collect();
    assert!(abara
        .iter()
        .any(|q| q.content_spans.len() == 2 && q.kind == nutgraf::QuoteKind::Direct));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn issue_5_quote_offsets_point_into_the_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("\"".to_string()), Just("“".to_string()), Just("”".to_string()),
                Just("‘".to_string()), Just("’".to_string()), Just("'".to_string()),
                Just("''".to_string()), Just("«".to_string()), Just("»".to_string()),
                Just("„".to_string()), Just(" said ".to_string()), Just(", ".to_string()),
                Just(". ".to_string()), Just(": ".to_string()), Just("\n\n".to_string()),
                Just("Ann Lee".to_string()), Just(" he ".to_string()), Just(" according to ".to_string()),
                Just(" told reporters ".to_string()), Just("the plan is dead".to_string()),
                Just(" that ".to_string()), Just("é".to_string()), Just("日本".to_string()),
                "[a-zA-Z ]{0,12}",
            ],
            0..60,
        )
    ) {
        let text: String = parts.concat();
        let quotes = nutgraf::quotes::quotes_in_text(&text);
        check_quote_offsets(&text, &quotes);
    }
}

#[test]
fn issue_5_bad_input_is_linear() {
    // One giant quote, thousands of marks, unpaired marks everywhere, no quotes at all.
    let giant = format!(
        "Ann Lee said: “{}”",
        "The plan is dead and we said so. ".repeat(20_000)
    );
    let marks = "“ ” \" ' ‘ ’ « » „ ''".repeat(10_000);
    let unpaired =
        vec!["He said \"the pier is shut. She said “no. ‘They said maybe »."; 3000].join("\n\n");
    let none = "The pier closed on Monday. Boats moved north.\n\n".repeat(5000);
    for text in [&giant, &marks, &unpaired, &none] {
        let started = std::time::Instant::now();
        let quotes = nutgraf::quotes::quotes_in_text(text);
        assert!(started.elapsed().as_secs() < 10, "slow on bad input");
        check_quote_offsets(text, &quotes);
    }
    assert!(nutgraf::quotes::quotes_in_text(&none).is_empty());
    assert_eq!(nutgraf::quotes::quotes_in_text(&giant).len(), 1);
}

/// The PolNeAR dev bars of issue 5, scored with the official scorer (needs python3
/// and ../shared; skipped otherwise).
#[test]
fn issue_5_polnear_dev_bars() {
    let Some(dir) = shared() else { return };
    let gold = dir.join("polnear/train-dev.jsonl");
    let scorer = dir.join("../eval/score_quotes.py");
    if !gold.is_file() || !scorer.is_file() {
        eprintln!("SKIPPED: PolNeAR data or scorer not found");
        return;
    }
    let mut preds = String::new();
    for line in std::fs::read_to_string(&gold).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        if row["split"] != "dev" {
            continue;
        }
        let quotes = quotes_of(row["text"].as_str().unwrap());
        preds.push_str(&serde_json::json!({"id": row["id"], "quotes": quotes}).to_string());
        preds.push('\n');
    }
    let out_path =
        std::env::temp_dir().join(format!("nutgraf-quotes-dev-{}.jsonl", std::process::id()));
    std::fs::write(&out_path, preds).unwrap();
    let output = std::process::Command::new("python3")
        .arg(&scorer)
        .args([
            "--gold",
            gold.to_str().unwrap(),
            "--split",
            "dev",
            "--json",
            "--quiet",
            "--pred",
        ])
        .arg(&out_path)
        .output();
    let _ = std::fs::remove_file(&out_path);
    let Ok(output) = output else {
        eprintln!("SKIPPED: python3 not available");
        return;
    };
    let res: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let speech = res["subsets"]["speech"]["e2e_f1"].as_f64().unwrap();
    let direct = res["subsets"]["direct"]["e2e_f1"].as_f64().unwrap();
    eprintln!("PolNeAR dev end-to-end F1: SPEECH {speech:.3}, DIRECT {direct:.3}");
    assert!(
        speech >= 0.65,
        "SPEECH e2e F1 {speech:.3} under the 0.65 bar"
    );
    assert!(
        direct >= 0.80,
        "DIRECT e2e F1 {direct:.3} under the 0.80 bar"
    );
}

#[test]
fn issue_5_example_page_quotes_snapshot() {
    insta::assert_json_snapshot!("issue_5_example_quotes", nutgraf::quotes(&example()));
}
