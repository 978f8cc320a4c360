//! One invented sentence (or short passage) per rule of the cue reader, each with the
//! quotes it must yield. Every name, place and statement here is made up.
use super::super::{quotes_in_text, Kind, Quote};

/// A quote a case must yield.
struct Expect<'a> {
    /// What was said, as `Quote::content` gives it.
    content: &'a str,
    /// The speaker the mention resolves to.
    speaker: Option<&'a str>,
    kind: Kind,
    cue: Option<&'a str>,
}

/// A quote with its speaker mention resolved to `speaker`.
const fn said<'a>(content: &'a str, speaker: &'a str, kind: Kind, cue: &'a str) -> Expect<'a> {
    Expect {
        content,
        speaker: Some(speaker),
        kind,
        cue: Some(cue),
    }
}

/// The quotes of `text` are exactly `expect`, in text order, with offsets that point
/// into the text.
fn check(text: &str, expect: &[Expect]) {
    let out = quotes_in_text(text);
    let got: Vec<(&str, Option<&str>, Kind, Option<&str>)> = out
        .iter()
        .map(|q| {
            (
                q.content.as_str(),
                q.speaker.as_deref(),
                q.kind,
                q.cue.as_deref(),
            )
        })
        .collect();
    let want: Vec<(&str, Option<&str>, Kind, Option<&str>)> = expect
        .iter()
        .map(|e| (e.content, e.speaker, e.kind, e.cue))
        .collect();
    assert_eq!(got, want, "in {text:?}");
    let chars: Vec<char> = text.chars().collect();
    for q in &out {
        offsets(&chars, q);
    }
}

fn offsets(chars: &[char], q: &Quote) {
    let text = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let parts: Vec<String> = q.content_spans.iter().map(|&[s, e]| text(s, e)).collect();
    assert_eq!(parts.join(" … "), q.content);
    if let (Some(s), Some(e), Some(m)) = (
        q.speaker_mention_start,
        q.speaker_mention_end,
        &q.speaker_mention,
    ) {
        assert_eq!(&text(s, e), m);
    }
}

// Frames in one sentence.

#[test]
fn cue_after_content() {
    check(
        "“The ferry will run again by June,” Mayor Ilse Varga said on Monday.",
        &[said(
            "The ferry will run again by June",
            "Ilse Varga",
            Kind::Direct,
            "said on Monday",
        )],
    );
}

#[test]
fn cue_before_content_with_that() {
    check(
        "Ilse Varga said that the ferry would run again by June.",
        &[said(
            "the ferry would run again by June",
            "Ilse Varga",
            Kind::Indirect,
            "said",
        )],
    );
}

#[test]
fn cue_before_content_without_that() {
    check(
        "Ilse Varga said the ferry would run again by June.",
        &[said(
            "the ferry would run again by June",
            "Ilse Varga",
            Kind::Indirect,
            "said",
        )],
    );
}

#[test]
fn bare_object_is_no_content() {
    // `announced` takes an object, not a bare clause (no `that`, colon or quotation).
    check(
        "The council announced the new ferry schedule on Monday.",
        &[],
    );
}

#[test]
fn weak_cue_needs_that() {
    // `added` is a cue with `that`, and a verb of counting without it.
    check(
        "Ilse Varga added that the ferry would run again by June.",
        &[said(
            "the ferry would run again by June",
            "Ilse Varga",
            Kind::Indirect,
            "added",
        )],
    );
    check("The harbor added 5,000 passengers in May.", &[]);
}

#[test]
fn passive_is_no_cue() {
    check("Ilse Varga was told the ferry would be late.", &[]);
}

#[test]
fn belief_only_with_a_quotation() {
    check("Ilse Varga thinks the ferry will run again by June.", &[]);
    check(
        "Ilse Varga thinks the ferry “will run again by June, no matter what it costs.”",
        &[said(
            "the ferry “will run again by June, no matter what it costs.",
            "Ilse Varga",
            Kind::Direct,
            "thinks",
        )],
    );
}

#[test]
fn tell_takes_a_listener() {
    check(
        "Ilse Varga told reporters that the ferry would run again by June.",
        &[said(
            "the ferry would run again by June",
            "Ilse Varga",
            Kind::Indirect,
            "told reporters",
        )],
    );
}

#[test]
fn pointed_out() {
    check(
        "Ilse Varga pointed out that the ferry had never missed a day.",
        &[said(
            "the ferry had never missed a day",
            "Ilse Varga",
            Kind::Indirect,
            "pointed out",
        )],
    );
}

