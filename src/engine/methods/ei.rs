use crate::model::EiMethod;

/// EI and its sub-indices, each 0–100 (HJ 192-2015, `docs/methods.md` §5).
#[derive(Clone, Debug, PartialEq)]
pub struct EiResult {
    /// 生物丰度
    pub biological_abundance: f64,
    /// 植被覆盖
    pub vegetation_cover: f64,
    /// 水网密度
    pub water_network: f64,
    /// 土地胁迫
    pub land_stress: f64,
    /// 污染负荷
    pub pollution_load: f64,
    pub ei: f64,
}

/// The grades of HJ 192-2015 (优, 良, 一般, 较差, 差).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EiGrade {
    Excellent,
    Good,
    Fair,
    Poor,
    Bad,
}

impl EiGrade {
    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            EiGrade::Excellent => "excellent",
            EiGrade::Good => "good",
            EiGrade::Fair => "fair",
            EiGrade::Poor => "poor",
            EiGrade::Bad => "bad",
        }
    }
}

impl EiResult {
    /// The grade HJ 192-2015 gives.
    pub fn grade(&self) -> EiGrade {
        match self.ei {
            e if e >= 75.0 => EiGrade::Excellent,
            e if e >= 55.0 => EiGrade::Good,
            e if e >= 35.0 => EiGrade::Fair,
            e if e >= 20.0 => EiGrade::Poor,
            _ => EiGrade::Bad,
        }
    }
}

fn clamp(value: f64) -> f64 {
    value.clamp(0.0, 100.0)
}

pub fn ecological_index(m: &EiMethod) -> EiResult {
    let area = m.area_km2.max(f64::MIN_POSITIVE);
    let biological_abundance = clamp(
        511.264
            * (0.35 * m.forest_km2
                + 0.21 * m.grass_km2
                + 0.28 * m.water_wetland_km2
                + 0.11 * m.cropland_km2
                + 0.04 * m.built_up_km2
                + 0.01 * m.unused_km2)
            / area,
    );
    let water_network = clamp(
        (84.370 * m.river_length_km
            + 591.791 * m.water_wetland_km2
            + 86.387 * m.water_resources_1e8_m3)
            / (3.0 * area),
    );
    let land_stress = clamp(
        236.044
            * (0.4 * m.severe_erosion_km2
                + 0.2 * m.moderate_erosion_km2
                + 0.2 * m.built_up_km2
                + 0.2 * m.other_stress_km2)
            / area,
    );
    let vegetation_cover = clamp(m.vegetation_coefficient * m.mean_ndvi);
    let pollution_load = clamp(m.pollution_load_index);
    let [w_bio, w_veg, w_water, w_land, w_pollution] = EI_WEIGHTS;
    let ei = w_bio * biological_abundance
        + w_veg * vegetation_cover
        + w_water * water_network
        + w_land * (100.0 - land_stress)
        + w_pollution * (100.0 - pollution_load)
        + m.restriction;
    EiResult {
        biological_abundance,
        vegetation_cover,
        water_network,
        land_stress,
        pollution_load,
        ei,
    }
}

/// A land cover that can replace built-up land in the what-if.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum LandCover {
    Forest,
    Grass,
    Wetland,
}

impl LandCover {
    /// Every cover, in the order tables and charts list them.
    pub const ALL: &[LandCover] = <LandCover as strum::VariantArray>::VARIANTS;
}

#[derive(Clone, Debug, PartialEq)]
pub struct EiWhatIf {
    pub cover: LandCover,
    /// km² of built-up land turned into `cover` that reaches the target, if any amount does.
    pub area_km2: Option<f64>,
    /// EI when all built-up land is converted: the most this lever gives.
    pub best_ei: f64,
}

fn converted(m: &EiMethod, cover: LandCover, km2: f64) -> EiMethod {
    let mut m = m.clone();
    m.built_up_km2 -= km2;
    match cover {
        LandCover::Forest => m.forest_km2 += km2,
        LandCover::Grass => m.grass_km2 += km2,
        LandCover::Wetland => m.water_wetland_km2 += km2,
    }
    m
}

