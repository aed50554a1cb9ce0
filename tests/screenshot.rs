//! `ecoplan --screenshot` opens the real window (under Xvfb when there is no display), renders a
//! view and writes a PNG.

mod common;

use std::path::Path;
use std::process::Command;

fn screenshot(args: &[&str], out: &Path) -> std::process::Output {
    let exe = env!("CARGO_BIN_EXE_ecoplan");
    let mut command = if std::env::var_os("DISPLAY").is_some() {
        Command::new(exe)
    } else {
        let mut command = Command::new("xvfb-run");
        command.args(["-a", "-s", "-screen 0 1600x1000x24", exe]);
        command
    };
    command.arg("--screenshot").arg(out).args(args);
    command.output().unwrap_or_else(|error| {
        panic!(
            "cannot run the window ({error}): set DISPLAY, or install Xvfb (apt-get install xvfb)"
        )
    })
}

#[test]
fn screenshot_of_each_language_is_a_real_picture() {
    let dir = std::env::temp_dir().join(format!("ecoplan-shot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["zh", "en"] {
        let out = dir.join(format!("capacity-{lang}.png"));
        let output = screenshot(&["--view", "capacity-water", "--lang", lang], &out);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let (width, height, pixels) = common::decode_png(&out);
        assert!(width >= 800 && height >= 500, "{width}×{height}");
        // A rendered window has many colours: text, lines, panels; a blank capture has one.
        let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
        assert!(distinct.len() > 50, "only {} colours", distinct.len());
    }
}

#[test]
fn unknown_view_is_refused_before_opening() {
    let out = std::env::temp_dir().join("ecoplan-never-written.png");
    let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["--view", "nowhere", "--screenshot"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("--view nowhere：没有这个视图；可选：overview, plan"),
        "{message}"
    );
    assert!(!out.exists());
}
