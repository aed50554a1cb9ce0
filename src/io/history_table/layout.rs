//! The two layouts a bureau delivers history in: a row per series with a column per year, or a row per series and year.

use super::*;

/// The rows of one table in the wide layout (a column per year), or `None` when it has no
/// header row of years.
pub(super) fn wide_rows(table: &Table) -> Option<Result<Vec<HistoryRow>, ImportError>> {
    // The header: the first row with two or more years in it, or one year after a name's
    // header (a sheet of a single year).
    let (header_row, year_columns) = table.rows.iter().enumerate().find_map(|(r, row)| {
        let years: Vec<(usize, i32)> = row
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| year_of(cell).map(|y| (c, y)))
            .collect();
        let named = years.first().is_some_and(|&(first, _)| {
            row[..first].iter().any(|c| {
                text_of(c).is_some_and(|t| {
                    [
                        "指标",
                        "指标名称",
                        "名称",
                        "项目",
                        "name",
                        "series",
                        "indicator",
                    ]
                    .contains(&normalised(t).as_str())
                })
            })
        });
        (years.len() >= 2 || named).then_some((r, years))
    })?;
    let first_year_column = year_columns[0].0;
    let header = &table.rows[header_row];
    if let Some(refused) = header_years_refused(table, header_row, &year_columns) {
        return Some(Err(refused));
    }
    let unit_column = header.iter().position(|cell| {
        text_of(cell)
            .is_some_and(|t| ["单位", "计量单位", "unit"].contains(&normalised(t).as_str()))
    });
    Some((|| {
        let mut rows = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
            // The name: the first text left of the years that is not the unit.
            let Some((name_column, name)) = row
                .iter()
                .enumerate()
                .take(first_year_column)
                .filter(|(c, _)| Some(*c) != unit_column)
                .find_map(|(c, cell)| text_of(cell).map(|t| (c, t)))
            else {
                continue;
            };
            let mut values = Vec::new();
            for &(c, year) in &year_columns {
                let cell = row.get(c).unwrap_or(&Cell::Empty);
                match value_of(cell) {
                    Ok(Some(v)) => values.push((year, v, (table.place)(r, c))),
                    Ok(None) => {}
                    Err(_) => {
                        // A note row ("注：……", "资料来源：……") may run into the year columns;
                        // any other row with something unreadable there is refused by that
                        // cell, even where it is the row's only figure (a sheet of one year).
                        let any_number = year_columns.iter().any(|&(c2, _)| {
                            matches!(value_of(row.get(c2).unwrap_or(&Cell::Empty)), Ok(Some(_)))
                        });
                        if !any_number && is_note(name) && matches!(cell, Cell::Text(_)) {
                            values.clear();
                            break;
                        }
                        return Err(not_a_number(&table.place, (r, c), cell, (name, year)));
                    }
                }
            }
            if values.is_empty() {
                continue;
            }
            let percent_at = year_columns
                .iter()
                .find(|&&(c, _)| row.get(c).is_some_and(in_percent))
                .map(|&(c, _)| (table.place)(r, c));
            let (name, bracketed) = split_unit(name);
            let own_unit =
                unit_column.and_then(|c| row.get(c).and_then(text_of).map(|u| (c, u.to_owned())));
            let unit_place = (table.place)(r, own_unit.as_ref().map_or(name_column, |(c, _)| *c));
            let unit =
                unit_with_percent(own_unit.map(|(_, u)| u).or(bracketed), percent_at, &name)?;
            rows.push(HistoryRow {
                name,
                unit,
                values,
                place: (table.place)(r, name_column),
                unit_place,
            });
        }
        if rows.is_empty() {
            return Err(ImportError {
                place: (table.place)(header_row, 0),
                message: said(
                    "表头之下没有可导入的数据行：每行须有名称和数值",
                    "there is no row of figures below the header: each row needs a name and numbers",
                ),
            });
        }
        Ok(rows)
    })())
}

