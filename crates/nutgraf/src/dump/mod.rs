//! Text dumps (`w3m -dump`, `lynx -dump`, select-all-copy, crawl text): lines →
//! logical lines (wrapping undone) → the article's typed blocks, plus what the byline
//! says; then the shared [`crate::article::assemble`] step, as for HTML.
pub mod classify;
pub mod lines;

use crate::article::{self, PageInfo};
use crate::blocks::{Block, BlockKind};
use crate::deadline::Deadline;
use crate::{Article, Error};
use classify::{ends_sentence, is_headline_like};
use lines::Line;

/// Reads a text dump of a news page into an [`Article`].
pub fn read_dump(text: &str, deadline: Deadline) -> Result<Article, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let lines = lines::logical_lines(text);
    deadline.check()?;
    let (blocks, info) = dump_blocks(&lines);
    deadline.check()?;
    let article = article::assemble(&blocks, info);
    deadline.check()?;
    if article.paragraphs.is_empty() {
        return Err(Error::NoArticle {
            reason: format!(
                "{} lines in the text, none looked like article paragraphs",
                lines.len()
            ),
        });
    }
    let mut article = article;
    if article.outlet.is_none() {
        article.outlet = article.dateline.as_ref().and_then(|d| d.outlet.clone());
    }
    Ok(article)
}

/// A logical line with what its text alone says about it.
#[derive(Debug)]
struct Info<'a> {
    line: &'a Line,
    weight: usize,
    chrome: bool,
    /// Running text: long enough and sentence-like.
    good: bool,
    /// How strongly it ends the article before it.
    barrier: i64,
    /// A date or time stamp.
    dateish: bool,
}

fn describe<'a>(line: &'a Line, buf: &mut String) -> Info<'a> {
    let classify::Features {
        weight,
        chrome,
        barrier,
        dateish,
    } = classify::features_with(&line.text, buf);
    let good =
        !chrome && !line.bullet && (weight >= 20 || weight >= 10 && ends_sentence(&line.text));
    Info {
        line,
        weight,
        chrome,
        good,
        barrier,
        dateish,
    }
}

/// The stretch of lines with the most running text, where lines that are not running
/// text count against it (lists of links most).
fn main_span(infos: &[Info]) -> Option<(usize, usize)> {
    // A comments section closes the article: nothing after it is a candidate.
    let mut seen = 0;
    let mut cut = infos.len();
    for (i, info) in infos.iter().enumerate() {
        if info.good {
            seen += info.weight;
        } else if seen >= 60 && !info.line.bullet && info.barrier >= 1000 {
            cut = i;
            break;
        }
    }
    let infos = &infos[..cut];
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut start = 0usize;
    for (i, info) in infos.iter().enumerate() {
        let barrier = info.barrier;
        let score = if info.good {
            info.weight as i64
        } else if barrier > 0 {
            -barrier
        } else if info.dateish {
            -12
        } else if info.weight <= 10
            && ["says:", "said:", "wrote:", "says", "said"]
                .iter()
                .any(|w| info.line.text.ends_with(w))
        {
            -30
        } else if info.chrome {
            -8
        } else if info.line.bullet {
            -4 - (info.weight as i64).min(10) / 2
        } else {
            -2 - (info.weight as i64).min(12) / 3
        };
        if sum <= 0 {
            if score <= 0 {
                continue;
            }
            sum = 0;
            start = i;
        }
        sum += score;
        if info.good && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// Words that open a byline ("By", "From", and their kin in other languages).
fn byline_prefix(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "By ",
        "BY ",
        "From ",
        "Von ",
        "VON ",
        "Par ",
        "Por ",
        "Door ",
        "Av ",
        "Di ",
        "Text: ",
        "Autor: ",
        "Autorin: ",
        "Author: ",
        "文/",
        "記者",
        "记者",
        "文／",
    ];
    PREFIXES.iter().any(|p| text.starts_with(p))
}

/// Whether a line is a byline, and if so the authors and outlet it names.
fn as_byline(text: &str, weight: usize) -> Option<(Vec<String>, Option<String>)> {
    if weight == 0 || weight > 14 || ends_sentence(text) && !text.ends_with("Ltd.") {
        return None;
    }
    let has_prefix = byline_prefix(text);
    let has_bar = text.contains(" | ");
    if !has_prefix && !has_bar {
        return None;
    }
    let (authors, outlet) = article::parse_byline(text);
    if authors.is_empty() {
        return None;
    }
    if !has_prefix {
        // "A and B | Outlet": every part before the bar must be a name.
        let before = text.split(" | ").next().unwrap_or("");
        let names = before
            .split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .filter(|p| !p.trim().is_empty())
            .count();
        if names != authors.len() {
            return None;
        }
    }
    Some((authors, outlet))
}

/// Labels that announce a list of topic tags.
fn tags_label(text: &str) -> bool {
    let l = text.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        l.as_str(),
        "tags"
            | "topics"
            | "related topics"
            | "more on"
            | "more on these topics"
            | "filed under"
            | "tagged"
            | "themen"
            | "schlagwörter"
            | "mots-clés"
            | "sujets"
            | "temas"
            | "etiquetas"
            | "标签"
            | "タグ"
            | "关键词"
            | "关键字"
    )
}

