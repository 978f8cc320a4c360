#![allow(clippy::unwrap_used)]
//! Tests of the highlights: spans of the text, budgets, order, trims, edge cases.

use super::trim::trim_span;
use super::units::{is_stopword, SPLIT_ABOVE_WORDS, STOPWORDS};
use super::*;
use crate::{read_str, InputFormat, Options};
use proptest::prelude::*;

fn plain(text: &str) -> Article {
    read_str(text, &Options::new().format(InputFormat::Article)).unwrap()
}

fn slice(a: &Article, h: &Highlight) -> String {
    a.text.chars().skip(h.start).take(h.end - h.start).collect()
}

const STORY: &str =
    "The city council of Marlow voted 7-2 on Monday to close the Elm Street library, \
ending a year of protests by parents and teachers. \
The library, opened in 1911, drew 40,000 visitors last year. \
Council member Rosa Delgado said the budget left no choice. \
\"We cannot keep every door open,\" she said. \
Parents plan to appeal the vote at the county board next month. \
Why would a city close its oldest library? \
The branch's books will move to the new central library on Harbor Road. \
A group of teachers has offered to run a reading room in the old building.";

#[test]
fn stopwords_are_sorted() {
    // binary_search in is_stopword needs this.
    assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    let words = [
        "a",
        "according",
        "said",
        "the",
        "told",
        "year",
        "years",
        "you",
        "yours",
    ];
    for w in words {
        assert!(is_stopword(w), "{w}");
    }
    assert!(!is_stopword("library"));
}

#[test]
fn default_is_three_sentences_of_the_text() {
    let a = plain(STORY);
    let hl = highlights(&a, &HighlightOptions::default());
    assert_eq!(hl.len(), 3);
    for h in &hl {
        assert_eq!(slice(&a, h), h.text);
    }
    assert!(hl.windows(2).all(|w| w[0].start < w[1].start));
}

