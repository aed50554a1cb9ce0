//! How the engine's refusals read, in either language. The engine's errors are data (the item,
//! the field, what is wrong and its values: `engine::ModelError`, `engine::Reason`); their words
//! are here, at the level of the interface's words, so the window and the command line say the
//! same thing in the user's language.

use crate::engine::rebase::RebaseError;
use crate::engine::workspace::WorkspaceError;
use crate::engine::{ModelError, Reason};
use crate::i18n::{Lang, Tr};

impl std::fmt::Display for Reason {
    /// The English words (the command line's without `--lang`, and the file's names).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&reason(self, Lang::En))
    }
}

// The engine's errors are data; as errors of Rust (`Display`, `source`) they read in English
// by the same texts as `in_lang`, so there is one wording of each, here.

impl std::fmt::Display for ModelError {
    /// In English with each field by its name in the file (`base = -90`), as the command line's
    /// English refusals of a file say it: scripts read them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En, &|_, _| None, Fields::AsInFile))
    }
}

/// How an error names its field: by the label the window shows, or as the file writes it.
#[derive(Clone, Copy)]
enum Fields {
    Labels,
    AsInFile,
}

impl std::error::Error for ModelError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ModelError::Unit { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl std::fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for WorkspaceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkspaceError::Member { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl std::fmt::Display for RebaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for RebaseError {}

impl RebaseError {
    /// Why the base year cannot move there, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            RebaseError::Milestone { milestone, year } => {
                Tr::RebaseMilestone.fill(lang, &[milestone, year])
            }
            RebaseError::Target {
                target,
                target_year,
                year,
            } => Tr::RebaseTarget.fill(lang, &[target, target_year, year]),
            RebaseError::PastHorizon { year, horizon } => {
                Tr::HorizonBeforeMilestone.fill(lang, &[horizon, year])
            }
            RebaseError::NotForward { year, base_year } => {
                Tr::RebaseNotForward.fill(lang, &[year, base_year])
            }
        }
    }
}

