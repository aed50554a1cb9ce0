//! The national indicator frame (`shared/reference/indicators.md`, 2019 structure) with the
//! Hanyang plan's statuses (lines 426–452), plus the two Hubei provincial indicators.

use super::figures as f;
use crate::model::{Difficulty, Indicator, IndicatorKind, IndicatorStatus, IndicatorTarget, Label};

use IndicatorKind::{Binding as B, Reference as R};

/// How a row of the 2019 frame applies: to cities and counties (市县), which a district is
/// assessed as, or only to coastal areas, cities or counties.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    CityAndCounty,
    Coastal,
    CityOnly,
    CountyOnly,
}
use Scope::{CityAndCounty as CC, CityOnly as C, Coastal as SEA, CountyOnly as CTY};

const SYSTEMS: [(&str, &str); 6] = [
    ("生态制度", "Ecological institutions"),
    ("生态安全", "Ecological security"),
    ("生态空间", "Ecological space"),
    ("生态经济", "Ecological economy"),
    ("生态生活", "Ecological living"),
    ("生态文化", "Ecological culture"),
];

enum T {
    AtLeast(f64),
    AtMost(f64),
    Equal(f64),
    Improving,
    Task(&'static str, &'static str),
}

/// (number, system, 中文, English, unit, target, kind, scope)
type Row = (
    u32,
    usize,
    &'static str,
    &'static str,
    &'static str,
    T,
    IndicatorKind,
    Scope,
);

