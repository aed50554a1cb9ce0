//! One module per view; each has `fn ui(ui, ctx, state)`.

mod assumptions;
mod baselines;
mod capacity;
mod compare;
mod ei;
mod footprint;
mod goal_seek;
mod indicators;
mod methods;
mod overview;
mod projections;
mod projects;
mod targets;
mod uncertainty;

use eframe::egui;

use super::{UiState, View, ViewCtx};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Medium, Rule};

pub fn view_ui(ui: &mut egui::Ui, view: View, ctx: &mut ViewCtx<'_>, state: &mut UiState) {
    match view {
        View::Overview => overview::ui(ui, ctx),
        View::Baselines => baselines::ui(ui, ctx),
        View::Assumptions => assumptions::ui(ui, ctx),
        View::Projections => projections::ui(ui, ctx, state),
        View::CapacityWater => capacity::ui(ui, ctx, Medium::Water),
        View::CapacityAir => capacity::ui(ui, ctx, Medium::Air),
        View::Indicators => indicators::ui(ui, ctx, state),
        View::Targets => targets::ui(ui, ctx),
        View::Projects => projects::ui(ui, ctx),
        View::Footprint => footprint::ui(ui, ctx),
        View::Ei => ei::ui(ui, ctx),
        View::Uncertainty => uncertainty::ui(ui, ctx, state),
        View::GoalSeek => goal_seek::ui(ui, ctx, state),
        View::Compare => compare::ui(ui, ctx, state),
    }
}

/// A rule in words, as the Baselines table shows it.
pub fn rule_summary(rule: &Rule, lang: Lang) -> String {
    match rule {
        Rule::Growth { rate, changes } => {
            let mut text = format!(
                "{} {}",
                lang.pick("年增长", "growth"),
                format::percent(*rate)
            );
            for change in changes {
                text.push_str(&format!(
                    ", {} {}: {}",
                    lang.pick("自", "from"),
                    change.from,
                    format::percent(change.rate)
                ));
            }
            text
        }
        Rule::Interp { points, after_rate } => {
            let points: Vec<String> = points
                .iter()
                .map(|(y, v)| format!("{y}: {}", format::value(*v)))
                .collect();
            format!(
                "{} {}; {} {}",
                lang.pick("线性插值", "interpolate"),
                points.join(", "),
                lang.pick("其后", "then"),
                format::percent(*after_rate)
            )
        }
        Rule::Step { points } => {
            let points: Vec<String> = points
                .iter()
                .map(|(y, v)| format!("{y}: {}", format::value(*v)))
                .collect();
            format!("{} {}", lang.pick("阶梯", "step"), points.join(", "))
        }
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => format!(
            "{driver} × {} {intensity_unit}, {} {}",
            format::value(*intensity),
            lang.pick("强度年变化", "intensity change"),
            format::percent(*change)
        ),
        Rule::GrowthAs { driver, elasticity } => {
            format!(
                "{} {driver}, {} {}",
                lang.pick("随", "follows"),
                lang.pick("弹性", "elasticity"),
                format::value(*elasticity)
            )
        }
    }
}

/// A numeric field whose value reaches the scenario through `edit`: checked by its domain and
/// the engine as typed (the reason shows while it is invalid), applied when committed.
fn edit_number(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id_salt: impl egui::AsIdSalt,
    value: f64,
    field: &crate::ui::widgets::NumberField<'_>,
    edit: impl Fn(f64) -> crate::document::Edit,
) {
    let doc = ctx.doc;
    if let Some(v) =
        crate::ui::widgets::number_edit(ui, id_salt, value, field, |v| doc.check(&edit(v)))
    {
        ctx.apply(edit(v));
    }
}

/// A section heading with a little space above it.
fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.heading(text);
    ui.add_space(2.0);
}