/// What is wrong, in `lang`.
pub fn reason(reason: &Reason, lang: Lang) -> String {
    let fill = |key: Tr, args: &[&dyn std::fmt::Display]| key.fill(lang, args);
    match reason {
        Reason::Finite => fill(Tr::ReasonFinite, &[]),
        Reason::NonNegative => fill(Tr::ReasonNonNegative, &[]),
        Reason::Positive => fill(Tr::MustBeAboveZero, &[]),
        Reason::CapacityValue => fill(Tr::ReasonCapacityValue, &[]),
        Reason::NearThreshold => fill(Tr::ReasonNearThreshold, &[]),
        Reason::Rate => fill(Tr::ReasonRate, &[]),
        Reason::Elasticity => fill(Tr::ReasonElasticity, &[]),
        Reason::Share => fill(Tr::ReasonShare, &[]),
        Reason::PercentChange => fill(Tr::ReasonPercentChange, &[]),
        Reason::PercentFall => fill(Tr::ReasonPercentFall, &[]),
        Reason::PercentShare => fill(Tr::ReasonPercentShare, &[]),
        Reason::EiRange => fill(Tr::ReasonEiRange, &[]),
        Reason::TargetThreshold => fill(Tr::ReasonTargetThreshold, &[]),
        Reason::Decimals { max } => fill(Tr::ReasonDecimals, &[max]),
        Reason::MilestoneNotAfterBase { year, base } => {
            fill(Tr::ReasonMilestoneNotAfterBase, &[year, base])
        }
        Reason::PeriodNotAMilestone { until } => fill(Tr::ReasonPeriodNotAMilestone, &[until]),
        Reason::PeriodOutside { until, min, max } => {
            fill(Tr::ReasonPeriodOutside, &[until, min, max])
        }
        Reason::PeriodTwice { until } => fill(Tr::ReasonPeriodTwice, &[until]),
        Reason::ObservedOutside { year, min, max } => {
            fill(Tr::ReasonObservedOutside, &[year, min, max])
        }
        Reason::ObservedTwice { year } => fill(Tr::ReasonObservedTwice, &[year]),
        Reason::ChangeYearsRise { base, year } => fill(Tr::ReasonChangeYearsRise, &[base, year]),
        Reason::PointYearsRise { base, year } => fill(Tr::ReasonPointYearsRise, &[base, year]),
        Reason::NoSuchSeries => fill(Tr::ReasonNoSuchSeries, &[]),
        Reason::NoSuchTarget => fill(Tr::ReasonNoSuchTarget, &[]),
        Reason::NoSuchCapacity => fill(Tr::ReasonNoSuchCapacity, &[]),
        Reason::NoSuchParentEntry => fill(Tr::ReasonNoSuchParentEntry, &[]),
        Reason::NoSuchLandType { land_type } => fill(Tr::ReasonNoSuchLandType, &[land_type]),
        Reason::ControlCharacter { text } => fill(Tr::ReasonControlCharacter, &[text]),
        Reason::KeyCharacter { character } => {
            // A space is named: quoted, it would read as nothing.
            let shown = if character.trim().is_empty() {
                Tr::SpaceCharacter.get(lang).to_owned()
            } else {
                Tr::QuotedCharacter.fill(lang, &[character])
            };
            fill(Tr::ReasonKeyCharacter, &[&shown])
        }
        Reason::LandCoverBeyondArea { cover, area } => {
            fill(Tr::ReasonLandCoverBeyondArea, &[cover, area])
        }
        Reason::StepHasNoRate => fill(Tr::ReasonStepHasNoRate, &[]),
        Reason::ModeOutsideRange => fill(Tr::ReasonModeOutsideRange, &[]),
        Reason::NormalSpread => fill(Tr::ReasonNormalSpread, &[]),
        Reason::MinBelowMax => fill(Tr::ReasonMinBelowMax, &[]),
        Reason::SeekRange { low, high } => fill(Tr::ReasonSeekRange, &[low, high]),
        Reason::SeekRangeTooWide {
            low,
            high,
            elasticity,
        } => {
            let bounds = if *elasticity {
                Tr::ReasonElasticity
            } else {
                Tr::ReasonRate
            };
            fill(Tr::ReasonSeekRangeTooWide, &[low, high, &bounds.get(lang)])
        }
        Reason::LeverDoesNotMoveGoal { measured } => {
            let list = measured.join(list_separator(lang));
            fill(Tr::ReasonLeverDoesNotMoveGoal, &[&list])
        }
        Reason::SensitivityStep => fill(Tr::ReasonSensitivityStep, &[]),
        Reason::YearBeforeBase { year } => fill(Tr::ReasonYearBeforeBase, &[year]),
        Reason::TooManyFanPasses { runs, passes } => {
            fill(Tr::ReasonTooManyFanPasses, &[runs, passes])
        }
        Reason::Runs { max } => fill(Tr::ReasonRuns, &[max]),
        Reason::NoWaterParameters => fill(Tr::NoWaterParameters, &[]),
        Reason::NoAirParameters => fill(Tr::NoAirParameters, &[]),
        Reason::YieldAndConsumption => fill(Tr::ReasonYieldAndConsumption, &[]),
        Reason::TargetYearOutside { year, from, to } => {
            fill(Tr::ReasonTargetYearOutside, &[year, from, to])
        }
        Reason::RelativeNotBefore { year, target_year } => {
            fill(Tr::ReasonRelativeNotBefore, &[year, target_year])
        }
        Reason::RelativeNoValue { year } => fill(Tr::ReasonRelativeNoValue, &[year]),
        Reason::DriverNotPositive => fill(Tr::ReasonDriverNotPositive, &[]),
        Reason::HoldsNoScenario => fill(Tr::ReasonHoldsNoScenario, &[]),
        Reason::Correlation => fill(Tr::ReasonCorrelation, &[]),
        Reason::CorrelationWithItself => fill(Tr::ReasonCorrelationWithItself, &[]),
        Reason::CorrelationNotUncertain { series } => {
            fill(Tr::ReasonCorrelationNotUncertain, &[series])
        }
        Reason::CorrelationTwice => fill(Tr::ReasonCorrelationTwice, &[]),
        Reason::CorrelationsInconsistent => fill(Tr::ReasonCorrelationsInconsistent, &[]),
    }
}