/// Splits an inline tag line ("Tags: Colorado, Weather").
fn inline_tags(text: &str) -> Option<Vec<String>> {
    let (label, rest) = text.split_once([':', '：'])?;
    if !tags_label(label) {
        return None;
    }
    let tags: Vec<String> = rest
        .split([',', '·', '|', '、', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    (!tags.is_empty()).then_some(tags)
}

fn block(kind: BlockKind, text: &str) -> Block {
    Block {
        kind,
        text: text.to_string(),
    }
}

/// The dump's typed blocks and what its byline says, in named steps: the story's
/// stretch, the byline, the title, the page's own highlights, the body, and what
/// follows it (credits, topic tags).
fn dump_blocks(lines: &[Line]) -> (Vec<Block>, PageInfo) {
    let mut buf = String::new();
    let infos: Vec<Info> = lines.iter().map(|l| describe(l, &mut buf)).collect();
    let mut info = PageInfo::default();
    let mut blocks = Vec::new();
    let Some((mut start, end)) = main_span(&infos) else {
        return (blocks, info);
    };
    let end = extend_with_closing_sentences(&infos, end);
    let byline_at = find_byline(&infos, start, end, &mut info);
    if let Some(b) = byline_at {
        outlet_below_byline(&infos, b, &mut info);
        if b >= start {
            match (b + 1..=end).find(|&i| infos[i].good) {
                Some(s) => start = s,
                None => return (blocks, info),
            }
        }
    }
    let title_at = find_title(&infos, byline_at, start);
    if let Some(t) = title_at {
        blocks.push(block(BlockKind::Title, &infos[t].line.text));
    }
    given_highlights(&infos, byline_at, title_at, start, &mut blocks);
    body(&infos, start, end, &mut blocks);
    after_body(&infos, end, &mut blocks);
    (blocks, info)
}

/// Lines above the story where its byline is looked for.
const BYLINE_LOOKBACK_LINES: usize = 30;
/// Lines into the story where a byline may still open it.
const BYLINE_LOOKAHEAD_LINES: usize = 4;
/// Lines above the byline (or the story) where its title is looked for.
const TITLE_LOOKBACK_LINES: usize = 25;
/// Lines above the story where the page's own highlights are looked for when there is
/// no title or byline to start from.
const HIGHLIGHTS_LOOKBACK_LINES: usize = 12;
/// Lines after the story where credits and topic tags are looked for.
const TAGS_LOOKAHEAD_LINES: usize = 8;
/// A bullet list after the story longer than this is not a list of topic tags.
const MAX_TAGS: usize = 15;

/// Short closing sentences after the last long paragraph ("The budget takes effect on
/// July 1.") still belong to the story: returns the stretch's new last line.
fn extend_with_closing_sentences(infos: &[Info], mut end: usize) -> usize {
    while let Some(next) = infos.get(end + 1) {
        let t = next.line.text.as_str();
        if next.line.bullet
            || next.chrome
            || next.dateish
            || next.barrier > 0
            || next.weight < 3
            || !ends_sentence(t)
            || t.ends_with(':')
            || article::is_credit_line(t)
        {
            break;
        }
        end += 1;
    }

    end
}

/// The byline: shortly before the body, or opening it. Fills `info`'s authors and
/// outlet; returns the byline's line.
fn find_byline(infos: &[Info], start: usize, end: usize, info: &mut PageInfo) -> Option<usize> {
    let look_from = start.saturating_sub(BYLINE_LOOKBACK_LINES);
    let mut byline_at = None;
    for i in (look_from..(start + BYLINE_LOOKAHEAD_LINES).min(end + 1)).rev() {
        let inf = &infos[i];
        if inf.line.bullet {
            continue;
        }
        if let Some((authors, outlet)) = as_byline(&inf.line.text, inf.weight) {
            byline_at = Some(i);
            info.authors = authors;
            info.outlet = outlet;
            if i > 0 && i + 1 < infos.len() && inf.line.text.trim() == "By" {
                continue;
            }
            break;
        }
        // "By" alone, the name on the next line
        if inf.line.text == "By" || inf.line.text == "From" {
            if let Some(next) = infos.get(i + 1) {
                let joined = format!("{} {}", inf.line.text, next.line.text);
                if let Some((authors, outlet)) = as_byline(&joined, next.weight + 1) {
                    byline_at = Some(i + 1);
                    info.authors = authors;
                    info.outlet = outlet;
                    break;
                }
            }
        }
    }
    byline_at
}

/// "By Clara Mills" over "BBC Wales": the outlet on the line below the byline.
fn outlet_below_byline(infos: &[Info], b: usize, info: &mut PageInfo) {
    // "By Clara Mills" over "BBC Wales": the outlet on the next line.
    if info.outlet.is_none() {
        if let Some(next) = infos.get(b + 1) {
            let t = next.line.text.trim();
            if !next.line.bullet && next.weight <= 4 && article::is_outlet_like(t) {
                info.outlet = Some(t.to_string());
            }
        }
    }
}

/// The title: the nearest headline-like line before the byline (or the body).
fn find_title(infos: &[Info], byline_at: Option<usize>, start: usize) -> Option<usize> {
    let title_before = byline_at.unwrap_or(start).min(start);
    let mut title_at = None;
    for i in (title_before.saturating_sub(TITLE_LOOKBACK_LINES)..title_before).rev() {
        let inf = &infos[i];
        if inf.chrome || inf.line.bullet || inf.dateish {
            continue;
        }
        if byline_at.is_some() && is_name_only(&inf.line.text) {
            continue;
        }
        if is_headline_like(&inf.line.text, inf.weight) && inf.weight >= 3 {
            title_at = Some(i);
            break;
        }
    }
    title_at
}

/// The page's own highlights: a list of sentences between the title/byline and the body.
fn given_highlights(
    infos: &[Info],
    byline_at: Option<usize>,
    title_at: Option<usize>,
    start: usize,
    blocks: &mut Vec<Block>,
) {
    let hl_from = byline_at
        .max(title_at)
        .map_or(start.saturating_sub(HIGHLIGHTS_LOOKBACK_LINES), |i| i + 1);
    let mut i = hl_from;
    while i < start {
        let inf = &infos[i];
        if inf.line.bullet && !inf.chrome && inf.weight >= 4 {
            let run_end = (i..start).find(|&j| !infos[j].line.bullet).unwrap_or(start);
            let run = &infos[i..run_end];
            let labelled = i > 0 && crate::blocks::highlights_label(&infos[i - 1].line.text);
            if labelled || run.iter().all(|r| r.weight >= 4 && !r.chrome) {
                for r in run {
                    blocks.push(block(BlockKind::Highlight, &r.line.text));
                }
            }
            i = run_end;
            continue;
        }
        i += 1;
    }
}

/// The body's blocks: paragraphs, lists that belong to it, short paragraphs and
/// headings; chrome, stamps, captions and teasers left out.
fn body(infos: &[Info], start: usize, end: usize, blocks: &mut Vec<Block>) {
    let mut i = start;
    while i <= end {
        let inf = &infos[i];
        let text = inf.line.text.as_str();
        if inf.good {
            if !is_caption_pair(infos, i) {
                blocks.push(block(BlockKind::Paragraph, text));
            }
            i += 1;
            continue;
        }
        if inf.chrome || inf.dateish {
            i += 1;
            continue;
        }
        if inf.line.bullet {
            let run_end = (i..=end)
                .find(|&j| !infos[j].line.bullet)
                .unwrap_or(end + 1);
            let run = &infos[i..run_end];
            // A list belongs to the body when a paragraph or a lead-in ("...:") opens it;
            // after a short headline-like line it is a teaser or a link box.
            let teaser = i > start
                && !infos[i - 1].good
                && !infos[i - 1].line.bullet
                && !ends_sentence(&infos[i - 1].line.text);
            let listy = run.iter().filter(|r| r.weight >= 5 && !r.chrome).count() * 2 > run.len();
            if !teaser && listy {
                for r in run.iter().filter(|r| !r.chrome) {
                    blocks.push(block(BlockKind::ListItem, &r.line.text));
                }
            }
            i = run_end;
            continue;
        }
        // A short line: a heading, a short paragraph, or a teaser / caption.
        let next = infos.get(i + 1);
        let teaser = next.is_some_and(|n| n.line.bullet && !n.line.blank_before);
        if !teaser && !is_caption_pair(infos, i) && inf.weight >= 1 {
            if ends_sentence(text) || !is_headline_like(text, inf.weight) {
                blocks.push(block(BlockKind::Paragraph, text));
            } else {
                blocks.push(block(BlockKind::Heading(2), text));
            }
        }
        i += 1;
    }
}

/// After the body: credit lines, then a list of topic tags.
fn after_body(infos: &[Info], end: usize, blocks: &mut Vec<Block>) {
    let mut i = end + 1;
    let mut seen_label = false;
    while i < infos.len() && i <= end + TAGS_LOOKAHEAD_LINES {
        let inf = &infos[i];
        let text = inf.line.text.as_str();
        if !inf.line.bullet && article::is_credit_line(text) {
            blocks.push(block(BlockKind::Credit, text));
            i += 1;
            continue;
        }
        if let Some(tags) = inline_tags(text) {
            for t in tags {
                blocks.push(block(BlockKind::Tag, &t));
            }
            break;
        }
        if !inf.line.bullet && tags_label(text) && !seen_label {
            seen_label = true;
            i += 1;
            continue;
        }
        if inf.line.bullet {
            let run_end = (i..infos.len())
                .find(|&j| !infos[j].line.bullet)
                .unwrap_or(infos.len());
            let run = &infos[i..run_end];
            let tagish = run.len() <= MAX_TAGS
                && run.iter().all(|r| {
                    (1..=5).contains(&r.weight) && !r.chrome && !ends_sentence(&r.line.text)
                });
            if tagish {
                for r in run {
                    blocks.push(block(BlockKind::Tag, &r.line.text));
                }
            }
        }
        break;
    }
}

/// Whether a line only names a person (an author box above the byline).
fn is_name_only(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with(':'))
        && !text.contains(['?', '!', '"', '“'])
        && words.iter().all(|w| w.len() > 1)
        && words.len() <= 3
}

/// A photo caption shown twice (alt text, then the caption with its credit glued on).
fn is_caption_pair(infos: &[Info], i: usize) -> bool {
    let text = &infos[i].line.text;
    let near = |j: usize| {
        let other = &infos[j].line.text;
        other.starts_with(text.as_str()) || text.starts_with(other.as_str())
    };
    let lo = i.saturating_sub(2);
    let hi = (i + 3).min(infos.len());
    (lo..hi).any(|j| j != i && near(j))
}

#[cfg(test)]
mod tests;
