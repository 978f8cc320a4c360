//! Choosing the story's container: text blocks vote for the containers above them, the
//! best container wins, climbs to the ancestor holding the whole story, and takes the
//! siblings that belong to it; then every block inside is kept or dropped.
//!
//! The steps, one module each: `scoring` (per-node figures and scores), `choosing`
//! (the best container), `climbing` (up to the whole story), `siblings` (the parts
//! beside it) and `decisions` (block by block, with the rules of
//! [`crate::html::chrome`]).
//!
//! # Relation to Mozilla Readability
//!
//! Scoring and choosing follow Readability's `grabArticle` closely: the same points per
//! paragraph (a base point, commas, one point per 100 characters up to 3), passed to
//! five levels of ancestors with the same shares (1, 1/2, then 1/(3 × level)), the same
//! start scores per tag and ±25 for class/id hints, the final score scaled by the share
//! of text outside links, the "three runners-up at 75 % under one ancestor" rule, the
//! climb by score with its one-third floor, and the sibling rule (at least 10 and a fifth
//! of the top score, a fifth as bonus for a sibling named alike, long `<p>`s with few
//! links and short ones ending a sentence). What differs:
//!
//! - **Votes.** Every text block of 25 characters or more votes, whatever its element
//!   (list items and headings too, not only `<p>`, `<td>`, `<pre>`, `<section>` and
//!   headings h2–h6), but not one that is more than half link text. A block whose
//!   owner is a container (a `<div>` holding bare text) votes for that container
//!   first; Readability turns a `<div>` of inline content into a `<p>`, which votes for
//!   its parent. Lengths count characters other than whitespace, and link density is
//!   plain (Readability counts in-page `#` links at 0.3).
//! - **Points.** Commas are counted (Readability counts the pieces they cut the text
//!   into, one more); ASCII, fullwidth, ideographic and Arabic commas count. The length
//!   points are not rounded down.
//! - **Weights.** `<article>`, `<section>` and `<main>` start like `<div>`; `<nav>`,
//!   `<aside>` and `<footer>` start at −25; `itemprop="articleBody"` adds 40. Class and
//!   id are judged together, so a hint gives ±25 once, not once for each; the word lists
//!   are our own ([`crate::html::hints`]).
//! - **Unlikely candidates.** Nothing is removed before scoring. Blocks under
//!   boilerplate (navigation, asides, footers, strongly negative class/id) do not vote
//!   unless no block could; `<main>`, `articleBody`, a body name, or holding most of the
//!   page's running text lifts that. There is no retry with relaxed rules.
//! - **Choosing.** Runners-up are the best nodes (up to 5) neither inside nor around the
//!   winner, not the next entries of a top-5 list, and the common ancestor is not taken
//!   when it is boilerplate.
//! - **Climbing.** Readability climbs while the container is an only child; here
//!   "only child" means the parent holds no other text, and the climb also goes on
//!   while the parent holds half as much running text again (with few links); it never
//!   enters boilerplate.
//! - **Siblings.** "Named alike" needs the same tag and the same class/id or the same
//!   first class. Siblings with 250 characters of running text of their own join, and
//!   so does the story's lead (a "teaser", "intro", "standfirst" just before the
//!   container); other siblings with a negative class/id never join. A short `<p>`
//!   must end with a sentence mark (Readability looks for ". " anywhere). The
//!   container's score counts at least 0 (one chosen without a score counts 0;
//!   Readability gives it its start score).
//! - **Cleaning.** Instead of Readability's `_prepArticle` cleaning, each block inside
//!   the chosen containers is judged on its own ([`crate::html::chrome`]):
//!   boilerplate containers between it and its root, link lists, chrome lines, and
//!   teaser headings with what follows them until the story resumes.

mod choosing;
mod climbing;
mod decisions;
mod scoring;
mod siblings;

use super::blocks::RawBlock;
pub use super::chrome::Decision;
use super::dom::Dom;
use crate::blocks::Block;