fn rows() -> Vec<Row> {
    vec![
        (
            1,
            0,
            "生态文明建设规划",
            "Ecological civilization plan",
            "–",
            T::Task("制定实施", "drawn up and implemented"),
            B,
            CC,
        ),
        (
            2,
            0,
            "党委政府对生态文明建设重大目标任务部署情况",
            "Deployment of major ecological tasks by Party committee and government",
            "–",
            T::Task("有效开展", "carried out effectively"),
            B,
            CC,
        ),
        (
            3,
            0,
            "生态文明建设工作占党政实绩考核的比例",
            "Share of ecological work in Party and government performance assessment",
            "%",
            T::AtLeast(20.0),
            B,
            CC,
        ),
        (
            4,
            0,
            "河长制",
            "River chief system",
            "–",
            T::Task("全面实施", "fully implemented"),
            B,
            CC,
        ),
        (
            5,
            0,
            "生态环境信息公开率",
            "Environmental information disclosure rate",
            "%",
            T::Equal(100.0),
            B,
            CC,
        ),
        (
            6,
            0,
            "依法开展规划环境影响评价",
            "Strategic environmental assessment of plans",
            "%",
            T::Equal(100.0),
            R,
            CC,
        ),
        (
            7,
            1,
            "环境空气质量：优良天数比例、PM2.5浓度下降幅度",
            "Air quality: good-air days, PM2.5 reduction",
            "%",
            T::AtLeast(f::GOOD_AIR_DAYS_TARGET),
            B,
            CC,
        ),
        (
            8,
            1,
            "水环境质量：水质达到或优于Ⅲ类比例提高幅度、劣Ⅴ类比例下降幅度、黑臭水体消除比例",
            "Water quality: class III or better, below class V, black-odorous water bodies",
            "%",
            T::Improving,
            B,
            CC,
        ),
        (
            9,
            1,
            "近岸海域水质优良比例",
            "Coastal water quality",
            "%",
            T::Improving,
            B,
            SEA,
        ),
        (
            10,
            1,
            "生态环境状况指数",
            "Ecological status index (EI)",
            "–",
            T::AtLeast(f::EI_TARGET),
            B,
            CC,
        ),
        (
            11,
            1,
            "林草覆盖率",
            "Forest and grass cover",
            "%",
            T::AtLeast(18.0),
            B,
            CC,
        ),
        (
            12,
            1,
            "生物多样性保护：重点保护物种受到保护的比例、外来物种入侵",
            "Biodiversity: protected key species, invasive species",
            "%",
            T::AtLeast(95.0),
            B,
            CC,
        ),
        (
            13,
            1,
            "海岸生态修复",
            "Coastal ecological restoration",
            "–",
            T::Task("完成上级目标", "meets the higher-level target"),
            B,
            SEA,
        ),
        (
            14,
            1,
            "危险废物利用处置率",
            "Hazardous waste utilisation and disposal rate",
            "%",
            T::Equal(100.0),
            B,
            CC,
        ),
        (
            15,
            1,
            "建设用地土壤污染风险管控和修复名录制度",
            "Soil pollution risk list for construction land",
            "–",
            T::Task("建立", "established"),
            R,
            CC,
        ),
        (
            16,
            1,
            "突发生态环境事件应急管理机制",
            "Environmental emergency management mechanism",
            "–",
            T::Task("建立", "established"),
            B,
            CC,
        ),
        (
            17,
            2,
            "自然生态空间：生态保护红线、自然保护地",
            "Natural ecological space: red line, protected areas",
            "–",
            T::Task(
                "面积不减少，性质不改变，功能不降低",
                "area, nature and function maintained",
            ),
            B,
            CC,
        ),
        (
            18,
            2,
            "自然岸线保有率",
            "Natural coastline retention",
            "%",
            T::Task("完成上级管控目标", "meets the higher-level target"),
            B,
            SEA,
        ),
        (
            19,
            2,
            "河湖岸线保护率",
            "River and lake shoreline protection",
            "%",
            T::Task("完成上级管控目标", "meets the higher-level target"),
            R,
            CC,
        ),
        (
            20,
            3,
            "单位地区生产总值能耗",
            "Energy per unit of GDP",
            "tce/万元",
            T::AtMost(f::ENERGY_INTENSITY_TARGET),
            B,
            CC,
        ),
        (
            21,
            3,
            "单位地区生产总值用水量",
            "Water per unit of GDP",
            "m³/万元",
            T::Improving,
            B,
            CC,
        ),
        (
            22,
            3,
            "单位国内生产总值建设用地使用面积下降率",
            "Decline of construction land per unit of GDP",
            "%",
            T::AtLeast(4.5),
            R,
            CC,
        ),
        (
            23,
            3,
            "碳排放强度",
            "Carbon intensity",
            "t/万元",
            T::Task("完成上级管控目标", "meets the higher-level target"),
            B,
            C,
        ),
        (
            24,
            3,
            "应当实施强制性清洁生产企业通过审核的比例",
            "Mandatory cleaner-production audits passed",
            "%",
            T::Task("完成年度审核计划", "annual audit plan completed"),
            R,
            C,
        ),
        (
            25,
            3,
            "农业废弃物综合利用率",
            "Agricultural waste utilisation",
            "%",
            T::AtLeast(90.0),
            R,
            CTY,
        ),
        (
            26,
            3,
            "一般工业固体废物综合利用率",
            "General industrial solid waste utilisation",
            "%",
            T::AtLeast(80.0),
            R,
            CC,
        ),
        (
            27,
            4,
            "集中式饮用水水源地水质优良比例",
            "Drinking water sources of good quality",
            "%",
            T::Equal(100.0),
            B,
            CC,
        ),
        (
            28,
            4,
            "村镇饮用水卫生合格率",
            "Village drinking water hygiene",
            "%",
            T::Equal(100.0),
            B,
            CTY,
        ),
        (
            29,
            4,
            "城镇污水处理率",
            "Urban wastewater treatment rate",
            "%",
            T::AtLeast(95.0),
            B,
            CC,
        ),
        (
            30,
            4,
            "城镇生活垃圾无害化处理率",
            "Urban household waste safe treatment rate",
            "%",
            T::AtLeast(95.0),
            B,
            CC,
        ),
        (
            31,
            4,
            "城镇人均公园绿地面积",
            "Urban park area per person",
            "m²/人",
            T::AtLeast(15.0),
            R,
            C,
        ),
        (
            32,
            4,
            "农村无害化卫生厕所普及率",
            "Rural sanitary toilets",
            "%",
            T::Task("完成上级规定的目标任务", "meets the higher-level target"),
            B,
            CTY,
        ),
        (
            33,
            4,
            "城镇新建绿色建筑比例",
            "Green share of new urban buildings",
            "%",
            T::AtLeast(50.0),
            R,
            CC,
        ),
        (
            34,
            4,
            "公共交通出行分担率",
            "Public transport share of trips",
            "%",
            T::AtLeast(70.0),
            R,
            C,
        ),
        (
            35,
            4,
            "生活废弃物综合利用：城镇生活垃圾分类减量化行动、农村生活垃圾集中收集储运",
            "Household waste sorting and collection",
            "–",
            T::Task("实施", "implemented"),
            R,
            CC,
        ),
        (
            36,
            4,
            "绿色产品市场占有率",
            "Market share of green products",
            "%",
            T::AtLeast(50.0),
            R,
            C,
        ),
        (
            37,
            4,
            "政府绿色采购比例",
            "Government green procurement",
            "%",
            T::AtLeast(80.0),
            B,
            CC,
        ),
        (
            38,
            5,
            "党政领导干部参加生态文明培训的人数比例",
            "Officials trained in ecological civilization",
            "%",
            T::Equal(100.0),
            R,
            CC,
        ),
        (
            39,
            5,
            "公众对生态文明建设的满意度",
            "Public satisfaction with ecological civilization",
            "%",
            T::AtLeast(90.0),
            R,
            CC,
        ),
        (
            40,
            5,
            "公众对生态文明建设的参与度",
            "Public participation in ecological civilization",
            "%",
            T::AtLeast(90.0),
            R,
            CC,
        ),
    ]
}

