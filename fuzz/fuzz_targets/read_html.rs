//! `nutgraf::read` on arbitrary bytes read as HTML: it must return, never panic, and an
//! article it returns must keep the output contract.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = nutgraf::Options::new().format(nutgraf::InputFormat::Html);
    if let Ok(article) = nutgraf::read(data, &options) {
        check(&article);
    }
});

/// `text` is the paragraphs joined by a blank line, and every sentence span lies in it.
fn check(article: &nutgraf::Article) {
    assert_eq!(article.text, article.paragraphs.join("\n\n"));
    let chars = article.text.chars().count();
    let mut last_end = 0;
    for s in &article.sentences {
        assert!(
            last_end <= s.start && s.start < s.end && s.end <= chars,
            "bad span {s:?} after {last_end} in {chars} chars"
        );
        last_end = s.end;
    }
}
