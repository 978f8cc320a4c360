#[allow(dead_code)]
mod fetch;

fn main() {}
