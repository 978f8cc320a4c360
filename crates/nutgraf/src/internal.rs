//! The internal door: what `nutgraf-lab` (evaluation, model fitting, diagnostics) needs
//! of the library's insides, behind the `_internal` cargo feature.
//!
//! Not an API: no stability promise, no docs on docs.rs, changes whenever the library
//! does. Library users have the curated surface of the crate root.

pub use crate::page::decode;

/// The highlight scorer's parts, for fitting its weights and scoring it against
/// editors' highlights.
pub mod highlights {
    pub use crate::highlights::{
        features, highlights_with, lead, Candidates, HighlightOptions, Model, UnitFeatures,
        FEATURE_NAMES, N_FEATURES, TRIM_ATTRIBUTION, TRIM_DATELINE, TRIM_PAREN,
    };
}

/// The HTML reader's stages, for block-level diagnostics.
pub mod html {
    pub use crate::html::blocks::{raw_blocks, RawBlock};
    pub use crate::html::chrome::Decision;
    pub use crate::html::dom::{Dom, Node, Tag};
    pub use crate::html::select::{select, Selection};

    /// The arena DOM of a page, built as [`crate::read`] builds it.
    pub fn parse(html: &str) -> Result<Dom, crate::Error> {
        let doc = crate::html::parse(html, crate::deadline::Deadline::NONE)?;
        Ok(Dom::from_html(&doc))
    }
}
