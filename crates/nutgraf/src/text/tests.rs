#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn dump_all() {
    for (name, text) in [
        ("cnn", include_str!("../../tests/dumps/cnn.txt")),
        ("reuters", include_str!("../../tests/dumps/reuters.txt")),
        ("ap", include_str!("../../tests/dumps/ap.txt")),
        ("bbc", include_str!("../../tests/dumps/bbc.txt")),
        ("local", include_str!("../../tests/dumps/local.txt")),
        ("blog", include_str!("../../tests/dumps/blog.txt")),
        ("german", include_str!("../../tests/dumps/german.txt")),
        ("cjk", include_str!("../../tests/dumps/cjk.txt")),
        ("french", include_str!("../../tests/dumps/french.txt")),
        ("magazine", include_str!("../../tests/dumps/magazine.txt")),
        ("wet", include_str!("../../tests/dumps/wet.txt")),
        ("lynx", include_str!("../../tests/dumps/lynx.txt")),
    ] {
        let a = read_text(text).unwrap();
        println!(
            "== {name}\n{:?}\n{:?} {:?} {:?}\nHL {:?}\nTAGS {:?}\nCRED {:?}\n{}\n",
            a.title, a.authors, a.outlet, a.dateline, a.highlights_given, a.tags, a.credits, a.text
        );
    }
}