/// A year of the header written out of the years a plan may hold (its column would be passed
/// over) or written twice (one column would overwrite the other), refused at its cell.
fn header_years_refused(
    table: &Table,
    header_row: usize,
    year_columns: &[(usize, i32)],
) -> Option<ImportError> {
    let header = &table.rows[header_row];
    let place = |c: usize| (table.place)(header_row, c);
    let outside = header.iter().enumerate().find_map(|(c, cell)| {
        let written = year_written(cell)?;
        ((1000..=9999).contains(&written) && year_of(cell).is_none()).then_some((c, written))
    });
    if let Some((c, year)) = outside {
        return Some(ImportError {
            place: place(c),
            message: said(
                format!(
                    "表头的 {year} 年不在 {MIN_BASE_YEAR}—{MAX_HORIZON} 年之内：请删去此列，或改正年份"
                ),
                format!(
                    "the header's year {year} is outside {MIN_BASE_YEAR}–{MAX_HORIZON}: delete its column, or correct the year"
                ),
            ),
        });
    }
    year_columns.iter().enumerate().find_map(|(i, &(c, year))| {
        let &(first, _) = year_columns[..i].iter().find(|&&(_, y)| y == year)?;
        Some(ImportError {
            place: place(c),
            message: said(
                format!(
                    "表头中 {year} 年出现两次：{} 与此处；请改正其一",
                    place(first)
                ),
                format!(
                    "the header gives {year} twice: at {} and here; correct one of them",
                    place(first)
                ),
            ),
        })
    })
}

/// The rows of a long table (series, year, value and maybe unit columns), or `None` when it
/// has no such header.
pub(super) fn long_rows(table: &Table) -> Option<Result<Vec<HistoryRow>, ImportError>> {
    let find = |row: &[Cell], names: &[&str]| {
        row.iter()
            .position(|c| text_of(c).is_some_and(|t| names.contains(&normalised(t).as_str())))
    };
    let (header_row, (name_c, year_c, value_c), unit_c) =
        table.rows.iter().enumerate().find_map(|(r, row)| {
            let name = find(
                row,
                &["指标", "指标名称", "项目", "series", "name", "indicator"],
            )?;
            let year = find(row, &["年份", "年度", "year"])?;
            let value = find(row, &["数值", "数据", "值", "value"])?;
            Some((
                r,
                (name, year, value),
                find(row, &["单位", "计量单位", "unit"]),
            ))
        })?;
    Some((|| {
        let mut rows: Vec<HistoryRow> = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
            let Some(name) = row.get(name_c).and_then(text_of) else {
                continue;
            };
            let year_cell = row.get(year_c).unwrap_or(&Cell::Empty);
            let year = year_of(year_cell).ok_or_else(|| ImportError {
                place: (table.place)(r, year_c),
                message: said(
                    format!("不是 {MIN_BASE_YEAR}—{MAX_HORIZON} 之间的年份"),
                    format!("not a year within {MIN_BASE_YEAR}–{MAX_HORIZON}"),
                ),
            })?;
            let value = match value_of(row.get(value_c).unwrap_or(&Cell::Empty)) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(_) => {
                    let cell = row.get(value_c).unwrap_or(&Cell::Empty);
                    return Err(not_a_number(&table.place, (r, value_c), cell, (name, year)));
                }
            };
            let value_cell = row.get(value_c).unwrap_or(&Cell::Empty);
            let percent_at = in_percent(value_cell).then(|| (table.place)(r, value_c));
            let (name, bracketed) = split_unit(name);
            let own_unit =
                unit_c.and_then(|c| row.get(c).and_then(text_of).map(|u| (c, u.to_owned())));
            let unit_place = (table.place)(r, own_unit.as_ref().map_or(name_c, |(c, _)| *c));
            let unit =
                unit_with_percent(own_unit.map(|(_, u)| u).or(bracketed), percent_at, &name)?;
            let place = (table.place)(r, value_c);
            match rows.iter_mut().find(|h| h.name == name && h.unit == unit) {
                Some(existing) => existing.values.push((year, value, place)),
                None => rows.push(HistoryRow {
                    name,
                    unit,
                    values: vec![(year, value, place)],
                    place: (table.place)(r, name_c),
                    unit_place,
                }),
            }
        }
        Ok(rows)
    })())
}