/// The result of content selection.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Chosen blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Owners of chosen blocks (parallel to `blocks`).
    pub owners: Vec<usize>,
    /// The chosen containers.
    pub roots: Vec<usize>,
    /// What became of each raw block (parallel to the raw blocks; empty when no
    /// container was chosen).
    pub decisions: Vec<Decision>,
}

/// Picks the article's blocks.
pub fn select(dom: &Dom, raw: &[RawBlock]) -> Selection {
    let fig = scoring::measure(dom, raw);
    let Some(top) = choosing::best(&fig) else {
        return Selection {
            blocks: Vec::new(),
            owners: Vec::new(),
            roots: Vec::new(),
            decisions: Vec::new(),
        };
    };
    let top = choosing::split_story_ancestor(dom, &fig, top);
    let top = climbing::by_score(dom, &fig, top);
    let top = climbing::by_text(dom, &fig, top);
    let roots = siblings::story_roots(dom, raw, &fig, top);
    decisions::apply(dom, raw, &fig, roots)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::html::blocks::raw_blocks;

    fn article_text(html: &str) -> String {
        let doc = scraper::Html::parse_document(html);
        let dom = Dom::from_html(&doc);
        let raw = raw_blocks(&dom);
        let sel = select(&dom, &raw);
        sel.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const PARA: &str = "The county board voted on Tuesday to repave the old mill road, a project residents have asked for since the spring floods, and work should begin in May.";

    #[test]
    fn picks_the_story_and_drops_chrome() {
        let html = format!(
            r##"<html><body>
            <nav><a href="/">Home</a> <a href="/n">News</a></nav>
            <div class="sidebar"><p>{PARA} Sidebar copy.</p></div>
            <article><div class="story-body">
              <p>{PARA}</p>
              <div class="share-tools"><a href="#">Share on Facebook</a></div>
              <p>{PARA} Second.</p>
              <aside class="related"><a href="/x">Another story entirely</a></aside>
              <p>{PARA} Third.</p>
            </div></article>
            <section class="comments"><p>{PARA} A reader wrote this.</p></section>
            <footer><p>All rights reserved, the Example Gazette, since forever.</p></footer>
            </body></html>"##
        );
        let text = article_text(&html);
        assert!(
            text.contains("Second.") && text.contains("Third."),
            "{text}"
        );
        for junk in [
            "Sidebar copy",
            "Share on",
            "Another story",
            "A reader wrote",
            "All rights",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn keeps_every_part_of_a_split_story() {
        let html = format!(
            r#"<html><body><main>
            <div class="article-body"><p>{PARA} One.</p><p>{PARA} Two.</p></div>
            <div class="ad-slot">Advertisement</div>
            <div class="article-body"><p>{PARA} Three.</p><p>{PARA} Four.</p></div>
            </main></body></html>"#
        );
        let text = article_text(&html);
        for part in ["One.", "Two.", "Three.", "Four."] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
        assert!(!text.contains("Advertisement"));
    }

    #[test]
    fn per_paragraph_boxes_are_one_story() {
        let mut html = String::from(r#"<html><body><div class="collection">"#);
        for i in 0..6 {
            html.push_str(&format!(
                r#"<div class="card"><div class="card-content card-article"><p>{PARA} Part {i}.</p></div></div>"#
            ));
        }
        html.push_str("</div></body></html>");
        let text = article_text(&html);
        for i in 0..6 {
            assert!(
                text.contains(&format!("Part {i}.")),
                "part {i} missing: {text}"
            );
        }
    }

    #[test]
    fn teaser_section_is_skipped_until_the_story_resumes() {
        let html = format!(
            r#"<html><body><article>
            <p>{PARA} One.</p>
            <h3>Read more</h3>
            <p>Short teaser for another story</p>
            <p>{PARA} {PARA} Resumed.</p>
            </article></body></html>"#
        );
        let text = article_text(&html);
        assert!(
            text.contains("Resumed.") && !text.contains("Short teaser"),
            "{text}"
        );
    }
}
