//! Integration tests of the nutgraf library through its public API: the output contract
//! on the built-in example page (snapshots) and invariants over generated input
//! (proptest). The evaluation bars on `../shared` are checked by the official scorers
//! behind `scripts/eval.sh --check`, which `.ci/run` runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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
    let a = read_str(input, &Options::new().format(InputFormat::Article)).unwrap();
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
    let _ = read_str(&page, &Options::new().format(InputFormat::Html));
}

#[test]
fn issue_2_page_without_article_is_an_error() {
    let page =
        r#"<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav></body></html>"#;
    let err = read_str(page, &Options::new().format(InputFormat::Html)).unwrap_err();
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
        if let Ok(a) = read_str(&page, &Options::new().format(InputFormat::Html)) {
            check_offsets(&a);
            prop_assert_eq!(a.text.clone(), a.paragraphs.join("\n\n"));
        }
        let plain = paras.join("\n\n");
        if let Ok(a) = read_str(&plain, &Options::new().format(InputFormat::Article)) {
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

// ---- issue 4: highlights ---------------------------------------------------------------

#[test]
fn issue_4_highlights_of_the_built_in_example() {
    let article = nutgraf::read(
        nutgraf::EXAMPLE_HTML.as_bytes(),
        &nutgraf::Options::default(),
    )
    .unwrap();
    let hl = nutgraf::highlights(&article, &nutgraf::Options::default()).unwrap();
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
    let article =
        read_str(text, &Options::new().format(InputFormat::Article)).expect("article text reads");
    nutgraf::quotes(&article)
}

#[test]
fn issue_5_quotes_snapshot() {
    let article = read_str(QUOTES_STORY, &Options::new().format(InputFormat::Article)).unwrap();
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
        let quotes = quotes_of(&text);
        check_quote_offsets(&text, &quotes);
    }
}

/// Pathological quotation marks read without a panic and with valid offsets. (How the
/// cost grows with the input is measured by `bench/sizes.sh`, not by a timed test.)
#[test]
fn issue_5_bad_input_reads() {
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
        let quotes = quotes_of(text);
        check_quote_offsets(text, &quotes);
    }
    assert!(quotes_of(&none).is_empty());
    assert_eq!(quotes_of(&giant).len(), 1);
}

#[test]
fn issue_5_example_page_quotes_snapshot() {
    insta::assert_json_snapshot!("issue_5_example_quotes", nutgraf::quotes(&example()));
}

#[test]
fn quote_kind_names_match_the_json_contract() {
    for kind in [
        nutgraf::QuoteKind::Direct,
        nutgraf::QuoteKind::Indirect,
        nutgraf::QuoteKind::Mixed,
    ] {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
}

// ---- issue 16: time limits -------------------------------------------------------------

/// An invented page of `n` paragraphs (one story paragraph repeated).
fn long_page(n: usize) -> String {
    let para = "<p>The council voted on Tuesday to close the old bridge for repairs, a \
                decision that officials said would add twenty minutes to the commute.</p>\n";
    format!(
        "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>\n{}</article></body></html>",
        para.repeat(n)
    )
}

#[test]
fn issue_16_a_passed_deadline_stops_read_highlights_and_digest() {
    let page = long_page(2_000);
    let past = std::time::Instant::now();
    let late = Options::new().deadline(past);
    assert!(matches!(
        read(page.as_bytes(), &late),
        Err(nutgraf::Error::TimedOut)
    ));
    assert!(matches!(
        read_str("Plain text.", &late.clone().format(InputFormat::Article)),
        Err(nutgraf::Error::TimedOut)
    ));
    let article = read(page.as_bytes(), &Options::new()).unwrap();
    assert!(matches!(
        nutgraf::highlights(&article, &late),
        Err(nutgraf::Error::TimedOut)
    ));
    assert!(matches!(
        nutgraf::digest(article, &late),
        Err(nutgraf::Error::TimedOut)
    ));
}

#[test]
fn issue_16_a_deadline_in_time_changes_nothing() {
    let page = long_page(50);
    let plenty = Options::new().timeout(std::time::Duration::from_secs(3600));
    let a = read(page.as_bytes(), &plenty).unwrap();
    let b = read(page.as_bytes(), &Options::new()).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        nutgraf::digest(a, &plenty).unwrap(),
        nutgraf::digest(b, &Options::new()).unwrap()
    );
}

#[test]
fn issue_16_html_parsed_in_chunks_is_the_page_parsed_whole() {
    // Longer than one parse chunk, with a multi-byte character and a tag across the
    // 256 KB boundaries somewhere.
    let page = long_page(5_000).replace("commute", "commute – “détour”");
    assert!(page.len() > 2 * 256 * 1024);
    let a = read(page.as_bytes(), &Options::new()).unwrap();
    assert_eq!(a.paragraphs.len(), 5_000);
    assert!(a
        .paragraphs
        .iter()
        .all(|p| p.ends_with("commute – “détour”.")));
}
