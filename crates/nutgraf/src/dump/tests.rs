#![allow(clippy::unwrap_used)]
//! Dumps we wrote ourselves (invented news) in different outlet styles, wrapped at 100
//! columns the way `w3m -dump` does (except `wet.txt`: unwrapped, CRLF).
use super::*;

/// What a dump must read as.
struct Expect<'a> {
    title: &'a str,
    authors: &'a [&'a str],
    outlet: Option<&'a str>,
    dateline: Option<(&'a str, Option<&'a str>)>,
    highlights: &'a [&'a str],
    tags: &'a [&'a str],
    credits: &'a [&'a str],
    paragraphs: usize,
    /// Chrome that must not survive in `text`.
    chrome: &'a [&'a str],
}

fn check(dump: &str, e: &Expect) {
    let a = read_dump(dump, Deadline::NONE).unwrap();
    assert_eq!(a.title.as_deref(), Some(e.title));
    assert_eq!(a.authors, e.authors);
    assert_eq!(a.outlet.as_deref(), e.outlet);
    let dl = a
        .dateline
        .as_ref()
        .map(|d| (d.place.as_str(), d.outlet.as_deref()));
    assert_eq!(dl, e.dateline);
    assert_eq!(a.highlights_given, e.highlights);
    assert_eq!(a.tags, e.tags);
    assert_eq!(a.credits, e.credits);
    assert_eq!(a.paragraphs.len(), e.paragraphs, "{:#?}", a.paragraphs);
    for c in e.chrome {
        assert!(!a.text.contains(c), "chrome {c:?} survived in {:?}", a.text);
    }
    for p in &a.paragraphs {
        assert!(!p.contains('\n'), "wrapped line not re-joined: {p:?}");
    }
}

const COMMON_CHROME: &[&str] = &["Skip to", "Share", "Subscribe", "©", "Sign In", "Menu"];

#[test]
fn cnn_style() {
    check(
        include_str!("../../tests/dumps/cnn.txt"),
        &Expect {
            title: "Storm closes mountain pass for third day",
            authors: &["Jane Roe", "Sam Poe"],
            outlet: Some("Example News"),
            dateline: Some(("DENVER", Some("Example News"))),
            highlights: &[
                "NEW: Officials say the pass may reopen Tuesday",
                "Two hikers rescued near the summit, rangers say",
                "Power restored to most of the valley",
            ],
            tags: &["Colorado", "Weather", "Avalanches"],
            credits: &["Example News's Sam Poe reported from Denver."],
            paragraphs: 4,
            chrome: &[
                "Click to play",
                "Snowplows stuck",
                "Flights resume",
                "Updated 6:12",
                "Terms of Use",
            ],
        },
    );
    check(include_str!("../../tests/dumps/cnn.txt"), &chrome_only());
}

fn chrome_only() -> Expect<'static> {
    Expect {
        title: "Storm closes mountain pass for third day",
        authors: &["Jane Roe", "Sam Poe"],
        outlet: Some("Example News"),
        dateline: Some(("DENVER", Some("Example News"))),
        highlights: &[
            "NEW: Officials say the pass may reopen Tuesday",
            "Two hikers rescued near the summit, rangers say",
            "Power restored to most of the valley",
        ],
        tags: &["Colorado", "Weather", "Avalanches"],
        credits: &["Example News's Sam Poe reported from Denver."],
        paragraphs: 4,
        chrome: COMMON_CHROME,
    }
}

#[test]
fn reuters_style() {
    check(
        include_str!("../../tests/dumps/reuters.txt"),
        &Expect {
            title: "Shares slide as bond yields jump on inflation worries",
            authors: &["Ana Costa", "Luis Ortega"],
            outlet: Some("Reuters"),
            dateline: Some(("LONDON", Some("Reuters"))),
            highlights: &[],
            tags: &[],
            credits: &["Reporting by Ana Costa and Luis Ortega; Editing by Tom Hale"],
            paragraphs: 4,
            chrome: &[
                "3 minute read",
                "Our Standards",
                "Oil steadies",
                "quotes delayed",
                "Register",
                "Sign In",
            ],
        },
    );
}

#[test]
fn ap_style() {
    check(
        include_str!("../../tests/dumps/ap.txt"),
        &Expect {
            title: "Senate passes stopgap bill hours before shutdown deadline",
            authors: &["LIAM FORD", "NORA BELL"],
            outlet: Some("AP"),
            dateline: Some(("WASHINGTON", Some("AP"))),
            highlights: &[],
            tags: &[],
            credits: &["Associated Press writer Ida Lund contributed to this report."],
            paragraphs: 5,
            chrome: &[
                "Click to copy",
                "Advertisement",
                "Published 11:47",
                "Copyright",
            ],
        },
    );
}