fn list_separator(lang: Lang) -> &'static str {
    Tr::ListSeparator.get(lang)
}

/// An item the engine names (`"capacity"`), as the window calls it.
pub fn item_name(item: &str, lang: Lang) -> String {
    let key = match item {
        "series" | "series change" => Tr::ItemSeries,
        "capacity" | "capacities" => Tr::ItemCapacity,
        "target" | "targets" => Tr::ItemTarget,
        "indicator" | "indicators" => Tr::ItemIndicator,
        "scenario" => Tr::ItemScenario,
        "uncertainty" | "uncertain rate of series" => Tr::ItemUncertainty,
        "goal" => Tr::ItemGoal,
        "goal seek" => Tr::ItemGoalSeek,
        "sensitivity" => Tr::ItemSensitivity,
        "correlation" => Tr::ItemCorrelation,
        "EI" => Tr::ItemEi,
        "water body" => Tr::ItemWaterBody,
        "air method" => Tr::ItemAirMethod,
        "footprint method" | "footprint" => Tr::ItemFootprint,
        "footprint item" => Tr::ItemFootprintItem,
        "chapter unit" => Tr::ItemChapterUnit,
        "workspace" => Tr::ItemWorkspace,
        "project" | "projects" => Tr::ItemProject,
        _ => return item.to_owned(),
    };
    key.get(lang).to_owned()
}

/// A field the engine names (`"near_threshold"`), as the window labels it; a field named with
/// a year (`"point 2025"`) keeps its year.
pub fn field_name(field: &str, lang: Lang) -> String {
    if let Some(year) = field.strip_prefix("point ") {
        return Tr::FieldPointOf.fill(lang, &[&year]);
    }
    if let Some(year) = field.strip_prefix("observed value of ") {
        return Tr::FieldObservedOf.fill(lang, &[&year]);
    }
    if let Some(year) = field.strip_prefix("value of ") {
        return Tr::FieldValueOf.fill(lang, &[&year]);
    }
    if let Some(year) = field.strip_prefix("target until ") {
        return Tr::FieldTargetUntil.fill(lang, &[&year]);
    }
    if let Some(rest) = field.strip_prefix("driver ")
        && let Some(driver) = rest.strip_suffix(" in the base year")
    {
        return Tr::FieldDriverAtBase.fill(lang, &[&driver]);
    }
    let key = match field {
        "base" => Tr::BaseValue,
        "rate" => Tr::GrowthRate,
        "value" => Tr::FieldValue,
        "near_threshold" => Tr::FieldNearThreshold,
        "unit" => Tr::FieldUnit,
        "key" => Tr::Key,
        "decimals" => Tr::FieldDecimals,
        "milestones" => Tr::FieldMilestones,
        "periods" => Tr::FieldPeriods,
        "observed" => Tr::FieldObserved,
        "changes" => Tr::FieldChanges,
        "change_per_year" => Tr::FieldChangePerYear,
        "intensity" => Tr::FieldIntensity,
        "elasticity" => Tr::FieldElasticity,
        "points" => Tr::FieldPoints,
        "distribution" => Tr::FieldDistribution,
        "rule" => Tr::FieldRule,
        "range" => Tr::FieldRange,
        "lever" => Tr::FieldLever,
        "step" => Tr::FieldStep,
        "year" => Tr::FieldYear,
        "threshold" => Tr::FieldThreshold,
        "relative_to" => Tr::FieldRelativeTo,
        "basis" => Tr::FieldBasis,
        "series" => Tr::ItemSeries,
        "target" => Tr::ItemTarget,
        "capacity" => Tr::ItemCapacity,
        "change" => Tr::FieldChange,
        "runs" => Tr::FieldRuns,
        "min" => Tr::FieldMin,
        "max" => Tr::FieldMax,
        "mean" => Tr::FieldMean,
        "sd" => Tr::FieldSd,
        "mode" => Tr::FieldMode,
        "rho" => Tr::FieldRho,
        "name" => Tr::FieldName,
        "region" => Tr::FieldRegion,
        "land cover" => Tr::FieldLandCover,
        "land_type" => Tr::FieldLandType,
        "biodiversity share" => Tr::FieldBiodiversityShare,
        "world yield or consumption" => Tr::FieldYieldOrConsumption,
        "design flow" => Tr::DesignFlow,
        "side inflow" => Tr::SideInflow,
        "velocity" => Tr::Velocity,
        "upstream distance" => Tr::UpstreamKm,
        "downstream distance" => Tr::DownstreamKm,
        "inflow" => Tr::Inflow,
        "volume" => Tr::Volume,
        "upstream" => Tr::UpstreamConcentration,
        "decay" => Tr::Decay,
        "A coefficient" => Tr::ACoefficient,
        "limit" => Tr::Limit,
        "background" => Tr::Background,
        "total zone area" => Tr::TotalZoneArea,
        _ => return field.to_owned(),
    };
    key.get(lang).to_owned()
}

