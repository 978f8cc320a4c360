//! Page chrome: the headings of teaser boxes and link lists, and the class words of
//! the page areas around a story.

/// Labels of the teaser boxes that sit between a story's paragraphs (`Related`, `Read
/// more`, `Lesen Sie auch`), as a whole short line. Teaser headings of pages
/// (`html::chrome`) and teaser labels of text dumps (`dump::classify`, which adds
/// `leer más`).
pub(crate) const TEASER_LABELS: &[&str] = &[
    "related",
    "read more",
    "read also",
    "see also",
    "mehr zum thema",
    "lesen sie auch",
    "lire aussi",
    "à lire aussi",
    "lee también",
];

/// Headings of the link lists that follow a story (`More stories`, `Most read`), as a
/// whole short line. Teaser headings of pages (`html::chrome`) and the headings that
/// end the story in text dumps (`dump::classify`), each with more of its own.
pub(crate) const LINK_LIST_HEADINGS: &[&str] = &[
    "you may also like",
    "you might also like",
    "more from",
    "more stories",
    "more news",
    "recommended",
    "read next",
    "most popular",
    "most read",
    "trending",
    "latest news",
    "関連記事",
];

/// Words of class or id attributes that mark page areas holding other stories or
/// readers' comments, not the story's own byline or date (`html::metadata`: authors
/// and page dates, each adding a few).
pub(crate) const OFF_STORY_CLASS_WORDS: &[&str] = &["comment", "related", "teaser", "sidebar"];
