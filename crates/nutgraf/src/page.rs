//! Page input: bytes → decoded text, and the input format (placeholder; being written).
use crate::Error;

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// An HTML page.
    Html,
    /// A page dumped as text (w3m, lynx, copy-paste), chrome included.
    Text,
    /// Already-clean article text: kept whole.
    Article,
}

/// Decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Name of the charset used.
    pub encoding: &'static str,
    /// Whether invalid byte sequences were replaced.
    pub had_errors: bool,
}

/// Decodes bytes.
pub fn decode(bytes: &[u8], _content_type: Option<&str>) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) { return Err(Error::Empty); }
    let (text, _, had_errors) = encoding_rs::UTF_8.decode(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: "UTF-8", had_errors })
}

/// Detects the format.
pub fn detect_format(text: &str) -> InputFormat {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype") || head.contains("<body") || head.contains("<p>") || head.contains("<div") { InputFormat::Html } else { InputFormat::Text }
}