#[test]
fn inverted_said_x() {
    check(
        "“We have the parts and the crews,” said Tomas Brell.",
        &[said(
            "We have the parts and the crews",
            "Tomas Brell",
            Kind::Direct,
            "said",
        )],
    );
}

#[test]
fn inverted_with_description() {
    let text = "“We have the parts and the crews,” said Tomas Brell, the port’s chief engineer.";
    check(
        text,
        &[said(
            "We have the parts and the crews",
            "Tomas Brell",
            Kind::Direct,
            "said",
        )],
    );
    let q = &quotes_in_text(text)[0];
    assert_eq!(
        q.speaker_description.as_deref(),
        Some("the port’s chief engineer")
    );
}

#[test]
fn appositive_before_the_verb() {
    let text = "“We have the parts and the crews,” Tomas Brell, the port’s chief engineer, said.";
    check(
        text,
        &[said(
            "We have the parts and the crews",
            "Tomas Brell",
            Kind::Direct,
            "said",
        )],
    );
    let q = &quotes_in_text(text)[0];
    assert_eq!(
        q.speaker_description.as_deref(),
        Some("the port’s chief engineer")
    );
}

#[test]
fn relative_who_stands_for_the_name() {
    let text = "Ilse Varga, who said last week that the ferry was safe, left the meeting early.";
    check(
        text,
        &[said(
            "the ferry was safe",
            "Ilse Varga",
            Kind::Indirect,
            "said last week",
        )],
    );
    assert_eq!(
        quotes_in_text(text)[0].speaker_mention.as_deref(),
        Some("who")
    );
}

#[test]
fn split_quote_around_the_cue() {
    check(
        "“The pier is safe,” Varga said, “but the ramp needs work before winter.”",
        &[said(
            "The pier is safe … but the ramp needs work before winter.",
            "Varga",
            Kind::Direct,
            "said",
        )],
    );
}

#[test]
fn cue_inside_the_content() {
    check(
        "The ferry, Ilse Varga said, will run again by June.",
        &[said(
            "The ferry … will run again by June",
            "Ilse Varga",
            Kind::Indirect,
            "said",
        )],
    );
}

#[test]
fn according_to_before() {
    check(
        "According to the Harbor Authority, the ferry will carry twice as many cars next year.",
        &[said(
            "the ferry will carry twice as many cars next year",
            "Harbor Authority",
            Kind::Indirect,
            "According to",
        )],
    );
}

#[test]
fn according_to_after() {
    check(
        "The ferry will carry twice as many cars next year, according to the Harbor Authority.",
        &[said(
            "The ferry will carry twice as many cars next year",
            "Harbor Authority",
            Kind::Indirect,
            "according to",
        )],
    );
}

#[test]
fn according_to_inside() {
    check(
        "The new pier is, according to Tomas Brell, the finest on the coast.",
        &[said(
            "The new pier is … the finest on the coast",
            "Tomas Brell",
            Kind::Indirect,
            "according to",
        )],
    );
}

#[test]
fn headline_colon() {
    check(
        "Varga: “We will rebuild the pier before the storms”",
        &[said(
            "We will rebuild the pier before the storms",
            "Varga",
            Kind::Direct,
            ":",
        )],
    );
}

#[test]
fn ing_cue_after_a_comma() {
    check(
        "Ilse Varga left the hearing early, saying the budget was a fiction from start to finish.",
        &[said(
            "the budget was a fiction from start to finish",
            "Ilse Varga",
            Kind::Indirect,
            "saying",
        )],
    );
}

#[test]
fn ing_cue_after_a_medium() {
    check(
        "The council issued a statement saying that the pier would close for three weeks.",
        &[said(
            "the pier would close for three weeks",
            "The council",
            Kind::Indirect,
            "saying",
        )],
    );
}

#[test]
fn conjoined_subject() {
    check(
        "Ilse Varga did not name anyone, but told reporters, “Someone misled this council for years.”",
        &[said(
            "Someone misled this council for years.",
            "Ilse Varga",
            Kind::Direct,
            "told reporters",
        )],
    );
}

#[test]
fn mixed_quote() {
    check(
        "Ilse Varga said the plan “is dead for now” and would return next year.",
        &[said(
            "the plan “is dead for now” and would return next year",
            "Ilse Varga",
            Kind::Mixed,
            "said",
        )],
    );
}

#[test]
fn verb_first() {
    check(
        "Said Varga, “Nobody on this council wanted the pier to close.”",
        &[said(
            "Nobody on this council wanted the pier to close.",
            "Varga",
            Kind::Direct,
            "Said",
        )],
    );
}

