//! Design tokens: colours of series and statuses, spacing, text scale. No view picks its own.

use eframe::egui::{self, Color32};

use crate::engine::CapacityStatus;
use crate::engine::indicators::Status;
use crate::model::Scenario;

/// The colour of a series in every chart and legend (`charts::series_color`).
pub fn series_color(scenario: &Scenario, key: &str) -> Color32 {
    super::chart::color(crate::charts::series_color(scenario, key))
}

pub const OK: Color32 = Color32::from_rgb(30, 150, 60);
pub const NEAR: Color32 = Color32::from_rgb(220, 150, 0);
pub const BAD: Color32 = Color32::from_rgb(210, 40, 40);
pub const SATURATED: Color32 = Color32::from_rgb(140, 20, 90);
pub const PENDING: Color32 = Color32::from_rgb(90, 120, 200);

pub fn capacity_status_color(status: CapacityStatus) -> Color32 {
    match status {
        CapacityStatus::Ok => OK,
        CapacityStatus::Near => NEAR,
        CapacityStatus::Exceeded => BAD,
        CapacityStatus::Saturated => SATURATED,
        CapacityStatus::NoData => Color32::GRAY,
    }
}

pub fn indicator_status_color(status: Status) -> Color32 {
    match status {
        Status::Met => OK,
        Status::Pending => PENDING,
        Status::NotMet => BAD,
        Status::NoData | Status::NotAssessed => Color32::GRAY,
    }
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