/// A field of an item, by the window's label: `field_name`, except where an item's field means
/// something of its own (a water body's "target" is its target concentration).
pub fn field_of(item: &str, field: &str, lang: Lang) -> String {
    match (item, field) {
        ("water body", "target") => Tr::TargetConcentration.get(lang).to_owned(),
        _ => field_name(field, lang),
    }
}

/// A keyed item of `scenario` as the window shows it: a series, capacity or target by its label
/// with its key ("序列“地区生产总值”（gdp）"), an indicator by its number and name ("指标 7
/// “环境空气质量”"); `None` for an item or key the scenario does not have.
pub fn item_in_scenario(
    scenario: &crate::model::Scenario,
    item: &str,
    key: &str,
    lang: Lang,
) -> Option<String> {
    let labelled = |label: &crate::model::Label| {
        let label = lang.label(label);
        (!label.is_empty() && label != key)
            .then(|| Tr::ItemLabelled.fill(lang, &[&item_name(item, lang), &label, &key]))
    };
    match item {
        "series" | "series change" | "uncertain rate of series" => {
            labelled(&scenario.series(key)?.label)
        }
        "capacity" | "capacities" => labelled(&scenario.capacity(key)?.label),
        "target" | "targets" => labelled(&scenario.targets.iter().find(|t| t.key == key)?.label),
        "indicator" | "indicators" => {
            let indicator = scenario.indicators.iter().find(|i| i.number == key)?;
            let name = lang.label(&indicator.name);
            (!name.is_empty()).then(|| Tr::IndicatorNamed.fill(lang, &[&key, &name]))
        }
        _ => None,
    }
}

/// The item `error` is about, as the views of `scenario` name it, in both languages (what a
/// file's refusal says once the scenario is gone).
pub fn item_label(
    scenario: &crate::model::Scenario,
    error: &ModelError,
) -> Option<crate::model::Label> {
    let (ModelError::InvalidValue { item, key, .. } | ModelError::Invalid { item, key, .. }) =
        error
    else {
        return None;
    };
    Some(crate::model::Label {
        zh: item_in_scenario(scenario, item, key, Lang::Zh)?,
        en: item_in_scenario(scenario, item, key, Lang::En)?,
    })
}

