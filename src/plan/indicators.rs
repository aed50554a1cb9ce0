//! The Hanyang plan's indicators: the national frame (`assets/indicator-frame.ron`) applied to a
//! district, with what the plan states about each row (lines 426–452), plus the two Hubei
//! provincial indicators.

use super::figures as f;
use super::frame::{Place, PlaceKind, national_frame};
use crate::model::{
    Difficulty, Indicator, IndicatorKind, IndicatorLink, IndicatorTarget, Label, Metric,
    Observation, StatedStatus, TaskProgress, TaskState,
};

/// Where the rows and their applicability come from.
pub const FRAME_NOTE: (&str, &str) = (
    "适用范围依据 2019 年指标体系（环生态〔2019〕76号）",
    "applicability from the 2019 frame (Huanshengtai [2019] No. 76)",
);

/// What the plan states about an applicable row (lines 426–452): indicator 1 pending, 3, 7, 10
/// and 11 not met, the other 24 met. Values where it gives them, links where the scenario
/// projects or computes the quantity.
fn plan_statement(indicator: &mut Indicator) {
    let observed = |year, value, source: &str| Observation {
        year,
        value,
        source: source.to_owned(),
    };
    let (stated, difficulty, note) = match indicator.number.as_str() {
        "1" => {
            indicator.task = Some(TaskProgress {
                state: TaskState::InProgress,
                date: String::new(),
                note: "本规划印发后即达标（第 430 行）".into(),
            });
            return;
        }
        "3" => (
            StatedStatus::NotMet,
            Difficulty::Easy,
            (
                "易：提高其在考核中的比重（第 436 行）",
                "easy: raise the share in the assessment (line 436)",
            ),
        ),
        "7" => {
            indicator.target = IndicatorTarget::AtLeast(f::GOOD_AIR_DAYS_TARGET);
            indicator.observed = vec![
                observed(2020, f::GOOD_AIR_DAYS_2020, "第 443 行 · line 443"),
                observed(f::BASE_YEAR, f::GOOD_AIR_DAYS_2021, "第 443 行 · line 443"),
            ];
            (
                StatedStatus::NotMet,
                Difficulty::Hard,
                (
                    "难：2021 年优良天数比例 79.4 %，较 2020 年的 85.9 % 下降 6.5 个百分点（第 443 行）；规划要求 2028 年 ≥ 85 %（第 1779 行）",
                    "hard: good-air days 79.4 % in 2021, 6.5 points below 85.9 % in 2020 (line 443); the plan sets ≥ 85 % by 2028 (line 1779)",
                ),
            )
        }
        "10" => {
            indicator.observed = vec![observed(f::BASE_YEAR, f::EI_2021, "第 449 行 · line 449")];
            (
                StatedStatus::NotMet,
                Difficulty::Hard,
                (
                    "难：EI 为 47.79，湿润地区要求 ≥ 60（第 449 行）；与生态环境状况指数计算关联",
                    "hard: EI 47.79 against ≥ 60 for a humid region (line 449); linked to the EI calculator",
                ),
            )
        }
        "11" => (
            StatedStatus::NotMet,
            Difficulty::Hard,
            (
                "难：中心城区无典型林区（第 452 行）",
                "hard: no typical forest area in this central urban district (line 452)",
            ),
        ),
        "20" => {
            indicator.target = IndicatorTarget::AtMost(f::ENERGY_INTENSITY_TARGET);
            (
                StatedStatus::Met,
                Difficulty::Normal,
                (
                    "规划要求 2028 年 ≤ 0.136 tce/万元（第 1783 行），并计为已达标（第 427 行）",
                    "the plan sets ≤ 0.136 tce per 10,000 yuan by 2028 (line 1783) and counts the row met (line 427)",
                ),
            )
        }
        _ => (
            StatedStatus::Met,
            Difficulty::Normal,
            ("已达标（第 427 行）", "met (line 427)"),
        ),
    };
    let (note_zh, note_en) = note;
    indicator.difficulty = difficulty;
    indicator.notes = Label {
        zh: format!("{note_zh}；{}", indicator.notes.zh),
        en: format!("{note_en}; {}", indicator.notes.en),
    };
    if matches!(indicator.target, IndicatorTarget::Task(_)) {
        indicator.task = Some(TaskProgress {
            state: TaskState::from_stated(stated),
            date: String::new(),
            note: note_zh.to_owned(),
        });
    } else {
        indicator.stated = Some(stated);
    }
}

/// Links the rows of the national frame that the scenario's series and methods compute: good-air
/// days (7) to its series, EI (10) to the EI calculator, energy intensity (20) to energy ÷ GDP.
pub fn link_to_scenario(indicator: &mut Indicator) {
    indicator.link = match indicator.number.as_str() {
        "7" => Some(IndicatorLink::Metric(Metric::Series(
            "good_air_days".into(),
        ))),
        "10" => Some(IndicatorLink::Ei),
        "20" => Some(IndicatorLink::Metric(Metric::Ratio {
            numerator: "energy".into(),
            denominator: "gdp".into(),
        })),
        _ => None,
    };
}

pub fn hanyang_indicators() -> Vec<Indicator> {
    let district = Place {
        kind: PlaceKind::District,
        coastal: false,
    };
    let mut indicators: Vec<Indicator> = national_frame()
        .rows
        .iter()
        .map(|row| {
            let mut indicator = row.indicator(district, &Label::new(FRAME_NOTE.0, FRAME_NOTE.1));
            if indicator.applies {
                link_to_scenario(&mut indicator);
                plan_statement(&mut indicator);
            }
            indicator
        })
        .collect();
    for (number, letter) in [("P1", "A"), ("P2", "B")] {
        indicators.push(Indicator {
            number: number.into(),
            system: Label::new("湖北省特有指标", "Hubei provincial indicators"),
            name: Label::new(&format!("省级特有指标 {letter}"), &format!("Provincial indicator {letter}")),
            unit: "–".into(),
            kind: IndicatorKind::Binding,
            applies: true,
            observed: Vec::new(),
            target: IndicatorTarget::Task(Label::new("达到考核要求", "meets the assessment requirement")),
            periods: Vec::new(),
            link: None,
            stated: None,
            task: Some(TaskProgress {
                state: TaskState::Done,
                date: String::new(),
                note: "已达标（第 427 行）".into(),
            }),
            difficulty: Difficulty::Normal,
            notes: Label::new(
                "湖北省 2 项特有指标之一（鄂环委〔2022〕1号），已达标（第 427 行）；手头资料未载明其名称",
                "one of the 2 Hubei-specific indicators (Ehuanwei [2022] No. 1), already met (line 427); no source at hand names it",
            ),
            decimals: None,
        });
    }
    indicators
}
