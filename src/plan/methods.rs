//! Default parameters of the capacity, footprint and EI methods for Hanyang. The plan prints
//! results (capacities, EI 47.79, "a deficit in 2019–2021") but none of these inputs, so every
//! default here is either calibrated to a printed result or an illustrative assumption, and its
//! note says which.

use super::figures as f;
use crate::engine::methods::{air_background_for, ecological_index};
use crate::model::{
    AirMethod, AirPollutant, AirZone, ConsumptionItem, EiMethod, FootprintMethod, Label, LandType,
    Methods, WaterBody, WaterMethod, WaterModel, WaterPollutant,
};

/// Midpoint of the 3.5–4.9 range for Hubei (docs/methods.md §2, marked uncertain there).
const A_COEFFICIENT: f64 = 4.2;

fn air() -> AirMethod {
    let background = |capacity_wan_t, limit| {
        air_background_for(capacity_wan_t, limit, A_COEFFICIENT, f::LAND_AREA_KM2)
    };
    let calibrated = Label::new(
        "背景浓度按方法结果与规划容量（第 302 行）一致标定，并非实测值",
        "background calibrated so that the method gives the plan's capacity (line 302); not a measurement",
    );
    AirMethod {
        a_coefficient: A_COEFFICIENT,
        zones: vec![AirZone {
            name: Label::new("全区", "whole district"),
            area_km2: f::LAND_AREA_KM2,
        }],
        pollutants: vec![
            AirPollutant {
                pollutant: "SO2".into(),
                limit_mg_m3: limit("SO2"),
                background_mg_m3: background(f::SO2_CAPACITY_WAN_T, limit("SO2")),
                note: calibrated.clone(),
            },
            AirPollutant {
                pollutant: "NO2".into(),
                limit_mg_m3: limit("NO2"),
                background_mg_m3: 0.042,
                note: Label::new(
                    "假定略高于 0.04 的标准限值，与规划所述容量为 0（已达到饱和，第 300 行）一致",
                    "assumed just above the 0.04 limit, as the plan's capacity of 0 (“saturated”, line 300) implies",
                ),
            },
            AirPollutant {
                pollutant: "PM10".into(),
                limit_mg_m3: limit("PM10"),
                background_mg_m3: background(f::PM10_CAPACITY_WAN_T, limit("PM10")),
                note: calibrated,
            },
        ],
        note: Label::new(
            "A = 4.2，取湖北省 3.5—4.9 的中值（假设）；全区为一个控制区，面积 111.54 km²；采用 GB 3095-2012 二级标准限值",
            "A = 4.2, the midpoint of 3.5–4.9 for Hubei (assumption); one zone of 111.54 km²; class-II limits of GB 3095-2012",
        ),
    }
}

fn water_pollutants(
    cod_upstream: f64,
    nh3n_upstream: f64,
    cod_decay: f64,
    nh3n_decay: f64,
) -> Vec<WaterPollutant> {
    vec![
        WaterPollutant {
            pollutant: "COD".into(),
            target_mg_l: class_iii("COD"),
            upstream_mg_l: cod_upstream,
            decay_per_day: cod_decay,
        },
        WaterPollutant {
            pollutant: "NH3-N".into(),
            target_mg_l: class_iii("NH3-N"),
            upstream_mg_l: nh3n_upstream,
            decay_per_day: nh3n_decay,
        },
    ]
}

fn lake(zh: &str, en: &str, inflow_m3_s: f64, volume_m3: f64) -> WaterBody {
    WaterBody {
        name: Label::new(zh, en),
        model: WaterModel::Lake {
            inflow_m3_s,
            volume_m3,
        },
        pollutants: water_pollutants(18.0, 0.8, 0.10, 0.08),
    }
}

