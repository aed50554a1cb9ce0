//! The interface's two languages. Every string the window shows is looked up here by key, so
//! each text has one home and both languages stay complete (the match is exhaustive).

use serde::{Deserialize, Serialize};

use crate::model::Label;

mod cli_help;
mod unit_words;
pub use cli_help::{CommandLineWords, command_line_help, command_line_words, usage_in};
pub use unit_words::{quantity_parts, unit_from_english, unit_text};

/// A unit as `lang` reads it (亿元 as "100 million yuan" in English); the file keeps its symbol.
pub fn unit(lang: Lang, unit: &crate::units::Unit) -> std::borrow::Cow<'_, str> {
    unit_text(lang, unit.symbol())
}

/// A number with its unit's words, as a sentence or a field's message writes it: "2.06 万 t/a";
/// in English a unit whose words start with a multiplier takes a "×" ("2.06 × 10,000 t/a",
/// not "2.06 10,000 t/a", which reads as two numbers).
pub fn amount(lang: Lang, number: &str, unit_words: &str) -> String {
    if unit_words.is_empty() {
        number.to_owned()
    } else if lang == Lang::En && unit_words.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{number} × {unit_words}")
    } else {
        format!("{number} {unit_words}")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 中文 (the default: users read Chinese first).
    #[default]
    Zh,
    En,
}

/// The user's interface language on Windows, as a LANGID.
#[cfg(windows)]
fn windows_ui_language() -> u16 {
    // kernel32, which every Windows program links.
    unsafe extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: GetUserDefaultUILanguage takes nothing and returns a value; it cannot fail.
    unsafe { GetUserDefaultUILanguage() }
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The code `--lang` takes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language the environment states: LC_ALL, LC_MESSAGES or LANG (the first set), Chinese
    /// for a `zh` locale and where none is stated (C, POSIX, nothing), English for any other. On
    /// Windows, where those are rarely set (Git's shell sets LANG), the user's interface
    /// language.
    pub fn from_environment() -> Lang {
        let stated = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        #[cfg(windows)]
        if stated.is_none() {
            return Lang::from_windows_language(windows_ui_language());
        }
        Lang::from_locale(stated.as_deref())
    }

    /// The language of a Windows LANGID: Chinese for any Chinese (primary language 0x04), and
    /// for none (0); English for any other.
    pub fn from_windows_language(langid: u16) -> Lang {
        const LANG_CHINESE: u16 = 0x04;
        match langid & 0x3ff {
            0 | LANG_CHINESE => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The language of a locale name (`zh_CN.UTF-8`, `en_GB`, `C`).
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            None | Some("C" | "POSIX") => Lang::Zh,
            Some(locale) if locale.starts_with("C.") || locale.starts_with("zh") => Lang::Zh,
            Some(_) => Lang::En,
        }
    }

    /// The text of `label` in this language exactly, empty where it has none (an editor's
    /// field shows what is there, not the other language's fallback).
    pub fn text_of(self, label: &Label) -> &str {
        self.pick(&label.zh, &label.en)
    }

    /// Sets the text of `label` in this language, leaving the other as it is.
    pub fn set_label(self, label: &mut Label, text: String) {
        match self {
            Lang::Zh => label.zh = text,
            Lang::En => label.en = text,
        }
    }

    pub fn label(self, label: &Label) -> &str {
        let text = self.pick(&label.zh, &label.en);
        // A label typed in one language only still shows.
        if text.is_empty() {
            self.pick(&label.en, &label.zh)
        } else {
            text
        }
    }
}

/// A label and what it says, with the colon of the language: "撤销：修改增长率", "Undo: …".
pub fn lead(lang: Lang, label: &str, text: &str) -> String {
    Tr::Lead.fill(lang, &[&label, &text])
}

/// A field's label before its control, with the colon of the language: "环境容量：".
pub fn label_colon(lang: Lang, label: &str) -> String {
    Tr::LabelColon.fill(lang, &[&label])
}

/// A text with a note in brackets, the brackets of the language: "排放量（化学需氧量）",
/// "Emission (COD)".
pub fn bracketed(lang: Lang, text: &str, note: &str) -> String {
    Tr::Bracketed.fill(lang, &[&text, &note])
}

