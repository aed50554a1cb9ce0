//! Charts as PNG at presentation size, drawn with plotters and the bundled font: no window and
//! no display needed, so the command line exports them on any machine.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::charts::{ChartSpec, Glyph, Rgb};
use crate::i18n::Tr;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Presentation size: 1920 px wide, 16:9.
pub const WIDTH: u32 = 1920;
pub const HEIGHT: u32 = 1080;

/// The names the two faces are registered under in plotters' font table.
const BUNDLED_FONT: &str = "ecoplan-cjk";
const SYSTEM_FONT: &str = "ecoplan-system-cjk";

/// Every text a chart draws, as drawn.
fn texts(spec: &ChartSpec) -> Vec<String> {
    let mut texts = vec![
        spec.title.clone(),
        spec.unit.clone(),
        spec.x_label.clone(),
        spec.source_note.clone(),
    ];
    texts.extend(spec.note.clone());
    texts.extend(spec.marker.as_ref().map(|(_, label)| label.clone()));
    texts.extend(
        crate::charts::legend(spec)
            .into_iter()
            .map(|entry| entry.name),
    );
    texts.iter().map(|t| drawable(t)).collect()
}

/// The face a chart is drawn in, registered: the bundled one, or the system's CJK font where
/// the chart has characters outside the bundled subset (all its text in one face).
fn chart_font(spec: &ChartSpec) -> &'static str {
    static BUNDLED: Once = Once::new();
    static SYSTEM: Once = Once::new();
    let texts = texts(spec);
    let (face, _) = crate::typeface::for_texts(texts.iter().map(String::as_str));
    let (name, once) = if face.path.is_some() {
        (SYSTEM_FONT, &SYSTEM)
    } else {
        (BUNDLED_FONT, &BUNDLED)
    };
    once.call_once(|| {
        plotters::style::register_font(name, FontStyle::Normal, face.bytes)
            .unwrap_or_else(|_| panic!("a font that parsed once parses again"));
    });
    name
}

/// The characters of the chart that no font on this machine has: drawn as blanks, and said by
/// every export that draws the chart.
pub fn undrawable(spec: &ChartSpec) -> Vec<char> {
    let texts = texts(spec);
    crate::typeface::for_texts(texts.iter().map(String::as_str)).1
}

/// The bundled CJK font has no subscript digits and no superscripts but ² and ³: NO₂ is drawn
/// as NO2 and 10⁴ as 10^4.
fn drawable(text: &str) -> String {
    // Its middle dot is a full-width glyph set to the left ("规划·  高增长"): a bar reads evenly.
    let text = text.replace(" · ", " | ");
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
    let font = chart_font(spec);
    let mut buffer = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (width, height)).into_drawing_area();
        draw(spec, &root, width, text, font)
            .map_err(|e| Tr::ChartNotDrawn.fill(spec.lang, &[&spec.key, &e]))?;
        root.present()
            .map_err(|e| Tr::ChartNotDrawn.fill(spec.lang, &[&spec.key, &e]))?;
    }
    Ok(buffer)
}

fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    width: u32,
    text: f64,
    font: &'static str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = width as f64 / 1920.0;
    let px = |size: f64| (size * scale).round() as i32;
    // Type and the room it needs, `text` times the slide size.
    let tx = |size: f64| (size * scale * text).round() as i32;
    let grey = RGBColor(70, 70, 70);
    root.fill(&WHITE)?;
    // Title (and the note of what is not drawn to scale) on top, the source line at the foot,
    // the legend in a column beside the plot so that it covers no curve.
    let (height_px, width_px) = (root.dim_in_pixel().1 as i32, root.dim_in_pixel().0 as i32);
    // Sizes read from the back of a meeting room on a 1920-pixel slide (tick digits about
    // 20 px tall).
    let title_font = (font, tx(66.0)).into_font().color(&BLACK);
    let note_font = (font, tx(40.0)).into_font().color(&grey);
    let source_font = (font, tx(32.0)).into_font().color(&RGBColor(90, 90, 90));
    let room = (width_px - 2 * px(30.0)).max(10) as u32;
    let lines = |text: &str, font: &TextStyle| {
        wrap(&drawable(text), room, |t| {
            root.estimate_text_size(t, font).map_or(0, |s| s.0)
        })
    };
    // A report's figure has its title in the caption, and none drawn.
    let title = if spec.title.is_empty() {
        Vec::new()
    } else {
        lines(&spec.title, &title_font)
    };
    let note = spec
        .note
        .as_deref()
        .map_or_else(Vec::new, |n| lines(n, &note_font));
    let source = lines(&spec.source_note, &source_font);
    let (title_step, note_step, source_step) = (tx(82.0), tx(50.0), tx(40.0));
    let header =
        tx(16.0) + title_step * title.len() as i32 + note_step * note.len() as i32 + tx(10.0);
    let footer_height = source_step * source.len() as i32 + tx(16.0);
    let (head, rest) = root.split_vertically(header);
    let (body, footer) = rest.split_vertically((height_px - header - footer_height).max(1));
    let mut y = tx(16.0);
    for line in title {
        head.draw(&Text::new(line, (px(30.0), y), title_font.clone()))?;
        y += title_step;
    }
    for line in note {
        head.draw(&Text::new(line, (px(30.0), y), note_font.clone()))?;
        y += note_step;
    }
    let mut y = px(8.0);
    for line in source {
        footer.draw(&Text::new(line, (px(30.0), y), source_font.clone()))?;
        y += source_step;
    }
    let legend_width = (f64::from(width_px) * 0.26).round() as i32;
    let (plot_area, legend_area) = body.split_horizontally(width_px - legend_width);
    legend(spec, &legend_area, legend_width, (&px, &tx), font)?;

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
        .chain(
            spec.observed
                .iter()
                .flat_map(|l| l.points.iter().map(|p| p.1)),
        )
        .chain(spec.bands.iter().flat_map(|b| b.points.iter().map(|p| p.2)))
        .chain(spec.levels.iter().map(|l| l.value))
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let top = if top > 0.0 { top * 1.08 } else { 1.0 };
    // Below 0 where something is (a footprint's deficit), else from 0.
    let bottom = spec
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .chain(spec.bands.iter().flat_map(|b| b.points.iter().map(|p| p.1)))
        .chain(spec.levels.iter().map(|l| l.value))
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::min);
    let bottom = if bottom < 0.0 { bottom * 1.08 } else { 0.0 };
    // Ticks in the decimals their step needs: 0, 500, 1,000 … or 0.0000, 0.0005 …
    let tick_decimals = (-((top - bottom) / 10.0).log10()).ceil().clamp(0.0, 8.0) as u8;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(px(30.0))
        .x_label_area_size(tx(110.0))
        .y_label_area_size(tx(220.0))
        .build_cartesian_2d(first..last, bottom..top)?;
    // As many year labels as fit side by side in the type asked for: a report's larger type
    // takes fewer (2022 2026 2030 …) rather than letting "20222024" run together.
    let plot_width = f64::from(width_px - legend_width - tx(220.0) - 2 * px(30.0));
    let fit = ((plot_width / (f64::from(tx(40.0)) * 3.4)).floor() as usize).max(2);
    let whole_x = spec
        .lines
        .iter()
        .all(|l| l.points.iter().all(|p| (p.0 - p.0.round()).abs() < 1e-9))
        && last - first <= 200.0;
    chart
        .configure_mesh()
        .x_labels(if whole_x {
            ((last - first) as usize + 1).min(20).min(fit)
        } else {
            10.min(fit)
        })
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| crate::format::fixed(*y, tick_decimals))
        .y_desc(drawable(&spec.unit))
        .x_desc(spec.x_label.clone())
        .label_style((font, tx(40.0)))
        .axis_desc_style((font, tx(42.0)))
        // Major grid lines only, light: the curves carry the slide, not the grid.
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    let thick = px(4.0).max(1) as u32;
    for &year in &spec.milestones {
        let x = f64::from(year);
        if x >= first && x <= last {
            chart.draw_series(DashedLineSeries::new(
                vec![(x, bottom), (x, top)],
                px(10.0).max(1) as u32,
                px(8.0).max(1) as u32,
                color(crate::charts::MILESTONE_COLOR).stroke_width(px(2.0).max(1) as u32),
            ))?;
        }
    }
    for level in &spec.levels {
        let style = color(level.color).stroke_width(thick);
        chart.draw_series(LineSeries::new(
            vec![(first, level.value), (last, level.value)],
            style,
        ))?;
    }
    if let Some((year, label)) = &spec.marker {
        let capacity = color(crate::charts::CAPACITY_COLOR);
        let x = f64::from(*year);
        chart.draw_series(LineSeries::new(
            vec![(x, bottom), (x, top)],
            capacity.stroke_width(px(3.0).max(1) as u32),
        ))?;
        // Said at the mark: "首次超载年份 2044", on the side with room.
        let right_half = x > 0.5 * (first + last);
        let style = (font, tx(40.0)).into_font().color(&capacity).pos(Pos::new(
            if right_half { HPos::Right } else { HPos::Left },
            VPos::Top,
        ));
        let offset = if right_half { -px(10.0) } else { px(10.0) };
        chart.draw_series(std::iter::once(
            EmptyElement::at((x, top)) + Text::new(drawable(label), (offset, px(8.0)), style),
        ))?;
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
        chart.draw_series(std::iter::once(Polygon::new(outline, fill)))?;
    }
    for line in &spec.lines {
        let width = if line.emphasis { thick * 2 } else { thick };
        let style = color(line.color).stroke_width(width);
        // Years without data (NaN) are left out rather than drawn as 0.
        chart.draw_series(LineSeries::new(
            line.points.iter().copied().filter(|p| p.1.is_finite()),
            style,
        ))?;
    }
    for observed in &spec.observed {
        let style = color(observed.color).filled();
        let radius = px(9.0).max(2);
        chart.draw_series(
            observed
                .points
                .iter()
                .map(|&p| Circle::new(p, radius, style)),
        )?;
    }
    Ok(())
}

