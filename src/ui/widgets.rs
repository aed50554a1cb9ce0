//! Small widgets shared by the views.

use eframe::egui::{self, Color32, RichText, Stroke};

use super::theme;
use crate::format;

/// Parses what the user typed: accepts full-width digits and a trailing %, which Chinese input
/// methods produce.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let normalised: String = text
        .trim()
        .trim_end_matches(['%', '％'])
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '−' => '-',
            _ => c,
        })
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    normalised
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("\"{}\" is not a number", text.trim()))
}

/// A numeric field validated as typed. `scale` converts the model value to what is shown
/// (100 for a rate shown in %). It shows the value as every table does; a value that is only
/// tabbed through is not rewritten, so calibrated values keep their full precision.
/// See `validated_edit`.
pub fn number_edit(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    value: f64,
    scale: f64,
    accessible_name: &str,
    check: impl Fn(f64) -> Result<(), String>,
) -> Option<f64> {
    validated_edit(
        ui,
        id_salt,
        format::value(value * scale),
        96.0,
        accessible_name,
        |text| {
            let model = parse_number(text)? / scale;
            check(model).map(|()| model)
        },
    )
}

/// A text field validated as typed. While the text is invalid it is outlined in red with its
/// reason below and nothing is returned, so the model keeps its last valid value. Enter or
/// leaving the field (Tab) commits a valid, changed value; Esc restores the model's value.
pub fn validated_edit<T>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    shown: String,
    width: f32,
    accessible_name: &str,
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
            let verdict = parse(&text);
            if response.lost_focus() {
                let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if escaped || text == shown {
                    ui.data_mut(|d| d.remove::<String>(id));
                } else if let Ok(value) = parse(&text) {
                    ui.data_mut(|d| d.remove::<String>(id));
                    committed = Some(value);
                }
            }
            let editing = ui.data(|d| d.get_temp::<String>(id)).is_some();
            if editing && let Err(reason) = &verdict {
                let stroke = Stroke::new(1.5, theme::BAD);
                ui.painter()
                    .rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Outside);
                // Floating below the field, so a table's layout does not move while typing.
                egui::Area::new(id.with("reason"))
                    .order(egui::Order::Tooltip)
                    .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 2.0))
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.set_max_width(320.0);
                            ui.label(RichText::new(reason).color(theme::BAD));
                        });
                    });
            }
        });
    });
    committed
}

/// A coloured status word.
pub fn status_chip(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.18))
        .stroke(Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(RichText::new(text).color(color).strong()))
        .response
}

#[cfg(test)]
mod tests {
    use super::*;

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