impl ModelError {
    /// The error in `lang`: items and fields by the window's names, the reason in words.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.in_lang_naming(lang, &|_, _| None)
    }

    /// The error as the command line says it: in English by the keys, as `Display` and every
    /// English refusal of a file say it (scripts read them); in Chinese by the labels the
    /// window shows, as a file's Chinese refusal says it.
    pub fn for_command_line(&self, scenario: &crate::model::Scenario, lang: Lang) -> String {
        if lang == Lang::En {
            self.in_lang(lang)
        } else {
            self.in_lang_for(scenario, lang)
        }
    }

    /// The error in `lang` with its item named as `item` says (`item_label`), or by its key.
    pub fn in_lang_with(&self, lang: Lang, item: Option<&crate::model::Label>) -> String {
        self.in_lang_naming(lang, &|_, _| item.map(|l| lang.label(l).to_owned()))
    }

    /// The error in `lang` as the window says it for `scenario`: each keyed item also by its
    /// label or name (`item_in_scenario`), as the user sees it in the views.
    pub fn in_lang_for(&self, scenario: &crate::model::Scenario, lang: Lang) -> String {
        self.in_lang_naming(lang, &|item, key| {
            item_in_scenario(scenario, item, key, lang)
        })
    }

    fn in_lang_naming(&self, lang: Lang, name: &dyn Fn(&str, &str) -> Option<String>) -> String {
        self.words(lang, name, Fields::Labels)
    }

    fn words(
        &self,
        lang: Lang,
        name: &dyn Fn(&str, &str) -> Option<String>,
        fields: Fields,
    ) -> String {
        let field_of = |what: &str, field: &str, lang: Lang| match fields {
            Fields::Labels => field_of(what, field, lang),
            Fields::AsInFile => field.to_owned(),
        };
        let item = |item: &str| item_name(item, lang);
        // An item with its key, or alone where it has none (the number of draws).
        let named = |what: &str, key: &str| {
            if key.is_empty() {
                item(what)
            } else {
                name(what, key).unwrap_or_else(|| Tr::ItemNamed.fill(lang, &[&item(what), &key]))
            }
        };
        match self {
            ModelError::BaseYearRange {
                base_year,
                min,
                max,
            } => Tr::ErrorBaseYearRange.fill(lang, &[base_year, min, max]),
            ModelError::YearRange { base_year, horizon } => {
                Tr::ErrorYearRange.fill(lang, &[base_year, horizon])
            }
            ModelError::HorizonTooFar { horizon, max } => {
                Tr::ErrorHorizonTooFar.fill(lang, &[horizon, max])
            }
            ModelError::DuplicateKey { item: what, key } => {
                Tr::ErrorDuplicateKey.fill(lang, &[&item(what), key])
            }
            ModelError::EmptyKey { item: what, key } => {
                Tr::ErrorEmptyKey.fill(lang, &[&item(what), key])
            }
            ModelError::UnknownSeries { series, driver } => {
                Tr::ErrorUnknownSeries.fill(lang, &[&item("series"), series, driver])
            }
            ModelError::UnknownSeriesUse { place, key } => {
                Tr::ErrorUnknownSeriesUse.fill(lang, &[&use_name(place, lang), key])
            }
            ModelError::Cycle { cycle } => Tr::ErrorCycle.fill(lang, &[&cycle.join(" → ")]),
            ModelError::InvalidValue {
                item: what,
                key,
                field,
                value,
                reason: why,
            } => Tr::ErrorInvalidValue.fill(
                lang,
                &[
                    &named(what, key),
                    &field_of(what, field, lang),
                    value,
                    &reason(why, lang),
                ],
            ),
            ModelError::Invalid {
                item: what,
                key,
                field,
                reason: why,
            } => Tr::ErrorInvalid.fill(
                lang,
                &[
                    &named(what, key),
                    &field_of(what, field, lang),
                    &reason(why, lang),
                ],
            ),
            ModelError::NotFinite {
                item: what,
                key,
                year,
            } => Tr::ErrorNotFinite.fill(lang, &[&item(what), key, year]),
            ModelError::Unit {
                item: what,
                key,
                source,
            } => Tr::ErrorUnit.fill(lang, &[&item(what), key, &source.in_lang(lang)]),
        }
    }
}

