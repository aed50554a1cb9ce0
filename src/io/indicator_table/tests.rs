use super::reader::values_of;
use crate::io::table_reader::{Cell, column_letters, read_csv};

#[test]
fn columns_are_lettered_as_spreadsheets_do() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(27), "AB");
    assert_eq!(column_letters(701), "ZZ");
    assert_eq!(column_letters(702), "AAA");
}

#[test]
fn typed_numbers_are_read_with_separators_percent_signs_and_full_width_digits() {
    use crate::format::parse_typed;
    assert_eq!(parse_typed(" 1,234.5 "), Some(1234.5));
    assert_eq!(parse_typed("1，234"), Some(1234.0));
    assert_eq!(parse_typed("85.9%"), Some(85.9));
    assert_eq!(parse_typed("２５"), Some(25.0));
    assert_eq!(parse_typed("−3.5"), Some(-3.5));
    assert_eq!(parse_typed("abc"), None);
    assert_eq!(parse_typed("inf"), None);
    assert_eq!(parse_typed(""), None);
}

fn csv_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn csv_fields_follow_rfc_4180_and_keep_their_line_and_column() {
    // A BOM, a quoted name with a comma, a doubled quote, a name over two lines (CRLF inside
    // the quotes), CRLF line ends, and a lone CR.
    let text = "\u{feff}序号,名称,2021\r\n3,\"考核, \"\"比例\"\"\",25\r\n7,\"优良\r\n天数\",80\r11,林草,18\n";
    let path = csv_file("rfc.csv", text);
    let table = read_csv(&path).unwrap();
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[1][1], Cell::Text("考核, \"比例\"".into()));
    assert_eq!(table.rows[2][1], Cell::Text("优良\n天数".into()));
    assert_eq!(table.rows[3][2], Cell::Number(18.0));
    let shown = path.display().to_string();
    assert_eq!((table.place)(1, 2), format!("{shown}:2:16"));
    // The value after the two-line name is on line 4; the row after the lone CR on line 5.
    assert_eq!((table.place)(2, 2), format!("{shown}:4:5"));
    assert_eq!((table.place)(3, 0), format!("{shown}:5:1"));
    let scenario = crate::plan::hanyang_plan();
    let values: Vec<(String, f64)> = values_of(&table, &scenario)
        .unwrap()
        .into_iter()
        .map(|v| (v.number, v.new))
        .collect();
    assert_eq!(
        values,
        [("3".into(), 25.0), ("7".into(), 80.0), ("11".into(), 18.0)]
    );
}

#[test]
fn an_empty_line_is_no_row_and_every_cell_keeps_its_line_and_column() {
    let path = csv_file("gaps.csv", "序号,名称\r\n\r\n3,\"a \"\"b\"\"\",25\n");
    let table = read_csv(&path).unwrap();
    let shown = path.display().to_string();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][1], Cell::Text("a \"b\"".into()));
    assert_eq!(table.rows[1][2], Cell::Number(25.0));
    assert_eq!((table.place)(1, 0), format!("{shown}:3:1"));
    assert_eq!((table.place)(1, 2), format!("{shown}:3:13"));
}

#[test]
fn an_unclosed_quote_is_named_at_its_start() {
    let path = csv_file("open.csv", "序号,2021\n3,\"25\n");
    let error = read_csv(&path).err().unwrap();
    assert_eq!(error.place, format!("{}:2:3", path.display()));
    assert!(error.message.en.contains("not closed") && error.message.zh.contains("没有结束"));
}
