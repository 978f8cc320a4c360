//! Unit tests of the quote finder. Every text here is invented for the tests.
use super::*;

fn q(text: &str) -> Vec<Quote> {
    quotes_in_text(text)
}

/// The one quote of `text`, checked for consistent offsets.
fn one(text: &str) -> Quote {
    let out = q(text);
    assert_eq!(out.len(), 1, "expected one quote in {text:?}, got {out:#?}");
    let quote = out.into_iter().next().unwrap();
    check(text, &quote);
    quote
}

/// Offsets point into the text, spans are ordered, the mention is what the text says.
fn check(text: &str, quote: &Quote) {
    let chars: Vec<char> = text.chars().collect();
    check_chars(&chars, quote);
}

fn check_chars(chars: &[char], quote: &Quote) {
    let n = chars.len();
    let mut last = 0;
    for [s, e] in &quote.content_spans {
        assert!(s < e && *e <= n && *s >= last, "bad span {s}..{e} of {n}");
        last = *e;
    }
    assert_eq!(quote.content_start, quote.content_spans[0][0]);
    assert_eq!(quote.content_end, quote.content_spans.last().unwrap()[1]);
    if let (Some(s), Some(e), Some(m)) = (
        quote.speaker_mention_start,
        quote.speaker_mention_end,
        &quote.speaker_mention,
    ) {
        assert!(s < e && e <= n);
        assert_eq!(&chars[s..e].iter().collect::<String>(), m);
    }
}

#[test]
fn said_after_direct_quote() {
    let out = one("“We will reopen the bridge by May,” Mayor Lena Ostrow said on Tuesday.");
    assert_eq!(out.content, "We will reopen the bridge by May");
    assert_eq!(out.speaker.as_deref(), Some("Lena Ostrow"));
    assert_eq!(out.speaker_mention.as_deref(), Some("Mayor Lena Ostrow"));
    assert_eq!(out.cue.as_deref(), Some("said on Tuesday"));
    assert_eq!(out.kind, Kind::Direct);
}

#[test]
fn issue_5_every_mark_style() {
    for (text, content) in [
        (
            r#""The ferry is late again," Pia Norr said."#,
            "The ferry is late again",
        ),
        (
            "“The ferry is late again,” Pia Norr said.",
            "The ferry is late again",
        ),
        (
            "‘The ferry is late again,’ Pia Norr said.",
            "The ferry is late again",
        ),
        (
            "«The ferry is late again», Pia Norr said.",
            "The ferry is late again",
        ),
        (
            "„The ferry is late again“, Pia Norr said.",
            "The ferry is late again",
        ),
        (
            "''The ferry is late again,'' Pia Norr said.",
            "The ferry is late again",
        ),
        (
            "'The ferry is late again,' Pia Norr said.",
            "The ferry is late again",
        ),
    ] {
        let out = one(text);
        assert_eq!(out.content, content, "{text}");
        assert_eq!(out.speaker.as_deref(), Some("Pia Norr"), "{text}");
        assert_eq!(out.kind, Kind::Direct, "{text}");
    }
}

#[test]
fn issue_5_apostrophes_are_not_quote_marks() {
    let text = "Pia Norr said she doesn't miss the '90s, when the Joneses' ferry ran twice a day.";
    let out = one(text);
    assert_eq!(
        out.content,
        "she doesn't miss the '90s, when the Joneses' ferry ran twice a day"
    );
    assert_eq!(out.kind, Kind::Indirect);
    let curly = "Pia Norr said she doesn’t miss the ’90s at Jones’ dock.";
    assert_eq!(one(curly).kind, Kind::Indirect);
}

#[test]
fn issue_5_unbalanced_marks_resynchronize_per_paragraph() {
    let text = "The 12\" pipes burst, the report said.\n\n\
                \"We had no warning,\" Ivo Santer said.\n\n\
                \"It was a mess,\" he added.";
    let out = q(text);
    let contents: Vec<&str> = out.iter().map(|x| x.content.as_str()).collect();
    assert!(contents.contains(&"We had no warning"), "{contents:?}");
    assert!(contents.contains(&"It was a mess"), "{contents:?}");
    for x in &out {
        check(text, x);
    }
}

#[test]
fn issue_5_quote_over_several_paragraphs() {
    let text = "Ivo Santer, the harbor master, said: “We lost two boats in the night.\n\n\
                “By morning the pier itself was gone.”\n\nThe storm moved north.";
    let out = one(text);
    assert_eq!(out.content_spans.len(), 2);
    assert_eq!(out.kind, Kind::Direct);
    assert_eq!(out.speaker.as_deref(), Some("Ivo Santer"));
    assert!(out
        .content
        .ends_with("By morning the pier itself was gone."));
}

#[test]
fn issue_5_split_quote_is_one_quote_with_two_spans() {
    let text = "“The tide was high,” Ivo Santer said, “and the wind was worse.”";
    let out = one(text);
    assert_eq!(out.content_spans.len(), 2);
    assert_eq!(out.content, "The tide was high … and the wind was worse.");
}

