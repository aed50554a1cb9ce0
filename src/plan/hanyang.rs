use super::figures::{self as f, published};
use super::indicators::hanyang_indicators;
use crate::engine::growth_through;
use crate::model::{
    Capacity, CapacityBasis, Comparison, FORMAT_VERSION, Group, Label, Metadata, Metric, Project,
    ProjectGroup, Rule, Scenario, Series, Target, default_near_threshold,
};
use crate::units::Unit;

fn unit(text: &str) -> Unit {
    Unit::parse(text).unwrap_or_else(|error| panic!("built-in unit: {error}"))
}

fn series(
    key: &str,
    (zh, en): (&str, &str),
    unit_text: &str,
    group: Group,
    base: f64,
    rule: Rule,
    (source_zh, source_en): (&str, &str),
) -> Series {
    Series {
        key: key.into(),
        label: Label::new(zh, en),
        unit: unit(unit_text),
        group,
        base: Some(base),
        rule,
        source: Label::new(source_zh, source_en),
        observed: Vec::new(),
        decimals: f::printed_decimals(key),
    }
}

const CALIBRATED: (&str, &str) = (
    "按规划 2025、2028 年数值标定（第 260—298 行）；规划未给出 2021 年值",
    "calibrated to the plan's 2025 and 2028 figures (lines 260–298); no 2021 value is published",
);

/// A series the plan projects without a 2021 value: constant growth through its two printed
/// figures, with the base value that growth implies.
fn calibrated(key: &str, zh: &str, en: &str, group: Group) -> Series {
    let figure = published(key);
    let (base, rate) = growth_through(
        f::BASE_YEAR,
        (f::MID_TERM, figure.mid_term),
        (f::END_YEAR, figure.end),
    );
    series(
        key,
        (zh, en),
        figure.unit,
        group,
        base,
        Rule::growth(rate),
        CALIBRATED,
    )
}

