//! Words for people: courtesy titles and personal pronouns.

/// English courtesy titles as news copy writes them, with and without the period
/// (`Mr.`, `Mr`, `Miss`, `Dr.`). Titles that mark a person and say nothing of a role
/// (`quotes::resolve`).
pub(crate) const COURTESY_TITLES: &[&str] =
    &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."];

/// English personal pronouns in the subject case, `you` last: the words that can
/// stand for a speaker (`quotes`).
pub(crate) const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// [`PERSONAL_PRONOUNS`] without `you`: the pronouns that open a new sentence or an
/// attribution after a quotation (`"Why?" she asked`) in `sentences` and
/// `quotes::tokens`, and that are no speaker labels (`quotes::lexicon`).
pub(crate) const SUBJECT_PRONOUNS: &[&str] = PERSONAL_PRONOUNS.split_at(6).0;
