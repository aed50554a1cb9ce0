//! The built-in scenario is the same bytes from a debug and a release build: files written by
//! different builds or machines must not differ in the last digit of a calibrated value.

use std::path::Path;
use std::process::Command;

fn default_scenario(binary: &Path) -> String {
    let output = Command::new(binary).arg("default").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn release_and_debug_builds_print_the_example_file_byte_for_byte() {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-2021-plan.ron"),
    )
    .unwrap();
    // The binary this test run built (the test profile, unoptimised).
    let debug = default_scenario(Path::new(env!("CARGO_BIN_EXE_ecoplan")));
    assert!(
        debug == example,
        "the debug build's `ecoplan default` differs from the example file"
    );

    // An optimised build: the command line needs no window, so the GUI stack is left out, which
    // keeps this build to about a minute on two cores. Its own target folder keeps it from
    // waiting on the lock of the build that runs this test.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("release-build");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "build",
            "--release",
            "--no-default-features",
            "--locked",
            "--offline",
            "--bin",
            "ecoplan",
            "--target-dir",
        ])
        .arg(&target)
        .status()
        .unwrap();
    assert!(built.success(), "the release build failed");
    let binary = format!("ecoplan{}", std::env::consts::EXE_SUFFIX);
    let release = default_scenario(&target.join("release").join(binary));
    assert!(
        release == example,
        "the release build's `ecoplan default` differs from the example file:\n{}",
        release
            .lines()
            .zip(example.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("line {}: {a} / {b}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