/// Why a typed text is not a number: it is empty, or it is not one ("“abc”不是数字").
pub fn not_a_number(lang: Lang, typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        Tr::ValueNeeded.get(lang).to_owned()
    } else {
        Tr::NotANumber.fill(lang, &[&typed])
    }
}

/// Items as a sentence lists them: 甲、乙和丙 / a, b and c.
pub fn list_words<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            Tr::ListAnd.fill(
                lang,
                &[&rest.join(Tr::ListSeparator.get(lang)), &last.as_ref()],
            )
        }
    }
}

/// The guide (Help → Guide) in each language: `docs/guide.zh.md` and `docs/guide.en.md`, which
/// the README links too.
pub fn guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => include_str!("../../docs/guide.zh.md"),
        Lang::En => include_str!("../../docs/guide.en.md"),
    }
}

/// Defines `Tr`, one variant per text, with its Chinese and English text in one place: the
/// match the macro writes is exhaustive, so no text lacks a language, and `Tr::ALL` lets a test
/// check that every text is used.
macro_rules! texts {
    ([] $($key:ident => ($zh:expr, $en:expr $(,)?),)*) => {
        /// Every fixed text of the interface, by key. Texts with `{0}`, `{1}`, … take arguments
        /// (`Tr::fill`), so a sentence keeps its word order in each language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Tr {
            $($key,)*
        }

        impl Tr {
            /// Every text, in the order defined.
            pub const ALL: &'static [Tr] = &[$(Tr::$key,)*];

            /// The key's name as written in the source (`Tr::Save` is "Save").
            pub fn name(self) -> &'static str {
                match self {
                    $(Tr::$key => stringify!($key),)*
                }
            }

            /// The text in both languages.
            pub fn both(self) -> (&'static str, &'static str) {
                match self {
                    $(Tr::$key => ($zh, $en),)*
                }
            }
        }
    };
}

mod describe;
mod texts;

pub use describe::*;
pub use texts::Tr;

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.both();
        lang.pick(zh, en)
    }

    /// The name of an EI grade.
    pub fn ei_grade(grade: crate::engine::methods::EiGrade) -> Tr {
        use crate::engine::methods::EiGrade;
        match grade {
            EiGrade::Excellent => Tr::GradeExcellent,
            EiGrade::Good => Tr::GradeGood,
            EiGrade::Fair => Tr::GradeFair,
            EiGrade::Poor => Tr::GradePoor,
            EiGrade::Bad => Tr::GradeBad,
        }
    }

    /// The text with each `{0}`, `{1}`, … replaced by that argument, in one pass: an argument
    /// that itself contains "{1}" is not filled in again.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let template = self.get(lang);
        let mut text = String::with_capacity(template.len());
        let mut rest = template;
        // In Chinese a figure or a Latin word is set off by a space from the characters it
        // meets where an argument is filled in: "按年均增长 7.5 % 预测", "2025 年和 2028 年".
        let push = |text: &mut String, piece: &str| {
            if lang == Lang::Zh && meets(text.chars().last(), piece.chars().next()) {
                text.push(' ');
            }
            text.push_str(piece);
        };
        let mut after_argument = false;
        while let Some(open) = rest.find('{') {
            if after_argument {
                push(&mut text, &rest[..open]);
            } else {
                text.push_str(&rest[..open]);
            }
            after_argument = false;
            let after = &rest[open + 1..];
            let slot = after
                .find('}')
                .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
            match slot.and_then(|(i, close)| args.get(i).map(|arg| (arg, close))) {
                Some((arg, close)) => {
                    let arg = arg.to_string();
                    push(&mut text, &arg);
                    // An empty argument leaves the template's pieces around it as written.
                    after_argument = !arg.is_empty();
                    rest = &after[close + 1..];
                }
                None => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        if after_argument {
            push(&mut text, rest);
        } else {
            text.push_str(rest);
        }
        text
    }
}

