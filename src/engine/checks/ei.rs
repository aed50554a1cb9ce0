//! The EI's land cover within the district's area, and its other parameters.

use super::*;

/// The land cover and the district's area when the cover is larger: forest, grass, water and
/// wetland, cropland, built-up and unused land cannot add up to more than the district.
pub fn land_cover_beyond_area(ei: &crate::model::EiMethod) -> Option<(f64, f64)> {
    let land_cover = ei.forest_km2
        + ei.grass_km2
        + ei.water_wetland_km2
        + ei.cropland_km2
        + ei.built_up_km2
        + ei.unused_km2;
    // Allow for rounding in typed areas.
    (land_cover > ei.area_km2 * (1.0 + 1e-9) + 1e-9).then_some((land_cover, ei.area_km2))
}

/// The EI inputs (HJ 192-2015, `docs/methods.md` §5): amounts of at least 0, and land cover that
/// fits in the district: forest, grass, water and wetland, cropland, built-up and unused land
/// together cannot exceed its area.
pub(super) fn ei_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let ei = &scenario.methods.ei;
    for (field, value) in [
        ("area_km2", ei.area_km2),
        ("forest_km2", ei.forest_km2),
        ("grass_km2", ei.grass_km2),
        ("water_wetland_km2", ei.water_wetland_km2),
        ("cropland_km2", ei.cropland_km2),
        ("built_up_km2", ei.built_up_km2),
        ("unused_km2", ei.unused_km2),
        ("river_length_km", ei.river_length_km),
        ("water_resources_1e8_m3", ei.water_resources_1e8_m3),
        ("severe_erosion_km2", ei.severe_erosion_km2),
        ("moderate_erosion_km2", ei.moderate_erosion_km2),
        ("other_stress_km2", ei.other_stress_km2),
        ("vegetation_coefficient", ei.vegetation_coefficient),
        ("mean_ndvi", ei.mean_ndvi),
        ("pollution_load_index", ei.pollution_load_index),
        ("restriction", ei.restriction),
    ] {
        if !value.is_finite() || value < 0.0 {
            errors.push(ModelError::invalid_value(
                "EI",
                "methods.ei",
                field,
                value,
                Reason::NonNegative,
            ));
        }
    }
    if let Some((land_cover, _)) = land_cover_beyond_area(ei) {
        errors.push(ModelError::invalid(
            "EI",
            "methods.ei",
            "land cover",
            Reason::LandCoverBeyondArea {
                cover: land_cover,
                area: ei.area_km2,
            },
        ));
    }
}
