//! Design tokens: colours of series and statuses, spacing, text scale. No view picks its own.

use eframe::egui::{self, Color32};

use crate::engine::CapacityStatus;
use crate::engine::indicators::Status;
use crate::model::Scenario;

/// A colour of the charts' palette (`charts`, shared with the PNG export) as the window draws
/// it: the one conversion, here.
pub fn color(rgb: crate::charts::Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// The colour of a series in every chart and legend (`charts::series_color`).
pub fn series_color(scenario: &Scenario, key: &str) -> Color32 {
    color(crate::charts::series_color(scenario, key))
}

/// A status colour in each theme: (light, dark). Each reads at WCAG AA (4.5:1) as text on its
/// theme's panels (the tests below compute the ratios).
#[derive(Clone, Copy, Debug)]
pub struct Tone {
    pub light: Color32,
    pub dark: Color32,
}

pub const OK_TONE: Tone = Tone {
    light: Color32::from_rgb(0, 110, 40),
    dark: Color32::from_rgb(70, 185, 95),
};
pub const NEAR_TONE: Tone = Tone {
    light: Color32::from_rgb(150, 90, 0),
    dark: Color32::from_rgb(225, 160, 30),
};
pub const BAD_TONE: Tone = Tone {
    light: Color32::from_rgb(180, 20, 20),
    dark: Color32::from_rgb(245, 95, 95),
};
pub const SATURATED_TONE: Tone = Tone {
    light: Color32::from_rgb(130, 20, 90),
    dark: Color32::from_rgb(220, 115, 190),
};
pub const PENDING_TONE: Tone = Tone {
    light: Color32::from_rgb(40, 80, 170),
    dark: Color32::from_rgb(125, 155, 235),
};
pub const NO_DATA_TONE: Tone = Tone {
    light: Color32::from_rgb(100, 100, 100),
    dark: Color32::from_rgb(160, 160, 160),
};

thread_local! {
    /// Whether this frame is drawn dark: set once a frame from the context's visuals, so that
    /// status colours need no `Ui` at hand.
    static DARK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called at the start of every frame with the visuals the frame uses.
pub fn set_dark(dark: bool) {
    DARK.with(|d| d.set(dark));
}

impl Tone {
    /// The tone of the theme this frame is drawn in.
    pub fn now(self) -> Color32 {
        if DARK.with(std::cell::Cell::get) {
            self.dark
        } else {
            self.light
        }
    }
}

/// Chart grid lines: egui_plot draws them in the text colour, near black on the light theme,
/// which on a projector outweighs the curves. A mid grey keeps them behind.
pub const GRID_TONE: Tone = Tone {
    light: Color32::from_rgb(175, 175, 175),
    dark: Color32::from_rgb(110, 110, 110),
};

pub fn chart_grid() -> Color32 {
    GRID_TONE.now()
}

pub fn ok() -> Color32 {
    OK_TONE.now()
}
pub fn near() -> Color32 {
    NEAR_TONE.now()
}
pub fn bad() -> Color32 {
    BAD_TONE.now()
}
pub fn pending() -> Color32 {
    PENDING_TONE.now()
}

pub fn capacity_status_color(status: CapacityStatus) -> Color32 {
    match status {
        CapacityStatus::Ok => OK_TONE,
        CapacityStatus::Near => NEAR_TONE,
        CapacityStatus::Exceeded => BAD_TONE,
        CapacityStatus::Saturated => SATURATED_TONE,
        CapacityStatus::NoData => NO_DATA_TONE,
    }
    .now()
}

/// The colour of a capacity's course over the whole period: over capacity in any year is bad,
/// whatever the horizon's utilisation.
pub fn course_color(course: &crate::engine::Course) -> Color32 {
    use crate::engine::Course;
    match course {
        Course::Within { near, .. } if near.is_empty() => OK_TONE,
        Course::Within { .. } => NEAR_TONE,
        Course::Exceeded { .. } => BAD_TONE,
        Course::Saturated => SATURATED_TONE,
        Course::NoData => NO_DATA_TONE,
    }
    .now()
}

pub fn indicator_status_color(status: Status) -> Color32 {
    match status {
        Status::Met => OK_TONE,
        Status::Pending => PENDING_TONE,
        Status::NotMet => BAD_TONE,
        Status::NoData | Status::NotAssessed => NO_DATA_TONE,
    }
    .now()
}

/// The visuals of each theme: egui's, with weak text dark (or light) enough for AA contrast on
/// a projector.
pub fn visuals(dark: bool) -> egui::Visuals {
    let mut visuals = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    visuals.weak_text_color = Some(if dark {
        Color32::from_gray(165)
    } else {
        Color32::from_gray(95)
    });
    if dark {
        // egui's dark text (grey 140) is dimmer than the weak text above: weak rows (indicators
        // that do not apply) would stand out. Text a clear light grey, weak text below it.
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(215);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(215);
    } else {
        // On a projector egui's light greys wash out: text nearly black, and checkboxes, fields
        // and buttons outlined.
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(25);
        visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(25);
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(120));
        visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(170);
    }
    visuals
}

/// Background of milestone-year columns in tables.
pub fn milestone_fill(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgba_unmultiplied(255, 200, 0, 28)
    } else {
        Color32::from_rgba_unmultiplied(255, 190, 0, 60)
    }
}

/// Zoom for the large-font (projector) setting.
pub const LARGE_FONT_ZOOM: f32 = 1.5;

pub const CHART_HEIGHT: f32 = 320.0;

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(color: Color32) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_its_themes_panels_and_windows() {
        for dark in [false, true] {
            let visuals = visuals(dark);
            let backgrounds = [
                visuals.panel_fill,
                visuals.window_fill,
                // Text fields.
                visuals.extreme_bg_color,
            ];
            let tones = [
                OK_TONE,
                NEAR_TONE,
                BAD_TONE,
                SATURATED_TONE,
                PENDING_TONE,
                NO_DATA_TONE,
            ];
            let mut texts: Vec<(String, Color32)> = tones
                .iter()
                .map(|t| (format!("{t:?}"), if dark { t.dark } else { t.light }))
                .collect();
            texts.push(("text".into(), visuals.text_color()));
            texts.push(("weak text".into(), visuals.weak_text_color()));
            // Weak text reads weaker than text in both themes: closer to the background.
            let (text, weak) = (
                luminance(visuals.text_color()),
                luminance(visuals.weak_text_color()),
            );
            assert!(
                if dark { weak < text } else { weak > text },
                "weak text stands out more than text in the {} theme",
                if dark { "dark" } else { "light" }
            );
            for (name, text) in &texts {
                for background in backgrounds {
                    let ratio = contrast(*text, background);
                    assert!(
                        ratio >= 4.5,
                        "{name} on {background:?} in the {} theme: {ratio:.2}",
                        if dark { "dark" } else { "light" }
                    );
                }
            }
        }
    }

    #[test]
    fn the_tone_follows_the_frame_theme() {
        set_dark(false);
        assert_eq!(ok(), OK_TONE.light);
        set_dark(true);
        assert_eq!(bad(), BAD_TONE.dark);
        set_dark(false);
    }
}
