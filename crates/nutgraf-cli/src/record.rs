//! What the batch input readers yield.

/// One record of a batch input, or what went wrong in its place.
#[derive(Debug)]
pub enum Record {
    /// A page to read.
    Page {
        /// The record's id in the output.
        id: String,
        /// Where the page came from, when the input says.
        url: Option<String>,
        /// The page, undecoded.
        bytes: Vec<u8>,
        /// How to read it (detected when `None`).
        format: Option<nutgraf::InputFormat>,
        /// The `Content-Type` that came with it, for its charset.
        content_type: Option<String>,
    },
    /// A record that could not be taken apart; the input goes on after it.
    Bad {
        /// The record's id, or a stand-in naming the input and where in it.
        id: String,
        /// A short reason, for the summary (`bad JSON`, `not UTF-8`, …).
        reason: String,
        /// The message for the output line.
        error: String,
    },
    /// The input could not be opened, or broke off here (cut short, not the format it
    /// claims, an I/O error): nothing more comes from it.
    Broken {
        /// The input's name.
        id: String,
        /// A short reason, for the summary.
        reason: String,
        /// The message for the output line.
        error: String,
    },
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Page { id, .. } | Record::Bad { id, .. } | Record::Broken { id, .. } => id,
        }
    }
}
