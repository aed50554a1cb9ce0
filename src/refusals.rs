//! How the engine's refusals read, in either language. The engine's errors are data (the item,
//! the field, what is wrong and its values: `engine::ModelError`, `engine::Reason`); their words
//! are here, at the level of the interface's words, so the window and the command line say the
//! same thing in the user's language.

use crate::engine::{ModelError, Reason};
use crate::i18n::{Lang, Tr};

impl std::fmt::Display for Reason {
    /// The English words (the command line's without `--lang`, and the file's names).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&reason(self, Lang::En))
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
        E::ExpectedFloat | E::ExpectedInteger | E::IntegerOutOfBounds => fill(Tr::ParseNumber, &[]),
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

impl crate::engine::workspace::WorkspaceError {
    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::engine::workspace::{MAX_MEMBERS, MAX_RESOLVED_SERIES, WorkspaceError as W};
        if lang == Lang::En {
            return self.to_string();
        }
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
mod tests {
    use super::{field_name, item_name, reason};
    use crate::engine::{ModelError, Reason};
    use crate::i18n::Lang;

    /// One of each kind of reason (two of the one whose words differ by a flag).
    fn every_reason() -> Vec<Reason> {
        let all = vec![
            Reason::Finite,
            Reason::NonNegative,
            Reason::Positive,
            Reason::CapacityValue,
            Reason::NearThreshold,
            Reason::Rate,
            Reason::Elasticity,
            Reason::Share,
            Reason::PercentChange,
            Reason::PercentFall,
            Reason::PercentShare,
            Reason::EiRange,
            Reason::TargetThreshold,
            Reason::Decimals { max: 6 },
            Reason::MilestoneNotAfterBase {
                year: 2020,
                base: 2021,
            },
            Reason::PeriodNotAMilestone { until: 2027 },
            Reason::PeriodOutside {
                until: 1900,
                min: 1990,
                max: 2100,
            },
            Reason::PeriodTwice { until: 2025 },
            Reason::ObservedOutside {
                year: 1900,
                min: 1990,
                max: 2100,
            },
            Reason::ObservedTwice { year: 2021 },
            Reason::ChangeYearsRise {
                base: 2021,
                year: 2020,
            },
            Reason::PointYearsRise {
                base: 2021,
                year: 2020,
            },
            Reason::NoSuchSeries,
            Reason::NoSuchTarget,
            Reason::NoSuchCapacity,
            Reason::NoSuchParentEntry,
            Reason::NoSuchLandType {
                land_type: "湿地".into(),
            },
            Reason::ControlCharacter {
                text: "\\u{1b}".into(),
            },
            Reason::KeyCharacter {
                character: "!".into(),
            },
            Reason::LandCoverBeyondArea {
                cover: 12.0,
                area: 10.0,
            },
            Reason::StepHasNoRate,
            Reason::ModeOutsideRange,
            Reason::NormalSpread,
            Reason::MinBelowMax,
            Reason::SeekRange {
                low: 0.1,
                high: 0.1,
            },
            Reason::SeekRangeTooWide {
                low: -2.0,
                high: 2.0,
                elasticity: false,
            },
            Reason::SeekRangeTooWide {
                low: -20.0,
                high: 20.0,
                elasticity: true,
            },
            Reason::LeverDoesNotMoveGoal {
                measured: vec!["1".into(), "2".into()],
            },
            Reason::SensitivityStep,
            Reason::YearBeforeBase { year: 2000 },
            Reason::TooManyFanPasses {
                runs: 100_000,
                passes: 65,
            },
            Reason::Runs { max: 100_000 },
            Reason::NoWaterParameters,
            Reason::NoAirParameters,
            Reason::YieldAndConsumption,
            Reason::TargetYearOutside {
                year: 2090,
                from: 2021,
                to: 2030,
            },
            Reason::RelativeNotBefore {
                year: 2025,
                target_year: 2025,
            },
            Reason::RelativeNoValue { year: 2015 },
            Reason::DriverNotPositive,
            Reason::HoldsNoScenario,
            Reason::Correlation,
            Reason::CorrelationWithItself,
            Reason::CorrelationNotUncertain { series: "1".into() },
            Reason::CorrelationTwice,
            Reason::CorrelationsInconsistent,
        ];
        // Every kind listed: a new reason fails here until it is, and its words are tested.
        let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), <Reason as strum::EnumCount>::COUNT);
        all
    }

    /// Words of Latin letters a Chinese message may hold: abbreviations the plans write so
    /// (EI, PM2.5), units, a standard's code (HJ 192-2015) and the program's name.
    const LATIN_IN_CHINESE: [&str; 11] = [
        "EI", "GDP", "tce", "km", "hm", "kg", "PM", "HJ", "ecoplan", "RON", "CSV",
    ];

