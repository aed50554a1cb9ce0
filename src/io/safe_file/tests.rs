use std::path::PathBuf;

use super::*;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-safe-file-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_byte_order_mark_is_dropped_and_the_size_limit_is_exact() {
    let dir = folder("bom");
    let path = dir.join("a.ron");
    std::fs::write(&path, "\u{feff}(x)").unwrap();
    assert_eq!(read_text_bounded(&path, 100).unwrap(), "(x)");
    std::fs::write(&path, "12345").unwrap();
    assert_eq!(read_text_bounded(&path, 5).unwrap(), "12345");
    let error = read_text_bounded(&path, 4).unwrap_err();
    assert!(matches!(error, ReadError::TooLarge { .. }), "{error}");
}

#[test]
fn invalid_utf8_names_the_byte() {
    let dir = folder("utf8");
    let path = dir.join("a.ron");
    std::fs::write(&path, b"abc\xff").unwrap();
    match read_text_bounded(&path, 100).unwrap_err() {
        // The fourth byte, after three characters of the first line.
        ReadError::NotText {
            offset, line, col, ..
        } => assert_eq!((offset, line, col), (3, 1, 4)),
        other => panic!("{other}"),
    }
}

#[test]
fn a_loop_of_links_is_an_error_not_a_hang() {
    #[cfg(unix)]
    {
        let dir = folder("loop");
        std::os::unix::fs::symlink(dir.join("b"), dir.join("a")).unwrap();
        std::os::unix::fs::symlink(dir.join("a"), dir.join("b")).unwrap();
        let error = write_atomically(&dir.join("a"), b"x", Backup::Keep).unwrap_err();
        assert!(error.to_string().contains("symbolic links"), "{error}");
    }
}

#[test]
fn a_read_only_file_is_refused_and_kept() {
    let dir = folder("read-only");
    let path = dir.join("plan.ron");
    std::fs::write(&path, "old").unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let error = write_atomically(&path, b"new", Backup::Keep).unwrap_err();
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "nothing left behind"
    );
}

#[test]
fn the_backup_replaces_a_link_named_like_it_instead_of_writing_through_it() {
    #[cfg(unix)]
    {
        let dir = folder("bak-link");
        let path = dir.join("plan.ron");
        std::fs::write(&path, "first").unwrap();
        std::fs::write(dir.join("elsewhere"), "precious").unwrap();
        std::os::unix::fs::symlink("elsewhere", dir.join("plan.ron.bak")).unwrap();
        write_atomically(&path, b"second", Backup::Keep).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("elsewhere")).unwrap(),
            "precious"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("plan.ron.bak")).unwrap(),
            "first"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    }
}

#[test]
fn temporaries_of_a_killed_write_are_removed_by_the_next_write_and_live_ones_kept() {
    let dir = folder("stale");
    let path = dir.join("plan.ron");
    std::fs::write(&path, "old").unwrap();
    // No process has id 4000000000 (above every system's limit); this one runs.
    let dead = [
        ".plan.ron.4000000000-0-1.tmp",
        ".plan.ron.bak.4000000000-3-9.tmp",
    ];
    let own = format!(".plan.ron.{}-7-1.tmp", std::process::id());
    let others = [".other.ron.4000000000-0-1.tmp", ".plan.ron.notes.tmp"];
    for name in dead
        .iter()
        .chain(&others)
        .map(|n| n.to_string())
        .chain([own.clone()])
    {
        std::fs::write(dir.join(name), "partial").unwrap();
    }
    write_atomically(&path, b"new", Backup::Keep).unwrap();
    for name in dead {
        assert!(!dir.join(name).exists(), "{name} is left");
    }
    for name in others.iter().map(|n| n.to_string()).chain([own]) {
        assert!(dir.join(&name).exists(), "{name} was removed");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
}

#[test]
fn a_folder_is_not_replaced() {
    let dir = folder("dir");
    std::fs::create_dir(dir.join("sub")).unwrap();
    let error = write_atomically(&dir.join("sub"), b"x", Backup::Keep).unwrap_err();
    assert!(error.to_string().contains("a folder"), "{error}");
    assert!(dir.join("sub").is_dir());
}
