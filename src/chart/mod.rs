//! Query results as a line chart: which column is the date, which are the
//! numbers and which (if any) names the series, and the points of each
//! series. [`svg`] draws it; [`scale`] places it.
//!
//! A result is chartable when one column holds dates (xsd:date, dateTime,
//! gYear, gYearMonth, or text like "2011-11") and another holds numbers;
//! anything else is refused with a message that says what is missing.

pub mod scale;
pub mod svg;

use crate::date::PartialDate;
use anyhow::{Result, bail};
use oxigraph::model::Term;
use oxigraph::model::vocab::xsd;
use oxigraph::sparql::{QueryResults, QuerySolution};
use std::collections::BTreeSet;

/// A series column names at most this many series; a column with more
/// values (sources, sentences) is not a series.
const MAX_SERIES: usize = 12;

/// A chart ready to draw.
#[derive(Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    /// The date column's name, under the x axis.
    pub x_label: String,
    /// The number columns' names, beside the y axis.
    pub y_label: String,
    pub series: Vec<Series>,
}

/// One line: its name and its points in date order.
#[derive(Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<Point>,
}

#[derive(Debug, PartialEq)]
pub struct Point {
    pub date: PartialDate,
    pub value: f64,
}

/// Charts `results` and writes the SVG document to `out`; returns the
/// number of points drawn.
pub fn write(
    results: QueryResults<'_>,
    title: &str,
    series: Option<&str>,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let chart = from_results(results, title, series)?;
    out.write_all(svg::render(&chart).as_bytes())?;
    Ok(chart.series.iter().map(|s| s.points.len()).sum())
}

/// A title for the chart of a query: a saved query's question (its first
/// sentence), or else the query's name or file.
pub fn title_for(query_name: &str) -> String {
    match crate::queries::find(query_name) {
        Some(saved) if !saved.question.is_empty() => match saved.question.split_once('?') {
            Some((question, _)) => format!("{question}?"),
            None => saved.question,
        },
        _ => query_name.to_string(),
    }
}

/// Reads a chart from SELECT results. `series` names the column that splits
/// rows into series; without it the first text column with a dozen values
/// or fewer does, and without such a column each number column is a series.
pub fn from_results(results: QueryResults<'_>, title: &str, series: Option<&str>) -> Result<Chart> {
    let QueryResults::Solutions(solutions) = results else {
        bail!("a chart needs a SELECT query (with a date column and a number column)");
    };
    let columns: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_string()).collect();
    let rows = solutions.collect::<Result<Vec<QuerySolution>, _>>()?;
    from_rows(&columns, &rows, title, series)
}

fn from_rows(columns: &[String], rows: &[QuerySolution], title: &str, series: Option<&str>) -> Result<Chart> {
    if rows.is_empty() {
        bail!("the query gave no rows, so there is nothing to chart");
    }
    let Some(date_column) = columns.iter().find(|c| all_bound_and(cells(rows, c), |t| date(t).is_some())) else {
        bail!("cannot chart this result: no column holds dates (columns: {})", columns.join(", "));
    };
    let numbers: Vec<&String> = columns
        .iter()
        .filter(|c| *c != date_column && all_bound_and(cells(rows, c), |t| number(t).is_some()))
        .collect();
    if numbers.is_empty() {
        bail!("cannot chart this result: no column holds numbers (columns: {})", columns.join(", "));
    }
    let series_column = match series {
        Some(name) => {
            let name = name.trim_start_matches(['?', '$']);
            if !columns.iter().any(|c| c == name) {
                bail!("no column {name:?} to split into series (columns: {})", columns.join(", "));
            }
            Some(name.to_string())
        }
        None => columns
            .iter()
            .filter(|c| *c != date_column && !numbers.contains(c))
            .find(|c| {
                let values: BTreeSet<String> = cells(rows, c).map(crate::render::show_term).collect();
                !values.is_empty() && values.len() <= MAX_SERIES
            })
            .cloned(),
    };
    let mut lines: Vec<Series> = Vec::new();
    for row in rows {
        let Some(when) = row.get(date_column.as_str()).and_then(date) else { continue };
        let group = series_column.as_deref().and_then(|c| row.get(c)).map(crate::render::show_term);
        for column in &numbers {
            let Some(value) = row.get(column.as_str()).and_then(number) else { continue };
            let name = match (&group, numbers.len()) {
                (Some(group), 1) => group.clone(),
                (Some(group), _) => format!("{group} · {column}"),
                (None, _) => column.to_string(),
            };
            match lines.iter_mut().find(|s| s.name == name) {
                Some(line) => line.points.push(Point { date: when, value }),
                None => lines.push(Series { name, points: vec![Point { date: when, value }] }),
            }
        }
    }
    for line in &mut lines {
        line.points.sort_by(|a, b| a.date.cmp(&b.date).then(a.value.total_cmp(&b.value)));
    }
    Ok(Chart {
        title: title.to_string(),
        x_label: date_column.clone(),
        y_label: numbers.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
        series: lines,
    })
}

/// The bound values of a column.
fn cells<'a>(rows: &'a [QuerySolution], column: &'a str) -> impl Iterator<Item = &'a Term> {
    rows.iter().filter_map(move |row| row.get(column))
}

/// Whether the column has a value and every value passes.
fn all_bound_and<'a>(mut cells: impl Iterator<Item = &'a Term>, test: impl Fn(&Term) -> bool) -> bool {
    let mut any = false;
    cells.all(|t| {
        any = true;
        test(t)
    }) && any
}