/// The built-in default: the Hanyang District plan, 2021 base year, projected to 2028.
pub fn hanyang_plan() -> Scenario {
    let series = vec![
        series(
            "gdp",
            ("地区生产总值", "GDP"),
            "亿元",
            Group::Economy,
            f::GDP_2021,
            Rule::growth(f::GDP_GROWTH),
            (
                "2021 年值（第 120 行）；年均增长 7.5 %（第 260 行）",
                "2021 value (line 120); 7.5 %/yr average growth (line 260)",
            ),
        ),
        series(
            "gdp_secondary",
            ("第二产业增加值", "Secondary industry value added"),
            "亿元",
            Group::Economy,
            f::GDP_SECONDARY_2021,
            Rule::GrowthAs {
                driver: "gdp".into(),
                elasticity: 1.0,
            },
            (
                "2021 年值（第 120 行）；占地区生产总值比重保持不变：规划只预测生产总值",
                "2021 value (line 120); share of GDP held constant: the plan projects only total GDP",
            ),
        ),
        series(
            "gdp_tertiary",
            ("第三产业增加值", "Tertiary industry value added"),
            "亿元",
            Group::Economy,
            f::GDP_TERTIARY_2021,
            Rule::GrowthAs {
                driver: "gdp".into(),
                elasticity: 1.0,
            },
            (
                "2021 年值（第 122 行）；占地区生产总值比重保持不变：规划只预测生产总值",
                "2021 value (line 122); share of GDP held constant: the plan projects only total GDP",
            ),
        ),
        series(
            "population",
            ("常住人口", "Resident population"),
            "万人",
            Group::Population,
            f::POPULATION_2021,
            Rule::growth(f::POPULATION_GROWTH),
            (
                "2021 年值（第 83 行）；2013—2021 年平均增速（第 268 行），按 5 %/年可复现规划数值",
                "2021 value (line 83); 2013–2021 average growth (line 268), 5 %/yr reproduces the plan",
            ),
        ),
        calibrated(
            "water_industrial",
            "工业用水量",
            "Industrial water use",
            Group::Water,
        ),
        series(
            "water_domestic",
            ("生活用水量", "Domestic water use"),
            "亿 m³",
            Group::Water,
            f::POPULATION_2021 * f::WATER_DOMESTIC_M3_PER_PERSON * 1e-4,
            Rule::Driven {
                driver: "population".into(),
                intensity: f::WATER_DOMESTIC_M3_PER_PERSON,
                intensity_unit: unit("m³/人"),
                change: 0.0,
            },
            (
                "常住人口 × 每人每年 102 m³，可复现规划 2025、2028 年数值（第 278 行）；规划未给出 2021 年值",
                "population × 102 m³ per person and year, which reproduces the plan's 2025 and 2028 figures (line 278); no 2021 value is published",
            ),
        ),
        series(
            "water_ecological",
            ("生态环境用水量", "Ecological water use"),
            "亿 m³",
            Group::Water,
            f::POPULATION_2021 * f::WATER_DOMESTIC_M3_PER_PERSON * 1e-4,
            Rule::GrowthAs {
                driver: "water_domestic".into(),
                elasticity: 1.0,
            },
            (
                "规划所列数值与生活用水量相同（第 278 行），很可能是规划文本的笔误；按原文复现",
                "printed with the same figures as domestic use (line 278), very likely a copy error in the plan; reproduced as printed",
            ),
        ),
        calibrated(
            "energy",
            "能源消费总量",
            "Total energy consumption",
            Group::Energy,
        ),
        calibrated(
            "cod",
            "化学需氧量排放总量",
            "COD emissions",
            Group::Emissions,
        ),
        calibrated("nh3n", "氨氮排放总量", "NH₃-N emissions", Group::Emissions),
        calibrated("so2", "二氧化硫排放量", "SO₂ emissions", Group::Emissions),
        calibrated("nox", "氮氧化物排放量", "NOx emissions", Group::Emissions),
        calibrated(
            "dust",
            "烟尘（粉尘）排放量",
            "Dust emissions",
            Group::Emissions,
        ),
        calibrated(
            "msw",
            "生活垃圾产生量",
            "Municipal solid waste",
            Group::Waste,
        ),
        series(
            "good_air_days",
            ("空气质量优良天数比例", "Share of good-air days"),
            "%",
            Group::Environment,
            f::GOOD_AIR_DAYS_2021,
            Rule::Interp {
                points: vec![(f::END_YEAR, f::GOOD_AIR_DAYS_TARGET)],
                after_rate: 0.0,
            },
            (
                "2021 年值 79.4 %（第 443 行：2020 年为 85.9 %，下降 6.5 个百分点）；规划未给出变化趋势，故线性过渡到 2028 年的 85 %（第 1779 行）",
                "2021 value 79.4 % (line 443: 85.9 % in 2020, down 6.5 points); the plan projects no trend, so a straight line to the 85 % it states for 2028 (line 1779)",
            ),
        ),
        series(
            "land_area",
            ("土地面积", "Land area"),
            "km²",
            Group::Land,
            f::LAND_AREA_KM2,
            Rule::growth(0.0),
            ("第 83 行", "line 83"),
        ),
        series(
            "red_line_area",
            ("生态保护红线面积", "Ecological red-line area"),
            "km²",
            Group::Land,
            f::RED_LINE_AREA_KM2,
            Rule::growth(0.0),
            (
                "第 1123 行；指标 17：面积不减少",
                "line 1123; indicator 17: area not to decrease",
            ),
        ),
    ];
    // Each capacity's names, medium and emission series are the usual pollutant's
    // (`plan::USUAL_POLLUTANTS`); the value, unit and source are the plan's.
    let capacity =
        |pollutant: &str, value, unit_text: &str, (source_zh, source_en): (&str, &str)| {
            let usual =
                super::usual_pollutant(pollutant).expect("the plan's pollutants are usual ones");
            Capacity {
                pollutant: pollutant.into(),
                label: Label::new(usual.zh, usual.en),
                medium: usual.medium,
                value,
                unit: unit(unit_text),
                series: usual.series.into(),
                basis: CapacityBasis::Typed,
                near_threshold: default_near_threshold(),
                source: Label::new(source_zh, source_en),
            }
        };
    let capacities = vec![
        capacity(
            "COD",
            f::COD_CAPACITY_T,
            "t/a",
            (
                "理想环境容量（第 310 行）",
                "ideal environmental capacity (line 310)",
            ),
        ),
        capacity(
            "NH3-N",
            f::NH3N_CAPACITY_T,
            "t/a",
            (
                "理想环境容量（第 310 行）",
                "ideal environmental capacity (line 310)",
            ),
        ),
        capacity(
            "SO2",
            f::SO2_CAPACITY_WAN_T,
            "万 t/a",
            ("第 302 行", "line 302"),
        ),
        capacity(
            "NO2",
            f::NO2_CAPACITY,
            "t/a",
            (
                "已达到饱和，总容量为 0（第 300 行）；与氮氧化物排放量比较，规划称其“临近饱和”",
                "saturated, total capacity 0 (line 300); compared with NOx emissions, which the plan calls near saturation",
            ),
        ),
        capacity(
            "PM10",
            f::PM10_CAPACITY_WAN_T,
            "万 t/a",
            (
                "第 302 行；与烟尘（粉尘）排放量比较",
                "line 302; compared with dust emissions",
            ),
        ),
    ];
    let targets = vec![
        Target {
            key: "energy_intensity".into(),
            label: Label::new("万元GDP能耗", "Energy per 10 000 yuan of GDP"),
            metric: Metric::Ratio {
                numerator: "energy".into(),
                denominator: "gdp".into(),
            },
            comparison: Comparison::AtMost,
            threshold: f::ENERGY_INTENSITY_TARGET,
            unit: unit("tce/万元"),
            year: f::END_YEAR,
            relative_to: None,
            source: Label::new("第 1783 行", "line 1783"),
        },
        Target {
            key: "good_air_days".into(),
            label: Label::new("优良天数比例", "Share of good-air days"),
            metric: Metric::Series("good_air_days".into()),
            comparison: Comparison::AtLeast,
            threshold: f::GOOD_AIR_DAYS_TARGET,
            unit: unit("%"),
            year: f::END_YEAR,
            relative_to: None,
            source: Label::new("第 1779 行", "line 1779"),
        },
    ];
    let project_groups = vec![
        ProjectGroup {
            key: "priority".into(),
            name: Label::new(
                "生态文明优先工程",
                "Ecological civilization priority projects",
            ),
            stated_count: f::PRIORITY_PROJECTS.0,
            stated_investment_yi_yuan: f::PRIORITY_PROJECTS.1,
        },
        ProjectGroup {
            key: "consolidation".into(),
            name: Label::new("六大体系巩固工程", "Six-systems consolidation projects"),
            stated_count: f::CONSOLIDATION_PROJECTS.0,
            stated_investment_yi_yuan: f::CONSOLIDATION_PROJECTS.1,
        },
    ];
    let named = |zh: &str, en: &str, line: u32| Project {
        name: Label::new(zh, en),
        group: String::new(),
        investment_yi_yuan: None,
        notes: Label::new(
            &format!("见规划正文（第 {line} 行）；规划未列出其所属类别与投资额"),
            &format!(
                "named in the plan's text (line {line}); the plan prints neither its group nor its amount"
            ),
        ),
    };
    let projects = vec![
        named(
            "六湖连通生态水网工程",
            "Six-lake connection ecological water network",
            550,
        ),
        named(
            "汉江江滩三期环境综合整治工程",
            "Han River beach phase III environmental improvement",
            550,
        ),
        named(
            "墨水湖和龙阳湖水体提质及生态修复工程",
            "Moshui and Longyang lakes water quality and restoration",
            550,
        ),
        named(
            "汉阳港渠湖塘水体提质工程",
            "Hanyang canals, lakes and ponds water quality",
            552,
        ),
        named(
            "汉阳主次干道排水管网混错接改造工程",
            "Hanyang trunk-road drainage misconnection repair",
            656,
        ),
        named(
            "黄金口污水处理厂（改、扩）建工程",
            "Huangjinkou wastewater plant upgrade and expansion",
            1403,
        ),
        named(
            "长江汉阳江滩二期提档升级续建工程",
            "Yangtze Hanyang beach phase II upgrade",
            930,
        ),
        named(
            "三环线城市生态带汉阳段园林绿化工程",
            "Third Ring Road ecological belt greening, Hanyang section",
            924,
        ),
        named("龙阳湖公园", "Longyang Lake Park", 1084),
        named("什湖公园", "Shihu Park", 1086),
        named("洲头公园", "Zhoutou Park", 1086),
    ];
    Scenario {
        format_version: FORMAT_VERSION,
        metadata: Metadata {
            name: "汉阳区生态文明建设示范区规划 2022–2028".into(),
            region: "湖北省武汉市汉阳区 Hanyang District, Wuhan, Hubei".into(),
            author: "汉阳区人民政府 (阳政〔2022〕17号)".into(),
            notes: Label::new(
                "内置情景。地区生产总值与人口从规划的 2021 年数值起算；其他预测序列没有公布的 2021 \
                 年数值：其基准值与增长率按规划印出的 2025、2028 年数值标定。生态用水量印得与生活\
                 用水量相同（可能是抄写错误）；按规划自己的能源与生产总值预测，单位生产总值能耗约为 \
                 0.159 吨标准煤/万元，而目标为 0.136。",
                "Built-in default. GDP and population start from the plan's 2021 values. Every other \
                 projected series has no published 2021 value: its baseline and rate are calibrated \
                 so that the 2025 and 2028 values match the printed ones. Ecological water use is \
                 printed equal to domestic use (a likely copy error), and the plan's own energy and \
                 GDP projections give ≈ 0.159 tce per 10,000 yuan against its 0.136 target.",
            ),
        },
        base_year: f::BASE_YEAR,
        horizon: f::END_YEAR,
        milestones: vec![f::MID_TERM, f::END_YEAR],
        periods: Vec::new(),
        series,
        capacities,
        targets,
        indicators: hanyang_indicators(),
        project_groups,
        projects,
        methods: super::methods::hanyang_methods(),
        uncertainty: Vec::new(),
        correlations: Vec::new(),
        chapter: Default::default(),
    }
}