/// The legend column: each entry's glyph in its colour and its name, wrapped to the column.
fn legend<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    width: i32,
    (px, tx): (&dyn Fn(f64) -> i32, &dyn Fn(f64) -> i32),
    face: &'static str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = (face, tx(36.0)).into_font().color(&BLACK);
    let glyph = px(36.0);
    let room = (width - glyph - px(30.0)).max(10) as u32;
    let line_height = tx(46.0);
    let mut y = px(40.0);
    for entry in crate::charts::legend(spec) {
        let c = color(entry.color);
        let (x0, mid) = (px(4.0), y + line_height / 2);
        match entry.glyph {
            Glyph::Line | Glyph::Level => {
                let stroke = if entry.glyph == Glyph::Level {
                    px(5.0)
                } else {
                    px(4.0)
                };
                area.draw(&PathElement::new(
                    vec![(x0, mid), (x0 + glyph - px(8.0), mid)],
                    c.stroke_width(stroke.max(1) as u32),
                ))?;
            }
            Glyph::Band(opacity) => {
                area.draw(&Rectangle::new(
                    [(x0, mid - px(9.0)), (x0 + glyph - px(8.0), mid + px(9.0))],
                    c.mix(f64::from(opacity)).filled(),
                ))?;
            }
            Glyph::Points => {
                area.draw(&Circle::new(
                    (x0 + glyph / 2 - px(4.0), mid),
                    px(8.0).max(2),
                    c.filled(),
                ))?;
            }
            Glyph::Milestones => {
                for i in 0..3 {
                    let x = x0 + i * px(11.0);
                    area.draw(&PathElement::new(
                        vec![(x, mid), (x + px(6.0), mid)],
                        c.stroke_width(px(2.0).max(1) as u32),
                    ))?;
                }
            }
            Glyph::Marker => {
                area.draw(&PathElement::new(
                    vec![
                        (x0 + glyph / 2, mid - px(12.0)),
                        (x0 + glyph / 2, mid + px(12.0)),
                    ],
                    c.stroke_width(px(3.0).max(1) as u32),
                ))?;
            }
        }
        for line in wrap(&drawable(&entry.name), room, |t| {
            area.estimate_text_size(t, &font).map_or(0, |s| s.0)
        }) {
            area.draw(&Text::new(line, (x0 + glyph, y), font.clone()))?;
            y += line_height;
        }
        y += px(14.0);
    }
    Ok(())
}

/// `text` in lines no wider than `room` by `measure`, broken between characters (Chinese has
/// no spaces) and, where there are spaces, at the last one that fits.
fn wrap(text: &str, room: u32, measure: impl Fn(&str) -> u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if measure(&current) > room && current.chars().count() > 1 {
            current.pop();
            let (keep, carry) = match current.rfind(' ') {
                Some(i) if i > 0 => (current[..i].to_owned(), current[i + 1..].to_owned()),
                _ => (current.clone(), String::new()),
            };
            lines.push(keep);
            current = carry;
            current.push(c);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Writes the chart as a PNG of `WIDTH` × `HEIGHT`, through the safe writer: a failed export
/// leaves the previous file as it was. Returns the characters drawn as blanks (`undrawable`).
pub fn write_png(spec: &ChartSpec, path: &Path) -> Result<Vec<char>, super::export::WriteError> {
    use super::export::WriteError;
    let rgb = render_rgb(spec, WIDTH, HEIGHT).map_err(WriteError::Build)?;
    let bytes = encode_png(&rgb, png::ColorType::Rgb, WIDTH, HEIGHT)
        .map_err(|error| WriteError::Build(error.to_string()))?;
    super::write_atomically(path, &bytes, super::Backup::None)?;
    Ok(undrawable(spec))
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
    fn wrap_breaks_at_spaces_where_there_are_some_and_between_characters_otherwise() {
        // One unit per character, room for 10.
        let measure = |t: &str| t.chars().count() as u32;
        assert_eq!(
            super::wrap("Capacity far above the emission", 10, measure),
            ["Capacity", "far above", "the", "emission"]
        );
        assert_eq!(
            super::wrap("环境容量远高于排放未按比例绘出", 10, measure),
            ["环境容量远高于排放未", "按比例绘出"]
        );
        // Nothing is lost, whatever the room.
        for room in 1..12 {
            let lines = super::wrap("NO2 | 10^4 m³ | 万 m²", room, measure);
            assert_eq!(lines.concat().replace(' ', ""), "NO2|10^4m³|万m²");
        }
    }

    #[test]
    fn subscripts_become_plain_digits() {
        assert_eq!(
            super::drawable("NO₂ · NH₃-N · 10⁴ m³ · 万 m²"),
            "NO2 | NH3-N | 10^4 m³ | 万 m²",
            "and the font's left-set middle dot a bar"
        );
    }
}
