//! Reporting verbs.

/// The commonest verbs that attribute a quotation in news prose, in the forms that
/// follow it (`"Why?" she asked`) or open an inverted attribution (`Said Smith: …`).
/// Used by `quotes::cues` and, with `told` and the subject pronouns, by `sentences`
/// (a quoted question or exclamation followed by its attribution does not end the
/// sentence).
pub(crate) const QUOTE_VERBS: &[&str] = &["said", "says", "added", "wrote", "asked"];
