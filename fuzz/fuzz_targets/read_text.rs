//! `nutgraf::read_str` on arbitrary text read as a text dump of a page: it must return,
//! never panic, and keep its sentence spans inside `text`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let options = nutgraf::Options::new().format(nutgraf::InputFormat::Dump);
    if let Ok(article) = nutgraf::read_str(text, &options) {
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
});
