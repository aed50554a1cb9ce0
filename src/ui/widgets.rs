//! Small widgets shared by the views.

use eframe::egui::{self, Color32, RichText, Stroke};

use super::theme;
use crate::format;
use crate::i18n::{Lang, Tr};

/// Parses what the user typed (`format::parse_typed`), with the message a field shows.
pub fn parse_number(text: &str) -> Result<f64, String> {
    format::parse_typed(text).ok_or_else(|| format!("\"{}\" is not a number", text.trim()))
}

/// A year as typed into a field, within `years` where given; the message names what was typed
/// or the years allowed, in the interface's language.
pub fn parse_year(
    text: &str,
    years: Option<std::ops::RangeInclusive<i32>>,
    lang: Lang,
) -> Result<i32, String> {
    let year = text
        .trim()
        .parse::<i32>()
        .map_err(|_| Tr::NotAYear.fill(lang, &[&text.trim()]))?;
    match years {
        Some(years) if !years.contains(&year) => {
            Err(Tr::YearOutside.fill(lang, &[&year, years.start(), years.end()]))
        }
        _ => Ok(year),
    }
}

/// What a number field accepts, checked before the engine sees the value so that the message
/// speaks of what the user typed (a percent in a percent field) in the interface's language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Domain {
    /// Any finite number; the engine decides.
    Any,
    /// At least 0: amounts, capacities, base values.
    NonNegative,
    /// A yearly rate shown in %: above −100 % and at most +100 % (`engine::MAX_RATE`).
    Rate,
    /// An elasticity: from −10 to 10 (`engine::MAX_ELASTICITY`).
    Elasticity,
    /// A share shown in %: from 0 to 100 %.
    Share,
}

impl Domain {
    /// Why `shown` (the number as typed, in the field's unit) is outside the domain.
    fn refuse(self, shown: f64) -> Option<Tr> {
        use crate::engine::{MAX_ELASTICITY, MAX_RATE};
        let outside = match self {
            Domain::Any => false,
            Domain::NonNegative => shown < 0.0,
            Domain::Rate => shown <= -100.0 || shown > MAX_RATE * 100.0,
            Domain::Elasticity => shown.abs() > MAX_ELASTICITY,
            Domain::Share => !(0.0..=100.0).contains(&shown),
        };
        outside.then_some(match self {
            Domain::Any | Domain::NonNegative => Tr::MustBeNonNegative,
            Domain::Rate => Tr::RateOutOfRange,
            Domain::Elasticity => Tr::ElasticityOutOfRange,
            Domain::Share => Tr::ShareOutOfRange,
        })
    }
}

/// A number field: how it is found (its accessible name), what it is called in messages, and
/// what it accepts.
pub struct NumberField {
    /// The accessible name: screen readers and tests find the field by it.
    pub name: String,
    /// What the user knows the field as, for messages ("年增长 · 化学需氧量排放总量").
    pub label: String,
    /// The model value × `scale` is what is shown (100 for a rate shown in %).
    pub scale: f64,
    /// The unit of the shown value ("%", "t/a"), for messages.
    pub unit: String,
    pub domain: Domain,
    pub lang: Lang,
    /// The field's width in points.
    pub width: f32,
    /// Decimals shown: the series' or indicator's, as its tables show it (`None`: five
    /// significant digits). Only what is typed is written back, so a calibrated value tabbed
    /// through keeps every digit.
    pub decimals: Option<u8>,
}

impl NumberField {
    /// The field of `what` for the item `key`, which the user knows as `who`: found as
    /// "{what} {key}", named in messages "{what} · {who}", shown as typed in `unit`.
    pub fn of(lang: Lang, what: &str, key: &str, who: &str, unit: &str, domain: Domain) -> Self {
        NumberField {
            name: format!("{what} {key}"),
            label: format!("{what} · {who}"),
            scale: 1.0,
            unit: unit.to_owned(),
            domain,
            lang,
            width: 96.0,
            decimals: None,
        }
    }

    /// The same field showing `decimals` decimals.
    pub fn with_decimals(self, decimals: Option<u8>) -> Self {
        NumberField { decimals, ..self }
    }

    /// The same field narrower, for a table that must fit beside a panel.
    pub fn narrow(self) -> Self {
        NumberField {
            width: 72.0,
            ..self
        }
    }

    /// The same field shown in percent of the model's fraction.
    pub fn in_percent(self) -> Self {
        NumberField {
            scale: 100.0,
            unit: "%".to_owned(),
            ..self
        }
    }
}

/// A numeric field validated as typed. It shows the value as every table does; a value that is
/// only tabbed through is not rewritten, so calibrated values keep their full precision.
/// See `validated_edit`.
pub fn number_edit(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    value: f64,
    field: &NumberField,
    check: impl Fn(f64) -> Result<(), String>,
) -> Option<f64> {
    optional_number_edit(ui, id_salt, Some(value), field, check)
}

