//! Files bundled into the binary.

/// Noto Sans CJK SC cut down to GB2312 and the characters ecoplan uses (`tools/subset-font.sh`);
/// licence in `assets/fonts/OFL.txt`. The window and the exported charts both draw with it, so
/// Chinese renders the same on every machine.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");
