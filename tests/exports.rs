//! `ecoplan export`: CSV with a BOM, XLSX read back, PNG decoded.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};

fn ecoplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(args)
        .output()
        .expect("ecoplan runs")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecoplan-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_ok(args: &[&str]) {
    let output = ecoplan(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "the file is the output");
}

#[test]
fn csv_has_a_bom_and_the_same_table_as_the_command_line() {
    let dir = out_dir("csv");
    for (table, command) in [
        ("projection", "project"),
        ("capacity", "capacity"),
        ("targets", "targets"),
    ] {
        let out = dir.join(format!("{table}.csv"));
        run_ok(&["export", "--table", table, out.to_str().unwrap()]);
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "{table}: UTF-8 BOM");
        assert_eq!(
            &bytes[3..],
            ecoplan(&[command]).stdout.as_slice(),
            "{table}"
        );
    }
}

#[test]
fn xlsx_has_every_table_and_a_chart_per_pollutant() {
    let dir = out_dir("xlsx");
    let out = dir.join("plan.xlsx");
    run_ok(&["export", out.to_str().unwrap()]);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    // Every table the window shows, named, headed and worded in the workbook's language (中文
    // by default).
    assert_eq!(
        workbook.sheet_names(),
        [
            "预测结果",
            "环境容量",
            "目标",
            "指标",
            "工程",
            "生态承载力",
            "生态环境状况指数"
        ]
    );
    let projection = workbook.worksheet_range("预测结果").unwrap();
    assert_eq!(
        projection.get_value((0, 0)),
        Some(&Data::String("键".into()))
    );
    assert_eq!(projection.get_value((0, 10)), Some(&Data::Float(2028.0)));
    let gdp_row = (0..projection.height() as u32)
        .find(|&r| projection.get_value((r, 0)) == Some(&Data::String("gdp".into())))
        .unwrap();
    assert_eq!(
        projection.get_value((gdp_row, 1)),
        Some(&Data::String("地区生产总值".into()))
    );
    match projection.get_value((gdp_row, 10)) {
        Some(Data::Float(v)) => assert!((v - 1315.39).abs() < 0.01, "{v}"),
        other => panic!("{other:?}"),
    }
    let capacity = workbook.worksheet_range("环境容量").unwrap();
    let no2 = (0..capacity.height() as u32)
        .find(|&r| capacity.get_value((r, 0)) == Some(&Data::String("二氧化氮".into())))
        .unwrap();
    assert_eq!(
        capacity.get_value((no2, 7)),
        Some(&Data::String("已饱和".into()))
    );
    let targets = workbook.worksheet_range("目标").unwrap();
    assert_eq!(
        targets.get_value((1, 0)),
        Some(&Data::String("万元GDP能耗".into()))
    );
    assert_eq!(
        targets.get_value((1, 5)),
        Some(&Data::String("未达标".into()))
    );
    let projects = workbook.worksheet_range("工程").unwrap();
    assert_eq!(projects.height(), 1 + 11, "a row per project");
    let ei = workbook.worksheet_range("生态环境状况指数").unwrap();
    match ei.get_value((6, 1)) {
        Some(Data::Float(v)) => assert!((v - 47.79).abs() < 0.01, "{v}"),
        other => panic!("{other:?}"),
    }
    // Native Excel charts: one part per pollutant in the package.
    let bytes = std::fs::read(&out).unwrap();
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for n in 1..=5 {
        assert!(
            contains(format!("xl/charts/chart{n}.xml").as_bytes()),
            "chart {n}"
        );
    }
}

