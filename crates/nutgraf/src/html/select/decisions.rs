//! Decisions: every block gets a [`Decision`]; the kept ones, inside the chosen
//! containers, make the [`Selection`].

use super::scoring::Figures;
use super::Selection;
use crate::blocks::Block;
use crate::html::blocks::RawBlock;
use crate::html::chrome::{boilerplate_between, decide, Decision, Totals};
use crate::html::dom::Dom;

/// Decides every block in document order and gathers the kept ones.
pub(super) fn apply(dom: &Dom, raw: &[RawBlock], fig: &Figures, roots: Vec<usize>) -> Selection {
    let mut out = Selection {
        blocks: Vec::new(),
        owners: Vec::new(),
        roots,
        decisions: Vec::with_capacity(raw.len()),
    };
    let totals = Totals {
        flags: &fig.flags,
        chars: &fig.chars,
        links: &fig.links,
        prose: &fig.prose,
        majority: fig.majority,
    };
    // After a teaser heading ("Related stories"), skip until the story resumes with a
    // real paragraph.
    let mut skipping = false;
    for b in raw {
        let decision = decide(b, &mut skipping, || {
            let root = out
                .roots
                .iter()
                .copied()
                .find(|&r| dom.contains(r, b.owner))?;
            Some(boilerplate_between(dom, &totals, root, b.owner))
        });
        out.decisions.push(decision);
        if decision == Decision::Kept {
            out.blocks.push(Block {
                kind: b.kind,
                text: b.text.clone(),
            });
            out.owners.push(b.owner);
        }
    }
    out
}
