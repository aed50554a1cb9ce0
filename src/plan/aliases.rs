//! The names statistics bureaus give the series a plan projects, beside the labels the
//! built-in series carry (which every new district's scenario keeps, `plan::new_district`): a
//! sheet's "化学需氧量排放量" is the plan's "化学需氧量排放总量". Compared without spaces and
//! case, as `io::history_table` compares names.

/// (series key, the names it goes by).
const ALIASES: &[(&str, &[&str])] = &[
    (
        "gdp",
        &["地区生产总值", "生产总值", "gdp", "地区生产总值(gdp)"],
    ),
    (
        "gdp_secondary",
        &["第二产业", "第二产业增加值", "二产增加值"],
    ),
    (
        "gdp_tertiary",
        &["第三产业", "第三产业增加值", "三产增加值"],
    ),
    ("population", &["常住人口", "年末常住人口", "常住人口数"]),
    ("water_industrial", &["工业用水量", "工业用水"]),
    (
        "water_domestic",
        &["生活用水量", "生活用水", "居民生活用水量"],
    ),
    (
        "water_ecological",
        &["生态环境用水量", "生态用水量", "生态环境用水"],
    ),
    ("energy", &["能源消费总量", "综合能源消费量", "能源消费量"]),
    (
        "cod",
        &[
            "化学需氧量排放量",
            "化学需氧量排放总量",
            "cod排放量",
            "化学需氧量",
        ],
    ),
    ("nh3n", &["氨氮排放量", "氨氮排放总量", "氨氮"]),
    ("so2", &["二氧化硫排放量", "二氧化硫排放总量", "二氧化硫"]),
    ("nox", &["氮氧化物排放量", "氮氧化物排放总量", "氮氧化物"]),
    (
        "dust",
        &[
            "烟(粉)尘排放量",
            "烟尘排放量",
            "颗粒物排放量",
            "烟粉尘排放量",
        ],
    ),
    // Collected (清运量) is not generated (产生量): a sheet's 清运量 is the user's to map.
    ("msw", &["生活垃圾产生量", "生活垃圾"]),
    (
        "good_air_days",
        &["空气质量优良天数比例", "优良天数比例", "空气质量优良率"],
    ),
    ("land_area", &["土地面积", "行政区域面积", "辖区面积"]),
];

/// The key of the series a (normalised) name stands for, if it is a known alias.
pub fn key_of_alias(normalised_name: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&normalised_name))
        .map(|(key, _)| *key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_names_a_series_of_the_built_in_plan_once() {
        let plan = crate::plan::hanyang_plan();
        let mut seen = std::collections::HashSet::new();
        for (key, names) in ALIASES {
            assert!(plan.series(key).is_some(), "{key}");
            for name in *names {
                assert!(seen.insert(*name), "{name} twice");
                assert_eq!(
                    name.to_lowercase(),
                    *name,
                    "{name}: aliases are compared normalised"
                );
                assert!(
                    !name.contains(char::is_whitespace) && !name.contains('（'),
                    "{name}"
                );
            }
        }
    }
}