/// Decimals EI and its sub-indices are shown with: the plan prints 47.79 (line 449).
pub const EI_DECIMALS: u8 = 2;

/// The EI that indicator 10 requires in a humid region (docs/indicators.md, row 10).
pub const EI_TARGET: f64 = 60.0;

/// The weights of the sub-indices in EI (HJ 192-2015): biological abundance, vegetation cover,
/// water network density, land stress, pollution load.
pub const EI_WEIGHTS: [f64; 5] = [0.35, 0.25, 0.15, 0.15, 0.10];

/// EI once `km2` of built-up land has become `cover`: the curve the EI chart draws.
pub fn ei_after_conversion(m: &EiMethod, cover: LandCover, km2: f64) -> f64 {
    ecological_index(&converted(m, cover, km2)).ei
}

/// How much built-up land would have to become forest, grass or wetland for EI to reach
/// `target` (indicator 10: ≥ 60 in a humid region), by bisection; EI rises with each.
pub fn area_for_ei(m: &EiMethod, cover: LandCover, target: f64) -> EiWhatIf {
    let ei_at = |km2| ei_after_conversion(m, cover, km2);
    let best_ei = ei_at(m.built_up_km2);
    if ecological_index(m).ei >= target {
        return EiWhatIf {
            cover,
            area_km2: Some(0.0),
            best_ei,
        };
    }
    if best_ei < target {
        return EiWhatIf {
            cover,
            area_km2: None,
            best_ei,
        };
    }
    let (mut low, mut high) = (0.0, m.built_up_km2);
    for _ in 0..100 {
        let mid = 0.5 * (low + high);
        if ei_at(mid) >= target {
            high = mid
        } else {
            low = mid
        }
    }
    EiWhatIf {
        cover,
        area_km2: Some(high),
        best_ei,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district() -> EiMethod {
        EiMethod {
            area_km2: 100.0,
            forest_km2: 10.0,
            grass_km2: 0.0,
            water_wetland_km2: 10.0,
            cropland_km2: 0.0,
            built_up_km2: 80.0,
            unused_km2: 0.0,
            river_length_km: 0.0,
            water_resources_1e8_m3: 0.0,
            severe_erosion_km2: 0.0,
            moderate_erosion_km2: 0.0,
            other_stress_km2: 0.0,
            vegetation_coefficient: 100.0,
            mean_ndvi: 0.4,
            pollution_load_index: 20.0,
            restriction: 0.0,
            stated: 0.0,
            note: Default::default(),
        }
    }

    #[test]
    fn hand_computed_index() {
        let r = ecological_index(&district());
        // BA = 511.264·(3.5 + 2.8 + 3.2)/100 = 48.57008; WD = 591.791·10/300 = 19.72637;
        // LS = 236.044·16/100 = 37.76704; VC = 40; PL = 20.
        assert!((r.biological_abundance - 48.57008).abs() < 1e-9);
        assert!((r.water_network - 19.726_366_666_666_667).abs() < 1e-9);
        assert!((r.land_stress - 37.76704).abs() < 1e-9);
        let ei = 0.35 * 48.57008
            + 0.25 * 40.0
            + 0.15 * 19.726_366_666_666_667
            + 0.15 * (100.0 - 37.76704)
            + 0.1 * 80.0;
        assert!((r.ei - ei).abs() < 1e-9);
        assert_eq!(r.grade(), EiGrade::Fair);
    }

    #[test]
    fn what_if_reaches_the_target_exactly() {
        let m = district();
        let answer = area_for_ei(&m, LandCover::Forest, 60.0);
        let km2 = answer.area_km2.unwrap();
        assert!((ecological_index(&converted(&m, LandCover::Forest, km2)).ei - 60.0).abs() < 1e-6);
        assert!(area_for_ei(&m, LandCover::Grass, 99.0).area_km2.is_none());
    }
}