#[test]
fn the_workbook_has_the_indicator_assessment_in_its_language() {
    let dir = out_dir("xlsx-indicators");
    for (lang, number, not_met, projected) in [
        ("zh", "序号", "未达标", "预测"),
        ("en", "No.", "not met", "projected"),
    ] {
        let out = dir.join(format!("plan-{lang}.xlsx"));
        run_ok(&["export", "--lang", lang, out.to_str().unwrap()]);
        let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
        let sheet = workbook
            .worksheet_range(if lang == "zh" { "指标" } else { "Indicators" })
            .unwrap();
        assert_eq!(sheet.get_value((0, 0)), Some(&Data::String(number.into())));
        // Indicator 20 in 2028: projected 0.159 against ≤ 0.136, not met, in words of `lang`.
        let row = (0..sheet.height() as u32)
            .find(|&r| {
                sheet.get_value((r, 0)) == Some(&Data::String("20".into()))
                    && sheet.get_value((r, 3)) == Some(&Data::Float(2028.0))
            })
            .unwrap();
        assert_eq!(
            sheet.get_value((row, 4)),
            Some(&Data::String(projected.into()))
        );
        match sheet.get_value((row, 5)) {
            Some(Data::Float(v)) => assert!((v - 0.159).abs() < 0.0005, "{v}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            sheet.get_value((row, 6)),
            Some(&Data::String("≤ 0.136".into()))
        );
        assert_eq!(
            sheet.get_value((row, 7)),
            Some(&Data::String(not_met.into()))
        );
    }
}

#[test]
fn png_of_a_chart_is_presentation_sized_without_a_display() {
    let dir = out_dir("png");
    for (chart, lang) in [
        ("capacity-COD", "zh"),
        ("target-energy_intensity", "en"),
        ("group-water", "zh"),
    ] {
        let out = dir.join(format!("{chart}.png"));
        let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env("LC_ALL", "zh_CN.UTF-8")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .args([
                "export",
                "--chart",
                chart,
                "--lang",
                lang,
                "--horizon",
                "2060",
                "--growth",
                "cod=0.09",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let (width, height, pixels) = common::decode_png(&out);
        assert!(width >= 1920, "{width}");
        assert_eq!(height, 1080);
        let distinct: std::collections::HashSet<&[u8]> = pixels.chunks(3).collect();
        assert!(
            distinct.len() > 20,
            "{chart}: only {} colours",
            distinct.len()
        );
    }
}

#[test]
fn unknown_chart_lists_the_charts() {
    let dir = out_dir("bad");
    let output = ecoplan(&[
        "export",
        "--chart",
        "capacity-XYZ",
        dir.join("x.png").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("没有名为“capacity-XYZ”的图表") && message.contains("capacity-COD"),
        "{message}"
    );
}

#[test]
fn unknown_extension_is_refused() {
    let output = ecoplan(&["export", "/tmp/ecoplan-out.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("文件名须以 .csv、.xlsx、.docx、.md 或 .png 结尾")
    );
}

#[test]
fn export_reads_a_scenario_file() {
    let dir = out_dir("file");
    let out = dir.join("green.csv");
    let saves =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-green-transition.ron");
    run_ok(&[
        "export",
        "--table",
        "targets",
        saves.to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("energy_intensity,2028,") && text.contains(",true\n"),
        "{text}"
    );
}

/// The XML of one part of an exported package (a .docx or .xlsx is a zip).
/// The text a reader sees: field codes dropped, tags removed.
fn visible_text(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:instrText") {
        text.push_str(&rest[..start]);
        let end = rest[start..].find("</w:instrText>").unwrap() + start;
        rest = &rest[end + "</w:instrText>".len()..];
    }
    text.push_str(rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn part(path: &std::path::Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_report_is_a_word_chapter_with_real_tables_numbered_figures_and_chinese_fonts() {
    let dir = out_dir("docx");
    let high = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    for lang in ["zh", "en"] {
        let out = dir.join(format!("report-{lang}.docx"));
        run_ok(&[
            "export",
            "--lang",
            lang,
            high.to_str().unwrap(),
            out.to_str().unwrap(),
        ]);
        let document = part(&out, "word/document.xml");
        // Real Word tables: projection, water and air capacity, footprint, EI, targets,
        // indicators, assumptions.
        assert_eq!(document.matches("<w:tbl>").count(), 8, "{lang}");
        // A picture per pollutant near or over its capacity (COD, NH₃-N, the saturated NO₂;
        // SO₂ and PM10 far below are summarised instead), the footprint, the missed target.
        assert_eq!(document.matches("<w:drawing>").count(), 5, "{lang}");
        let archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let media = archive
            .file_names()
            .filter(|n| {
                n.as_ref()
                    .is_ok_and(|n| n.starts_with("word/media/") && n.ends_with(".png"))
            })
            .count();
        assert_eq!(media, 5);
        // The file and the program in the document's properties, never in its text.
        let properties = part(&out, "docProps/custom.xml");
        assert!(properties.contains("hanyang-high-growth.ron"), "{lang}");
        assert!(properties.contains("ecoplan "), "{lang}");
        // Every table's header row repeats on each page it runs onto.
        assert_eq!(document.matches("<w:tblHeader />").count(), 8, "{lang}");
        // Caption numbers are SEQ fields (Word renumbers them and lists them); read as text
        // (field codes left out) they say 表 1-1 …, 图 1-5 ….
        let (table_word, figure_word) = if lang == "zh" {
            ("表", "图")
        } else {
            ("Table", "Figure")
        };
        assert_eq!(
            document
                .matches(&format!(" SEQ {table_word} \\* ARABIC "))
                .count(),
            8
        );
        assert_eq!(
            document
                .matches(&format!(" SEQ {figure_word} \\* ARABIC "))
                .count(),
            5
        );
        let document = visible_text(&document);
        assert!(
            !document.contains(".ron") && !document.contains("ecoplan"),
            "{lang}"
        );
        if lang == "zh" {
            assert!(document.contains("第一章 预测与环境承载力分析"));
            assert!(document.contains("一、经济社会发展与资源环境压力预测"));
            assert!(
                document.contains("（一）水环境承载力")
                    && document.contains("（二）大气环境承载力")
            );
            assert!(document.contains("表 1-1 主要指标预测结果") && document.contains("图 1-5"));
            // The indicator table gives the value each status is judged on: energy intensity
            // projected for the last milestone, in its decimals, and the plan's word where
            // there is no value.
            assert!(document.contains("0.158（2028）") && document.contains("85.0（2028）"));
            assert!(document.contains("规划所述"));
            // Thresholds as the plan prints them.
            assert!(document.contains("≥ 85") && !document.contains("≥ 85.00"));
            // The plan's register: each series' basis, COD at 9 %/yr over capacity from 2039
            // to the horizon, the far-below pollutants in one sentence.
            assert!(document.contains("地区生产总值按年均增长 9.0 % 预测"));
            assert!(document.contains(
                "化学需氧量排放总量自 2039 年起超出化学需氧量环境容量，至 2060 年仍超出"
            ));
            assert!(document.contains("远低于环境容量"));
            assert!(document.contains("资料来源：本规划测算"));
            // Chinese set in 宋体 (body) and 黑体 (headings) by name.
            let styles = part(&out, "word/styles.xml");
            assert!(
                styles.contains("w:eastAsia=\"宋体\"") && styles.contains("w:eastAsia=\"黑体\"")
            );
        } else {
            assert!(document.contains("Chapter 1 Projections and carrying capacity"));
            assert!(document.contains("1.2.1 Water"));
            assert!(
                document.contains("Table 1-1. Projected values")
                    && document.contains("Figure 1-5.")
            );
            assert!(document.contains("exceed the COD capacity from 2039 on"));
            assert!(!document.contains("预测"));
        }
    }
}

/// The number format Excel shows cell `cell` (`B2`) of `sheet_xml` in, by its style's numFmt.
fn number_format(styles: &str, sheet_xml: &str, cell: &str) -> String {
    let attribute = |element: &str, name: &str| -> Option<String> {
        let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(element[start..].split('"').next()?.to_owned())
    };
    let element_at = |xml: &str, needle: &str| -> String {
        let start = xml
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not found"));
        xml[start..].split('>').next().unwrap().to_owned()
    };
    let style: usize = attribute(&element_at(sheet_xml, &format!("<c r=\"{cell}\"")), "s")
        .map_or(0, |s| s.parse().unwrap());
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attribute(&format!(" {xf}"), "numFmtId").unwrap();
    let code = styles
        .split("<numFmt ")
        .skip(1)
        .find(|f| attribute(&format!(" {f}"), "numFmtId").as_deref() == Some(id.as_str()))
        .and_then(|f| attribute(&format!(" {f}"), "formatCode"))
        .unwrap_or_else(|| format!("builtin {id}"));
    code.replace("&quot;", "\"")
}

#[test]
fn the_workbook_shows_each_series_in_its_printed_decimals() {
    let dir = out_dir("xlsx-decimals");
    let out = dir.join("plan.xlsx");
    run_ok(&["export", out.to_str().unwrap()]);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let projection = workbook.worksheet_range("预测结果").unwrap();
    let row_of = |key: &str| {
        (0..projection.height() as u32)
            .find(|&r| projection.get_value((r, 0)) == Some(&Data::String(key.into())))
            .unwrap()
            + 1
    };
    let styles = part(&out, "xl/styles.xml");
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    // Column K is 2028. GDP is printed as 1 315.39, industrial water as 0.0473, good-air days
    // as 85.0: the workbook shows each so, with thousands separators, values kept exact.
    assert_eq!(
        number_format(&styles, &sheet, &format!("K{}", row_of("gdp"))),
        "#,##0.00"
    );
    assert_eq!(
        number_format(&styles, &sheet, &format!("K{}", row_of("water_industrial"))),
        "#,##0.0000"
    );
    assert_eq!(
        number_format(&styles, &sheet, &format!("K{}", row_of("good_air_days"))),
        "#,##0.0"
    );
}

#[test]
fn the_workbook_carries_a_monte_carlo_run_when_one_is_asked_for() {
    let dir = out_dir("xlsx-uncertainty");
    let high = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-high-growth.ron");
    let out = dir.join("high.xlsx");
    run_ok(&[
        "export",
        high.to_str().unwrap(),
        out.to_str().unwrap(),
        "--runs",
        "2000",
    ]);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(&names[names.len() - 2..], ["不确定性", "哪个假设最重要"]);
    // Which assumption drives each result at the horizon: COD's value is its own growth's.
    let drivers = workbook.worksheet_range("哪个假设最重要").unwrap();
    let row = (0..drivers.height() as u32)
        .find(|&r| {
            drivers.get_value((r, 0))
                == Some(&Data::String("化学需氧量排放总量的数值 (2060)".into()))
        })
        .expect("the COD row");
    assert_eq!(
        drivers.get_value((row, 1)),
        Some(&Data::String("化学需氧量排放总量".into()))
    );
    assert!(
        matches!(drivers.get_value((row, 2)), Some(Data::Float(s)) if *s > 0.95),
        "{:?}",
        drivers.get_value((row, 2))
    );
    let sheet = workbook.worksheet_range("不确定性").unwrap();
    // Years as columns from the second row; COD at 9 %/yr (sd 1.5 points) has almost surely
    // exceeded its capacity by 2060 and not yet in 2021.
    let header: Vec<&Data> = (0..sheet.width() as u32)
        .filter_map(|c| sheet.get_value((1, c)))
        .collect();
    let column = |year: f64| {
        header
            .iter()
            .position(|d| **d == Data::Float(year))
            .unwrap() as u32
    };
    let cod = (0..sheet.height() as u32)
        .find(|&r| sheet.get_value((r, 0)) == Some(&Data::String("化学需氧量".into())))
        .unwrap();
    let probability = |year| match sheet.get_value((cod, column(year))) {
        Some(Data::Float(p)) => *p,
        other => panic!("{other:?}"),
    };
    assert_eq!(probability(2021.0), 0.0);
    assert!(probability(2060.0) > 0.9, "{}", probability(2060.0));
    // The fan of COD: a row per year, p5 ≤ p50 ≤ p95.
    let fan_rows: Vec<u32> = (0..sheet.height() as u32)
        .filter(|&r| sheet.get_value((r, 0)) == Some(&Data::String("化学需氧量排放总量".into())))
        .collect();
    assert_eq!(fan_rows.len(), 2060 - 2021 + 1);
    let value = |r, c| match sheet.get_value((r, c)) {
        Some(Data::Float(v)) => *v,
        other => panic!("{other:?}"),
    };
    let last = *fan_rows.last().unwrap();
    assert!(value(last, 2) <= value(last, 4) && value(last, 4) <= value(last, 6));
    // The same seed gives the same workbook numbers.
    let again = dir.join("again.xlsx");
    run_ok(&[
        "export",
        high.to_str().unwrap(),
        again.to_str().unwrap(),
        "--runs",
        "2000",
    ]);
    let mut second: Xlsx<_> = open_workbook(&again).unwrap();
    assert_eq!(second.worksheet_range("不确定性").unwrap(), sheet);

    // Asked of a CSV, or of a scenario with nothing uncertain: refused, nothing written.
    for (file, out, says) in [
        (
            high.to_str().unwrap(),
            "table.csv",
            "输出文件须以 .xlsx、.docx 或 .md 结尾",
        ),
        ("", "plan.xlsx", "没有可抽样的不确定增长率"),
    ] {
        let target = dir.join(out);
        let mut args = vec!["export"];
        if !file.is_empty() {
            args.push(file);
        }
        args.extend([target.to_str().unwrap(), "--runs", "100"]);
        let output = ecoplan(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains(says),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!target.exists());
    }
}

#[test]
fn an_output_never_replaces_an_input_or_any_scenario() {
    let dir = out_dir("no-clobber");
    let plan = dir.join("plan.ron");
    run_ok(&["export", dir.join("warm.csv").to_str().unwrap()]);
    std::fs::write(
        &plan,
        String::from_utf8(ecoplan(&["default"]).stdout).unwrap(),
    )
    .unwrap();
    let before = std::fs::read(&plan).unwrap();
    // The scenario read, by its own name, by a link to it, and another scenario file.
    #[cfg(unix)]
    std::os::unix::fs::symlink(&plan, dir.join("link.csv")).unwrap();
    let other = dir.join("other.ron");
    std::fs::write(&other, &before).unwrap();
    let mut cases = vec![
        (plan.clone(), "这是正在读取的情景文件：导出从不覆盖输入文件"),
        (other.clone(), "此文件是情景或工作区文件"),
    ];
    #[cfg(unix)]
    cases.push((dir.join("link.csv"), "这是正在读取的情景文件"));
    for (out, says) in cases {
        let output = ecoplan(&["export", plan.to_str().unwrap(), out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", out.display());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(says), "{message}");
    }
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // A screenshot aimed at the scenario, or not a PNG, is refused before any window opens.
    for out in [
        plan.to_str().unwrap(),
        dir.join("shot.jpg").to_str().unwrap(),
    ] {
        let output = ecoplan(&[plan.to_str().unwrap(), "--screenshot", out]);
        assert_eq!(output.status.code(), Some(2), "{out}");
    }
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

/// A CJK font with far more characters than the bundled subset, as `.ci/run` installs it
/// (fonts-wqy-microhei) or a desktop has it.
fn a_system_cjk_font() -> PathBuf {
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
    .expect("a CJK font: apt-get install fonts-wqy-microhei, as .ci/run does")
}

#[test]
fn a_character_outside_the_bundled_font_is_drawn_with_the_systems_or_said() {
    let dir = out_dir("rare-characters");
    let mut plan = ecoplan::plan::hanyang_plan();
    plan.metadata.name = "鄠邑区生态文明建设示范区规划".into();
    let cod = plan
        .capacities
        .iter_mut()
        .find(|c| c.pollutant == "COD")
        .unwrap();
    cod.label.zh = "鄠邑区化学需氧量（浉河断面）".into();
    let file = dir.join("鄠邑区.ron");
    std::fs::write(&file, ecoplan::io::to_ron_string(&plan)).unwrap();
    let export = |font: &std::ffi::OsStr, out: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env("LC_ALL", "zh_CN.UTF-8")
            .env("ECOPLAN_CJK_FONT", font)
            .args(["export", "--chart", "capacity-COD", "--lang", "zh"])
            .arg(&file)
            .arg(out)
            .output()
            .unwrap()
    };
    // No fallback font: the chart is written and the characters it cannot draw are named.
    let blank = dir.join("blank.png");
    let output = export("".as_ref(), &blank);
    assert!(output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("本机没有字体含有这些字符，图中显示为空白：鄠浉"),
        "{err}"
    );
    // The same for the Word chapter, whose figures are drawn the same way.
    let report = dir.join("chapter.docx");
    let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("ECOPLAN_CJK_FONT", "")
        .args(["export", "--lang", "zh"])
        .arg(&file)
        .arg(&report)
        .output()
        .unwrap();
    assert!(output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("chapter.docx：本机没有字体"), "{err}");
    assert!(err.contains("鄠浉"), "{err}");
    assert!(err.contains("ECOPLAN_CJK_FONT"), "{err}");

    // With the system's CJK font: no warning, and the title is drawn in it (other pixels).
    let drawn = dir.join("drawn.png");
    let output = export(a_system_cjk_font().as_os_str(), &drawn);
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The title line with its two rare characters drawn is wider, by about two characters,
    // than the one where they are blanks: the rightmost ink of the title's band tells.
    let title_right = |path: &std::path::Path| {
        let (width, _, pixels) = common::decode_png(path);
        let width = width as usize;
        (0..110)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .filter(|&(x, y)| pixels[3 * (y * width + x)] < 128)
            .map(|(x, _)| x)
            .max()
            .unwrap()
    };
    let (blank_right, drawn_right) = (title_right(&blank), title_right(&drawn));
    assert!(
        drawn_right > blank_right + 100,
        "{blank_right} → {drawn_right}"
    );
    // A chart the bundled font covers says nothing, with or without a fallback.
    let plain = dir.join("plain.png");
    let output = Command::new(env!("CARGO_BIN_EXE_ecoplan"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("ECOPLAN_CJK_FONT", "")
        .args(["export", "--chart", "capacity-COD"])
        .arg(&plain)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
