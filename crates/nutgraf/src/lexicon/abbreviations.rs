//! Abbreviations whose period does not end a sentence.

/// Abbreviations every sentence cutter knows, lowercase without the final period:
/// courtesy and rank titles (`Sen.`, `Gen.`), name suffixes (`Jr.`), company forms
/// (`Inc.`), `vs.`, `St.`, `Mt.`, `Ft.`, and the months AP style abbreviates before a
/// date (`Jan.`, `Sept.`). Used by the sentence cutters of `highlights::units` (which
/// adds `no`), `quotes::tokens` and `sentences` (which add [`MORE_ABBREVIATIONS`] and
/// their own).
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "gov", "sen", "rep", "gen", "lt", "col",
    "sgt", "capt", "prof", "inc", "co", "corp", "ltd", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec", "mt", "ft",
];

/// More abbreviations, lowercase without the final period, that the quote reader's
/// tokens (`quotes::tokens`) and the lowercased-text rules of `sentences` know besides
/// [`ABBREVIATIONS`]: plural and further titles (`Sens.`, `Adm.`, `Messrs.`), `Sep.`,
/// and dotted short forms (`U.S.`, `a.m.`, `e.g.`).
pub(crate) const MORE_ABBREVIATIONS: &[&str] = &[
    "sens", "reps", "rev", "cmdr", "adm", "maj", "sep", "pres", "supt", "messrs", "u.s", "u.n",
    "u.k", "a.m", "p.m", "e.g", "i.e",
];
