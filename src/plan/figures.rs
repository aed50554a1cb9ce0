//! The figures the Hanyang plan prints, each once, with its line in the plan's text (which
//! `docs/plan-figures.md` describes and lists figure by figure). The built-in
//! scenario is made from these, and the tests check its projection against them.

pub const BASE_YEAR: i32 = 2021;
pub const MID_TERM: i32 = 2025;
pub const END_YEAR: i32 = 2028;

/// 地区生产总值 2021, 亿元 (line 120).
pub const GDP_2021: f64 = 792.86;
/// 年均增速 7.5 % (line 260).
pub const GDP_GROWTH: f64 = 0.075;
/// 第二产业增加值 2021, 亿元 (line 120).
pub const GDP_SECONDARY_2021: f64 = 169.78;
/// 第三产业增加值 2021, 亿元 (line 122).
pub const GDP_TERTIARY_2021: f64 = 623.09;
/// 常住人口 2021, 万人 (line 83).
pub const POPULATION_2021: f64 = 90.00;
/// The 2013–2021 average growth the plan applies (line 268). Not printed; 5 % reproduces both
/// published values.
pub const POPULATION_GROWTH: f64 = 0.05;
/// 土地面积, km² (line 83).
pub const LAND_AREA_KM2: f64 = 111.54;
/// 生态保护红线面积, km² (line 1123).
pub const RED_LINE_AREA_KM2: f64 = 9.6;
/// 空气质量优良率 2021, % (line 443: 85.9 in 2020, down 6.5 points).
pub const GOOD_AIR_DAYS_2021: f64 = 79.4;
/// 空气质量优良率 2020, % (line 443).
pub const GOOD_AIR_DAYS_2020: f64 = 85.9;
/// 生态环境状况指数 EI (line 449) and its target for a humid region.
pub const EI_2021: f64 = 47.79;
pub const EI_TARGET: f64 = crate::engine::methods::EI_TARGET;
/// Per-capita domestic water use, m³ per person and year. Not printed: the plan's domestic water
/// grows exactly with population (1.1158 / 109.40 = 1.2917 / 126.64 = 0.0102 亿 m³ per 万人).
pub const WATER_DOMESTIC_M3_PER_PERSON: f64 = 102.0;

/// One projected figure the plan prints for the mid-term and the end year (lines 260–298).
#[derive(Clone, Copy, Debug)]
pub struct PublishedProjection {
    pub key: &'static str,
    pub mid_term: f64,
    pub end: f64,
    pub unit: &'static str,
    /// Decimal places printed: the tolerance of a reproduction is one unit of the last digit.
    pub decimals: i32,
    pub line: u32,
}

pub const PROJECTIONS: &[PublishedProjection] = &[
    PublishedProjection {
        key: "gdp",
        mid_term: 1058.84,
        end: 1315.39,
        unit: "亿元",
        decimals: 2,
        line: 262,
    },
    PublishedProjection {
        key: "population",
        mid_term: 109.39,
        end: 126.64,
        unit: "万人",
        decimals: 2,
        line: 268,
    },
    PublishedProjection {
        key: "water_industrial",
        mid_term: 0.0488,
        end: 0.0473,
        unit: "亿 m³",
        decimals: 4,
        line: 276,
    },
    PublishedProjection {
        key: "water_domestic",
        mid_term: 1.1158,
        end: 1.2917,
        unit: "亿 m³",
        decimals: 4,
        line: 278,
    },
    PublishedProjection {
        key: "water_ecological",
        mid_term: 1.1158,
        end: 1.2917,
        unit: "亿 m³",
        decimals: 4,
        line: 278,
    },
    PublishedProjection {
        key: "energy",
        mid_term: 167.91,
        end: 208.82,
        unit: "万 tce",
        decimals: 2,
        line: 282,
    },
    PublishedProjection {
        key: "cod",
        mid_term: 4379.45,
        end: 5367.83,
        unit: "t/a",
        decimals: 2,
        line: 286,
    },
    PublishedProjection {
        key: "nh3n",
        mid_term: 437.95,
        end: 536.78,
        unit: "t/a",
        decimals: 2,
        line: 288,
    },
    PublishedProjection {
        key: "so2",
        mid_term: 8.47,
        end: 8.02,
        unit: "t/a",
        decimals: 2,
        line: 290,
    },
    PublishedProjection {
        key: "nox",
        mid_term: 19.78,
        end: 18.61,
        unit: "t/a",
        decimals: 2,
        line: 290,
    },
    PublishedProjection {
        key: "dust",
        mid_term: 8.08,
        end: 7.61,
        unit: "t/a",
        decimals: 2,
        line: 292,
    },
    PublishedProjection {
        key: "msw",
        mid_term: 377764.96,
        end: 437335.72,
        unit: "t/a",
        decimals: 2,
        line: 292,
    },
];

impl PublishedProjection {
    pub fn tolerance(&self) -> f64 {
        10f64.powi(-self.decimals)
    }
}

/// The decimals the plan prints a series in: its projection's figures where it projects one,
/// else its base value's (169.78 亿元 line 120, 111.54 km² line 83, 9.6 km² line 1123, 79.4 %
/// line 443). Tables, charts, exports and the report show the series at this precision.
pub fn printed_decimals(key: &str) -> Option<u8> {
    if let Some(projection) = PROJECTIONS.iter().find(|p| p.key == key) {
        return u8::try_from(projection.decimals).ok();
    }
    match key {
        "gdp_secondary" | "gdp_tertiary" | "land_area" => Some(2),
        "good_air_days" | "red_line_area" => Some(1),
        _ => None,
    }
}

pub fn published(key: &str) -> &'static PublishedProjection {
    PROJECTIONS
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("the plan publishes no projection for {key}"))
}

/// Environmental capacities (lines 300–312): pollutant, medium, value, unit, compared series.
pub const NO2_CAPACITY: f64 = 0.0;
pub const SO2_CAPACITY_WAN_T: f64 = 2.060;
pub const PM10_CAPACITY_WAN_T: f64 = 0.311;
pub const COD_CAPACITY_T: f64 = 15_314.61;
pub const NH3N_CAPACITY_T: f64 = 1_530.04;

/// 万元 GDP 能耗 target, tce/万元 by 2028 (line 1783).
pub const ENERGY_INTENSITY_TARGET: f64 = 0.136;
/// 优良天数比例 target, % by 2028 (line 1779).
pub const GOOD_AIR_DAYS_TARGET: f64 = 85.0;

/// Project groups (lines 1770–1772): 37 projects, 496.39 亿元.
pub const PRIORITY_PROJECTS: (u32, f64) = (12, 322.33);
pub const CONSOLIDATION_PROJECTS: (u32, f64) = (25, 174.06);
pub const PROJECT_COUNT: u32 = 37;
pub const PROJECT_INVESTMENT_YI_YUAN: f64 = 496.39;