fn water() -> WaterMethod {
    WaterMethod {
        bodies: vec![
            WaterBody {
                name: Label::new("长江汉阳段", "Yangtze, Hanyang reach"),
                model: WaterModel::River {
                    design_flow_m3_s: 60.0,
                    side_inflow_m3_s: 2.0,
                    velocity_m_s: 1.0,
                    upstream_km: 0.0,
                    downstream_km: 8.0,
                },
                pollutants: water_pollutants(15.0, 0.5, 0.25, 0.15),
            },
            WaterBody {
                name: Label::new("汉江汉阳段", "Han River, Hanyang reach"),
                model: WaterModel::River {
                    design_flow_m3_s: 20.0,
                    side_inflow_m3_s: 1.0,
                    velocity_m_s: 0.6,
                    upstream_km: 0.0,
                    downstream_km: 6.0,
                },
                pollutants: water_pollutants(16.0, 0.6, 0.25, 0.15),
            },
            lake("墨水湖", "Moshui Lake", 1.5, 7.5e6),
            lake("龙阳湖", "Longyang Lake", 1.0, 4.2e6),
            lake("月湖", "Yue Lake", 0.3, 1.3e6),
            lake("莲花湖", "Lianhua Lake", 0.1, 0.3e6),
        ],
        nonpoint_t_per_year: vec![("COD".into(), 0.0), ("NH3-N".into(), 0.0)],
        nonpoint_series: Vec::new(),
        note: Label::new(
            "示意性参数（假设）：规划只给出理想环境容量（化学需氧量 15 314.61、氨氮 1 530.04 t/a，第 310 行），未给出其背后的流量、浓度与降解系数。河流流量取本区混合区流量；水质目标为 III 类；降解系数参照 methods.md §3 所引案例。",
            "Illustrative parameters (assumptions): the plan prints only the ideal capacities (COD 15 314.61, NH₃-N 1 530.04 t/a, line 310), not the flows, concentrations and decay rates behind them. River flows are those of the district's mixing zone; targets are class III; decay rates after the published case in methods.md §3.",
        ),
    }
}

fn land(
    key: &str,
    zh: &str,
    en: &str,
    equivalence_factor: f64,
    yield_factor: f64,
    area_km2: f64,
) -> LandType {
    LandType {
        key: key.into(),
        name: Label::new(zh, en),
        equivalence_factor,
        yield_factor,
        area_hm2: area_km2 * 100.0,
    }
}

fn item(
    zh: &str,
    en: &str,
    land_type: &str,
    t_per_person: f64,
    world_yield_t_per_hm2: f64,
) -> ConsumptionItem {
    ConsumptionItem {
        name: Label::new(zh, en),
        land_type: land_type.into(),
        t_per_person,
        world_yield_t_per_hm2,
    }
}

/// Land cover of the district (km²), illustrative: shared by the footprint and EI defaults.
const FOREST_KM2: f64 = 6.0;
const GRASS_KM2: f64 = 3.0;
const WATER_KM2: f64 = 14.0;
const CROPLAND_KM2: f64 = 2.0;
const BUILT_UP_KM2: f64 = 84.0;
const UNUSED_KM2: f64 =
    f::LAND_AREA_KM2 - FOREST_KM2 - GRASS_KM2 - WATER_KM2 - CROPLAND_KM2 - BUILT_UP_KM2;