    fn latin_words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !LATIN_IN_CHINESE.contains(w))
            .map(str::to_owned)
            .collect()
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn the_window_names_an_item_as_its_views_show_it() {
        let plan = crate::plan::hanyang_plan();
        let indicator =
            ModelError::invalid_value("indicator", "10", "value of 2022", 130.0, Reason::EiRange);
        let said = indicator.in_lang_for(&plan, Lang::Zh);
        assert!(said.starts_with("指标 10“生态环境状况指数”："), "{said}");
        assert!(indicator.in_lang(Lang::Zh).starts_with("指标“10”："));
        let series = ModelError::invalid_value("series", "gdp", "base", -1.0, Reason::NonNegative);
        assert!(
            series
                .in_lang_for(&plan, Lang::Zh)
                .starts_with("序列“地区生产总值”（gdp）：")
        );
        assert!(
            series
                .in_lang_for(&plan, Lang::En)
                .starts_with("series \"GDP\" (gdp): ")
        );
        // A key the scenario does not have is named by its key.
        let unknown =
            ModelError::invalid_value("series", "nosuch", "base", -1.0, Reason::NonNegative);
        assert_eq!(
            unknown.in_lang_for(&plan, Lang::Zh),
            unknown.in_lang(Lang::Zh)
        );
    }

    #[test]
    fn every_reason_reads_in_chinese_and_in_english() {
        for why in every_reason() {
            let zh = reason(&why, Lang::Zh);
            let en = reason(&why, Lang::En);
            assert!(has_chinese(&zh), "{why:?} in Chinese: {zh}");
            assert!(latin_words(&zh).is_empty(), "{why:?} in Chinese: {zh}");
            // The land type is the file's own name (湿地 here), kept as written.
            if !matches!(why, Reason::NoSuchLandType { .. }) {
                assert!(!has_chinese(&en), "{why:?} in English: {en}");
            }
            assert!(!en.is_empty() && zh != en, "{why:?}");
        }
    }

    #[test]
    fn every_item_and_field_the_engine_names_has_the_windows_words() {
        // Items as the engine names them (`ModelError`'s `item`).
        let items = [
            "series",
            "capacity",
            "target",
            "indicator",
            "scenario",
            "uncertainty",
            "uncertain rate of series",
            "goal",
            "goal seek",
            "sensitivity",
            "correlation",
            "EI",
            "water body",
            "air method",
            "footprint method",
            "footprint item",
            "chapter unit",
            "workspace",
            "project",
        ];
        for item in items {
            let zh = item_name(item, Lang::Zh);
            assert!(has_chinese(&zh), "item {item}: {zh}");
        }
        // Every field the engine's sources name in a refusal, read from them: a field added
        // without its label fails here.
        let mut fields = std::collections::BTreeSet::new();
        for path in sources("src/engine") {
            let text = std::fs::read_to_string(&path).unwrap();
            for call in ["invalid(", "invalid_value("] {
                for (at, _) in text.match_indices(call) {
                    if let Some(field) = third_literal(&text[at + call.len()..]) {
                        fields.insert(field);
                    }
                }
            }
            for (at, _) in text.match_indices("field: \"") {
                let rest = &text[at + "field: \"".len()..];
                fields.insert(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
        assert!(fields.len() > 30, "the sources name fields: {fields:?}");
        for field in fields {
            let zh = field_name(&field, Lang::Zh);
            assert!(
                has_chinese(&zh) && latin_words(&zh).is_empty(),
                "field {field}: {zh}"
            );
        }
        for field in [
            "point 2025",
            "observed value of 2021",
            "value of 2021",
            "target until 2025",
        ] {
            assert!(has_chinese(&field_name(field, Lang::Zh)), "{field}");
        }
    }

    /// The third argument of a call whose arguments start `text`, where it is a string literal.
    fn third_literal(text: &str) -> Option<String> {
        let mut depth = 0;
        let mut commas = 0;
        let mut in_string = false;
        let mut start = None;
        for (i, c) in text.char_indices() {
            match c {
                '"' if commas == 2 && depth == 0 => {
                    if in_string {
                        return Some(text[start? + 1..i].to_owned());
                    }
                    in_string = true;
                    start = Some(i);
                }
                '"' => in_string = !in_string,
                _ if in_string => {}
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return None,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    commas += 1;
                    if commas > 2 {
                        return None;
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn sources(folder: &str) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        out
    }

    #[test]
    fn every_model_error_reads_in_chinese_with_its_place() {
        let errors = [
            ModelError::BaseYearRange {
                base_year: 1800,
                min: 1990,
                max: 2099,
            },
            ModelError::YearRange {
                base_year: 2030,
                horizon: 2028,
            },
            ModelError::HorizonTooFar {
                horizon: 2300,
                max: 2100,
            },
            ModelError::DuplicateKey {
                item: "series",
                key: "gdp".into(),
            },
            ModelError::EmptyKey {
                item: "target",
                key: "单位GDP能耗".into(),
            },
            ModelError::UnknownSeries {
                series: "energy".into(),
                driver: "gdp2".into(),
            },
            ModelError::UnknownSeriesUse {
                place: crate::model::references::SeriesUse::Comparison,
                key: "nosuch".into(),
            },
            ModelError::Cycle {
                cycle: vec!["a".into(), "b".into(), "a".into()],
            },
            ModelError::InvalidValue {
                item: "indicator",
                key: "7".into(),
                field: "target until 2025".into(),
                value: 179.0,
                reason: Reason::PercentShare,
            },
            ModelError::Invalid {
                item: "series",
                key: "bad key!".into(),
                field: "key".into(),
                reason: Reason::KeyCharacter {
                    character: "!".into(),
                },
            },
            ModelError::NotFinite {
                item: "series",
                key: "gdp".into(),
                year: 2040,
            },
            ModelError::Unit {
                item: "series",
                key: "gdp".into(),
                source: crate::units::UnitError::Unknown("亿美元".into()),
            },
        ];
        for error in errors {
            let zh = error.in_lang(Lang::Zh);
            let en = error.in_lang(Lang::En);
            assert!(has_chinese(&zh), "{error:?}: {zh}");
            // Beyond the keys it names, no English word.
            let keys = ["gdp", "energy", "nosuch", "bad", "key", "a", "b"];
            let words: Vec<String> = latin_words(&zh)
                .into_iter()
                .filter(|w| !keys.contains(&w.as_str()))
                .collect();
            assert!(words.is_empty(), "{error:?}: {zh}");
            assert_ne!(zh, en);
        }
    }
}