#[test]
fn issue_5_speaker_before_and_after() {
    let before = one("Ivo Santer said: “The pier is closed until spring.”");
    assert_eq!(before.speaker.as_deref(), Some("Ivo Santer"));
    assert_eq!(before.content, "The pier is closed until spring.");
    let after = one("“The pier is closed until spring,” Ivo Santer told reporters.");
    assert_eq!(after.speaker.as_deref(), Some("Ivo Santer"));
    assert_eq!(after.cue.as_deref(), Some("told reporters"));
}

#[test]
fn issue_5_inverted_said_x() {
    let out = one("“The pier is closed until spring,” said Ivo Santer, the harbor master.");
    assert_eq!(out.speaker_mention.as_deref(), Some("Ivo Santer"));
    assert_eq!(
        out.speaker_description.as_deref(),
        Some("the harbor master")
    );
}

#[test]
fn issue_5_appositive() {
    let out = one(
        "Mara Veld, the acting deputy spokeswoman for the port authority, said the pier would reopen in March.",
    );
    assert_eq!(out.speaker.as_deref(), Some("Mara Veld"));
    assert_eq!(
        out.speaker_description.as_deref(),
        Some("the acting deputy spokeswoman for the port authority")
    );
    assert_eq!(out.content, "the pier would reopen in March");
}

#[test]
fn issue_5_he_added_after_paragraph_break() {
    let text = "Teodor Lisk, the fleet's owner, said the repairs would take weeks.\n\n\
                “We will be back,” he added.";
    let out = q(text);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(out[1].speaker_mention.as_deref(), Some("he"));
    assert_eq!(out[1].speaker.as_deref(), Some("Teodor Lisk"));
    assert_eq!(
        out[1].speaker_description.as_deref(),
        Some("the fleet's owner")
    );
}

#[test]
fn issue_5_headline_style() {
    let out = one("Santer: 'We will win'");
    assert_eq!(out.speaker_mention.as_deref(), Some("Santer"));
    assert_eq!(out.cue.as_deref(), Some(":"));
    assert_eq!(out.content, "We will win");
}

#[test]
fn issue_5_indirect_with_and_without_that() {
    let with = one("The harbor master said that the pier would stay shut.");
    assert_eq!(with.content, "the pier would stay shut");
    assert_eq!(with.kind, Kind::Indirect);
    let without = one("Officials say the pier will stay shut through the winter.");
    assert_eq!(
        without.content,
        "the pier will stay shut through the winter"
    );
    assert_eq!(without.speaker_mention.as_deref(), Some("Officials"));
    let after = one("The pier will stay shut through the winter, officials said.");
    assert_eq!(after.content, "The pier will stay shut through the winter");
    let according = one("According to the port authority, the pier will stay shut.");
    assert_eq!(according.content, "the pier will stay shut");
    assert_eq!(according.cue.as_deref(), Some("According to"));
}

#[test]
fn issue_5_mixed_quote() {
    let out = one("Ivo Santer said the port was “deeply troubled” by the delay.");
    assert_eq!(out.kind, Kind::Mixed);
    assert_eq!(out.content, "the port was “deeply troubled” by the delay");
}

#[test]
fn issue_5_short_names_and_pronouns_resolve_to_the_fullest_name() {
    let text = "Sen. Ada Quill of Vermont opened the hearing with her notes.\n\n\
                Mr. Bo Rennick, the committee counsel, arrived late.\n\n\
                “We have the votes,” Quill said.\n\n\
                “We will see,” he said.\n\n\
                She said the bill would pass.";
    let out = q(text);
    assert_eq!(out.len(), 3, "{out:#?}");
    assert_eq!(out[0].speaker.as_deref(), Some("Ada Quill"));
    assert_eq!(out[1].speaker.as_deref(), Some("Bo Rennick"));
    assert_eq!(out[2].speaker.as_deref(), Some("Ada Quill"));
}

#[test]
fn issue_5_gender_from_pronoun_agreement() {
    // No titles: the genders come from the pronouns used of each person.
    let text = "Lior Mendt ran the port for a decade before she retired.\n\n\
                Kai Brandvold took over, and his first act was to close the pier.\n\n\
                She said the closing was a mistake.";
    let out = q(text);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert_eq!(out[0].speaker.as_deref(), Some("Lior Mendt"));
}

#[test]
fn issue_5_saying_and_adding() {
    let text = "The mayor defended the plan on Monday, saying the pier was unsafe.";
    let out = one(text);
    assert_eq!(out.content, "the pier was unsafe");
    assert_eq!(out.speaker_mention.as_deref(), Some("The mayor"));
}

#[test]
fn issue_5_no_quotes_no_output() {
    assert!(q("The pier closed on Monday. Boats moved to the north dock.").is_empty());
    assert!(q("").is_empty());
    assert!(q("\n\n\n").is_empty());
}