fn footprint() -> FootprintMethod {
    FootprintMethod {
        population_series: "population".into(),
        land_types: vec![
            land("cropland", "耕地", "cropland", 1.71, 1.66, CROPLAND_KM2),
            land("forest", "林地", "forest", 1.41, 0.91, FOREST_KM2),
            land("grassland", "草地", "grassland", 0.44, 0.19, GRASS_KM2),
            land("water", "水域", "water", 0.35, 1.0, WATER_KM2),
            land(
                "built_up",
                "建设用地",
                "built-up land",
                1.71,
                1.66,
                BUILT_UP_KM2,
            ),
            land(
                "fossil",
                "化石能源用地",
                "fossil-energy land",
                1.41,
                0.91,
                0.0,
            ),
        ],
        items: vec![
            item("粮食", "grain", "cropland", 0.13, 2.744),
            item("蔬菜", "vegetables", "cropland", 0.12, 18.0),
            item("猪肉", "pork", "cropland", 0.03, 0.074),
            item("牛羊肉", "beef and mutton", "grassland", 0.005, 0.033),
            item("水产品", "aquatic products", "water", 0.02, 0.029),
            item("水果", "fruit", "forest", 0.06, 3.5),
            item("能源（折标煤）", "energy (tce)", "fossil", 1.4, 1.88),
            item(
                "电力（万千瓦时）",
                "electricity (10⁴ kWh)",
                "built_up",
                0.12,
                27.8,
            ),
        ],
        biodiversity_share: 0.12,
        note: Label::new(
            "均衡因子取自 Liu 等 2015（methods.md §4）；耕地、林地、草地的产量因子、各类用地面积和人均消费量为示意性假设：规划仅说明 2019—2021 年生态足迹超过承载力（第 316 行）。能源：人均 1.4 吨标准煤，按 55 GJ/hm²（1.88 tce/hm²）折算；电力按 1 000 GJ/hm²（27.8 × 10⁴ kWh/hm²）折算。",
            "Equivalence factors after Liu et al. 2015 (methods.md §4); yield factors of cropland, forest and grassland, the land areas and the per-capita consumption are illustrative assumptions: the plan states only that the footprint exceeded the capacity in 2019–2021 (line 316). Energy: 1.4 tce per person at 55 GJ/hm² (1.88 tce/hm²); electricity at 1 000 GJ/hm² (27.8 × 10⁴ kWh/hm²).",
        ),
    }
}

fn ei() -> EiMethod {
    let mut method = EiMethod {
        area_km2: f::LAND_AREA_KM2,
        forest_km2: FOREST_KM2,
        grass_km2: GRASS_KM2,
        water_wetland_km2: WATER_KM2,
        cropland_km2: CROPLAND_KM2,
        built_up_km2: BUILT_UP_KM2,
        unused_km2: UNUSED_KM2,
        river_length_km: 40.0,
        water_resources_1e8_m3: 0.8,
        severe_erosion_km2: 0.0,
        moderate_erosion_km2: 0.0,
        other_stress_km2: 0.0,
        vegetation_coefficient: 0.0,
        mean_ndvi: 0.30,
        pollution_load_index: 30.0,
        restriction: 0.0,
        stated: f::EI_2021,
        note: Label::new(
            "土地覆盖、河流长度、水资源量、NDVI 与污染负荷指数为示意值；植被覆盖系数按默认值得到规划所述 EI 47.79（第 449 行）标定。",
            "Land cover, river length, water resources, NDVI and the pollution-load index are illustrative; the vegetation coefficient is calibrated so that the default gives the plan's EI of 47.79 (line 449).",
        ),
    };
    // EI is linear in the vegetation index: solve for the coefficient that gives the stated EI.
    let without_vegetation = ecological_index(&method).ei;
    method.vegetation_coefficient = (f::EI_2021 - without_vegetation) / (0.25 * method.mean_ndvi);
    method
}

pub fn hanyang_methods() -> Methods {
    Methods {
        air: air(),
        water: water(),
        footprint: footprint(),
        ei: ei(),
    }
}

/// A pollutant's GB 3095-2012 class II limit, as the plan adopts it (`air_limit_mg_m3`).
fn limit(pollutant: &str) -> f64 {
    super::air_limit_mg_m3(pollutant).expect("the plan's air pollutants have national limits")
}

/// A pollutant's GB 3838-2002 class III limit, the plan's water target (`class_iii_mg_l`; COD
/// and NH₃-N read the same in rivers and lakes).
fn class_iii(pollutant: &str) -> f64 {
    super::class_iii_mg_l(pollutant, false)
        .expect("the plan's water pollutants have national limits")
}
