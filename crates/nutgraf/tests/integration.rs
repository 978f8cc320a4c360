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
        let _ = read(&bytes, &Options { format: Some(InputFormat::Html), ..Options::default() });
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
        let opts = Options {
            format: Some(InputFormat::Html),
            ..Options::default()
        };
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
    let hl = nutgraf::highlights(&article, &nutgraf::HighlightOptions::default());
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