#[test]
fn order_by_score() {
    let a = plain(STORY);
    let opts = HighlightOptions {
        order: Order::Score,
        ..HighlightOptions::default()
    };
    let hl = highlights(&a, &opts);
    assert_eq!(hl.len(), 3);
    assert!(hl.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn budgets_are_never_exceeded() {
    let a = plain(STORY);
    for budget in [0, 10, 20, 30, 45, 80, 500] {
        let opts = HighlightOptions {
            sentences: Some(5),
            words: Some(budget),
            ..HighlightOptions::default()
        };
        let hl = highlights(&a, &opts);
        let used: usize = hl.iter().map(|h| h.text.split_whitespace().count()).sum();
        assert!(used <= budget, "{used} > {budget}");
        let opts = HighlightOptions {
            sentences: Some(5),
            chars: Some(budget * 5),
            ..HighlightOptions::default()
        };
        let hl = highlights(&a, &opts);
        let used: usize = hl.iter().map(|h| h.text.chars().count()).sum();
        assert!(used <= budget * 5, "{used} > {}", budget * 5);
    }
}

#[test]
fn issue_4_given_highlights_are_not_copied() {
    let mut a = plain(STORY);
    let first = highlights(&a, &HighlightOptions::default());
    a.highlights_given = vec![first[0].text.to_uppercase()];
    let again = highlights(&a, &HighlightOptions::default());
    assert!(again.iter().all(|h| h.start != first[0].start));
}

#[test]
fn issue_4_zero_one_two_sentences() {
    assert!(highlights(&Article::default(), &HighlightOptions::default()).is_empty());
    let one = plain("A bridge opened.");
    assert_eq!(highlights(&one, &HighlightOptions::default()).len(), 1);
    let two = plain("A bridge opened on Friday in Lenton. Cars crossed it all weekend.");
    let hl = highlights(&two, &HighlightOptions::default());
    assert_eq!(hl.len(), 2);
    let none = HighlightOptions {
        sentences: Some(0),
        ..HighlightOptions::default()
    };
    assert!(highlights(&two, &none).is_empty());
}

#[test]
fn issue_4_fragments_are_not_highlights() {
    // "But" and "Watch." are units of their own; with enough full sentences they are
    // never chosen, whatever the model thinks of their position.
    let text = "Rain closed the harbour road in Penmoor on Friday morning. But. \
Watch. Fishing boats stayed tied up for a second day. The council said the road would \
open again by Sunday night. Shops on the quay closed early as the water rose.";
    let a = plain(text);
    let hl = highlights(&a, &HighlightOptions::default());
    assert_eq!(hl.len(), 3);
    for h in &hl {
        assert!(h.text.split_whitespace().count() >= 4, "{:?}", h.text);
    }
    // With too few full sentences, short ones still fill the count.
    let short = plain("Rain fell. Roads closed. Boats stayed in the harbour all day.");
    assert_eq!(highlights(&short, &HighlightOptions::default()).len(), 3);
}

#[test]
fn issue_4_one_huge_sentence_is_not_a_highlight() {
    let text = "word ".repeat(50_000);
    let a = plain(text.trim());
    let hl = highlights(&a, &HighlightOptions::default());
    assert!(hl.is_empty());
}

#[test]
fn issue_4_lowercase_text_is_cut_into_sentences() {
    let text = STORY.to_lowercase();
    let a = plain(&text);
    let hl = highlights(&a, &HighlightOptions::default());
    assert_eq!(hl.len(), 3);
    for h in &hl {
        assert_eq!(slice(&a, h), h.text);
        assert!(
            h.text.split_whitespace().count() <= SPLIT_ABOVE_WORDS,
            "{}",
            h.text
        );
    }
}

#[test]
fn issue_4_all_caps_text() {
    let text = STORY.to_uppercase();
    let a = plain(&text);
    let hl = highlights(&a, &HighlightOptions::default());
    assert_eq!(hl.len(), 3);
    for h in &hl {
        assert_eq!(slice(&a, h), h.text);
    }
}

#[test]
fn issue_4_trims_keep_one_span() {
    let all = TRIM_DATELINE | TRIM_PAREN | TRIM_ATTRIBUTION;
    let cases = [
        (
            "LONDON, England (CNN) -- The bridge over the Thames was closed on Monday.",
            "The bridge over the Thames was closed on Monday.",
        ),
        (
            "Washington (CNN)Nearly 60 senators signed the letter on Friday.",
            "Nearly 60 senators signed the letter on Friday.",
        ),
        (
            "The filmmaker created an amazing video of the sun (pictured).",
            "The filmmaker created an amazing video of the sun",
        ),
        (
            "The airport will stay closed until Friday, police said.",
            "The airport will stay closed until Friday",
        ),
        (
            "'We cannot keep every door open at the library,' she said.",
            "'We cannot keep every door open at the library,'",
        ),
        (
            "Two men were arrested at the scene, according to police.",
            "Two men were arrested at the scene",
        ),
        // Too little would remain, or the tail is not an attribution.
        ("It closed, police said.", "It closed, police said."),
        (
            "The vote passed, ending a year of protests.",
            "The vote passed, ending a year of protests.",
        ),
    ];
    for (text, want) in cases {
        let (s, e) = trim_span(text, all);
        assert_eq!(&text[s..e], want);
        assert_eq!(trim_span(text, 0), (0, text.len()));
    }
    let a = plain(
        "NEW YORK (CNN) -- The city council of Marlow voted to close the library, officials said. \
The library drew 40,000 visitors. Parents plan to appeal the vote next month.",
    );
    for h in highlights(&a, &HighlightOptions::default()) {
        assert_eq!(slice(&a, &h), h.text);
        assert!(!h.text.contains("CNN") && !h.text.contains("officials said"));
    }
}

#[test]
fn lead_is_the_first_units() {
    let a = plain(STORY);
    let l = lead(&a, 2);
    assert_eq!(l.len(), 2);
    assert_eq!(l[0].start, a.sentences[0].start);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn highlights_are_spans_of_the_text(
        text in "([A-Za-zé\"'0-9]{1,9}[ .,;!?\n]{1,3}){0,80}",
        n in 0usize..6,
        words in proptest::option::of(0usize..60),
        chars in proptest::option::of(0usize..300),
    ) {
        let a = plain(&text);
        let opts = HighlightOptions { sentences: Some(n), words, chars, order: Order::Article };
        let hl = highlights(&a, &opts);
        prop_assert!(hl.len() <= n);
        let mut used_w = 0;
        let mut used_c = 0;
        for h in &hl {
            prop_assert_eq!(slice(&a, h), h.text.clone());
            prop_assert!(h.score.is_finite());
            used_w += h.text.split_whitespace().count();
            used_c += h.text.chars().count();
        }
        if let Some(w) = words { prop_assert!(used_w <= w); }
        if let Some(c) = chars { prop_assert!(used_c <= c); }
        prop_assert!(hl.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