/// A date from a typed date literal, or from text that reads as one
/// ("2011", "2011-11", "2011-11-05", "2011-11-05T10:00:00Z").
pub fn date(term: &Term) -> Option<PartialDate> {
    let Term::Literal(literal) = term else { return None };
    let datatype = literal.datatype();
    let typed = [xsd::DATE, xsd::DATE_TIME, xsd::G_YEAR, xsd::G_YEAR_MONTH].contains(&datatype);
    if !typed && datatype != xsd::STRING {
        return None;
    }
    parse_date(literal.value())
}

fn parse_date(text: &str) -> Option<PartialDate> {
    // A time after the day is allowed and ignored.
    let day_part = text.split_once('T').map_or(text, |(day, _)| day);
    let mut parts = day_part.splitn(3, '-');
    let year = parts.next().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
    let two_digits = |part: Option<&str>| -> Option<Option<u8>> {
        match part {
            None => Some(None),
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok().map(Some),
            Some(_) => None,
        }
    };
    match (two_digits(parts.next())?, two_digits(parts.next())?) {
        (None, _) => Some(PartialDate::year(year)),
        (Some(month), None) => PartialDate::month(year, month),
        (Some(month), Some(day)) => PartialDate::day(year, month, day),
    }
}

/// A number from a numeric literal (integer, decimal, double, float and
/// their derived types).
pub fn number(term: &Term) -> Option<f64> {
    let Term::Literal(literal) = term else { return None };
    let datatype = literal.datatype().as_str();
    let numeric = datatype.strip_prefix(crate::graph::vocab::XSD).is_some_and(|local| {
        matches!(
            local,
            "integer"
                | "decimal"
                | "double"
                | "float"
                | "long"
                | "int"
                | "short"
                | "byte"
                | "nonNegativeInteger"
                | "positiveInteger"
                | "nonPositiveInteger"
                | "negativeInteger"
                | "unsignedLong"
                | "unsignedInt"
                | "unsignedShort"
                | "unsignedByte"
        )
    });
    if !numeric {
        return None;
    }
    literal.value().parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, Variable};
    use std::sync::Arc;

    fn rows(columns: &[&str], data: &[&[Term]]) -> (Vec<String>, Vec<QuerySolution>) {
        let variables: Arc<[Variable]> = columns.iter().map(|c| Variable::new_unchecked(*c)).collect();
        let rows = data
            .iter()
            .map(|row| QuerySolution::from((variables.clone(), row.iter().cloned().map(Some).collect::<Vec<_>>())))
            .collect();
        (columns.iter().map(|c| c.to_string()).collect(), rows)
    }

    fn text(value: &str) -> Term {
        Literal::new_simple_literal(value).into()
    }

    fn int(value: i64) -> Term {
        Literal::from(value).into()
    }

    #[test]
    fn dates_of_every_precision() {
        assert_eq!(parse_date("2011"), Some(PartialDate::year(2011)));
        assert_eq!(parse_date("2011-11"), PartialDate::month(2011, 11));
        assert_eq!(parse_date("2012-09-10T08:00:00Z"), PartialDate::day(2012, 9, 10));
        for not_a_date in ["20000", "2011-13", "11-2011", "Sina Weibo", "2011-02-30", ""] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
        let typed = Literal::new_typed_literal("2011-11", xsd::G_YEAR_MONTH).into();
        assert_eq!(date(&typed), PartialDate::month(2011, 11));
        assert_eq!(date(&int(2011)), None, "an integer is a number, not a year");
    }

    #[test]
    fn one_series_per_platform() {
        let (columns, data) = rows(
            &["platform", "date", "value", "source"],
            &[
                &[text("Sina Weibo"), text("2013-12"), int(100000), text("a")],
                &[text("Sina Weibo"), text("2011-11"), int(20000), text("b")],
                &[text("Tencent Weibo"), text("2011-09"), int(18000), text("c")],
            ],
        );
        let chart = from_rows(&columns, &data, "growth", None).unwrap();
        assert_eq!((chart.x_label.as_str(), chart.y_label.as_str()), ("date", "value"));
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Sina Weibo", "Tencent Weibo"]);
        let sina: Vec<f64> = chart.series[0].points.iter().map(|p| p.value).collect();
        assert_eq!(sina, [20000.0, 100000.0], "points in date order");
    }

    #[test]
    fn without_a_series_column_each_number_column_is_a_line() {
        let (columns, data) = rows(
            &["year", "users", "accounts"],
            &[&[text("2011"), int(300), int(20)], &[text("2012"), int(500), int(40)]],
        );
        let chart = from_rows(&columns, &data, "t", None).unwrap();
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["users", "accounts"]);
    }

    #[test]
    fn results_without_a_date_or_a_number_are_refused() {
        let (columns, data) = rows(&["name", "value"], &[&[text("Sina Weibo"), int(3)]]);
        let error = from_rows(&columns, &data, "t", None).unwrap_err().to_string();
        assert!(error.contains("no column holds dates"), "{error}");
        let (columns, data) = rows(&["name", "date"], &[&[text("Sina Weibo"), text("2011-11")]]);
        let error = from_rows(&columns, &data, "t", None).unwrap_err().to_string();
        assert!(error.contains("no column holds numbers"), "{error}");
        let (columns, data) = rows(&["date", "value"], &[]);
        assert!(from_rows(&columns, &data, "t", None).is_err());
    }
}