#[test]
fn bbc_style_without_dateline() {
    check(
        include_str!("../../tests/dumps/bbc.txt"),
        &Expect {
            title: "River levels fall after weekend of flooding in the valleys",
            authors: &["Clara Mills"],
            outlet: Some("BBC Wales"),
            dateline: None,
            highlights: &[],
            tags: &["Flooding", "Pontgarw"],
            credits: &[],
            paragraphs: 5,
            chrome: &[
                "Image caption",
                "Volunteers helped",
                "Accessibility Help",
                "5 March 2024",
                "Related Topics",
                "More on this story",
                "Why do some valleys",
            ],
        },
    );
}

#[test]
fn local_paper_staff_writer() {
    check(
        include_str!("../../tests/dumps/local.txt"),
        &Expect {
            title: "Town council votes to rebuild flood-damaged footbridge",
            authors: &["Dana Whitfield"],
            outlet: None,
            dateline: Some(("PELL CREEK, Colo.", None)),
            highlights: &[],
            tags: &["Pell Creek", "Town Council", "Flood Recovery"],
            credits: &["Contributing: Ana Ruiz in Boulder"],
            paragraphs: 5,
            chrome: &[
                "Staff writer",
                "Mar 4, 2024",
                "Tags:",
                "Most Popular",
                "High school team",
                "newsletter",
                "e-Edition",
            ],
        },
    );
}

#[test]
fn blog_with_comments() {
    check(
        include_str!("../../tests/dumps/blog.txt"),
        &Expect {
            title: "Why my tomatoes split after the rain, and what I do about it now",
            authors: &["Kim Lee"],
            outlet: Some("Garden Notes"),
            dateline: None,
            highlights: &[],
            tags: &["Gardening", "Tomatoes"],
            credits: &[],
            paragraphs: 4,
            chrome: &[
                "Posted on",
                "Filed under",
                "Comments",
                "Thank you for this",
                "Glad it helps",
                "Leave a Reply",
                "Search for",
            ],
        },
    );
}

#[test]
fn german_page() {
    check(
        include_str!("../../tests/dumps/german.txt"),
        &Expect {
            title: "Regierung beschließt neues Gesetz zum Mieterschutz",
            authors: &["Max Muster", "Erika Beispiel"],
            outlet: Some("Berliner Tagesblatt"),
            dateline: Some(("BERLIN", None)),
            highlights: &[],
            tags: &["Mieten", "Wohnen", "Bundesregierung"],
            credits: &[],
            paragraphs: 4,
            chrome: &[
                "Zum Inhalt",
                "Mehr zum Thema",
                "Wohnungsbau stockt",
                "Abonnieren",
                "Artikel teilen",
                "Impressum",
                "14:30 Uhr",
            ],
        },
    );
}

#[test]
fn chinese_page() {
    let dump = include_str!("../../tests/dumps/cjk.txt");
    check(
        dump,
        &Expect {
            title: "北京遭遇今年最强降雨 多条道路临时封闭",
            authors: &["王小明", "李华"],
            outlet: None,
            dateline: None,
            highlights: &[],
            tags: &["暴雨", "北京", "交通"],
            credits: &[],
            paragraphs: 3,
            chrome: &[
                "跳到主要内容",
                "分享到",
                "微信",
                "版权所有",
                "标签",
                "2024年7月31日",
            ],
        },
    );
    // CJK lines are re-joined without a space.
    let a = read_dump(dump, Deadline::NONE).unwrap();
    assert!(a.paragraphs[0].contains("出现积水"), "{}", a.paragraphs[0]);
    assert!(!a.text.contains(' '));
}

#[test]
fn french_page() {
    check(
        include_str!("../../tests/dumps/french.txt"),
        &Expect {
            title: "Grève des transports : le trafic reprend lentement dans la capitale",
            authors: &["Claire Dubois"],
            outlet: Some("Le Quotidien du Sud"),
            dateline: Some(("PARIS", Some("AFP"))),
            highlights: &[],
            tags: &["Transports", "Grève", "Paris"],
            credits: &[],
            paragraphs: 4,
            chrome: &[
                "Aller au contenu",
                "Publié le",
                "Partager",
                "Lire aussi",
                "S'abonner",
            ],
        },
    );
}

#[test]
fn magazine_feature() {
    let dump = include_str!("../../tests/dumps/magazine.txt");
    check(
        dump,
        &Expect {
            title: "The reef that learned to survive the heat",
            authors: &["Ines Okafor", "Tom Reyes"],
            outlet: None,
            dateline: None,
            highlights: &[],
            tags: &["Science", "Oceans", "Climate"],
            credits: &["Additional reporting by Lea Moss."],
            paragraphs: 6,
            chrome: &[
                "Photo:",
                "Kai Mendes",
                "Advertisement",
                "14 min read",
                "Newsletter",
                "You might also like",
                "kelp forests",
                "Scientists are studying",
            ],
        },
    );
    // The subheading stays in the body.
    let a = read_dump(dump, Deadline::NONE).unwrap();
    assert!(a.paragraphs.iter().any(|p| p == "What makes it different"));
}

