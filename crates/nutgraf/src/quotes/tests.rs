//! Unit tests of the quote finder (texts invented for the tests).
use super::*;

fn q(text: &str) -> Vec<Quote> {
    quotes_in_text(text)
}

#[test]
fn said_after_direct_quote() {
    let out = q("“We will reopen the bridge by May,” Mayor Lena Ostrow said on Tuesday.");
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].content, "We will reopen the bridge by May");
    assert_eq!(out[0].speaker.as_deref(), Some("Lena Ostrow"));
    assert_eq!(out[0].kind, Kind::Direct);
}
