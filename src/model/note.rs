//! A note of where a number comes from, in the interface's two languages.
//!
//! Files written before notes had two languages hold a plain string, and a note a user types
//! once is the same in both: both read as a string (`source: "统计年鉴 2023"`) and are written
//! back so. A note with two texts is written as a label (`source: (zh: "…", en: "…")`).

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serialize, Serializer};

use super::Label;

impl Label {
    /// The same text in both languages: a note typed once.
    pub fn same(text: &str) -> Label {
        Label::new(text, text)
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

impl From<&str> for Label {
    fn from(text: &str) -> Label {
        Label::same(text)
    }
}

/// Writes a note as a plain string where both languages say the same.
pub fn serialize<S: Serializer>(note: &Label, serializer: S) -> Result<S::Ok, S::Error> {
    if note.zh == note.en {
        serializer.serialize_str(&note.zh)
    } else {
        note.serialize(serializer)
    }
}

/// Reads a note from a string or from `(zh: "…", en: "…")`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Label, D::Error> {
    deserializer.deserialize_any(NoteVisitor)
}

struct NoteVisitor;

impl<'de> Visitor<'de> for NoteVisitor {
    type Value = Label;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a note: a string, or (zh: \"…\", en: \"…\")")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Label, E> {
        Ok(Label::same(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Label, A::Error> {
        let (mut zh, mut en) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "zh" => &mut zh,
                "en" => &mut en,
                other => return Err(de::Error::unknown_field(other, &["zh", "en"])),
            };
            if slot.is_some() {
                return Err(de::Error::custom(format!("`{key}` is given twice")));
            }
            *slot = Some(map.next_value::<String>()?);
        }
        Ok(Label {
            zh: zh.unwrap_or_default(),
            en: en.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::Label;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Noted {
        #[serde(with = "super")]
        source: Label,
    }

    fn read(text: &str) -> Result<Noted, ron::error::SpannedError> {
        ron::from_str(text)
    }

    #[test]
    fn a_note_reads_from_a_string_or_a_label_and_writes_back_the_same_way() {
        // A file from before: one text, both languages.
        let old = read(r#"(source: "line 302")"#).unwrap();
        assert_eq!(old.source, Label::same("line 302"));
        assert_eq!(ron::to_string(&old).unwrap(), r#"(source:"line 302")"#);
        let both = read(r#"(source: (zh: "第 302 行", en: "line 302"))"#).unwrap();
        assert_eq!(both.source, Label::new("第 302 行", "line 302"));
        let written = ron::to_string(&both).unwrap();
        assert_eq!(read(&written).unwrap(), both);
        // One language given: the other is empty, and `Lang::label` shows the one there is.
        let zh_only = read(r#"(source: (zh: "统计年鉴"))"#).unwrap();
        assert_eq!(crate::i18n::Lang::En.label(&zh_only.source), "统计年鉴");
    }

    #[test]
    fn a_malformed_note_is_refused_with_what_a_note_is() {
        for text in [
            r#"(source: 12)"#,
            r#"(source: (zh: "a", fr: "b"))"#,
            r#"(source: (zh: "a", zh: "b"))"#,
            r#"(source: (zh: 3))"#,
        ] {
            let error = read(text).unwrap_err().to_string();
            assert!(
                error.contains("note") || error.contains("zh") || error.contains("string"),
                "{text}: {error}"
            );
        }
    }
}
