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
    /// A font file; of a collection (.ttc), the face for Simplified Chinese (Noto Sans CJK SC
    /// rather than its first face, the Japanese cut), made a font of its own so that every
    /// reader (egui, plotters) takes it as the font's only face.
    fn new(path: Option<PathBuf>, bytes: &'static [u8]) -> Option<Typeface> {
        let bytes = match simplified_face(bytes) {
            Some(index) if index > 0 => {
                let face = single_face(bytes, index)?;
                // Kept for the program's life, as the file's bytes are.
                Box::leak(face.into_boxed_slice())
            }
            _ => bytes,
        };
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

fn be_u16(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn be_u32(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The faces of a collection: where each one's table directory starts. `None` for a font of
/// one face.
fn collection_faces(bytes: &[u8]) -> Option<Vec<usize>> {
    if bytes.get(..4)? != b"ttcf" {
        return None;
    }
    let count = be_u32(bytes, 8)?.min(256);
    (0..count).map(|i| be_u32(bytes, 12 + 4 * i)).collect()
}

/// A face's tables: (tag, offset, length).
fn tables(bytes: &[u8], directory: usize) -> Option<Vec<([u8; 4], usize, usize)>> {
    let count = be_u16(bytes, directory + 4)?;
    (0..count)
        .map(|i| {
            let record = directory + 12 + 16 * i;
            let tag: [u8; 4] = bytes.get(record..record + 4)?.try_into().ok()?;
            Some((tag, be_u32(bytes, record + 8)?, be_u32(bytes, record + 12)?))
        })
        .collect()
}

/// A face's family names (the `name` table's records 1 and 16), in UTF-16 or Latin-1.
fn family_names(bytes: &[u8], directory: usize) -> Vec<String> {
    let names = || -> Option<Vec<String>> {
        let (_, table, _) = tables(bytes, directory)?
            .into_iter()
            .find(|(tag, _, _)| tag == b"name")?;
        let count = be_u16(bytes, table + 2)?;
        let strings = table + be_u16(bytes, table + 4)?;
        let mut found = Vec::new();
        for i in 0..count {
            let record = table + 6 + 12 * i;
            let (platform, name_id) = (be_u16(bytes, record)?, be_u16(bytes, record + 6)?);
            if name_id != 1 && name_id != 16 {
                continue;
            }
            let (length, offset) = (be_u16(bytes, record + 8)?, be_u16(bytes, record + 10)?);
            let raw = bytes.get(strings + offset..strings + offset + length)?;
            found.push(if platform == 0 || platform == 3 {
                let units: Vec<u16> = raw
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                raw.iter().map(|&b| char::from(b)).collect()
            });
        }
        Some(found)
    };
    names().unwrap_or_default()
}

/// Of a collection, the face whose family says it is for Simplified Chinese.
fn simplified_face(bytes: &[u8]) -> Option<usize> {
    let faces = collection_faces(bytes)?;
    faces.iter().position(|&directory| {
        family_names(bytes, directory).iter().any(|name| {
            name.ends_with(" SC")
                || name.contains(" SC ")
                || name.contains('简')
                || name.contains("Simplified")
        })
    })
}

/// Face `index` of a collection as a font file of its own: its table directory, then its
/// tables (shared ones copied), each at a four-byte boundary.
fn single_face(bytes: &[u8], index: usize) -> Option<Vec<u8>> {
    let directory = *collection_faces(bytes)?.get(index)?;
    let tables = tables(bytes, directory)?;
    let mut offset = 12 + 16 * tables.len();
    let mut font = Vec::new();
    font.extend_from_slice(bytes.get(directory..directory + 12)?);
    for (i, &(_, start, length)) in tables.iter().enumerate() {
        bytes.get(start..start + length)?;
        let record = directory + 12 + 16 * i;
        font.extend_from_slice(bytes.get(record..record + 8)?);
        font.extend_from_slice(&(offset as u32).to_be_bytes());
        font.extend_from_slice(&(length as u32).to_be_bytes());
        offset += length.div_ceil(4) * 4;
    }
    for &(_, start, length) in &tables {
        font.extend_from_slice(&bytes[start..start + length]);
        font.resize(font.len().div_ceil(4) * 4, 0);
    }
    Some(font)
}

/// Where a CJK font with far more characters than the subset usually is, by system.
const SYSTEM_FONTS: &[&str] = &[
    // Linux: Noto CJK SC alone (Fedora), the Noto CJK collection (Debian, Ubuntu; Arch;
    // Fedora), WenQuanYi, Droid, AR PL.
    "/usr/share/fonts/google-noto-cjk/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
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
            let windows = std::env::var_os("WINDIR")
                .map(|dir| PathBuf::from(dir).join("Fonts"))
                .into_iter()
                .flat_map(|dir| WINDOWS_FONTS.iter().map(move |name| dir.join(name)));
            let usual = SYSTEM_FONTS.iter().map(PathBuf::from).chain(windows);
            // A file named that cannot be read as a font leaves the usual places to search.
            let candidates: Vec<PathBuf> = match std::env::var_os(FONT_VARIABLE) {
                Some(path) if path.is_empty() => Vec::new(),
                Some(path) => std::iter::once(PathBuf::from(path)).chain(usual).collect(),
                None => usual.collect(),
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
    let texts: Vec<&str> = texts.into_iter().collect();
    let missing = outside_bundled(texts.iter().copied());
    if missing.is_empty() {
        return (bundled(), missing);
    }
    match system() {
        Some(system) => {
            // Drawn wholly in the system's face: what it lacks of all the text (Latin or
            // symbols the subset had, too) is what goes blank.
            let mut still = Vec::new();
            for c in texts.iter().flat_map(|t| t.chars()) {
                if drawn(c) && !system.has(c) && !still.contains(&c) {
                    still.push(c);
                }
            }
            (system, still)
        }
        None => (bundled(), missing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_a_collection_the_simplified_chinese_face_is_taken_as_a_font_of_its_own() {
        let read = |path: &str| -> Option<&'static [u8]> {
            Some(Box::leak(std::fs::read(path).ok()?.into_boxed_slice()))
        };
        let noto = read("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        let wqy = read("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        assert!(
            noto.is_some() || wqy.is_some(),
            "a CJK collection: apt-get install fonts-wqy-microhei, as .ci/run does"
        );
        // Noto Sans CJK's faces are JP, KR, SC, TC, HK: the third, made a font of its own.
        if let Some(bytes) = noto {
            assert_eq!(simplified_face(bytes), Some(2));
            let face = Typeface::new(None, bytes).unwrap();
            assert_ne!(face.bytes.as_ptr(), bytes.as_ptr(), "a font of its own");
            let names = family_names(face.bytes, 0);
            assert!(names.iter().any(|n| n == "Noto Sans CJK SC"), "{names:?}");
            assert!(face.has('鄠') && face.has('浉'));
        }
        // WenQuanYi's two faces are both Chinese (proportional, mono): the first, as it is.
        if let Some(bytes) = wqy {
            assert_eq!(collection_faces(bytes).map(|f| f.len()), Some(2));
            let names = family_names(bytes, collection_faces(bytes).unwrap()[0]);
            assert!(
                names.iter().any(|n| n.contains("WenQuanYi Micro Hei")),
                "{names:?}"
            );
            assert_eq!(simplified_face(bytes), None);
            let face = Typeface::new(None, bytes).unwrap();
            assert_eq!(face.bytes.as_ptr(), bytes.as_ptr());
            assert!(face.has('鄠') && face.has('浉'));
        }
    }

    #[test]
    fn the_subset_has_what_ecoplan_writes_and_lacks_rare_place_names() {
        assert!(outside_bundled(["汉阳区生态文明建设示范区规划 COD 万 t/a，2025 年"]).is_empty());
        assert_eq!(outside_bundled(["鄠邑区 浉河区 鄠"]), vec!['鄠', '浉']);
    }
}
