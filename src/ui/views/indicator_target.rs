//! An indicator's targets as a user sets them: the rule of every kind current frames write
//! (≥, ≤, =, "≥ x or rising", "≤ x or falling", "stable or improving", a change from the
//! previous assessment of at least d, a task), the target of each milestone's period, and the
//! series or ratio the indicator is computed from. Each change is one undoable edit.

use eframe::egui;

use crate::document::Edit;
use crate::i18n::{Lang, Tr, target_text};
use crate::model::{
    Better, Indicator, IndicatorLink, IndicatorTarget, Label, Metric, PeriodTarget,
};
use crate::ui::{ViewCtx, widgets};

/// The kinds of rule, in the order the window offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
enum RuleChoice {
    AtLeast,
    AtMost,
    Equal,
    AtLeastOrRising,
    AtMostOrFalling,
    ImprovingHigher,
    ImprovingLower,
    ChangeAtLeast,
    Task,
}

impl RuleChoice {
    const ALL: &[RuleChoice] = <RuleChoice as strum::VariantArray>::VARIANTS;

    fn of(rule: &IndicatorTarget) -> RuleChoice {
        match rule {
            IndicatorTarget::AtLeast(_) => RuleChoice::AtLeast,
            IndicatorTarget::AtMost(_) => RuleChoice::AtMost,
            IndicatorTarget::Equal(_) => RuleChoice::Equal,
            IndicatorTarget::AtLeastOrRising(_) => RuleChoice::AtLeastOrRising,
            IndicatorTarget::AtMostOrFalling(_) => RuleChoice::AtMostOrFalling,
            IndicatorTarget::Improving(Better::Higher) => RuleChoice::ImprovingHigher,
            IndicatorTarget::Improving(Better::Lower) => RuleChoice::ImprovingLower,
            IndicatorTarget::ChangeAtLeast(_) => RuleChoice::ChangeAtLeast,
            IndicatorTarget::Task(_) => RuleChoice::Task,
        }
    }

    fn name(self) -> Tr {
        match self {
            RuleChoice::AtLeast => Tr::RuleAtLeast,
            RuleChoice::AtMost => Tr::RuleAtMost,
            RuleChoice::Equal => Tr::RuleEqual,
            RuleChoice::AtLeastOrRising => Tr::AtLeastOrRising,
            RuleChoice::AtMostOrFalling => Tr::AtMostOrFalling,
            RuleChoice::ImprovingHigher => Tr::ImprovingHigher,
            RuleChoice::ImprovingLower => Tr::ImprovingLower,
            RuleChoice::ChangeAtLeast => Tr::ChangeAtLeast,
            RuleChoice::Task => Tr::RuleTask,
        }
    }

    /// The rule of this kind, keeping the threshold (and a task's words) of `from` where it
    /// has them; a task is described by the indicator's name until words are typed.
    fn rule(self, from: &IndicatorTarget, name: &Label) -> IndicatorTarget {
        let t = from.threshold().unwrap_or(0.0);
        match self {
            RuleChoice::AtLeast => IndicatorTarget::AtLeast(t),
            RuleChoice::AtMost => IndicatorTarget::AtMost(t),
            RuleChoice::Equal => IndicatorTarget::Equal(t),
            RuleChoice::AtLeastOrRising => IndicatorTarget::AtLeastOrRising(t),
            RuleChoice::AtMostOrFalling => IndicatorTarget::AtMostOrFalling(t),
            RuleChoice::ImprovingHigher => IndicatorTarget::Improving(Better::Higher),
            RuleChoice::ImprovingLower => IndicatorTarget::Improving(Better::Lower),
            RuleChoice::ChangeAtLeast => IndicatorTarget::ChangeAtLeast(t),
            RuleChoice::Task => match from {
                IndicatorTarget::Task(words) => IndicatorTarget::Task(words.clone()),
                _ => IndicatorTarget::Task(name.clone()),
            },
        }
    }
}

