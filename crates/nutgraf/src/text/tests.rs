#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn placeholder() {
    assert!(read_text("").is_err());
}
