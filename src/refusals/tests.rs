use super::{field_name, item_name, reason};
use crate::engine::{ModelError, Reason};
use crate::i18n::Lang;

/// One of each kind of reason (two of the one whose words differ by a flag).
fn every_reason() -> Vec<Reason> {
    let all = vec![
        Reason::Finite,
        Reason::NonNegative,
        Reason::Positive,
        Reason::CapacityValue,
        Reason::NearThreshold,
        Reason::Rate,
        Reason::Elasticity,
        Reason::Share,
        Reason::PercentChange,
        Reason::PercentFall,
        Reason::PercentShare,
        Reason::EiRange,
        Reason::TargetThreshold,
        Reason::Decimals { max: 6 },
        Reason::MilestoneNotAfterBase {
            year: 2020,
            base: 2021,
        },
        Reason::PeriodNotAMilestone { until: 2027 },
        Reason::PeriodOutside {
            until: 1900,
            min: 1990,
            max: 2100,
        },
        Reason::PeriodTwice { until: 2025 },
        Reason::ObservedOutside {
            year: 1900,
            min: 1990,
            max: 2100,
        },
        Reason::ObservedTwice { year: 2021 },
        Reason::ChangeYearsRise {
            base: 2021,
            year: 2020,
        },
        Reason::PointYearsRise {
            base: 2021,
            year: 2020,
        },
        Reason::NoSuchSeries,
        Reason::NoSuchTarget,
        Reason::NoSuchCapacity,
        Reason::NoSuchParentEntry,
        Reason::NoSuchLandType {
            land_type: "湿地".into(),
        },
        Reason::ControlCharacter {
            text: "\\u{1b}".into(),
        },
        Reason::KeyCharacter {
            character: "!".into(),
        },
        Reason::LandCoverBeyondArea {
            cover: 12.0,
            area: 10.0,
        },
        Reason::StepHasNoRate,
        Reason::ModeOutsideRange,
        Reason::NormalSpread,
        Reason::MinBelowMax,
        Reason::SeekRange {
            low: 0.1,
            high: 0.1,
        },
        Reason::SeekRangeTooWide {
            low: -2.0,
            high: 2.0,
            elasticity: false,
        },
        Reason::SeekRangeTooWide {
            low: -20.0,
            high: 20.0,
            elasticity: true,
        },
        Reason::LeverDoesNotMoveGoal {
            measured: vec!["1".into(), "2".into()],
        },
        Reason::SensitivityStep,
        Reason::YearBeforeBase { year: 2000 },
        Reason::TooManyFanPasses {
            runs: 100_000,
            passes: 65,
        },
        Reason::Runs { max: 100_000 },
        Reason::NoWaterParameters,
        Reason::NoAirParameters,
        Reason::YieldAndConsumption,
        Reason::TargetYearOutside {
            year: 2090,
            from: 2021,
            to: 2030,
        },
        Reason::RelativeNotBefore {
            year: 2025,
            target_year: 2025,
        },
        Reason::RelativeNoValue { year: 2015 },
        Reason::DriverNotPositive,
        Reason::HoldsNoScenario,
        Reason::Correlation,
        Reason::CorrelationWithItself,
        Reason::CorrelationNotUncertain { series: "1".into() },
        Reason::CorrelationTwice,
        Reason::CorrelationsInconsistent,
    ];
    // Every kind listed: a new reason fails here until it is, and its words are tested.
    let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
    assert_eq!(kinds.len(), <Reason as strum::EnumCount>::COUNT);
    all
}

/// Words of Latin letters a Chinese message may hold: abbreviations the plans write so
/// (EI, PM2.5), units, a standard's code (HJ 192-2015) and the program's name.
const LATIN_IN_CHINESE: [&str; 11] = [
    "EI", "GDP", "tce", "km", "hm", "kg", "PM", "HJ", "ecoplan", "RON", "CSV",
];

fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !LATIN_IN_CHINESE.contains(w))
        .map(str::to_owned)
        .collect()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_window_names_an_item_as_its_views_show_it() {
    let plan = crate::plan::hanyang_plan();
    let indicator =
        ModelError::invalid_value("indicator", "10", "value of 2022", 130.0, Reason::EiRange);
    let said = indicator.in_lang_for(&plan, Lang::Zh);
    assert!(said.starts_with("指标 10“生态环境状况指数”："), "{said}");
    assert!(indicator.in_lang(Lang::Zh).starts_with("指标“10”："));
    let series = ModelError::invalid_value("series", "gdp", "base", -1.0, Reason::NonNegative);
    assert!(
        series
            .in_lang_for(&plan, Lang::Zh)
            .starts_with("序列“地区生产总值”（gdp）：")
    );
    assert!(
        series
            .in_lang_for(&plan, Lang::En)
            .starts_with("series \"GDP\" (gdp): ")
    );
    // A key the scenario does not have is named by its key.
    let unknown = ModelError::invalid_value("series", "nosuch", "base", -1.0, Reason::NonNegative);
    assert_eq!(
        unknown.in_lang_for(&plan, Lang::Zh),
        unknown.in_lang(Lang::Zh)
    );
}

