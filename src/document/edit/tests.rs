use super::*;
use crate::plan::hanyang_plan;

#[test]
fn rename_follows_references() {
    let mut scenario = hanyang_plan();
    Edit::RenameSeries {
        from: "population".into(),
        to: "pop".into(),
    }
    .apply(&mut scenario)
    .unwrap();
    assert!(scenario.series("pop").is_some());
    assert_eq!(
        scenario.series("water_domestic").unwrap().rule.driver(),
        Some("pop")
    );
    assert!(crate::engine::validate(&scenario).is_empty());
}

#[test]
fn renaming_gdp_or_energy_follows_indicator_links_and_the_non_point_load() {
    use crate::model::references::{for_each_series_key, uses_of};
    let mut scenario = hanyang_plan();
    scenario
        .methods
        .water
        .nonpoint_series
        .push(("COD".into(), "gdp".into()));
    let before_gdp = uses_of(&scenario, "gdp");
    let before_energy = uses_of(&scenario, "energy");
    assert!(
        before_gdp
            .iter()
            .any(|u| matches!(u, crate::model::references::SeriesUse::Indicator { .. }))
    );
    for (from, to) in [("gdp", "地区生产总值"), ("energy", "能耗")] {
        Edit::RenameSeries {
            from: from.into(),
            to: to.into(),
        }
        .apply(&mut scenario)
        .unwrap();
    }
    // Read directly: indicator 20's ratio and the non-point load name the new keys.
    let twenty = scenario
        .indicators
        .iter()
        .find(|i| i.number == "20")
        .unwrap();
    assert_eq!(
        twenty.link,
        Some(crate::model::IndicatorLink::Metric(
            crate::model::Metric::Ratio {
                numerator: "能耗".into(),
                denominator: "地区生产总值".into(),
            }
        ))
    );
    assert_eq!(
        scenario.methods.water.nonpoint_series,
        vec![("COD".to_owned(), "地区生产总值".to_owned())]
    );
    // Every use moved with its series: none is left under the old keys.
    assert_eq!(uses_of(&scenario, "地区生产总值"), before_gdp);
    assert_eq!(uses_of(&scenario, "能耗"), before_energy);
    for_each_series_key(&scenario, |place, key| {
        assert!(
            key != "gdp" && key != "energy",
            "{} still names {key}",
            place()
        );
    });
    assert!(crate::engine::validate(&scenario).is_empty());
}

#[test]
fn removing_a_series_in_use_is_refused_naming_each_use() {
    let mut scenario = hanyang_plan();
    let error = Edit::RemoveSeries {
        series: "population".into(),
    }
    .apply(&mut scenario)
    .unwrap_err();
    use crate::model::references::SeriesUse;
    let EditRefusal::SeriesInUse { series, uses } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(series, "population");
    assert!(uses.contains(&SeriesUse::Driver {
        series: "water_domestic".into()
    }));
    assert!(uses.contains(&SeriesUse::Footprint));
    // Said in both languages, each use by its name.
    let zh = error.in_lang(Lang::Zh);
    assert!(
        zh.contains("序列“population”仍被以下各处使用：序列“water_domestic”"),
        "{zh}"
    );
    assert!(zh.contains("生态足迹的人口"), "{zh}");
    assert!(
        error.to_string().contains("the footprint's population"),
        "{error}"
    );
}

#[test]
fn the_checks_find_an_unknown_key_in_every_place_a_series_is_used() {
    use crate::model::references::{for_each_series_key, for_each_series_key_mut};
    let plan = hanyang_plan();
    let mut count = 0;
    for_each_series_key(&plan, |_, _| count += 1);
    for n in 0..count {
        let mut broken = plan.clone();
        let mut at = 0;
        let mut place = None;
        for_each_series_key_mut(&mut broken, |use_, key| {
            if at == n {
                *key = "no_such_series".into();
                place = Some(use_);
            }
            at += 1;
        });
        let errors = crate::engine::validate(&broken);
        assert!(
            errors
                .iter()
                .any(|e| e.to_string().contains("unknown series \"no_such_series\"")),
            "{place:?}: {errors:?}"
        );
    }
}

#[test]
fn rename_onto_an_existing_key_fails() {
    let mut scenario = hanyang_plan();
    let error = Edit::RenameSeries {
        from: "population".into(),
        to: "gdp".into(),
    }
    .apply(&mut scenario);
    assert!(error.is_err());
}
