//! The typefaces text is drawn with: the bundled CJK subset first, then a CJK font of the
//! system for the characters outside it. The subset holds GB2312 and what ecoplan writes, and
//! some district names need more (鄠 of 鄠邑区, 浉 of 浉河区, 淯 of 淯阳); a chart that draws
//! them as blanks without a word would go into a meeting wrong.

use std::path::PathBuf;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};

/// A font read once and kept for the program's life (the window's and the charts' font
/// tables want `'static` bytes).
pub struct Typeface {
    /// Where it was read from; `None` for the bundled one.
    pub path: Option<PathBuf>,
    pub bytes: &'static [u8],
    font: FontRef<'static>,
}

impl Typeface {
    fn new(path: Option<PathBuf>, bytes: &'static [u8]) -> Option<Typeface> {
        // The first face of a collection (.ttc): Microsoft YaHei in msyh.ttc, the Japanese
        // cut of Noto Sans CJK, whose Chinese characters are the same characters.
        let font = FontRef::try_from_slice(bytes).ok()?;
        Some(Typeface { path, bytes, font })
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }
}

/// The bundled Noto Sans SC subset.
pub fn bundled() -> &'static Typeface {
    static BUNDLED: OnceLock<Typeface> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        Typeface::new(None, crate::assets::CJK_FONT).expect("the bundled font is a valid font")
    })
}

/// Where a CJK font with far more characters than the subset usually is, by system.
const SYSTEM_FONTS: &[&str] = &[
    // Linux: Noto CJK (Debian, Ubuntu; Arch; Fedora), WenQuanYi, Droid, AR PL.
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    // macOS.
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
];

/// Fonts of Windows, in its fonts folder: Microsoft YaHei, SimHei, SimSun, DengXian.
const WINDOWS_FONTS: &[&str] = &[
    "msyh.ttc",
    "msyh.ttf",
    "simhei.ttf",
    "simsun.ttc",
    "Deng.ttf",
];

/// A font file larger than this is not read (Noto Sans CJK's collection is 20 MB).
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable naming the fallback font, for a font kept elsewhere; set empty,
/// no fallback is used.
pub const FONT_VARIABLE: &str = "ECOPLAN_CJK_FONT";

/// The system's CJK font: the file `ECOPLAN_CJK_FONT` names if set, else the first of the
/// usual places that holds a font; read once.
pub fn system() -> Option<&'static Typeface> {
    static SYSTEM: OnceLock<Option<Typeface>> = OnceLock::new();
    SYSTEM
        .get_or_init(|| {
            let candidates: Vec<PathBuf> = match std::env::var_os(FONT_VARIABLE) {
                Some(path) if path.is_empty() => Vec::new(),
                Some(path) => vec![PathBuf::from(path)],
                None => {
                    let windows = std::env::var_os("WINDIR")
                        .map(|dir| PathBuf::from(dir).join("Fonts"))
                        .into_iter()
                        .flat_map(|dir| WINDOWS_FONTS.iter().map(move |name| dir.join(name)));
                    SYSTEM_FONTS
                        .iter()
                        .map(PathBuf::from)
                        .chain(windows)
                        .collect()
                }
            };
            candidates.into_iter().find_map(|path| {
                // Only an ordinary file of a font's size (never a FIFO named by the variable).
                let metadata = std::fs::metadata(&path).ok()?;
                if !metadata.is_file() || metadata.len() > MAX_FONT_BYTES {
                    return None;
                }
                let bytes = std::fs::read(&path).ok()?;
                // Kept for the program's life: the font tables of egui and plotters hold it.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                Typeface::new(Some(path), bytes)
            })
        })
        .as_ref()
}

/// Whether a character needs a glyph at all (spaces and controls are laid out, not drawn).
fn drawn(c: char) -> bool {
    !c.is_whitespace() && !c.is_control()
}

/// The characters of `texts` the bundled font lacks, each once, in order of appearance.
pub fn outside_bundled<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let bundled = bundled();
    let mut missing = Vec::new();
    for c in texts.into_iter().flat_map(str::chars) {
        if drawn(c) && !bundled.has(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

/// The font to draw `texts` with, all in one face: the bundled one where it has every
/// character, else the system's where that has every one it lacks; and the characters
/// neither has (drawn as blanks, to be said).
pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> (&'static Typeface, Vec<char>) {
    let missing = outside_bundled(texts);
    if missing.is_empty() {
        return (bundled(), missing);
    }
    match system() {
        Some(system) => {
            let still: Vec<char> = missing.into_iter().filter(|&c| !system.has(c)).collect();
            (system, still)
        }
        None => (bundled(), missing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_has_what_ecoplan_writes_and_lacks_rare_place_names() {
        assert!(outside_bundled(["汉阳区生态文明建设示范区规划 COD 万 t/a，2025 年"]).is_empty());
        assert_eq!(outside_bundled(["鄠邑区 浉河区 鄠"]), vec!['鄠', '浉']);
    }
}
