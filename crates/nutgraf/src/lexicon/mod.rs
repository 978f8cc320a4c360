//! The word lists that more than one part of the reader uses, in one place: calendar
//! words, people (courtesy titles, pronouns), reporting verbs, abbreviations and page
//! chrome. Every list is hand-made from reading news copy and pages; none is taken
//! from a dictionary.
//!
//! A list that only one module uses stays in that module. Where two modules want
//! slightly different lists, the shared part is here and each module adds its own
//! words beside it (the doc line of each list says who uses it).
//!
//! Lists are lowercase and are read with `contains`: none here is searched by
//! bisection or fed to an automaton, so their order does not matter, except where one
//! list is cut from another (`people::SUBJECT_PRONOUNS`).

pub(crate) mod abbreviations;
pub(crate) mod calendar;
pub(crate) mod chrome;
pub(crate) mod people;
pub(crate) mod speech;
