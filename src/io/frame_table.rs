//! An indicator frame brought as a workbook or CSV (the 2024 revision's 市 and 县 tables, a
//! province's own): a header row wherever it stands (title rows above it are skipped) with the
//! columns 序号, 领域, 指标名称, 单位, 目标值, 指标属性 and 适用范围 (or their English names),
//! one indicator per row. The target is read as frames write it ("≥85", "≤0.17",
//! "≥90 或持续提高", "保持稳定或持续改善", "ΔEQI>-1", "建立"); anything else is refused by cell.

use std::path::Path;

use super::table_reader::{Cell, ImportError, Table, read_table, said};
use crate::model::{Better, IndicatorKind, IndicatorTarget, Label};
use crate::plan::frame::{Frame, FrameRow, Scope};

/// The columns of a frame table, by what their header may say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
enum Column {
    Number,
    System,
    Name,
    Unit,
    Target,
    Kind,
    Scope,
}

impl Column {
    const ALL: &[Column] = <Column as strum::VariantArray>::VARIANTS;

    /// The headers that name this column, compared without spaces and case.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Number => &["序号", "编号", "number", "no.", "no"],
            Column::System => &["领域", "系统", "类别", "domain", "system"],
            Column::Name => &["指标名称", "指标", "name", "indicator"],
            Column::Unit => &["单位", "unit"],
            Column::Target => &["目标值", "指标值", "目标", "建设标准", "target"],
            Column::Kind => &["指标属性", "属性", "kind"],
            Column::Scope => &["适用范围", "范围", "scope", "applies"],
        }
    }

    fn of(text: &str) -> Option<Column> {
        let text: String = text.split_whitespace().collect::<String>().to_lowercase();
        Column::ALL
            .iter()
            .copied()
            .find(|c| c.headers().iter().any(|h| *h == text))
    }
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(v) => crate::format::exact(*v),
        Cell::Text(t) | Cell::Date(t) | Cell::Uncomputed(t) => t.trim().to_owned(),
        // A target typed in a percentage cell: 85 %.
        Cell::Percent(v) => format!("{}%", crate::format::exact(*v)),
    }
}

/// A number at the start of `text` (after the sign and spaces), with the rest: "85%" → 85.
fn leading_number(text: &str) -> Option<(f64, &str)> {
    let text = text.trim_start();
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '-' || c == '−') && i == 0)))
        .map_or(text.len(), |(i, _)| i);
    let number = text[..end].replace('−', "-");
    number.parse().ok().map(|v| (v, &text[end..]))
}

/// A target as frames write it, or `None` when the words are not one ecoplan can check.
pub fn parse_target(text: &str) -> Option<IndicatorTarget> {
    let compact: String = text
        .split_whitespace()
        .collect::<String>()
        .replace(">=", "≥")
        .replace("<=", "≤")
        .replace('＞', ">")
        .replace('＜', "<")
        .replace('＝', "=")
        .replace('≧', "≥")
        .replace('≦', "≤");
    // "≥85 或持续改善" is met by the threshold or by getting better: on the ≥ side better is
    // higher, on the ≤ side lower.
    let rising = [
        "或持续提高",
        "或持续提升",
        "或提高",
        "或持续改善",
        "或改善",
        "orrising",
    ];
    let falling = [
        "或持续下降",
        "或持续降低",
        "或下降",
        "或持续改善",
        "或改善",
        "orfalling",
    ];
    let improving = [
        "保持稳定或持续改善",
        "持续改善",
        "稳中向好",
        "不降低",
        "stableorimproving",
    ];
    let change = compact.contains('Δ') || compact.contains("变化");
    // A change from the previous assessment: "ΔEQI>-1", "变化≥-1".
    if change && let Some(at) = compact.find(['>', '≥']) {
        let rest = compact[at..].trim_start_matches(['>', '≥']);
        return leading_number(rest).map(|(v, _)| IndicatorTarget::ChangeAtLeast(v));
    }
    let says_any = |words: &[&str]| words.iter().any(|w| compact.contains(w));
    let threshold = |symbol: char| {
        compact
            .strip_prefix(symbol)
            .and_then(leading_number)
            .map(|(v, _)| v)
    };
    for (symbol, plain, or_trend, trend) in [
        (
            '≥',
            IndicatorTarget::AtLeast as fn(f64) -> IndicatorTarget,
            IndicatorTarget::AtLeastOrRising as fn(f64) -> IndicatorTarget,
            &rising,
        ),
        (
            '>',
            IndicatorTarget::AtLeast,
            IndicatorTarget::AtLeastOrRising,
            &rising,
        ),
        (
            '≤',
            IndicatorTarget::AtMost,
            IndicatorTarget::AtMostOrFalling,
            &falling,
        ),
        (
            '<',
            IndicatorTarget::AtMost,
            IndicatorTarget::AtMostOrFalling,
            &falling,
        ),
    ] {
        if let Some(v) = threshold(symbol) {
            return Some(if says_any(trend) {
                or_trend(v)
            } else {
                plain(v)
            });
        }
    }
    if let Some(v) = threshold('=') {
        return Some(IndicatorTarget::Equal(v));
    }
    if says_any(&improving) {
        return Some(IndicatorTarget::Improving(Better::Higher));
    }
    if compact == "持续下降" || compact == "不增加" {
        return Some(IndicatorTarget::Improving(Better::Lower));
    }
    // A task in words ("建立", "制定实施", "全面完成"): no number to check. A comparison in words
    // ("小于零点一七吨", "不低于 85") is a threshold ecoplan cannot read, never a task.
    let compares = [
        "小于",
        "大于",
        "低于",
        "高于",
        "不超过",
        "以上",
        "以下",
        "达到",
        "至少",
        "至多",
    ];
    if !compact.is_empty()
        && !compact.chars().any(|c| c.is_ascii_digit())
        && !compares.iter().any(|w| compact.contains(w))
    {
        return Some(IndicatorTarget::Task(Label::same(text.trim())));
    }
    None
}

