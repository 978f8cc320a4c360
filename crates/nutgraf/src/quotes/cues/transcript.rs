//! Transcripts: a line `PENCE: Well, look …` is the labelled speaker's direct speech,
//! and paragraphs that open with a quotation mark carry it on until another line.

use super::super::lexicon::is_not_speaker;
use super::super::marks::Region;
use super::super::tokens::Paragraph;
use super::attribute::Pass;
use super::Draft;
use crate::sentences::Span;

impl Pass<'_> {
    /// A transcript line (`PENCE: …`, not in the first paragraph, where `NEW DELHI: …` is
    /// a dateline), or a quoted paragraph that carries on the line before: the line's
    /// draft. Whether the paragraph was taken.
    pub(super) fn transcript_line(&mut self, pi: usize, para: &Paragraph) -> bool {
        let (chars, regions) = (self.chars, self.regions);
        let open_transcript = self.transcript.take();
        let label = (pi > 0)
            .then(|| transcript_label(chars, para.start, para.end))
            .flatten()
            .filter(|(a, _)| {
                let l: String = chars[a.start..a.end]
                    .iter()
                    .collect::<String>()
                    .to_lowercase();
                !is_not_speaker(l.trim())
            });
        if let Some((label, content)) = label {
            let rs = regions_in(regions, para.start, para.end);
            for &r in &rs {
                self.claimed[r] = true;
            }
            self.running = None;
            self.out.push(Draft {
                spans: vec![content],
                mention: Some(label),
                description: None,
                cue: ":".into(),
                para: pi,
                regions: rs,
                antecedent: None,
                direct: true,
            });
            self.transcript = Some(self.out.len() - 1);
            return true;
        }
        if let Some(di) = open_transcript {
            if let Some(sp) = transcript_continuation(chars, para.start, para.end) {
                let rs = regions_in(regions, para.start, para.end);
                for &r in &rs {
                    self.claimed[r] = true;
                }
                self.running = None;
                self.out[di].spans.push(sp);
                self.out[di].regions.extend(rs);
                self.transcript = Some(di);
                return true;
            }
        }
        false
    }
}

/// A transcript line, `PENCE: Well, look …` or `"WALLACE: Let's start …`: the speaker
/// label (one to three words in capitals, at least two letters) and where the statement
/// starts and ends (character offsets), for a paragraph `start..end`.
fn transcript_label(chars: &[char], start: usize, end: usize) -> Option<(Span, Span)> {
    let mut i = start;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if i < end && matches!(chars[i], '"' | '“') {
        i += 1;
    }
    let label_start = i;
    let colon = (i..end.min(i + 40)).find(|&k| chars[k] == ':')?;
    let label = &chars[label_start..colon];
    let letters = label.iter().filter(|c| c.is_alphabetic()).count();
    let words = label
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    let ok = letters >= 2
        && (1..=3).contains(&words)
        && label.first().is_some_and(|c| c.is_uppercase())
        && label
            .iter()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    if !ok {
        return None;
    }
    let mut s = colon + 1;
    while s < end && chars[s].is_whitespace() {
        s += 1;
    }
    let mut e = end;
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    // A statement of at least three words.
    let words_after = chars[s..e]
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count();
    (words_after >= 3).then_some((
        Span {
            start: label_start,
            end: colon,
        },
        Span { start: s, end: e },
    ))
}

/// A paragraph that carries on the last transcript line: it opens with a quotation mark
/// and is not a stage direction (`"(CROSSTALK.)`). The statement's character span.
fn transcript_continuation(chars: &[char], start: usize, end: usize) -> Option<Span> {
    let mut i = start;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if !(i < end && matches!(chars[i], '"' | '“')) {
        return None;
    }
    i += 1;
    while i < end && chars[i].is_whitespace() {
        i += 1;
    }
    if i >= end || chars[i] == '(' {
        return None;
    }
    let mut e = end;
    while e > i && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Some(Span { start: i, end: e })
}

/// Regions whose opening mark lies in `start..end`.
fn regions_in(regions: &[Region], start: usize, end: usize) -> Vec<usize> {
    let first = regions.partition_point(|r| r.open < start);
    (first..regions.len())
        .take_while(|&r| regions[r].open < end)
        .collect()
}