/// One rule: its kind and, where it has one, its threshold. `id` names the fields ("20",
/// "20 2027"). Returns the rule as edited.
fn rule_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    id: &str,
    rule: &IndicatorTarget,
    indicator: &Indicator,
) -> Option<IndicatorTarget> {
    let mut edited = None;
    ui.horizontal(|ui| {
        let kind = RuleChoice::of(rule);
        let mut chosen = kind;
        egui::ComboBox::from_id_salt(("indicator-rule", id))
            .selected_text(kind.name().get(lang))
            .show_ui(ui, |ui| {
                for option in RuleChoice::ALL.iter().copied() {
                    ui.selectable_value(&mut chosen, option, option.name().get(lang));
                }
            })
            .response
            .accessible_name(format!("{} {id}", Tr::Rule.get(lang)));
        if chosen != kind {
            edited = Some(chosen.rule(rule, &indicator.name));
        }
        if let Some(threshold) = rule.threshold() {
            let field = widgets::NumberField::of(
                lang,
                Tr::Target.get(lang),
                id,
                &format!("{} {}", indicator.number, lang.label(&indicator.name)),
                &crate::i18n::unit_text(lang, &indicator.unit),
                widgets::Domain::Any,
            )
            .with_decimals(indicator.decimals);
            if let Some(value) =
                widgets::number_edit(ui, ("indicator-target", id), threshold, &field, |_| Ok(()))
            {
                edited = Some(match *rule {
                    IndicatorTarget::AtLeast(_) => IndicatorTarget::AtLeast(value),
                    IndicatorTarget::AtMost(_) => IndicatorTarget::AtMost(value),
                    IndicatorTarget::Equal(_) => IndicatorTarget::Equal(value),
                    IndicatorTarget::AtLeastOrRising(_) => IndicatorTarget::AtLeastOrRising(value),
                    IndicatorTarget::AtMostOrFalling(_) => IndicatorTarget::AtMostOrFalling(value),
                    _ => IndicatorTarget::ChangeAtLeast(value),
                });
            }
            ui.label(crate::i18n::unit_text(lang, &indicator.unit));
        }
        if let IndicatorTarget::Task(words) = rule {
            let name = format!("{} {id}", Tr::TaskWords.get(lang));
            if let Some(words) =
                widgets::label_pair_edit(ui, ("task-words", id), words, &name, 160.0, true, lang)
            {
                edited = Some(IndicatorTarget::Task(words));
            }
        }
    });
    edited
}

/// The general target, each milestone's period target (set, changed or removed), and the link.
pub fn targets_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    index: usize,
    indicator: &Indicator,
    milestones: &[i32],
) {
    let lang = ctx.lang;
    let number = indicator.number.clone();
    let set = |indicator: Indicator| Edit::SetIndicator {
        index,
        indicator: Box::new(indicator),
    };
    if let Some(target) = rule_ui(ui, lang, &number, &indicator.target, indicator) {
        ctx.apply(set(Indicator {
            target,
            ..indicator.clone()
        }));
    }
    ui.label(egui::RichText::new(ctx.tr(Tr::RulePeriods)).strong());
    // Every milestone, and any period a file gives that ends elsewhere.
    let mut years: Vec<i32> = milestones.to_vec();
    years.extend(indicator.periods.iter().map(|p| p.until));
    years.sort_unstable();
    years.dedup();
    for year in years {
        let id = format!("{number} {year}");
        let period = indicator.periods.iter().position(|p| p.until == year);
        ui.horizontal(|ui| {
            ui.label(Tr::UntilYear.fill(lang, &[&year]));
            match period {
                Some(p) => {
                    if let Some(target) =
                        rule_ui(ui, lang, &id, &indicator.periods[p].target, indicator)
                    {
                        let mut changed = indicator.clone();
                        changed.periods[p].target = target;
                        ctx.apply(set(changed));
                    }
                    let remove = ui.small_button(ctx.tr(Tr::Remove)).accessible_name(format!(
                        "{} {} {id}",
                        ctx.tr(Tr::Remove),
                        ctx.tr(Tr::Target)
                    ));
                    if remove.clicked() {
                        let mut changed = indicator.clone();
                        changed.periods.remove(p);
                        ctx.apply(set(changed));
                    }
                }
                None => {
                    ui.label(
                        egui::RichText::new(target_text(indicator.target_in(year), lang)).weak(),
                    );
                    let add = ui
                        .small_button(format!("＋ {}", ctx.tr(Tr::SetPeriodTarget)))
                        .accessible_name(format!("{} {id}", ctx.tr(Tr::SetPeriodTarget)));
                    if add.clicked() {
                        let mut changed = indicator.clone();
                        changed.periods.push(PeriodTarget {
                            until: year,
                            target: indicator.target_in(year).clone(),
                        });
                        changed.periods.sort_by_key(|p| p.until);
                        ctx.apply(set(changed));
                    }
                }
            }
        });
    }
    link_ui(ui, ctx, index, indicator);
}

