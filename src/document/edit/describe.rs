//! What the Edit menu calls an edit ("撤销：修改地区生产总值的基准年数值"), in either language.

use super::*;

impl Edit {
    /// What the Edit menu calls this edit.
    pub fn describe(&self, lang: Lang, scenario: &Scenario) -> String {
        let name = |key: &str| {
            scenario
                .series(key)
                .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
        };
        let capacity = |pollutant: &str| {
            scenario.capacity(pollutant).map_or_else(
                || pollutant.to_owned(),
                |c| crate::i18n::capacity_named(lang, c),
            )
        };
        match self {
            Edit::SetBase { series, .. } => Tr::SetBaseValueOf.fill(lang, &[&name(series)]),
            Edit::SetRule { series, .. } => Tr::ChangeRuleOf.fill(lang, &[&name(series)]),
            Edit::SetSeriesLabel { series, .. } => Tr::RenameLabelOf.fill(lang, &[&name(series)]),
            Edit::SetRuleWithSource { series, .. } => Tr::ChangeRuleOf.fill(lang, &[&name(series)]),
            Edit::SetSeriesDecimals { series, .. } => {
                Tr::SetDecimalsOf.fill(lang, &[&name(series)])
            }
            Edit::RenameSeries { from, to } => {
                format!("{} {from} → {to}", Tr::Rename.get(lang))
            }
            Edit::AddSeries { series } => {
                format!("{} {}", Tr::AddSeries.get(lang), series.key)
            }
            Edit::RemoveSeries { series } => {
                format!("{} {}", Tr::RemoveSeries.get(lang), name(series))
            }
            Edit::ReplaceSeries { series } => Tr::ResetToThePlan.fill(lang, &[&name(&series.key)]),
            Edit::SetHorizon { year } => {
                format!("{} {year}", Tr::SetHorizonTo.get(lang))
            }
            Edit::SetPlanYears { .. } => Tr::EditPlanYears.get(lang).to_owned(),
            Edit::SetMetadata { .. } => Tr::EditPlanDescription.get(lang).to_owned(),
            Edit::SetChapter { .. } => Tr::EditChapter.get(lang).to_owned(),
            Edit::SetSeriesSource { series, .. } => Tr::EditSourceOf.fill(lang, &[&name(series)]),
            Edit::AddCapacity { capacity } => {
                format!(
                    "{} {}",
                    Tr::AddCapacity.get(lang),
                    crate::i18n::capacity_named(lang, capacity)
                )
            }
            Edit::SetCapacityRow { pollutant, .. } => {
                format!("{} {}", Tr::EditCapacity.get(lang), capacity(pollutant))
            }
            Edit::RemoveCapacity { pollutant } => {
                format!("{} {}", Tr::RemoveCapacity.get(lang), capacity(pollutant))
            }
            Edit::AddTarget { target } => {
                format!("{} {}", Tr::AddTarget.get(lang), lang.label(&target.label))
            }
            Edit::SetTarget { target, .. } => {
                format!("{} {}", Tr::EditTarget.get(lang), lang.label(&target.label))
            }
            Edit::RemoveTarget { key } => format!("{} {key}", Tr::RemoveTarget.get(lang)),
            Edit::SetNearThreshold { pollutant, .. } => format!(
                "{} {pollutant}",
                Tr::ChangeNearCapacityThresholdOf.get(lang)
            ),
            Edit::SetCapacity { pollutant, .. } => {
                format!("{} {pollutant}", Tr::SetCapacityOf.get(lang))
            }
            Edit::SetCapacityBasis { pollutant, .. } => {
                format!("{} {pollutant}", Tr::SwitchCapacityBasisOf.get(lang))
            }
            Edit::SetMethods { .. } => Tr::ChangeMethodParameters.get(lang).to_owned(),
            Edit::SetUncertainty { .. } => Tr::ChangeUncertainty.get(lang).to_owned(),
            Edit::SetCorrelations { .. } => Tr::ChangeCorrelations.get(lang).to_owned(),
            Edit::SetTargetThreshold { target, .. } => {
                format!("{} {target}", Tr::SetThresholdOf.get(lang))
            }
            Edit::SetIndicator { indicator, .. } => {
                format!("{} {}", Tr::EditIndicator.get(lang), indicator.number)
            }
            Edit::SetProject { project, .. } => format!(
                "{} {}",
                Tr::EditProject.get(lang),
                lang.label(&project.name)
            ),
            Edit::AddProject { .. } => Tr::AddProject.get(lang).to_owned(),
            Edit::RemoveProject { .. } => Tr::RemoveProject.get(lang).to_owned(),
            Edit::ReplaceScenario { .. } => Tr::NewScenario.get(lang).to_owned(),
            Edit::FollowParent { .. } => Tr::FollowParent.get(lang).to_owned(),
            Edit::Rebase { year, .. } => Tr::RebaseTo.fill(lang, &[year]),
            Edit::ImportValues { source, .. } => format!("{} {source}", Tr::ImportEdit.get(lang)),
            Edit::SetSeriesObserved { series, .. } => {
                format!("{} {series}", Tr::EditObserved.get(lang))
            }
        }
    }
}
