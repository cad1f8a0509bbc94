//! Every code block of the seed threading tutorial parses — or, where CPython itself rejects a
//! block (some blocks are program output), fails with CPython's error.

mod parser_common;
use parser_common::*;

fn code_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(b) => blocks.push(b),
                None => current = Some(String::new()),
            }
        } else if let Some(b) = current.as_mut() {
            b.push_str(line);
            b.push('\n');
        }
    }
    blocks
}

#[test]
fn seed_tutorial_blocks_parse_like_cpython() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/threading-tutorial.txt"
    ))
    .unwrap();
    let blocks = code_blocks(&text);
    assert!(blocks.len() >= 10, "found only {} blocks", blocks.len());
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let expected = python_lines(PY_ERRORS, &[], &refs);
    let mut parsed = 0;
    for (src, want) in refs.iter().zip(&expected) {
        match threadlab::lang::parse(src) {
            Ok(_) => {
                assert_eq!(
                    want, "OK",
                    "CPython rejects but threadlab accepts:\n{}",
                    src
                );
                parsed += 1;
            }
            Err(e) => {
                let got = format!("{}|{}|{}", e.kind, json_str(&e.msg), e.line);
                assert!(
                    want.starts_with(&got),
                    "block:\n{}\nthreadlab: {:?}\ncpython: {}",
                    src,
                    e,
                    want
                );
            }
        }
    }
    assert!(parsed >= 9, "only {} blocks parsed", parsed);
}

#[test]
fn seed_tutorial_ast_matches_cpython() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/threading-tutorial.txt"
    ))
    .unwrap();
    let blocks = code_blocks(&text);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let expected = python_lines(PY_DUMP, &["1"], &refs);
    for (src, want) in refs.iter().zip(&expected) {
        if want == "ERR" {
            continue;
        }
        let m = threadlab::lang::parse(src).unwrap();
        assert_eq!(&dump(&m, true), want, "source:\n{}", src);
    }
}
