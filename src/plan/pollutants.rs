//! The pollutants district plans usually assess, each once, and the national standards' limits
//! for them: the capacity and method editors offer them, and the built-in plan takes its
//! capacities' names and media and its methods' limits from here.

use crate::model::Medium;

/// A pollutant plans usually assess: its key, names, medium and the series a new district's
/// scenario compares it with (`plan::new_district` keeps the built-in plan's series keys).
pub struct UsualPollutant {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub medium: Medium,
    pub series: &'static str,
}

pub const USUAL_POLLUTANTS: [UsualPollutant; 10] = [
    UsualPollutant {
        key: "COD",
        zh: "化学需氧量",
        en: "COD",
        medium: Medium::Water,
        series: "cod",
    },
    UsualPollutant {
        key: "NH3-N",
        zh: "氨氮",
        en: "NH₃-N",
        medium: Medium::Water,
        series: "nh3n",
    },
    UsualPollutant {
        key: "TP",
        zh: "总磷",
        en: "Total phosphorus",
        medium: Medium::Water,
        series: "tp",
    },
    UsualPollutant {
        key: "TN",
        zh: "总氮",
        en: "Total nitrogen",
        medium: Medium::Water,
        series: "tn",
    },
    UsualPollutant {
        key: "SO2",
        zh: "二氧化硫",
        en: "SO₂",
        medium: Medium::Air,
        series: "so2",
    },
    UsualPollutant {
        key: "NOx",
        zh: "氮氧化物",
        en: "NOx",
        medium: Medium::Air,
        series: "nox",
    },
    UsualPollutant {
        key: "NO2",
        zh: "二氧化氮",
        en: "NO₂",
        medium: Medium::Air,
        series: "nox",
    },
    UsualPollutant {
        key: "PM10",
        zh: "可吸入颗粒物",
        en: "PM10",
        medium: Medium::Air,
        series: "dust",
    },
    UsualPollutant {
        key: "PM2.5",
        zh: "细颗粒物",
        en: "PM2.5",
        medium: Medium::Air,
        series: "pm25",
    },
    UsualPollutant {
        key: "VOCs",
        zh: "挥发性有机物",
        en: "VOCs",
        medium: Medium::Air,
        series: "vocs",
    },
];

/// The usual pollutant of `key` ("COD"), if it is one.
pub fn usual_pollutant(key: &str) -> Option<&'static UsualPollutant> {
    USUAL_POLLUTANTS.iter().find(|p| p.key == key)
}

/// GB 3095-2012 class II annual mean limits (mg/m³) of the pollutants plans assess: the built-in
/// plan's limits, and the starting limit of a pollutant added to the A-value method (the user
/// may type another).
pub fn air_limit_mg_m3(pollutant: &str) -> Option<f64> {
    Some(match pollutant {
        "SO2" => 0.06,
        "NO2" => 0.04,
        "NOx" => 0.05,
        "PM10" => 0.07,
        "PM2.5" => 0.035,
        _ => return None,
    })
}

/// GB 3838-2002 class III limits (mg/L): the built-in plan's targets, and the starting target of
/// a pollutant added to a river or lake (total phosphorus: 0.2 in rivers, 0.05 in lakes and reservoirs).
pub fn class_iii_mg_l(pollutant: &str, lake: bool) -> Option<f64> {
    Some(match pollutant {
        "COD" => 20.0,
        "NH3-N" => 1.0,
        "TP" if lake => 0.05,
        "TP" => 0.2,
        "TN" => 1.0,
        _ => return None,
    })
}
