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
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap();
            for used in line.split("crate::").skip(1) {
                let name: String = used
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if rank.get(name.as_str()).is_some_and(|&r| r > own) {
                    upward.push(format!(
                        "{}:{}: {top} uses {name}",
                        relative.display(),
                        n + 1
                    ));
                }
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