/// What the indicator is computed from: nothing (values typed), a series, or a ratio of two.
fn link_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, index: usize, indicator: &Indicator) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let number = &indicator.number;
    if scenario.series.is_empty() {
        return;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum LinkKind {
        None,
        Series,
        Ratio,
        Ei,
    }
    let kind = match &indicator.link {
        None => LinkKind::None,
        Some(IndicatorLink::Metric(Metric::Series(_))) => LinkKind::Series,
        Some(IndicatorLink::Metric(Metric::Ratio { .. })) => LinkKind::Ratio,
        Some(IndicatorLink::Ei) => LinkKind::Ei,
    };
    let set_link = |link: Option<IndicatorLink>| Edit::SetIndicator {
        index,
        indicator: Box::new(Indicator {
            link,
            ..indicator.clone()
        }),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(Tr::ComputedFrom.get(lang));
        let mut chosen = kind;
        for (option, text) in [
            (LinkKind::None, Tr::LinkNone),
            (LinkKind::Series, Tr::MetricSeries),
            (LinkKind::Ratio, Tr::MetricRatio),
            (LinkKind::Ei, Tr::LinkEi),
        ] {
            ui.radio_value(&mut chosen, option, text.get(lang))
                .accessible_name(format!(
                    "{} {number} {}",
                    Tr::ComputedFrom.get(lang),
                    text.get(lang)
                ));
        }
        if chosen != kind {
            // The first link of the kind the engine accepts: a series or ratio whose unit
            // converts to the indicator's.
            let keys: Vec<&str> = scenario.series.iter().map(|s| s.key.as_str()).collect();
            let candidates: Vec<Option<IndicatorLink>> = match chosen {
                LinkKind::None => vec![None],
                LinkKind::Ei => vec![Some(IndicatorLink::Ei)],
                LinkKind::Series => keys
                    .iter()
                    .map(|k| Some(IndicatorLink::Metric(Metric::Series((*k).to_owned()))))
                    .collect(),
                LinkKind::Ratio => keys
                    .iter()
                    .flat_map(|n| {
                        keys.iter().filter(move |d| *d != n).map(move |d| {
                            Some(IndicatorLink::Metric(Metric::Ratio {
                                numerator: (*n).to_owned(),
                                denominator: (*d).to_owned(),
                            }))
                        })
                    })
                    .collect(),
            };
            match candidates
                .into_iter()
                .map(set_link)
                .find(|edit| ctx.doc.check_in(lang, edit).is_ok())
            {
                Some(edit) => ctx.apply(edit),
                None => ctx.commands.push(crate::ui::Command::Notify(
                    Tr::NoLinkFits.fill(lang, &[&number, &indicator.unit]),
                )),
            }
        }
        let pick = |ui: &mut egui::Ui, role: Tr, chosen: &str| {
            super::series_combo(
                ui,
                ("indicator-link", number, role.name()),
                scenario,
                Some(chosen),
                &format!("{} {number}", role.get(lang)),
                lang,
            )
        };
        match &indicator.link {
            Some(IndicatorLink::Metric(Metric::Series(key))) => {
                if let Some(key) = pick(ui, Tr::Metric, key) {
                    ctx.apply(set_link(Some(IndicatorLink::Metric(Metric::Series(key)))));
                }
            }
            Some(IndicatorLink::Metric(Metric::Ratio {
                numerator,
                denominator,
            })) => {
                if let Some(key) = pick(ui, Tr::Numerator, numerator) {
                    ctx.apply(set_link(Some(IndicatorLink::Metric(Metric::Ratio {
                        numerator: key,
                        denominator: denominator.clone(),
                    }))));
                }
                ui.label("÷");
                if let Some(key) = pick(ui, Tr::Denominator, denominator) {
                    ctx.apply(set_link(Some(IndicatorLink::Metric(Metric::Ratio {
                        numerator: numerator.clone(),
                        denominator: key,
                    }))));
                }
            }
            None | Some(IndicatorLink::Ei) => {}
        }
    });
}
