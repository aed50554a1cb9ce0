//! A workbook package measured before it is opened: entries, inflated size and shared strings within bounds, so a zip bomb is refused, not unpacked.

use super::*;

/// What a workbook's zip package may hold once inflated: a 20 MB xlsx of real figures inflates
/// to well under this; a zip bomb is stopped here instead of being read for seconds to gigabytes.
pub(super) const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// Entries of a package: a workbook has a few dozen.
pub(super) const MAX_ENTRIES: usize = 10_000;

/// Distinct texts a workbook may declare (its shared strings, for which the reader reserves
/// memory up front): a million is far beyond any statistics book.
pub(super) const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// How much of the shared strings is read for their opening.
pub(super) const MAX_SST_HEAD: u64 = 1024 * 1024;

/// Inflates every entry of a zip package into nothing, counting: refused past `MAX_INFLATED`
/// in all (whatever sizes the entries declare, since a bomb lies about them) or past
/// `MAX_ENTRIES`; the shared strings' declared count is bounded too.
pub(super) fn measure_package(bytes: &[u8]) -> Result<(), Label> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        said(
            format!("不是完整的 xlsx 或 ods 文件（压缩包无法打开：{e}）"),
            format!("not a whole xlsx or ods file (the zip package cannot be opened: {e})"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(said(
            format!(
                "压缩包中有 {} 个条目，工作簿至多 {MAX_ENTRIES} 个",
                archive.len()
            ),
            format!(
                "the package has {} entries; a workbook has at most {MAX_ENTRIES}",
                archive.len()
            ),
        ));
    }
    let too_large = || {
        said(
            format!(
                "解压后超过 {} MB（可能是“压缩炸弹”），不予读取",
                MAX_INFLATED / (1024 * 1024)
            ),
            format!(
                "it inflates to more than {} MB (a zip bomb?) and is not read",
                MAX_INFLATED / (1024 * 1024)
            ),
        )
    };
    let mut inflated = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| {
            said(
                format!("压缩包的第 {} 个条目无法读取：{e}", index + 1),
                format!("entry {} of the package cannot be read: {e}", index + 1),
            )
        })?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        // Found as the reader finds it: any case, either separator.
        let shared_strings = name
            .to_ascii_lowercase()
            .replace('\\', "/")
            .ends_with("sharedstrings.xml");
        // The opening of the shared strings, where their count is declared.
        let mut head = Vec::new();
        if shared_strings {
            (&mut entry)
                .take(MAX_SST_HEAD)
                .read_to_end(&mut head)
                .map_err(|e| unreadable_entry(&name, &e))?;
        }
        let rest = std::io::copy(
            &mut (&mut entry).take(MAX_INFLATED - inflated + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| unreadable_entry(&name, &e))?;
        inflated += head.len() as u64 + rest;
        if inflated > MAX_INFLATED {
            return Err(too_large());
        }
        if shared_strings {
            let count = match declared_count(&head) {
                Some(count) => count,
                // No table opening in the first megabyte: the reader would go on looking.
                None if rest > 0 => Some(u64::MAX),
                None => None,
            };
            if let Some(count) = count.filter(|&c| c > MAX_SHARED_STRINGS) {
                let shown = if count == u64::MAX {
                    "?".to_owned()
                } else {
                    count.to_string()
                };
                return Err(said(
                    format!(
                        "工作簿声明了 {shown} 个不同的文本，至多可读取 {MAX_SHARED_STRINGS} 个"
                    ),
                    format!(
                        "the workbook declares {shown} distinct texts; at most {MAX_SHARED_STRINGS} are read"
                    ),
                ));
            }
        }
    }
    Ok(())
}

pub(super) fn unreadable_entry(name: &str, e: &std::io::Error) -> Label {
    said(
        format!("压缩包条目 {name} 无法解压：{e}"),
        format!("the package's entry {name} cannot be inflated: {e}"),
    )
}

/// What the shared strings' opening declares, read as the workbook reader reads it: the first
/// element named `sst` (any prefix, after any declaration, comment or other element), its
/// `uniqueCount` attribute (spaces around `=`, either quote) as digits. `Some(None)`: an
/// opening without a count the reader would use; `None`: no opening in `head`.
pub(super) fn declared_count(head: &[u8]) -> Option<Option<u64>> {
    let text = String::from_utf8_lossy(head);
    let mut rest: &str = &text;
    loop {
        let open = rest.find('<')?;
        rest = &rest[open + 1..];
        // Declarations, comments and instructions hold no element.
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->")? + 3..];
            continue;
        }
        if rest.starts_with('?') || rest.starts_with('!') {
            rest = &rest[rest.find('>')? + 1..];
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        let tag_end = rest.find('>')?;
        if local != "sst" {
            rest = &rest[tag_end + 1..];
            continue;
        }
        return Some(
            attribute(&rest[name_end..tag_end], "uniqueCount").and_then(|v| v.parse().ok()),
        );
    }
}

/// The value of the attribute whose local name is `wanted` in a start tag's attributes.
pub(super) fn attribute<'a>(mut attributes: &'a str, wanted: &str) -> Option<&'a str> {
    loop {
        attributes = attributes.trim_start();
        let name_end = attributes.find(|c: char| c == '=' || c.is_whitespace())?;
        let name = &attributes[..name_end];
        let after = attributes[name_end..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_end = after[1..].find(quote)?;
        let value = &after[1..1 + value_end];
        if name.rsplit(':').next() == Some(wanted) {
            return Some(value);
        }
        attributes = &after[value_end + 2..];
    }
}