#[test]
fn issue_5_one_giant_quote() {
    let body = "We will rebuild the pier and the dock and the road. ".repeat(5000);
    let text = format!("Ivo Santer said: “{body}”");
    let started = std::time::Instant::now();
    let out = q(&text);
    assert!(started.elapsed().as_secs() < 5);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].kind, Kind::Direct);
    // And without a closing mark or a speaker.
    let open = format!("“{body}");
    let out = q(&open);
    assert!(out.len() <= 1);
}

#[test]
fn issue_5_ten_thousand_marks() {
    let started = std::time::Instant::now();
    for text in [
        "\"".repeat(10_000),
        "“".repeat(10_000),
        "” said he, “".repeat(10_000),
        "'' a ''".repeat(10_000),
        "« ‘ „ ' ".repeat(10_000),
        "\"a\" said b, ".repeat(10_000),
    ] {
        let chars: Vec<char> = text.chars().collect();
        for x in &q(&text) {
            check_chars(&chars, x);
        }
    }
    assert!(
        started.elapsed().as_secs() < 10,
        "too slow: {:?}",
        started.elapsed()
    );
}

#[test]
fn issue_5_unpaired_marks_everywhere() {
    let para = "He said \"the pier is shut. She said “no, it's open. ‘They said ' maybe » .";
    let text = vec![para; 2000].join("\n\n");
    let started = std::time::Instant::now();
    let out = q(&text);
    assert!(started.elapsed().as_secs() < 5);
    let chars: Vec<char> = text.chars().collect();
    for x in &out {
        check_chars(&chars, x);
    }
}

#[test]
fn issue_5_role_nouns_resolve_to_the_titled_person() {
    let text = "Mayor Lena Ostrow opened the bridge.\n\nThe mayor said the toll would stay at two dollars.";
    let out = one(text);
    assert_eq!(out.speaker_mention.as_deref(), Some("The mayor"));
    assert_eq!(out.speaker.as_deref(), Some("Lena Ostrow"));
}

#[test]
fn issue_5_dash_attribution_in_the_same_paragraph() {
    // Readers' letters: each quotation followed by `― Name` on its own line.
    let text = "Readers wrote in after the council vote on the Harbour Road bridge.\n\
“The bridge saved my commute, and I would vote for it again.” ― Talia Brenner\n\
“Nobody asked the people on the east bank.”― Omar Vettel.\n\
“It cost too much.” — Ines Marlow";
    let out = q(text);
    assert_eq!(out.len(), 3, "{out:#?}");
    let speakers: Vec<_> = out.iter().map(|x| x.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Talia Brenner"),
            Some("Omar Vettel"),
            Some("Ines Marlow")
        ]
    );
    for quote in &out {
        check(text, quote);
        assert_eq!(quote.kind, Kind::Direct);
        assert!(!quote.content.contains('―') && !quote.content.contains('—'));
    }
    assert!(
        out[1].content.starts_with("Nobody asked"),
        "{:?}",
        out[1].content
    );
}

#[test]
fn issue_5_transcript_lines() {
    let text = "The mayor spoke to the radio host on Sunday. A partial transcript follows.\n\
\"HOLLIS: Will the ferry run again before the winter storms?\n\
\"MAYOR DUARTE: We expect the ferry back on the water by the first of November.\n\
\"The engineers have finished the hull, and the crew is training now.\n\
\"(CROSSTALK.)\n\
\"HOLLIS: Thank you, Mayor.\n\
The interview ran for twelve minutes.";
    let out = q(text);
    assert_eq!(out.len(), 3, "{out:#?}");
    for quote in &out {
        check(text, quote);
        assert_eq!(quote.kind, Kind::Direct);
        assert_eq!(quote.cue.as_deref(), Some(":"));
    }
    assert_eq!(out[0].speaker_mention.as_deref(), Some("HOLLIS"));
    assert_eq!(out[1].speaker_mention.as_deref(), Some("MAYOR DUARTE"));
    // The quoted paragraph after a line carries it on; the stage direction does not.
    assert_eq!(out[1].content_spans.len(), 2);
    assert!(out[1]
        .content
        .contains("The engineers have finished the hull"));
    assert!(!out.iter().any(|x| x.content.contains("CROSSTALK")));
    assert!(out[2].content.starts_with("Thank you, Mayor."));
}

#[test]
fn issue_5_capital_labels_that_are_not_speakers() {
    // A dateline in the first paragraph and a label are not transcript lines.
    let text = "NEW DELHI: The city opened four new metro stations on Monday, officials said.\n\
UPDATE: The stations will open an hour later on Sundays.\n\
Riders crowded the platforms all morning.";
    let out = q(text);
    assert!(
        out.iter()
            .all(|x| x.speaker_mention.as_deref() != Some("NEW DELHI")
                && x.speaker_mention.as_deref() != Some("UPDATE")),
        "{out:#?}"
    );
}
