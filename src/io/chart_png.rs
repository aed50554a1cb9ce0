//! Charts as PNG at presentation size, drawn with plotters and the bundled font: no window and
//! no display needed, so the command line exports them on any machine.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::charts::{ChartSpec, Rgb};

/// Presentation size: 1920 px wide, 16:9.
pub const WIDTH: u32 = 1920;
pub const HEIGHT: u32 = 1080;

const FONT: &str = "ecoplan-cjk";

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, crate::assets::CJK_FONT)
            .unwrap_or_else(|_| panic!("the bundled font is a valid OpenType font"));
    });
}

/// The bundled CJK font has no subscript digits and no superscripts but ² and ³: NO₂ is drawn
/// as NO2 and 10⁴ as 10^4.
fn drawable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '₀'..='₉' => out.push(char::from(b'0' + (c as u32 - '₀' as u32) as u8)),
            '⁰' => out.push_str("^0"),
            '¹' => out.push_str("^1"),
            '⁴'..='⁹' => {
                out.push('^');
                out.push(char::from(b'4' + (c as u32 - '⁴' as u32) as u8));
            }
            _ => out.push(c),
        }
    }
    out
}

fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb[0], rgb[1], rgb[2])
}

/// Draws the chart into an RGB buffer of `width` × `height`.
pub fn render_rgb(spec: &ChartSpec, width: u32, height: u32) -> Result<Vec<u8>, String> {
    render_rgb_with_text(spec, width, height, 1.0)
}

/// `render_rgb` with text `text` times its slide size: a chart printed 16 cm wide in a report
/// needs larger type than one shown across a projector screen.
pub fn render_rgb_with_text(
    spec: &ChartSpec,
    width: u32,
    height: u32,
    text: f64,
) -> Result<Vec<u8>, String> {
    register_font();
    let mut buffer = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (width, height)).into_drawing_area();
        draw(spec, &root, width, text)
            .map_err(|e| format!("cannot draw the chart {}: {e}", spec.key))?;
        root.present()
            .map_err(|e| format!("cannot draw the chart {}: {e}", spec.key))?;
    }
    Ok(buffer)
}

fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    width: u32,
    text: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = width as f64 / 1920.0;
    let px = |size: f64| (size * scale).round() as i32;
    // Type and the room it needs, `text` times the slide size.
    let tx = |size: f64| (size * scale * text).round() as i32;
    root.fill(&WHITE)?;
    let (plot_area, footer) = root.split_vertically(root.dim_in_pixel().1 as i32 - tx(50.0));
    footer.draw(&Text::new(
        drawable(&spec.source_note),
        (px(30.0), px(12.0)),
        (FONT, tx(22.0)).into_font().color(&RGBColor(90, 90, 90)),
    ))?;
    let years: Vec<f64> = spec
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.0))
        .collect();
    let first = years.iter().copied().fold(f64::INFINITY, f64::min);
    let last = years.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (first, last) = if first.is_finite() {
        (first, last.max(first + 1.0))
    } else {
        (0.0, 1.0)
    };
    let top = spec
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .chain(spec.bands.iter().flat_map(|b| b.points.iter().map(|p| p.2)))
        .chain(spec.levels.iter().map(|l| l.value))
        .fold(0.0f64, f64::max);
    let top = if top > 0.0 { top * 1.08 } else { 1.0 };
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(drawable(&spec.title), (FONT, tx(44.0)))
        .margin(px(30.0))
        .x_label_area_size(tx(70.0))
        .y_label_area_size(tx(140.0))
        .build_cartesian_2d(first..last, 0.0..top)?;
    chart
        .configure_mesh()
        .x_labels(((last - first) as usize + 1).min(20))
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| tick(*y))
        .y_desc(drawable(&spec.unit))
        .x_desc(spec.x_label.clone())
        .label_style((FONT, tx(24.0)))
        .axis_desc_style((FONT, tx(28.0)))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    let thick = px(4.0).max(1) as u32;
    for &year in &spec.milestones {
        let x = f64::from(year);
        if x >= first && x <= last {
            chart.draw_series(DashedLineSeries::new(
                vec![(x, 0.0), (x, top)],
                px(10.0).max(1) as u32,
                px(8.0).max(1) as u32,
                color(crate::charts::MILESTONE_COLOR).stroke_width(px(2.0).max(1) as u32),
            ))?;
        }
    }
    for level in &spec.levels {
        let style = color(level.color).stroke_width(thick);
        chart
            .draw_series(LineSeries::new(
                vec![(first, level.value), (last, level.value)],
                style,
            ))?
            .label(drawable(&level.name))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 30, y)], style));
    }
    if let Some((year, label)) = &spec.marker {
        let style = color(crate::charts::CAPACITY_COLOR).stroke_width(px(3.0).max(1) as u32);
        let x = f64::from(*year);
        chart
            .draw_series(LineSeries::new(vec![(x, 0.0), (x, top)], style))?
            .label(drawable(label))
            .legend(move |(x, y)| PathElement::new(vec![(x, y - 8), (x, y + 8)], style));
    }
    for band in &spec.bands {
        // The band as one polygon: along the low values, back along the high ones.
        let fill = color(band.color).mix(f64::from(band.opacity)).filled();
        let outline: Vec<(f64, f64)> = band
            .points
            .iter()
            .map(|p| (p.0, p.1))
            .chain(band.points.iter().rev().map(|p| (p.0, p.2)))
            .filter(|p| p.1.is_finite())
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(outline, fill)))?
            .label(drawable(&band.name))
            .legend(move |(x, y)| Rectangle::new([(x, y - 8), (x + 30, y + 8)], fill));
    }
    for line in &spec.lines {
        let style = color(line.color).stroke_width(thick);
        chart
            // Years without data (NaN) are left out rather than drawn as 0.
            .draw_series(LineSeries::new(
                line.points.iter().copied().filter(|p| p.1.is_finite()),
                style,
            ))?
            .label(drawable(&line.name))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 30, y)], style));
    }
    for observed in &spec.observed {
        let style = color(observed.color).filled();
        let radius = px(9.0).max(2);
        chart
            .draw_series(
                observed
                    .points
                    .iter()
                    .map(|&p| Circle::new(p, radius, style)),
            )?
            .label(drawable(&observed.name))
            .legend(move |(x, y)| Circle::new((x + 15, y), radius, style));
    }
    chart
        .configure_series_labels()
        .label_font((FONT, tx(26.0)))
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(180, 180, 180))
        .position(if crate::charts::legend_on_the_right(spec) {
            SeriesLabelPosition::UpperRight
        } else {
            SeriesLabelPosition::UpperLeft
        })
        .draw()?;
    Ok(())
}

/// Axis ticks: whole numbers where the values are large, the table's precision otherwise.
fn tick(value: f64) -> String {
    if value.abs() >= 100.0 {
        format!("{value:.0}")
    } else {
        crate::format::value(value)
    }
}

/// Writes the chart as a PNG of `WIDTH` × `HEIGHT`, through the safe writer: a failed export
/// leaves the previous file as it was.
pub fn write_png(spec: &ChartSpec, path: &Path) -> Result<(), String> {
    let rgb = render_rgb(spec, WIDTH, HEIGHT)?;
    let bytes = encode_png(&rgb, png::ColorType::Rgb, WIDTH, HEIGHT)
        .map_err(|error| format!("{}: cannot encode the PNG: {error}", path.display()))?;
    super::write_atomically(path, &bytes, super::Backup::None).map_err(|e| e.to_string())
}

/// An 8-bit RGB or RGBA image as PNG bytes.
pub fn encode_png(
    pixels: &[u8],
    color: png::ColorType,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn subscripts_become_plain_digits() {
        assert_eq!(
            super::drawable("NO₂ · NH₃-N · 10⁴ m³ · 万 m²"),
            "NO2 · NH3-N · 10^4 m³ · 万 m²"
        );
    }
}
