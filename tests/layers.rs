//! The crate's layers, as `src/lib.rs` states them, hold in its sources: no module names one
//! that comes after it in the list (tests aside, which may use anything).

use std::collections::HashMap;
use std::path::Path;

/// The layers in order, each the modules `lib.rs` lists on one line of its "Layers" comment.
fn layers() -> Vec<Vec<String>> {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    let comment: String = lib
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.trim_start_matches("//!"))
        .collect::<Vec<_>>()
        .join(" ");
    let list = &comment[comment.find("Layers").unwrap()..];
    let list = &list[..list.find("tests/layers.rs").unwrap()];
    list.split('→')
        .map(|layer| {
            // The modules are the names in backticks before the explanation in brackets.
            let names = layer.split('(').next().unwrap();
            names
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|names| !names.is_empty())
        .collect()
}

fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_module_uses_one_after_it_in_the_layers_of_lib_rs() {
    let layers = layers();
    let rank: HashMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (n.as_str(), i)))
        .collect();
    // Every module of the crate has its place.
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    for line in lib.lines().filter(|l| l.starts_with("pub mod ")) {
        let name = line.trim_start_matches("pub mod ").trim_end_matches(';');
        assert!(
            rank.contains_key(name),
            "src/lib.rs lists no layer for `{name}`"
        );
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        let Some(&own) = rank.get(top.as_str()) else {
            continue; // lib.rs, main.rs, bin/
        };
        let text = std::fs::read_to_string(&file).unwrap();
        // A module of tests of its own (`#[cfg(test)] mod tests;` beside it) builds only for
        // tests, as the tests at the end of a file do: it may use any layer.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            // Its parent is the folder's `mod.rs`, or the file named as the folder beside it.
            let folder = file.parent().unwrap();
            let parent = std::fs::read_to_string(folder.join("mod.rs"))
                .or_else(|_| std::fs::read_to_string(folder.with_extension("rs")))
                .unwrap();
            assert!(
                parent.contains("#[cfg(test)]\nmod tests;"),
                "{} is built outside tests",
                relative.display()
            );
            continue;
        }
        // A module of tests at a file's end (`#[cfg(test)] mod tests`) may use anything;
        // nothing else a `#[cfg(test)]` marks is left out.
        let code = text.split("#[cfg(test)]\nmod ").next().unwrap();
        // How many `super::` lead from this file to the crate's root: src/engine.rs and
        // src/engine/mod.rs are one step down, src/engine/checks.rs two.
        let depth = relative.components().count()
            - usize::from(relative.file_name().is_some_and(|n| n == "mod.rs"));
        let code: String = code
            .lines()
            .map(|line| line.split("//").next().unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        for (at, name) in top_modules_named(&code, depth) {
            if rank.get(name.as_str()).is_some_and(|&r| r > own) {
                let line = code[..at].matches('\n').count() + 1;
                upward.push(format!("{}:{line}: {top} uses {name}", relative.display()));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports up the layers:\n{}",
        upward.join("\n")
    );
    // The test reads what it means to: the first and last layers as lib.rs states them.
    assert_eq!(layers.first().unwrap(), &["units", "model", "assets"]);
    assert_eq!(layers.last().unwrap(), &["entry"]);
}

/// Each top-level module `code` names, with where: after `crate::` (one name, or each name of
/// a group `crate::{a, b::c}` at its top level), and after as many `super::` as lead from the
/// file (`depth` steps down) to the crate's root.
fn top_modules_named(code: &str, depth: usize) -> Vec<(usize, String)> {
    let ident = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut named = Vec::new();
    let mut from_root = |at: usize, rest: &str| {
        let rest = rest.trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // The group's names at its own top level: after `{` and after each `,` outside
            // inner braces.
            let mut nesting = 0;
            let mut expecting = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => nesting += 1,
                    '}' if nesting == 0 => break,
                    '}' => nesting -= 1,
                    ',' if nesting == 0 => expecting = true,
                    c if expecting && (c.is_alphanumeric() || c == '_') => {
                        named.push((at, ident(&group[i..])));
                        expecting = false;
                    }
                    _ => {}
                }
            }
        } else {
            named.push((at, ident(rest)));
        }
    };
    for (at, _) in code.match_indices("crate::") {
        // `crate::` that ends a longer name (`my_crate::`) is not the crate's root.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        from_root(at, &code[at + "crate::".len()..]);
    }
    let up = "super::".repeat(depth);
    for (at, _) in code.match_indices(&up) {
        let before = code[..at].chars().next_back();
        let rest = &code[at + up.len()..];
        // Exactly `depth` steps: one more or one fewer is not the root.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            || rest.starts_with("super::")
        {
            continue;
        }
        from_root(at, rest);
    }
    named
}

#[test]
fn the_layer_test_sees_each_way_of_naming_a_module() {
    let names = |code: &str, depth: usize| -> Vec<String> {
        top_modules_named(code, depth)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    };
    assert_eq!(names("use crate::io::load;", 1), ["io"]);
    assert_eq!(
        names(
            "use crate::{\n    app::run,\n    io::{a, b},\n    ui,\n};",
            2
        ),
        ["app", "io", "ui"]
    );
    // From src/engine.rs, `super::` is the crate's root; from src/engine/checks.rs it is
    // `engine`, and `super::super::` the root.
    assert_eq!(names("use super::app::run;", 1), ["app"]);
    assert!(names("use super::checks;", 2).is_empty());
    assert_eq!(names("use super::super::app;", 2), ["app"]);
    assert!(names("use super::super::super::x;", 2).is_empty());
    assert!(names("use my_crate::app;", 1).is_empty());
}
