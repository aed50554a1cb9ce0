//! Parameters of the methods behind capacities, the ecological footprint and EI
//! (`docs/methods.md` §2–§5). Every parameter is data with its unit in its name;
//! defaults that are assumptions say so in `note`.

use serde::{Deserialize, Serialize};

use super::Label;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methods {
    #[serde(default)]
    pub air: AirMethod,
    #[serde(default)]
    pub water: WaterMethod,
    #[serde(default)]
    pub footprint: FootprintMethod,
    #[serde(default)]
    pub ei: EiMethod,
}

/// The A-value method (GB/T 3840-91), `docs/methods.md` §2.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirMethod {
    /// The regional coefficient A, in 10⁴ km²/a.
    pub a_coefficient: f64,
    /// Functional zones; their areas add up to the district's area S.
    pub zones: Vec<AirZone>,
    pub pollutants: Vec<AirPollutant>,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub note: super::Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirZone {
    pub name: Label,
    pub area_km2: f64,
}

/// Limit and background of one air pollutant; `pollutant` matches a capacity's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirPollutant {
    pub pollutant: String,
    /// Annual limit, GB 3095-2012 class II.
    pub limit_mg_m3: f64,
    /// Background concentration; at or above the limit the capacity is 0.
    pub background_mg_m3: f64,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub note: super::Label,
}

/// Water capacity by river segments and lakes, `docs/methods.md` §3.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterMethod {
    pub bodies: Vec<WaterBody>,
    /// Non-point load entering the water, t/a per pollutant: actual = ideal − non-point.
    #[serde(default)]
    pub nonpoint_t_per_year: Vec<(String, f64)>,
    /// A pollutant's non-point load taken from a projected series instead (runoff growing with
    /// the city, say), so the derived capacity changes by year: (pollutant, series key).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nonpoint_series: Vec<(String, String)>,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub note: super::Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterBody {
    pub name: Label,
    pub model: WaterModel,
    pub pollutants: Vec<WaterPollutant>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum WaterModel {
    /// 1-D river segment: `W = 31.536·[Cs·(Q + q)·exp(k·x₁/(86.4·u)) − C₀·Q·exp(−k·x₂/(86.4·u))]`.
    River {
        /// Design flow Q (30Q10 or 90 % guarantee) in the district's mixing zone.
        design_flow_m3_s: f64,
        /// Side inflows Σq.
        side_inflow_m3_s: f64,
        velocity_m_s: f64,
        /// x₁: distance from the outfall to the control section upstream.
        upstream_km: f64,
        /// x₂: length of the segment downstream.
        downstream_km: f64,
    },
    /// Fully mixed lake: `W = 31.536·[Cs·(Q + k·V/86400) − C₀·Q]`.
    Lake { inflow_m3_s: f64, volume_m3: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterPollutant {
    pub pollutant: String,
    /// Cs: the water-quality target (class III: COD 20, NH₃-N 1.0).
    pub target_mg_l: f64,
    /// C₀: upstream or inflow concentration.
    pub upstream_mg_l: f64,
    /// k: decay coefficient.
    pub decay_per_day: f64,
}

/// Ecological footprint and carrying capacity, `docs/methods.md` §4.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FootprintMethod {
    /// The population series N (万人).
    pub population_series: String,
    pub land_types: Vec<LandType>,
    pub items: Vec<ConsumptionItem>,
    /// Share of capacity set aside for biodiversity (0.12).
    pub biodiversity_share: f64,
    /// The method's assumptions, in both languages (`model::note`).
    #[serde(default, with = "super::note")]
    pub note: super::Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LandType {
    pub key: String,
    pub name: Label,
    /// r_j
    pub equivalence_factor: f64,
    /// y_j
    pub yield_factor: f64,
    /// The district's area of this type (aⱼ·N in `docs/methods.md`; the area stays while N grows).
    pub area_hm2: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumptionItem {
    pub name: Label,
    /// The land type that produces it.
    pub land_type: String,
    /// c_i
    pub t_per_person: f64,
    /// p_i: world average yield.
    pub world_yield_t_per_hm2: f64,
}

/// The ecological status index EI (HJ 192-2015), `docs/methods.md` §5.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EiMethod {
    /// The district's area: 0 until its land cover is entered (`has_land_cover`).
    pub area_km2: f64,
    pub forest_km2: f64,
    pub grass_km2: f64,
    pub water_wetland_km2: f64,
    pub cropland_km2: f64,
    pub built_up_km2: f64,
    pub unused_km2: f64,
    pub river_length_km: f64,
    pub water_resources_1e8_m3: f64,
    pub severe_erosion_km2: f64,
    pub moderate_erosion_km2: f64,
    pub other_stress_km2: f64,
    /// 植被覆盖 = coefficient × mean NDVI (?).
    pub vegetation_coefficient: f64,
    pub mean_ndvi: f64,
    /// 污染负荷, already normalised to 0–100 (?).
    pub pollution_load_index: f64,
    /// 环境限制 adjustment (0 unless a serious event restricts it).
    pub restriction: f64,
    /// The EI the plan states (47.79), for comparison.
    pub stated: f64,
    /// In both languages; a plain string in older files (`model::note`).
    #[serde(default, with = "super::note")]
    pub note: super::Label,
}

impl EiMethod {
    /// Whether the district's land is entered: without an area nothing of EI can be computed,
    /// and the views, the command line and the chapter say so instead of scoring zeros.
    pub fn has_land_cover(&self) -> bool {
        self.area_km2 > 0.0
    }
}