/// A number field that may hold no value yet: empty, with "no data" as its hint, until a number
/// is entered.
pub fn optional_number_edit(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    value: Option<f64>,
    field: &NumberField,
    check: impl Fn(f64) -> Result<(), String>,
) -> Option<f64> {
    let lang = field.lang;
    validated_edit_hinted(
        ui,
        id_salt,
        value.map_or_else(String::new, |v| {
            format::with_decimals(v * field.scale, field.decimals)
        }),
        field.width,
        &field.name,
        &field.label,
        Tr::NoData.get(lang),
        |text| {
            let shown = parse_number(text).map_err(|_| crate::i18n::not_a_number(lang, text))?;
            if let Some(reason) = field.domain.refuse(shown) {
                // The number as typed (Display gives 7.5, -500), in the field's unit.
                let typed = crate::i18n::amount(lang, &shown.to_string(), &field.unit);
                return Err(crate::i18n::lead(lang, typed.trim(), reason.get(lang)));
            }
            let model = shown / field.scale;
            check(model).map(|()| model)
        },
    )
}

/// Where rejected entries wait for the app to put them in the message list.
fn rejections_id() -> egui::Id {
    egui::Id::unique("ecoplan-field-rejections")
}

/// The entries refused since the last call, each as the field's label and the reason: the app
/// shows them as messages.
pub fn take_rejections(ctx: &egui::Context) -> Vec<(String, String)> {
    ctx.data_mut(|d| d.remove_temp::<Vec<(String, String)>>(rejections_id()))
        .unwrap_or_default()
}

/// A text field validated as typed. While the text is invalid it is outlined in red with its
/// reason below and nothing is returned, so the model keeps its last valid value. The value is
/// committed only when the field is left (Enter, Tab or a click elsewhere), never on a
/// keystroke; Esc restores the model's value. An invalid entry is reverted when the field is
/// left, and its reason, named by `label`, goes to the message list (`take_rejections`).
pub fn validated_edit<T>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    shown: String,
    width: f32,
    accessible_name: &str,
    label: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    validated_edit_hinted(ui, id_salt, shown, width, accessible_name, label, "", parse)
}

/// `validated_edit` with a hint shown while the field is empty ("no data").
#[allow(clippy::too_many_arguments)]
pub fn validated_edit_hinted<T>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    shown: String,
    width: f32,
    accessible_name: &str,
    label: &str,
    hint: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    let id = ui.make_persistent_id(id_salt);
    let pending: Option<String> = ui.data(|d| d.get_temp(id));
    let mut text = pending.unwrap_or_else(|| shown.clone());
    let mut committed = None;
    // Allocating the width first: a grid cell would otherwise keep the width of its first,
    // narrower frame.
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui(egui::vec2(width, height), |ui| {
        ui.vertical(|ui| {
            let output = egui::TextEdit::singleline(&mut text)
                .id(id)
                .hint_text(hint)
                .desired_width(width)
                .show(ui);
            let response = output
                .response
                .response
                .clone()
                .accessible_name(accessible_name);
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(id, text.clone()));
            }
            // Only an entry that differs from the scenario's value is checked: the check may be
            // the engine's check of the whole scenario, and fields merely shown cost nothing.
            let mut invalid = None;
            if response.lost_focus() {
                let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
                ui.data_mut(|d| {
                    d.remove::<String>(id);
                    d.remove::<(String, String, Option<String>)>(id.with("checked"));
                });
                if !escaped && text != shown {
                    match parse(&text) {
                        Ok(value) => committed = Some(value),
                        Err(reason) => ui.data_mut(|d| {
                            d.get_temp_mut_or_default::<Vec<(String, String)>>(rejections_id())
                                .push((label.to_owned(), reason))
                        }),
                    }
                }
            } else if text != shown && ui.data(|d| d.get_temp::<String>(id)).is_some() {
                // Checked once per entry typed, not every frame the field is drawn (a cursor's
                // blink redraws it): the check may analyse the whole scenario. The commit above
                // checks again, so a stale answer never decides.
                let checked_id = id.with("checked");
                let checked =
                    ui.data(|d| d.get_temp::<(String, String, Option<String>)>(checked_id));
                invalid = match checked {
                    Some((entry, against, reason)) if entry == text && against == shown => reason,
                    _ => {
                        let reason = parse(&text).err();
                        let kept = (text.clone(), shown.clone(), reason.clone());
                        ui.data_mut(|d| d.insert_temp(checked_id, kept));
                        reason
                    }
                };
            }
            if let Some(reason) = invalid {
                let stroke = Stroke::new(1.5, theme::bad());
                ui.painter()
                    .rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Outside);
                // Floating below the field, so a table's layout does not move while typing.
                egui::Area::new(id.with("reason"))
                    .order(egui::Order::Tooltip)
                    .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 2.0))
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.set_max_width(320.0);
                            ui.label(RichText::new(reason).color(theme::bad()));
                        });
                    });
            }
        });
    });
    committed
}

