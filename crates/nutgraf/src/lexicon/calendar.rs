//! Weekday and month names.

/// English weekday names, Monday first. Quote mentions and names
/// (`quotes::mentions`, `quotes::resolve`) and the time words after a cue
/// (`quotes::lexicon`).
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// English month names, January first. Capitalized words that are no names
/// (`quotes::resolve`).
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first three letters of the English month names, which both the abbreviated
/// and the full names start with (`Jan 5`, `Sept. 30`, `January 5`). Timestamps and
/// date lines of pages (`html::chrome`, `dump::classify`) and the date segments of
/// datelines (`article`).
pub(crate) const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
