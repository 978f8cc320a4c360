//! Prints the raw blocks of an HTML page with the decision taken on each and its owner
//! chain (for error analysis).
use std::io::Read;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: blocks_debug FILE[.gz]")?;
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(&path)?;
    }
    let text = String::from_utf8_lossy(&bytes);
    let doc = scraper::Html::parse_document(&text);
    let dom = nutgraf::html::dom::Dom::from_html(&doc);
    let raw = nutgraf::html::blocks::raw_blocks(&dom);
    let sel = nutgraf::html::select::select(&dom, &raw);
    for r in &sel.roots {
        let n = &dom.nodes[*r];
        println!("ROOT {r} {:?}.{}", n.tag, n.hint);
    }
    for (k, b) in raw.iter().enumerate() {
        let mut chain = Vec::new();
        let mut i = b.owner;
        while i != 0 && chain.len() < 6 {
            let n = &dom.nodes[i];
            chain.push(format!(
                "{:?}.{}",
                n.tag,
                n.hint.chars().take(30).collect::<String>()
            ));
            i = n.parent;
        }
        let kept = sel.owners.contains(&b.owner) && sel.blocks.iter().any(|x| x.text == b.text);
        let decision = sel
            .decisions
            .get(k)
            .map_or("-".to_string(), |d| format!("{d:?}"));
        println!(
            "{} {decision:<14} {:>4} ld={:.2} [{}] {}",
            if kept { "+" } else { "-" },
            b.chars,
            b.link_density(),
            chain.join(" < "),
            b.text.chars().take(80).collect::<String>()
        );
    }
    Ok(())
}