/// Where a series key is used, in `lang`.
pub fn use_name(place: &crate::model::references::SeriesUse, lang: Lang) -> String {
    use crate::model::references::SeriesUse;
    match place {
        SeriesUse::Driver { series } => Tr::UseDriver.fill(lang, &[series]),
        SeriesUse::Capacity { pollutant } => Tr::UseCapacity.fill(lang, &[pollutant]),
        SeriesUse::NonpointLoad { pollutant } => Tr::UseNonpoint.fill(lang, &[pollutant]),
        SeriesUse::Uncertain => Tr::UseUncertain.get(lang).to_owned(),
        SeriesUse::Footprint => Tr::UseFootprint.get(lang).to_owned(),
        SeriesUse::Target { key } => Tr::UseTarget.fill(lang, &[key]),
        SeriesUse::Indicator { number } => Tr::UseIndicator.fill(lang, &[number]),
        SeriesUse::ChapterUnit => Tr::UseChapterUnit.get(lang).to_owned(),
        SeriesUse::GoalSeek => Tr::ItemGoalSeek.get(lang).to_owned(),
        SeriesUse::Sensitivity => Tr::ItemSensitivity.get(lang).to_owned(),
        SeriesUse::FanChart => Tr::UseFanChart.get(lang).to_owned(),
        SeriesUse::Comparison => Tr::UseComparison.get(lang).to_owned(),
    }
}

impl crate::units::UnitError {
    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::units::UnitError;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            UnitError::Unknown(unit) => Tr::UnitUnknown.fill(lang, &[unit]),
            UnitError::TooManyDivisors { unit, max } => {
                Tr::UnitTooManyDivisors.fill(lang, &[unit, max])
            }
            UnitError::Incompatible { from, to } => Tr::UnitIncompatible.fill(lang, &[from, to]),
        }
    }
}

/// The RON library's parse error in plain words: what was expected where, in `lang`; a rare one
/// keeps the library's words after a plain lead.
pub fn parse_words(code: &ron::Error, lang: Lang) -> String {
    use ron::Error as E;
    let fill = |key: Tr, args: &[&dyn std::fmt::Display]| key.fill(lang, args);
    match code {
        E::Eof => fill(Tr::ParseEof, &[]),
        E::ExpectedComma => fill(Tr::ParseComma, &[]),
        E::ExpectedString | E::ExpectedStringEnd => fill(Tr::ParseString, &[]),
        E::ExpectedFloat | E::ExpectedInteger => fill(Tr::ParseNumber, &[]),
        // A number there, but not one the entry takes: -2 decimals, a count past its type.
        E::IntegerOutOfBounds => fill(Tr::ParseIntegerRange, &[]),
        E::ExpectedArray | E::ExpectedArrayEnd => fill(Tr::ParseList, &[]),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedStructLikeEnd => {
            fill(Tr::ParseBrackets, &[])
        }
        E::ExpectedMapColon => fill(Tr::ParseColon, &[]),
        E::UnexpectedChar(c) => fill(Tr::ParseUnexpected, &[c]),
        E::TrailingCharacters => fill(Tr::ParseTrailing, &[]),
        E::UnclosedBlockComment | E::UnclosedLineComment => fill(Tr::ParseComment, &[]),
        E::NoSuchStructField {
            expected, found, ..
        } => fill(Tr::ParseUnknownField, &[found, &names(expected, lang)]),
        E::MissingStructField { field, .. } => fill(Tr::ParseMissingField, &[field]),
        E::DuplicateStructField { field, .. } => fill(Tr::ParseDuplicateField, &[field]),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => fill(Tr::ParseUnknownVariant, &[found, &names(expected, lang)]),
        E::InvalidValueForType { expected, found } => fill(Tr::ParseWrongValue, &[expected, found]),
        E::ExceededRecursionLimit => fill(Tr::ParseTooDeep, &[]),
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => {
            fill(Tr::ParseBadName, &[name])
        }
        // A unit the file writes that is none (read through serde, which keeps its words).
        E::Message(message) if let Some(error) = crate::units::UnitError::from_message(message) => {
            error.in_lang(lang)
        }
        other => fill(Tr::ParseOther, &[other]),
    }
}

