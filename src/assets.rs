//! Files bundled into the binary.

/// Noto Sans CJK SC cut down to GB2312 and the characters ecoplan uses (`tools/subset-font.sh`);
/// licence in `assets/fonts/OFL.txt`. The window and the exported charts both draw with it, so
/// Chinese renders the same on every machine.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

/// The licences of what the binary carries, for `ecoplan --version` (Help → About words them in
/// the interface's language: `Tr::Licences`).
macro_rules! licences {
    () => {
        concat!(
            "ecoplan is licensed under ",
            env!("CARGO_PKG_LICENSE"),
            ".\nBundled font: Noto Sans CJK SC (subset), SIL Open Font License 1.1 (assets/fonts/OFL.txt)."
        )
    };
}

/// The version line of `ecoplan --version` and Help → About: the package version and the commit
/// it was built from (`build.rs`).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("ECOPLAN_COMMIT"), ")");

/// `ecoplan --version`: the version line, then the licences.
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("ECOPLAN_COMMIT"),
    ")\n",
    licences!()
);