/// Whether two characters side by side want a space between them in Chinese text: a Chinese
/// character and a figure (with its sign), a Latin letter, a unit's super- or subscript or a
/// per cent sign, in either order.
fn meets(before: Option<char>, next: Option<char>) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric() || "%+−²³₂₃₄".contains(c);
    let cjk = |c: char| !c.is_ascii() && c.is_alphabetic();
    match (before, next) {
        (Some(a), Some(b)) => (cjk(a) && latin(b)) || (latin(a) && cjk(b)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_a_locale_or_a_windows_language_states() {
        for (locale, lang) in [
            (None, Lang::Zh),
            (Some("C"), Lang::Zh),
            (Some("POSIX"), Lang::Zh),
            (Some("C.UTF-8"), Lang::Zh),
            (Some("zh_CN.UTF-8"), Lang::Zh),
            (Some("zh_TW"), Lang::Zh),
            (Some("en_US.UTF-8"), Lang::En),
            (Some("de_DE"), Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale:?}");
        }
        // LANGIDs: zh-CN 0x0804, zh-TW 0x0404, en-US 0x0409, de-DE 0x0407, none 0.
        for (langid, lang) in [
            (0x0804, Lang::Zh),
            (0x0404, Lang::Zh),
            (0x0409, Lang::En),
            (0x0407, Lang::En),
            (0, Lang::Zh),
        ] {
            assert_eq!(Lang::from_windows_language(langid), lang, "{langid:#x}");
        }
    }

    /// Every `.rs` file under `src/`, as text.
    fn sources() -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    out.push((path, text));
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    /// A file of this module (`src/i18n/`), where the texts and the choice of language live.
    fn in_this_module(path: &std::path::Path) -> bool {
        path.parent().is_some_and(|folder| folder.ends_with("i18n"))
    }

    #[test]
    fn every_text_is_used_and_has_both_languages_with_the_same_arguments() {
        let sources = sources();
        let elsewhere: String = sources
            .iter()
            .filter(|(path, _)| !in_this_module(path))
            .map(|(_, text)| text.as_str())
            .collect();
        let here: String = sources
            .iter()
            .filter(|(path, _)| in_this_module(path))
            .map(|(_, text)| text.as_str())
            .collect();
        // Texts used only inside this file (by `ei_grade`) count as used.
        let used_here = |name: &str| here.matches(&format!("Tr::{name}")).count() > 0;
        let mut unused = Vec::new();
        for text in Tr::ALL {
            let name = text.name();
            let used = elsewhere.contains(&format!("Tr::{name}"))
                && elsewhere
                    .match_indices(&format!("Tr::{name}"))
                    .any(|(i, m)| {
                        !elsewhere[i + m.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
            if !used && !used_here(name) {
                unused.push(name);
            }
            let (zh, en) = text.both();
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{name}");
            for i in 0..10 {
                let slot = format!("{{{i}}}");
                assert_eq!(zh.contains(&slot), en.contains(&slot), "{name}: {slot}");
            }
        }
        assert!(unused.is_empty(), "texts no code uses: {unused:?}");
    }

    #[test]
    fn no_language_is_picked_outside_this_module() {
        for (path, text) in sources() {
            if in_this_module(&path) {
                continue;
            }
            assert!(!text.contains(".pick("), "{}", path.display());
            assert!(!text.contains("Lang::Zh =>"), "{}", path.display());
        }
    }

    #[test]
    fn an_amount_in_a_unit_of_many_reads_as_one_number_in_english() {
        assert_eq!(amount(Lang::En, "2.06", "10,000 t/a"), "2.06 × 10,000 t/a");
        assert_eq!(
            amount(Lang::En, "-5", "10,000 people"),
            "-5 × 10,000 people"
        );
        assert_eq!(amount(Lang::En, "500", "t/a"), "500 t/a");
        assert_eq!(amount(Lang::Zh, "2.06", "万 t/a"), "2.06 万 t/a");
        assert_eq!(amount(Lang::En, "85", ""), "85");
    }

    #[test]
    fn an_argument_holding_a_placeholder_is_not_filled_again() {
        assert_eq!(
            Tr::FindingIdenticalSeries.fill(Lang::En, &[&"A {1}", &"B"]),
            "A {1} and B have the same values at every milestone: likely a copy error in the plan."
        );
    }

    #[test]
    fn a_rule_names_its_driver_by_label_even_where_the_key_is_inside_other_words() {
        use crate::model::{Group, Label, Rule, Series};
        let mut scenario = crate::model::Scenario::empty();
        scenario.series.push(Series {
            key: "o".into(),
            label: Label::new("地区生产总值", "GDP"),
            unit: crate::units::Unit::one(),
            group: Group::Economy,
            base: Some(1.0),
            rule: Rule::growth(0.0),
            source: Label::default(),
            observed: Vec::new(),
            decimals: None,
        });
        let rule = Rule::GrowthAs {
            driver: "o".into(),
            elasticity: 0.8,
        };
        // "follows" holds the key's letter: the name goes where the driver is, not there.
        let en = rule_in_words(&scenario, &rule, Lang::En);
        assert!(en.starts_with("follows GDP, elasticity 0.8"), "{en}");
        assert!(rule_in_words(&scenario, &rule, Lang::Zh).starts_with("随地区生产总值"));
        // A driver the scenario lacks is named by its key.
        let unknown = rule_in_words(&crate::model::Scenario::empty(), &rule, Lang::En);
        assert!(unknown.starts_with("follows o, elasticity"), "{unknown}");
    }

    #[test]
    fn lists_end_with_and_and_figures_are_set_off_in_chinese() {
        let years = ["2025 年", "2028 年", "2030 年"];
        assert_eq!(list_words(&years[..1], Lang::Zh), "2025 年");
        assert_eq!(list_words(&years[..2], Lang::Zh), "2025 年和 2028 年");
        assert_eq!(list_words(&years, Lang::Zh), "2025 年、2028 年和 2030 年");
        assert_eq!(
            list_words(&["2025", "2028", "2030"], Lang::En),
            "2025, 2028 and 2030"
        );
        assert_eq!(list_words::<&str>(&[], Lang::En), "");
        // A figure or a Latin word meets Chinese characters with a space, at the arguments'
        // edges only; full-width punctuation and a space already there take none.
        assert_eq!(
            Tr::BasisGrowth.fill(Lang::Zh, &[&"年均增长 7.5 %"]),
            "按年均增长 7.5 % 预测"
        );
        assert_eq!(
            Tr::BasisGrowth.fill(Lang::Zh, &[&"年均增长约 7.02 %"]),
            "按年均增长约 7.02 % 预测"
        );
        assert_eq!(
            Tr::BasisGrowth.fill(Lang::Zh, &[&"保持不变"]),
            "按保持不变预测"
        );
        assert_eq!(
            Tr::ListAnd.fill(Lang::Zh, &[&"化学需氧量", &"COD"]),
            "化学需氧量和 COD"
        );
        assert_eq!(
            Tr::ListAnd.fill(Lang::Zh, &[&"（甲）", &"乙"]),
            "（甲）和乙"
        );
        assert_eq!(Tr::ListAnd.fill(Lang::En, &[&"a", &"b"]), "a and b");
        // A unit's subscript and a figure's sign count as the figure's; an empty argument
        // adds nothing.
        assert_eq!(Tr::ListAnd.fill(Lang::Zh, &[&"NO₂", &"−3"]), "NO₂ 和 −3");
        assert_eq!(
            Tr::Bracketed.fill(Lang::Zh, &[&"排放量", &""]),
            "排放量（）"
        );
        assert_eq!(Tr::Lead.fill(Lang::Zh, &[&"", &"COD"]), "：COD");
        // Paths, keys and units are never split: only an argument's edges are looked at.
        assert_eq!(
            Tr::Lead.fill(Lang::Zh, &[&"/home/某人/规划.ron", &"第 3 行"]),
            "/home/某人/规划.ron：第 3 行"
        );
    }

    #[test]
    fn arguments_fill_in_order_in_each_language() {
        assert_eq!(
            Tr::FindingTargetMissed.fill(Lang::En, &[&2028, &"EI", &"0.159", &"tce", &"0.136"]),
            "The projection gives EI 0.159 tce in 2028, missing the target of 0.136 tce."
        );
        assert!(
            Tr::FindingTargetMissed
                .fill(Lang::Zh, &[&2028, &"EI", &"0.159", &"tce", &"0.136"])
                .starts_with("按本情景预测，2028 年 EI 为 0.159 tce")
        );
    }
}