#[test]
fn unwrapped_crlf_copy() {
    let dump = include_str!("../../tests/dumps/wet.txt");
    assert!(dump.contains("\r\n"));
    check(
        dump,
        &Expect {
            title: "City approves budget with new money for road repairs",
            authors: &["Owen Hart"],
            outlet: Some("The Valley Post"),
            dateline: Some(("SPRINGFIELD, Ill.", None)),
            highlights: &[],
            tags: &[],
            credits: &[],
            paragraphs: 5,
            chrome: &["Home News Sports", "Share this story", "Related:", "\r"],
        },
    );
}

#[test]
fn lynx_dump() {
    check(
        include_str!("../../tests/dumps/lynx.txt"),
        &Expect {
            title: "Ferry service to the islands will resume next week",
            authors: &["Rosa Lind"],
            outlet: Some("Harbor Gazette"),
            dateline: Some(("HALIFAX, Nova Scotia", None)),
            highlights: &[],
            tags: &[],
            credits: &[],
            paragraphs: 4,
            chrome: &["[1]", "Share on", "References", "https://", "Business"],
        },
    );
}

#[test]
fn first_sentence_starts_after_dateline() {
    let a = read_dump(include_str!("../../tests/dumps/ap.txt"), Deadline::NONE).unwrap();
    assert_eq!(a.sentences[0].start, "WASHINGTON (AP) — ".chars().count());
}

// Bad input: errors or sensible results, never a panic.

#[test]
fn empty_and_blank_input() {
    assert!(matches!(read_dump("", Deadline::NONE), Err(Error::Empty)));
    assert!(matches!(
        read_dump(" \n\r\n\x0c\t", Deadline::NONE),
        Err(Error::Empty)
    ));
}

#[test]
fn no_body_is_an_error() {
    let dump =
        "Skip to main content\nExample News\nHome\nSign In\n\nStorm closes pass\n\nBy Jane Roe\n";
    assert!(matches!(
        read_dump(dump, Deadline::NONE),
        Err(Error::NoArticle { .. })
    ));
}

#[test]
fn only_bullets_is_an_error() {
    let dump: String = (0..200)
        .map(|i| format!("  • Menu item number {i} with a few words in it\n"))
        .collect();
    assert!(matches!(
        read_dump(&dump, Deadline::NONE),
        Err(Error::NoArticle { .. })
    ));
}

#[test]
fn one_enormous_line() {
    let line = "The council met again on Monday to discuss the bridge. ".repeat(200_000);
    assert!(line.len() > 10_000_000);
    let a = read_dump(&line, Deadline::NONE).unwrap();
    assert_eq!(a.paragraphs.len(), 1);
    // No spaces or newlines at all: one 10 MB token, still no panic.
    let blob = "x".repeat(10_000_000);
    let _ = read_dump(&blob, Deadline::NONE);
}

#[test]
fn mixed_line_endings_and_form_feeds() {
    let p = |n: &str| {
        format!("The {n} storm is expected to move east by Monday night, forecasters said, and roads should reopen.")
    };
    let (p1, p2, p3) = (p("first"), p("second"), p("third"));
    let dump = format!("Storm closes pass\r\n\r\nBy Jane Roe\r{p1}\n\x0c{p2}\r\n\r{p3}\x0c");
    let a = read_dump(&dump, Deadline::NONE).unwrap();
    assert_eq!(a.paragraphs, vec![p1, p2, p3]);
    assert_eq!(a.title.as_deref(), Some("Storm closes pass"));
    assert_eq!(a.authors, vec!["Jane Roe"]);
    assert!(!a.text.contains(['\r', '\x0c']));
}

#[test]
fn binary_input_is_rejected() {
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    let opts = crate::Options {
        format: Some(crate::InputFormat::Dump),
        ..Default::default()
    };
    assert!(matches!(
        crate::read(&bytes, &opts),
        Err(Error::Binary { .. })
    ));
}

#[test]
fn control_characters_and_odd_bullets_do_not_panic() {
    for dump in [
        "•\n•\n  •\n",
        "\u{0}\u{1}\u{2} text\n",
        "  1.\n  2)\n",
        "By\n",
        "From\nJane Roe\n",
        "記者\n",
        "a\r\r\r\rb",
        "東\n京\n",
    ] {
        let _ = read_dump(dump, Deadline::NONE);
    }
}