/// The file's own names, each quoted as `lang` quotes a name, in a list.
fn names(names: &[&str], lang: Lang) -> String {
    names
        .iter()
        .map(|name| Tr::QuotedName.fill(lang, &[name]))
        .collect::<Vec<_>>()
        .join(Tr::ListSeparator.get(lang))
}

impl WorkspaceError {
    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::engine::workspace::{MAX_MEMBERS, MAX_RESOLVED_SERIES, WorkspaceError as W};
        match self {
            W::Empty => Tr::WorkspaceEmpty.get(lang).to_owned(),
            W::EmptyName { member } => Tr::WorkspaceEmptyName.fill(lang, &[&(member + 1)]),
            W::DuplicateName {
                member,
                first,
                name,
            } => Tr::WorkspaceDuplicateName.fill(lang, &[&(first + 1), &(member + 1), name]),
            W::OwnParent { name, .. } => Tr::WorkspaceOwnParent.fill(lang, &[name]),
            W::UnknownParent { name, parent, .. } => {
                Tr::WorkspaceUnknownParent.fill(lang, &[name, parent])
            }
            W::NoParent { name, .. } => Tr::WorkspaceNoParent.fill(lang, &[name]),
            W::Cycle { names, .. } => Tr::WorkspaceCycle.fill(lang, &[&names.join(" → ")]),
            W::UnknownMember { name } => Tr::WorkspaceUnknownMember.fill(lang, &[name]),
            W::TooManyMembers { members } => {
                Tr::WorkspaceTooManyMembers.fill(lang, &[members, &MAX_MEMBERS])
            }
            W::TooLarge { members, series } => {
                Tr::WorkspaceTooLarge.fill(lang, &[members, series, &MAX_RESOLVED_SERIES])
            }
            W::Member { name, source, .. } => {
                Tr::WorkspaceMember.fill(lang, &[name, &source.in_lang(lang)])
            }
        }
    }
}

/// What the system said of a failed read or write, in `lang` for the usual cases (the system's
/// own words, which are English on most machines, otherwise).
pub fn io_words(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let key = match error.kind() {
        K::NotFound => Tr::IoNotFound,
        K::PermissionDenied => Tr::IoPermissionDenied,
        K::AlreadyExists => Tr::IoAlreadyExists,
        K::StorageFull => Tr::IoStorageFull,
        K::IsADirectory => Tr::IoIsAFolder,
        K::ReadOnlyFilesystem => Tr::IoReadOnly,
        K::DirectoryNotEmpty => Tr::IoFolderNotEmpty,
        K::NotADirectory => Tr::IoNotAFolder,
        K::InvalidFilename => Tr::IoInvalidName,
        K::FileTooLarge => Tr::IoTooLarge,
        K::ResourceBusy | K::ExecutableFileBusy => Tr::IoBusy,
        K::TimedOut => Tr::IoTimedOut,
        K::CrossesDevices => Tr::IoCrossesDevices,
        K::Unsupported => Tr::IoUnsupported,
        K::UnexpectedEof => Tr::IoUnexpectedEnd,
        K::OutOfMemory => Tr::IoOutOfMemory,
        K::QuotaExceeded => Tr::IoQuota,
        K::Interrupted => Tr::IoInterrupted,
        K::WriteZero | K::BrokenPipe => Tr::IoWriteFailed,
        // The system's own words where English is asked for; its code otherwise, since they
        // are English on most machines.
        _ if lang == Lang::En => return error.to_string(),
        _ => {
            return match error.raw_os_error() {
                Some(code) => Tr::IoSystemCode.fill(lang, &[&code]),
                None => Tr::IoSystemOther.get(lang).to_owned(),
            };
        }
    };
    key.get(lang).to_owned()
}

#[cfg(test)]
mod tests;
