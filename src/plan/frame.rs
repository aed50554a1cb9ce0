//! The national indicator frame as data (`assets/indicator-frame.ron`), and the kinds of place
//! it is applied to: which rows a district, a county or a city is assessed on.

use serde::{Deserialize, Serialize};

use crate::model::{Difficulty, Indicator, IndicatorKind, IndicatorTarget, Label};

/// A frame of indicators: the national one, or a team's own in the same layout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub name: Label,
    /// A string, or one per language (`model::note`).
    #[serde(with = "crate::model::note")]
    pub source: Label,
    pub rows: Vec<FrameRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameRow {
    pub number: String,
    pub system: Label,
    pub name: Label,
    pub unit: String,
    pub target: IndicatorTarget,
    pub kind: IndicatorKind,
    pub scope: Scope,
    /// A string, or one per language (`model::note`): a frame may quote the standard's Chinese
    /// wording and give its English.
    #[serde(default, with = "crate::model::note")]
    pub note: Label,
    /// The decimals its values are shown in (85.9 %, 47.79, 0.159 tce/万元).
    #[serde(default)]
    pub decimals: Option<u8>,
}

/// Where a row of the frame applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// 市县
    CityAndCounty,
    /// 市
    CityOnly,
    /// 县
    CountyOnly,
    /// 沿海
    Coastal,
}

/// The kind of place a plan is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum PlaceKind {
    /// 区: a city district, assessed at county level without the rural rows.
    District,
    /// 县
    County,
    /// 市
    City,
}

impl PlaceKind {
    pub const ALL: &[PlaceKind] = <PlaceKind as strum::VariantArray>::VARIANTS;
}

/// A place a frame is applied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    pub coastal: bool,
}

impl Scope {
    /// Whether a row of this scope is assessed for `place`.
    pub fn applies_to(self, place: Place) -> bool {
        match self {
            Scope::CityAndCounty => true,
            Scope::CityOnly => place.kind == PlaceKind::City,
            Scope::CountyOnly => place.kind == PlaceKind::County,
            Scope::Coastal => place.coastal,
        }
    }

    /// The note a row that does not apply to a district carries (Chinese, English).
    pub fn note(self) -> (&'static str, &'static str) {
        match self {
            Scope::CityAndCounty => ("", ""),
            Scope::CityOnly => (
                "仅适用于市；区按县级考核",
                "cities only; a district is assessed at county level",
            ),
            Scope::CountyOnly => ("仅适用于县", "counties only"),
            Scope::Coastal => ("仅适用于沿海地区", "coastal areas only"),
        }
    }
}

/// The national frame ecoplan ships, parsed once (the New-district dialog reads it every frame,
/// migration once per row).
pub fn national_frame() -> &'static Frame {
    static FRAME: std::sync::OnceLock<Frame> = std::sync::OnceLock::new();
    FRAME.get_or_init(|| {
        ron::Options::default()
            .from_str(include_str!("../../assets/indicator-frame.ron"))
            .unwrap_or_else(|error| panic!("assets/indicator-frame.ron: {error}"))
    })
}

impl FrameRow {
    /// The row as a scenario's indicator for `place`: no values, no statuses; a row that does
    /// not apply is kept, marked so, so that a user can see and switch it on.
    pub fn indicator(&self, place: Place, frame_source: &Label) -> Indicator {
        let applies = self.scope.applies_to(place);
        let (scope_zh, scope_en) = if applies { ("", "") } else { self.scope.note() };
        let join = |parts: [&str; 3], separator: &str| {
            parts
                .into_iter()
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(separator)
        };
        let notes = Label {
            zh: join([&self.note.zh, scope_zh, &frame_source.zh], "；"),
            en: join([&self.note.en, scope_en, &frame_source.en], "; "),
        };
        Indicator {
            number: self.number.clone(),
            system: self.system.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
            kind: self.kind,
            applies,
            observed: Vec::new(),
            target: self.target.clone(),
            periods: Vec::new(),
            link: None,
            stated: None,
            task: None,
            difficulty: Difficulty::Normal,
            notes,
            decimals: self.decimals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_has_forty_rows_numbered_in_order() {
        let frame = national_frame();
        let numbers: Vec<String> = frame.rows.iter().map(|r| r.number.clone()).collect();
        let expected: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expected);
    }

    #[test]
    fn a_district_takes_the_29_city_and_county_rows() {
        let frame = national_frame();
        let count = |place| {
            frame
                .rows
                .iter()
                .filter(|r| r.scope.applies_to(place))
                .count()
        };
        let district = Place {
            kind: PlaceKind::District,
            coastal: false,
        };
        assert_eq!(count(district), 29);
        // The coastal rows 9, 13 and 18; the county-only rows 25, 28 and 32; the city-only rows
        // 23, 24, 31, 34 and 36.
        assert_eq!(
            count(Place {
                coastal: true,
                ..district
            }),
            32
        );
        assert_eq!(
            count(Place {
                kind: PlaceKind::County,
                coastal: false
            }),
            32
        );
        assert_eq!(
            count(Place {
                kind: PlaceKind::City,
                coastal: true
            }),
            37
        );
    }
}