fn parse_kind(text: &str) -> Option<IndicatorKind> {
    match text.trim().to_lowercase().as_str() {
        "约束性" | "约束" | "binding" | "" => Some(IndicatorKind::Binding),
        "参考性" | "参考" | "reference" => Some(IndicatorKind::Reference),
        _ => None,
    }
}

fn parse_scope(text: &str) -> Option<Scope> {
    match text.trim().to_lowercase().as_str() {
        "" | "市县" | "县市" | "区县" | "全部" | "all" | "city and county" => {
            Some(Scope::CityAndCounty)
        }
        "市" | "city" => Some(Scope::CityOnly),
        "县" | "county" => Some(Scope::CountyOnly),
        "沿海" | "coastal" => Some(Scope::Coastal),
        _ => None,
    }
}

/// Reads a frame from a table file; its name is the file's.
pub fn read_frame(path: &Path) -> Result<Frame, ImportError> {
    let table = read_table(path)?;
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    frame_of(&table, &name)
}

fn frame_of(table: &Table, name: &str) -> Result<Frame, ImportError> {
    let at = |r: usize, c: usize, message: Label| ImportError {
        place: (table.place)(r, c),
        message,
    };
    // The header: the first row naming both the number and the name columns.
    let columns_of = |row: &[Cell]| -> Vec<Option<Column>> {
        row.iter()
            .map(|cell| match cell {
                Cell::Text(t) => Column::of(t),
                _ => None,
            })
            .collect()
    };
    let Some((header_row, columns)) = table.rows.iter().enumerate().find_map(|(r, row)| {
        let columns = columns_of(row);
        (columns.contains(&Some(Column::Number)) && columns.contains(&Some(Column::Name)))
            .then_some((r, columns))
    }) else {
        return Err(at(
            0,
            0,
            said(
                "找不到表头：须有“序号”和“指标名称”两列（其余可有：领域、单位、目标值、指标属性、适用范围）",
                "no header row: it needs the columns 序号 (number) and 指标名称 (name); the others may be 领域, 单位, 目标值, 指标属性, 适用范围",
            ),
        ));
    };
    let column = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    let cell_text = |row: &[Cell], wanted: Column| {
        column(wanted)
            .and_then(|c| row.get(c))
            .map(text_of)
            .unwrap_or_default()
    };
    let mut rows: Vec<FrameRow> = Vec::new();
    let mut system = String::new();
    for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
        let number = cell_text(row, Column::Number);
        let indicator_name = cell_text(row, Column::Name);
        if number.is_empty() && indicator_name.is_empty() {
            continue;
        }
        // A merged domain cell holds its text in its first row only.
        let this_system = cell_text(row, Column::System);
        if !this_system.is_empty() {
            system = this_system;
        }
        let number_column = column(Column::Number).expect("the header has it");
        if number.is_empty() {
            return Err(at(
                r,
                number_column,
                said("缺少序号", "the number is missing"),
            ));
        }
        if rows.iter().any(|existing| existing.number == number) {
            return Err(at(
                r,
                number_column,
                said(
                    format!("序号 {number} 重复"),
                    format!("the number {number} is given twice"),
                ),
            ));
        }
        let name_column = column(Column::Name).expect("the header has it");
        if indicator_name.is_empty() {
            return Err(at(
                r,
                name_column,
                said("缺少指标名称", "the name is missing"),
            ));
        }
        let target_text = cell_text(row, Column::Target);
        let target = match column(Column::Target) {
            None => {
                return Err(at(
                    header_row,
                    0,
                    said(
                        "表头中没有“目标值”列：每项指标须有目标",
                        "the header has no 目标值 (target) column: every indicator needs a target",
                    ),
                ));
            }
            Some(c) => {
                if let Some(Cell::Number(v)) = row.get(c) {
                    return Err(at(
                        r,
                        c,
                        said(
                            format!("目标值 {} 没有写明 ≥、≤ 或 =", crate::format::exact(*v)),
                            format!(
                                "the target {} does not say ≥, ≤ or =",
                                crate::format::exact(*v)
                            ),
                        ),
                    ));
                }
                parse_target(&target_text).ok_or_else(|| {
                    at(
                        r,
                        c,
                        said(
                            format!("无法识别目标值“{target_text}”（可写 ≥85、≤0.17、≥90 或持续提高、保持稳定或持续改善、ΔEQI>-1，或任务的文字）"),
                            format!("the target \"{target_text}\" is not one ecoplan reads (≥85, ≤0.17, ≥90 or rising, stable or improving, ΔEQI>-1, or a task in words)"),
                        ),
                    )
                })?
            }
        };
        let kind_text = cell_text(row, Column::Kind);
        let kind = parse_kind(&kind_text).ok_or_else(|| {
            at(
                r,
                column(Column::Kind).unwrap_or(0),
                said(
                    format!("指标属性“{kind_text}”须为约束性或参考性"),
                    format!(
                        "the kind \"{kind_text}\" must be 约束性 (binding) or 参考性 (reference)"
                    ),
                ),
            )
        })?;
        let scope_text = cell_text(row, Column::Scope);
        let scope = parse_scope(&scope_text).ok_or_else(|| {
            at(
                r,
                column(Column::Scope).unwrap_or(0),
                said(
                    format!("适用范围“{scope_text}”须为市县、市、县或沿海"),
                    format!("the scope \"{scope_text}\" must be 市县 (all), 市 (city), 县 (county) or 沿海 (coastal)"),
                ),
            )
        })?;
        rows.push(FrameRow {
            number,
            system: Label::same(&system),
            name: Label::same(&indicator_name),
            unit: cell_text(row, Column::Unit),
            target,
            kind,
            scope,
            note: Label::default(),
            decimals: None,
        });
    }
    if rows.is_empty() {
        return Err(at(
            header_row,
            0,
            said("表头之下没有指标", "there is no indicator below the header"),
        ));
    }
    Ok(Frame {
        name: Label::same(name),
        source: Label::same(name),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_as_frames_write_them() {
        use IndicatorTarget::*;
        assert_eq!(parse_target("≥85"), Some(AtLeast(85.0)));
        assert_eq!(parse_target(">= 85 %"), Some(AtLeast(85.0)));
        assert_eq!(parse_target("≤0.17"), Some(AtMost(0.17)));
        assert_eq!(parse_target("=100"), Some(Equal(100.0)));
        assert_eq!(parse_target("≥90 或持续提高"), Some(AtLeastOrRising(90.0)));
        assert_eq!(parse_target("≤ 0.5或持续下降"), Some(AtMostOrFalling(0.5)));
        assert_eq!(
            parse_target("保持稳定或持续改善"),
            Some(Improving(Better::Higher))
        );
        assert_eq!(parse_target("ΔEQI>-1"), Some(ChangeAtLeast(-1.0)));
        assert_eq!(parse_target("ΔEQI ＞ −1"), Some(ChangeAtLeast(-1.0)));
        assert_eq!(parse_target("建立"), Some(Task(Label::same("建立"))));
        // Words with a number that says neither ≥ nor ≤ are not guessed at.
        assert_eq!(parse_target("大约 85"), None);
        assert_eq!(parse_target("小于零点一七吨"), None);
        assert_eq!(parse_target(""), None);
    }
}