/// A coloured status word.
/// Chips in rows that wrap at the width available: each chip is measured first, since a frame
/// in `horizontal_wrapped` does not move to the next line whole. Returns each chip's response.
pub fn chip_rows(ui: &mut egui::Ui, chips: &[(String, Color32)]) -> Vec<egui::Response> {
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing.x;
    // Text plus the frame's margin and stroke on both sides.
    let padding = 2.0 * 6.0 + 2.0 + spacing;
    let widths: Vec<f32> = chips
        .iter()
        .map(|(text, _)| {
            let galley = egui::WidgetText::from(RichText::new(text).strong()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::FontSelection::Default,
            );
            galley.size().x + padding
        })
        .collect();
    let mut responses = Vec::with_capacity(chips.len());
    let mut start = 0;
    while start < chips.len() {
        let mut end = start + 1;
        let mut used = widths[start];
        while end < chips.len() && used + widths[end] <= width {
            used += widths[end];
            end += 1;
        }
        ui.horizontal(|ui| {
            for (text, color) in &chips[start..end] {
                responses.push(status_chip(ui, text, *color));
            }
        });
        start = end;
    }
    responses
}

pub fn status_chip(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.18))
        .stroke(Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        // Never wrapped inside: in a wrapping row a chip moves to the next line whole.
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text).color(color).strong()).extend())
        })
        .response
}

/// A method's assumptions under its figures ("⚠ 假设：…"), in the interface's language; nothing
/// where the note is empty.
pub fn assumption_note(ui: &mut egui::Ui, note: &crate::model::Label, lang: Lang) {
    let text = lang.label(note);
    if !text.trim().is_empty() {
        ui.label(
            RichText::new(format!(
                "⚠ {}",
                crate::i18n::lead(lang, Tr::Assumption.get(lang), text)
            ))
            .small()
            .color(theme::near()),
        );
    }
}

/// The decimals a value is shown with: "auto" (five significant digits) or 0 to 6. Returns the
/// choice when it changes.
pub fn decimals_ui(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<u8>,
    accessible_name: &str,
    lang: Lang,
) -> Option<Option<u8>> {
    let text =
        |d: Option<u8>| d.map_or_else(|| Tr::Automatic.get(lang).to_owned(), |d| d.to_string());
    let mut chosen = current;
    egui::ComboBox::from_id_salt(id)
        .width(56.0)
        .selected_text(text(current))
        .show_ui(ui, |ui| {
            for option in std::iter::once(None).chain((0..=6).map(Some)) {
                ui.selectable_value(&mut chosen, option, text(option));
            }
        })
        .response
        .accessible_name(accessible_name);
    (chosen != current).then_some(chosen)
}

/// A text in both languages as two fields, Chinese then English, each committed when left
/// (see `validated_edit`). Found as "{name}（中文）" / "{name} (English)" in either interface
/// language's words; `required`: neither may be left empty. Returns the label as edited.
pub fn label_pair_edit(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt + Clone,
    label: &crate::model::Label,
    name: &str,
    width: f32,
    required: bool,
    lang: Lang,
) -> Option<crate::model::Label> {
    let mut edited = None;
    for (text_lang, which) in [(Lang::Zh, Tr::InChinese), (Lang::En, Tr::InEnglish)] {
        let field_name = format!("{name} {}", which.get(lang));
        let shown = text_lang.text_of(label).to_owned();
        let typed = validated_edit(
            ui,
            (id_salt.clone(), text_lang.code()),
            shown,
            width,
            &field_name,
            &field_name,
            |text| {
                let text = text.trim();
                if required && text.is_empty() {
                    Err(Tr::MustNotBeEmpty.get(lang).to_owned())
                } else {
                    Ok(text.to_owned())
                }
            },
        );
        if let Some(text) = typed {
            let mut label = label.clone();
            text_lang.set_label(&mut label, text);
            edited = Some(label);
        }
    }
    edited
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_only_shown_is_never_checked() {
        let ctx = egui::Context::default();
        let checks = std::cell::Cell::new(0);
        for _ in 0..5 {
            let mut output = ctx.run_ui(Default::default(), |ui| {
                let committed =
                    validated_edit(ui, "field", "7.50".into(), 80.0, "name", "label", |text| {
                        checks.set(checks.get() + 1);
                        parse_number(text)
                    });
                assert!(committed.is_none());
            });
            // No renderer here to take the font textures.
            output.textures_delta.clear();
        }
        assert_eq!(
            checks.get(),
            0,
            "the scenario is not re-checked on every frame"
        );
    }

    #[test]
    fn parses_what_users_type() {
        assert_eq!(parse_number(" 7.5 "), Ok(7.5));
        assert_eq!(parse_number("9%"), Ok(9.0));
        assert_eq!(parse_number("１２．５"), Ok(12.5));
        assert_eq!(parse_number("1,058.84"), Ok(1058.84));
        assert!(parse_number("abc").is_err());
        assert!(parse_number("inf").is_err());
    }
}
