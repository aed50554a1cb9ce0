//! The ecological footprint against the biocapacity, and the EI's parts.

use crate::engine::Analysis;
use crate::i18n::{Lang, Tr};
use crate::model::Scenario;

use super::*;

/// The ecological footprint against the ecological capacity over the projection, in 10⁴ gha,
/// with the balance crossing 0 where a surplus turns into a deficit.
pub fn footprint_chart(scenario: &Scenario, analysis: &Analysis, lang: Lang) -> Option<ChartSpec> {
    let years = analysis.footprint.as_ref()?;
    let points = |f: fn(&crate::engine::methods::FootprintYear) -> f64| {
        years
            .iter()
            .map(|y| (f64::from(y.year), f(y) / 1e4))
            .collect()
    };
    let line = |name: Tr, color: Rgb, points| ChartLine {
        name: name.get(lang).to_owned(),
        color,
        points,
        emphasis: false,
    };
    Some(ChartSpec {
        key: ChartKey::Footprint,
        // What the chart shows: the footprint against the capacity, and their balance.
        title: Tr::FootprintTable.get(lang).to_owned(),
        unit: Tr::TenThousandGha.get(lang).to_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: vec![
            line(Tr::FootprintTotal, PALETTE[5], points(|y| y.footprint_gha)),
            line(Tr::CapacityTotal, PALETTE[2], points(|y| y.capacity_gha)),
            line(Tr::Balance, PALETTE[0], points(|y| y.balance_gha)),
        ],
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: Tr::BreakEven.get(lang).to_owned(),
            color: [120, 120, 120],
            value: 0.0,
        }],
        milestones: scenario.milestones.clone(),
        marker: None,
        note: None,
        // The method's assumptions (English, with the plan's line) stay in the view beside it.
        source_note: source_note(scenario, lang),
        decimals: Some(2),
        lang,
    })
}

/// EI (HJ 192-2015) as built-up land becomes forest, grass or wetland, against indicator 10's
/// 60: how much land a district must turn green, read off the curve where it crosses.
pub fn ei_chart(scenario: &Scenario, lang: Lang) -> ChartSpec {
    use crate::engine::methods::{EI_TARGET, LandCover, ei_after_conversion};
    const STEPS: u32 = 40;
    let method = &scenario.methods.ei;
    let built_up = method.built_up_km2.max(0.0);
    // Forest in the palette's green, grass in its ochre, wetland in its blue.
    let color = |cover| match cover {
        LandCover::Forest => PALETTE[2],
        LandCover::Grass => PALETTE[1],
        LandCover::Wetland => PALETTE[0],
    };
    let lines = LandCover::ALL
        .iter()
        .map(|&cover| ChartLine {
            name: crate::i18n::land_cover_tr(cover).get(lang).to_owned(),
            color: color(cover),
            points: (0..=STEPS)
                .map(|i| {
                    let km2 = built_up * f64::from(i) / f64::from(STEPS);
                    (km2, ei_after_conversion(method, cover, km2))
                })
                .collect(),
            emphasis: false,
        })
        .collect();
    ChartSpec {
        key: ChartKey::Ei,
        title: Tr::EiChartTitle.get(lang).to_owned(),
        unit: "EI".into(),
        x_label: Tr::BuiltUpConverted.get(lang).to_owned(),
        lines,
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: format!("{} EI ≥ {EI_TARGET}", Tr::Indicator10.get(lang)),
            color: CAPACITY_COLOR,
            value: EI_TARGET,
        }],
        milestones: Vec::new(),
        marker: None,
        note: None,
        source_note: and_note(source_note(scenario, lang), "HJ 192-2015", lang),
        decimals: Some(crate::engine::methods::EI_DECIMALS),
        lang,
    }
}