#[test]
fn every_reason_reads_in_chinese_and_in_english() {
    for why in every_reason() {
        let zh = reason(&why, Lang::Zh);
        let en = reason(&why, Lang::En);
        assert!(has_chinese(&zh), "{why:?} in Chinese: {zh}");
        assert!(latin_words(&zh).is_empty(), "{why:?} in Chinese: {zh}");
        // The land type is the file's own name (湿地 here), kept as written.
        if !matches!(why, Reason::NoSuchLandType { .. }) {
            assert!(!has_chinese(&en), "{why:?} in English: {en}");
        }
        assert!(!en.is_empty() && zh != en, "{why:?}");
    }
}

#[test]
fn every_item_and_field_the_engine_names_has_the_windows_words() {
    // Items as the engine names them (`ModelError`'s `item`).
    let items = [
        "series",
        "capacity",
        "target",
        "indicator",
        "scenario",
        "uncertainty",
        "uncertain rate of series",
        "goal",
        "goal seek",
        "sensitivity",
        "correlation",
        "EI",
        "water body",
        "air method",
        "footprint method",
        "footprint item",
        "chapter unit",
        "workspace",
        "project",
    ];
    for item in items {
        let zh = item_name(item, Lang::Zh);
        assert!(has_chinese(&zh), "item {item}: {zh}");
    }
    // Every field the engine's sources name in a refusal, read from them: a field added
    // without its label fails here.
    let mut fields = std::collections::BTreeSet::new();
    for path in sources("src/engine") {
        let text = std::fs::read_to_string(&path).unwrap();
        for call in ["invalid(", "invalid_value("] {
            for (at, _) in text.match_indices(call) {
                if let Some(field) = third_literal(&text[at + call.len()..]) {
                    fields.insert(field);
                }
            }
        }
        for (at, _) in text.match_indices("field: \"") {
            let rest = &text[at + "field: \"".len()..];
            fields.insert(rest[..rest.find('"').unwrap()].to_owned());
        }
    }
    assert!(fields.len() > 30, "the sources name fields: {fields:?}");
    for field in fields {
        let zh = field_name(&field, Lang::Zh);
        assert!(
            has_chinese(&zh) && latin_words(&zh).is_empty(),
            "field {field}: {zh}"
        );
    }
    for field in [
        "point 2025",
        "observed value of 2021",
        "value of 2021",
        "target until 2025",
    ] {
        assert!(has_chinese(&field_name(field, Lang::Zh)), "{field}");
    }
}

/// The third argument of a call whose arguments start `text`, where it is a string literal.
fn third_literal(text: &str) -> Option<String> {
    let mut depth = 0;
    let mut commas = 0;
    let mut in_string = false;
    let mut start = None;
    for (i, c) in text.char_indices() {
        match c {
            '"' if commas == 2 && depth == 0 => {
                if in_string {
                    return Some(text[start? + 1..i].to_owned());
                }
                in_string = true;
                start = Some(i);
            }
            '"' => in_string = !in_string,
            _ if in_string => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                commas += 1;
                if commas > 2 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

fn sources(folder: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_model_error_reads_in_chinese_with_its_place() {
    let errors = [
        ModelError::BaseYearRange {
            base_year: 1800,
            min: 1990,
            max: 2099,
        },
        ModelError::YearRange {
            base_year: 2030,
            horizon: 2028,
        },
        ModelError::HorizonTooFar {
            horizon: 2300,
            max: 2100,
        },
        ModelError::DuplicateKey {
            item: "series",
            key: "gdp".into(),
        },
        ModelError::EmptyKey {
            item: "target",
            key: "单位GDP能耗".into(),
        },
        ModelError::UnknownSeries {
            series: "energy".into(),
            driver: "gdp2".into(),
        },
        ModelError::UnknownSeriesUse {
            place: crate::model::references::SeriesUse::Comparison,
            key: "nosuch".into(),
        },
        ModelError::Cycle {
            cycle: vec!["a".into(), "b".into(), "a".into()],
        },
        ModelError::InvalidValue {
            item: "indicator",
            key: "7".into(),
            field: "target until 2025".into(),
            value: 179.0,
            reason: Reason::PercentShare,
        },
        ModelError::Invalid {
            item: "series",
            key: "bad key!".into(),
            field: "key".into(),
            reason: Reason::KeyCharacter {
                character: "!".into(),
            },
        },
        ModelError::NotFinite {
            item: "series",
            key: "gdp".into(),
            year: 2040,
        },
        ModelError::Unit {
            item: "series",
            key: "gdp".into(),
            source: crate::units::UnitError::Unknown("亿美元".into()),
        },
    ];
    for error in errors {
        let zh = error.in_lang(Lang::Zh);
        let en = error.in_lang(Lang::En);
        assert!(has_chinese(&zh), "{error:?}: {zh}");
        // Beyond the keys it names, no English word.
        let keys = ["gdp", "energy", "nosuch", "bad", "key", "a", "b"];
        let words: Vec<String> = latin_words(&zh)
            .into_iter()
            .filter(|w| !keys.contains(&w.as_str()))
            .collect();
        assert!(words.is_empty(), "{error:?}: {zh}");
        assert_ne!(zh, en);
    }
}