#[test]
fn quotation_after_the_cue_wins() {
    check(
        "When asked why, Varga said, “We had no other choice this year.”",
        &[said(
            "We had no other choice this year.",
            "Varga",
            Kind::Direct,
            "said",
        )],
    );
}

#[test]
fn pattern_cue_before_a_colon() {
    // `gloated` is in no word list: the colon and the quotation make it a cue.
    check(
        "Ilse Varga gloated: “We told them the pier would hold.”",
        &[said(
            "We told them the pier would hold.",
            "Ilse Varga",
            Kind::Direct,
            "gloated",
        )],
    );
}

#[test]
fn naming_verb_with_a_quoted_label() {
    check(
        "Ilse Varga called the plan “a costly fantasy from start to finish.”",
        &[said(
            "the plan “a costly fantasy from start to finish.",
            "Ilse Varga",
            Kind::Direct,
            "called",
        )],
    );
}

// Quotations without a cue of their own.

#[test]
fn possessive_owner() {
    check(
        "Critics mocked Varga's “pier of the future” remark for weeks.",
        &[Expect {
            content: "pier of the future",
            speaker: Some("Varga"),
            kind: Kind::Direct,
            cue: None,
        }],
    );
}

#[test]
fn unclaimed_quotation_goes_to_its_subject() {
    check(
        "Ilse Varga scrawled “this ferry belongs to the people of the island” on the schedule.",
        &[Expect {
            content: "this ferry belongs to the people of the island",
            speaker: Some("Ilse Varga"),
            kind: Kind::Direct,
            cue: None,
        }],
    );
}

#[test]
fn quotation_left_over_after_the_frame() {
    check(
        "“It is done,” Tomas Brell said in Port Ellery on Monday. “The pier is finished and it is ours.”",
        &[said(
            "It is done … The pier is finished and it is ours.",
            "Tomas Brell",
            Kind::Direct,
            "said in Port Ellery on Monday",
        )],
    );
}

// Across sentences and paragraphs.

#[test]
fn he_added_in_the_next_paragraph() {
    check(
        "Ilse Varga opened the meeting on Tuesday with a warning about the budget.\n\n\
         “We cannot pay for two ferries and a new pier,” she added.",
        &[said(
            "We cannot pay for two ferries and a new pier",
            "Ilse Varga",
            Kind::Direct,
            "added",
        )],
    );
}

#[test]
fn quotation_paragraph_goes_on_with_the_quote_before() {
    check(
        "“We will fight this to the end,” Ilse Varga said.\n\n\
         “Every family on the island depends on that boat.”",
        &[said(
            "We will fight this to the end … Every family on the island depends on that boat.",
            "Ilse Varga",
            Kind::Direct,
            "said",
        )],
    );
}

#[test]
fn quotation_running_over_paragraphs() {
    // An opening mark without a closing one runs on; each paragraph reopens it.
    check(
        "Ilse Varga said: “The first phase is done.\n\n\
         “The second phase starts in May.\n\n\
         “The third phase runs to the end of the year.”",
        &[said(
            "The first phase is done. … The second phase starts in May. … \
             The third phase runs to the end of the year.",
            "Ilse Varga",
            Kind::Direct,
            "said",
        )],
    );
}

#[test]
fn colon_frame_waits_for_the_next_paragraph() {
    check(
        "The council met on Tuesday, and Ilse Varga declared:\n\n\
         “The ferry stays, whatever the budget says about it.”",
        &[said(
            "The ferry stays, whatever the budget says about it.",
            "Ilse Varga",
            Kind::Direct,
            "declared",
        )],
    );
}

#[test]
fn transcript_lines() {
    check(
        "The council held a hearing on the ferry on Tuesday.\n\n\
         VARGA: Well, look, the ferry has not missed a day this year.\n\n\
         “And the pier will be ready by May, I promise you.",
        &[said(
            "Well, look, the ferry has not missed a day this year. … \
             And the pier will be ready by May, I promise you.",
            "VARGA",
            Kind::Direct,
            ":",
        )],
    );
}

#[test]
fn dash_line_under_a_quotation() {
    check(
        "“The ferry is the heart of this town and always will be.”\n\n— Ilse Varga",
        &[said(
            "The ferry is the heart of this town and always will be.",
            "Ilse Varga",
            Kind::Direct,
            "—",
        )],
    );
}

#[test]
fn dash_after_a_quotation_in_one_paragraph() {
    check(
        "“The ferry is the heart of this town and always will be.” ― Ilse Varga",
        &[said(
            "The ferry is the heart of this town and always will be.",
            "Ilse Varga",
            Kind::Direct,
            "—",
        )],
    );
}