/// The plan's statuses (lines 426–452): indicator 1 pending, 3, 7, 10, 11 not met, the other
/// applicable ones met.
fn plan_status(number: u32) -> (IndicatorStatus, Difficulty, Option<f64>, &'static str) {
    match number {
        1 => (
            IndicatorStatus::Pending,
            Difficulty::Normal,
            None,
            "met once this plan is issued (line 430)",
        ),
        3 => (
            IndicatorStatus::NotMet,
            Difficulty::Easy,
            None,
            "easy: raise the share in the assessment (line 436)",
        ),
        7 => (
            IndicatorStatus::NotMet,
            Difficulty::Hard,
            Some(f::GOOD_AIR_DAYS_2021),
            "hard: good-air days 79.4 % in 2021, 6.5 points below 85.9 % in 2020 (line 443); the plan sets ≥ 85 % by 2028",
        ),
        10 => (
            IndicatorStatus::NotMet,
            Difficulty::Hard,
            Some(f::EI_2021),
            "hard: EI 47.79 against ≥ 60 for a humid region (line 449)",
        ),
        11 => (
            IndicatorStatus::NotMet,
            Difficulty::Hard,
            None,
            "hard: no typical forest area in this central urban district (line 452)",
        ),
        _ => (IndicatorStatus::Met, Difficulty::Normal, None, ""),
    }
}

pub fn hanyang_indicators() -> Vec<Indicator> {
    let mut indicators: Vec<Indicator> = rows()
        .into_iter()
        .map(|(number, system, zh, en, unit, target, kind, scope)| {
            let applies = scope == CC;
            let (status, difficulty, baseline, notes) = if applies {
                plan_status(number)
            } else {
                (IndicatorStatus::NotAssessed, Difficulty::Normal, None, "")
            };
            let scope_note = match scope {
                CC => "",
                SEA => "coastal areas only",
                C => "cities only; a district is assessed at county level",
                CTY => "counties only",
            };
            let notes = [
                notes,
                scope_note,
                "applicability from the 2019 frame (环生态〔2019〕76号)",
            ]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
            Indicator {
                number: number.to_string(),
                system: Label::new(SYSTEMS[system].0, SYSTEMS[system].1),
                name: Label::new(zh, en),
                unit: unit.into(),
                kind,
                applies,
                baseline,
                target: match target {
                    T::AtLeast(v) => IndicatorTarget::AtLeast(v),
                    T::AtMost(v) => IndicatorTarget::AtMost(v),
                    T::Equal(v) => IndicatorTarget::Equal(v),
                    T::Improving => IndicatorTarget::Improving,
                    T::Task(zh, en) => IndicatorTarget::Task(Label::new(zh, en)),
                },
                status,
                difficulty,
                notes,
            }
        })
        .collect();
    for (number, letter) in [("P1", "A"), ("P2", "B")] {
        indicators.push(Indicator {
            number: number.into(),
            system: Label::new("湖北省特有指标", "Hubei provincial indicators"),
            name: Label::new(&format!("省级特有指标 {letter}"), &format!("Provincial indicator {letter}")),
            unit: "–".into(),
            kind: B,
            applies: true,
            baseline: None,
            target: IndicatorTarget::Task(Label::new("达到考核要求", "meets the assessment requirement")),
            status: IndicatorStatus::Met,
            difficulty: Difficulty::Normal,
            notes: "one of the 2 Hubei-specific indicators (鄂环委〔2022〕1号), already met (line 427); no source at hand names it".into(),
        });
    }
    indicators
}
