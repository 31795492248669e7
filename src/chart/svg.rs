//! Drawing a [`Chart`] as a standalone SVG document: a title, a value axis
//! with grid lines, a date axis, one polyline per series with a marker at
//! each point (its tooltip gives series, date and value), and a legend.
//! All text from the data is escaped, so a label cannot break the XML.

use super::scale::{self, Linear};
use super::{Chart, Series};
use std::fmt::Write;

const WIDTH: f64 = 880.0;
const HEIGHT: f64 = 480.0;
const LEFT: f64 = 80.0;
/// Room on the right for the legend.
const RIGHT: f64 = WIDTH - 200.0;
const TOP: f64 = 76.0;
const BOTTOM: f64 = HEIGHT - 60.0;
/// Characters per title line before it wraps (two lines at most).
const TITLE_LINE: usize = 76;

/// Okabe and Ito's colours, told apart also by people with colour-blind
/// sight (their yellow is left out: it is too pale on white).
const PALETTE: &[&str] = &["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/// The chart as an SVG document.
pub fn render(chart: &Chart) -> String {
    let mut svg = String::new();
    // Writing to a String cannot fail.
    let _ = draw(chart, &mut svg);
    svg
}

fn draw(chart: &Chart, svg: &mut String) -> std::fmt::Result {
    let points = chart.series.iter().flat_map(|s| &s.points);
    let (mut first, mut last) = (None, None);
    let (mut low, mut high) = (0.0f64, f64::MIN);
    for point in points {
        first = Some(first.map_or(point.date, |f: crate::date::PartialDate| f.min(point.date)));
        last = Some(last.map_or(point.date, |l: crate::date::PartialDate| l.max(point.date)));
        low = low.min(point.value);
        high = high.max(point.value);
    }
    let (Some(first), Some(last)) = (first, last) else { return Ok(()) };
    let value_ticks = scale::value_ticks(low, high, 5);
    let date_ticks = scale::date_ticks(first, last, 8);
    let y = Linear::new(
        (value_ticks.first().copied().unwrap_or(low), value_ticks.last().copied().unwrap_or(high)),
        (BOTTOM, TOP),
    );
    let x = Linear::new(
        (
            date_ticks.first().map_or(first.days_since_epoch(), |t| t.0) as f64,
            date_ticks.last().map_or(last.days_since_epoch(), |t| t.0) as f64,
        ),
        (LEFT, RIGHT),
    );

    writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12" fill="#333">"##
    )?;
    writeln!(svg, "<title>{}</title>", escape(&chart.title))?;
    writeln!(svg, r#"<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>"#)?;
    for (n, line) in title_lines(&chart.title).iter().enumerate() {
        writeln!(
            svg,
            r#"<text x="{LEFT}" y="{}" font-size="15" font-weight="bold">{}</text>"#,
            28.0 + n as f64 * 20.0,
            escape(line)
        )?;
    }

    writeln!(svg, r##"<g class="value-axis" stroke="#e3e3e3">"##)?;
    for tick in &value_ticks {
        let ty = y.map(*tick);
        writeln!(svg, r#"<line x1="{LEFT}" y1="{ty:.1}" x2="{RIGHT}" y2="{ty:.1}"/>"#)?;
        writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" stroke="none">{}</text>"#,
            LEFT - 8.0,
            ty + 4.0,
            escape(&scale::short_number(*tick))
        )?;
    }
    writeln!(svg, "</g>")?;

    writeln!(svg, r##"<g class="date-axis" stroke="#555">"##)?;
    writeln!(svg, r#"<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}"/>"#)?;
    for (day, label) in &date_ticks {
        let tx = x.map(*day as f64);
        writeln!(svg, r#"<line x1="{tx:.1}" y1="{BOTTOM}" x2="{tx:.1}" y2="{}"/>"#, BOTTOM + 5.0)?;
        writeln!(
            svg,
            r#"<text x="{tx:.1}" y="{}" text-anchor="middle" stroke="none">{}</text>"#,
            BOTTOM + 20.0,
            escape(label)
        )?;
    }
    writeln!(svg, "</g>")?;
    writeln!(
        svg,
        r#"<text x="{}" y="{}" text-anchor="middle" font-size="13">{}</text>"#,
        (LEFT + RIGHT) / 2.0,
        BOTTOM + 45.0,
        escape(&chart.x_label)
    )?;
    writeln!(
        svg,
        r#"<text transform="translate(20 {}) rotate(-90)" text-anchor="middle" font-size="13">{}</text>"#,
        (TOP + BOTTOM) / 2.0,
        escape(&chart.y_label)
    )?;

    for (n, series) in chart.series.iter().enumerate() {
        draw_series(svg, series, PALETTE[n % PALETTE.len()], &x, &y)?;
    }
    draw_legend(svg, &chart.series)?;
    writeln!(svg, "</svg>")
}

fn draw_series(svg: &mut String, series: &Series, colour: &str, x: &Linear, y: &Linear) -> std::fmt::Result {
    let at = |p: &super::Point| (x.map(p.date.days_since_epoch() as f64), y.map(p.value));
    writeln!(svg, r#"<g class="series" data-series="{}">"#, escape(&series.name))?;
    let points: Vec<String> = series.points.iter().map(at).map(|(px, py)| format!("{px:.1},{py:.1}")).collect();
    writeln!(
        svg,
        r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-linejoin="round"/>"#,
        points.join(" ")
    )?;
    for point in &series.points {
        let (px, py) = at(point);
        writeln!(
            svg,
            r#"<circle cx="{px:.1}" cy="{py:.1}" r="4" fill="{colour}" stroke="white" stroke-width="1.5"><title>{}, {}: {}</title></circle>"#,
            escape(&series.name),
            point.date,
            scale::long_number(point.value)
        )?;
    }
    writeln!(svg, "</g>")
}

fn draw_legend(svg: &mut String, series: &[Series]) -> std::fmt::Result {
    writeln!(svg, r#"<g class="legend">"#)?;
    for (n, line) in series.iter().enumerate() {
        let colour = PALETTE[n % PALETTE.len()];
        let ly = TOP + 8.0 + n as f64 * 22.0;
        writeln!(
            svg,
            r#"<line x1="{}" y1="{ly}" x2="{}" y2="{ly}" stroke="{colour}" stroke-width="2.5"/>"#,
            RIGHT + 24.0,
            RIGHT + 48.0
        )?;
        writeln!(svg, r#"<circle cx="{}" cy="{ly}" r="4" fill="{colour}"/>"#, RIGHT + 36.0)?;
        writeln!(
            svg,
            r#"<text x="{}" y="{}">{}</text>"#,
            RIGHT + 56.0,
            ly + 4.0,
            escape(&crate::render::cut(&line.name, 20))
        )?;
    }
    writeln!(svg, "</g>")
}

/// The title in at most two lines, broken between words.
fn title_lines(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in title.split_whitespace() {
        let Some(line) = lines.last_mut() else { break };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > TITLE_LINE {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(crate::render::cut(&rest, TITLE_LINE));
    }
    lines
}

/// Text as XML character data or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Point;
    use crate::date::PartialDate;

    fn chart(names: &[&str]) -> Chart {
        Chart {
            title: "Growth <of> \"accounts\" & more".into(),
            x_label: "date".into(),
            y_label: "value".into(),
            series: names
                .iter()
                .enumerate()
                .map(|(n, name)| Series {
                    name: name.to_string(),
                    points: vec![
                        Point { date: PartialDate::month(2011, 9).unwrap(), value: 1000.0 * (n + 1) as f64 },
                        Point { date: PartialDate::month(2013, 12).unwrap(), value: 160000.0 },
                    ],
                })
                .collect(),
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot; ");
        let svg = render(&chart(&["<Sina> & Co"]));
        assert!(svg.contains("&lt;Sina&gt; &amp; Co"));
        assert!(!svg.contains("<Sina>"));
        assert!(svg.contains("Growth &lt;of&gt; &quot;accounts&quot; &amp; more"));
    }

    #[test]
    fn one_line_per_series_inside_the_plot() {
        let svg = render(&chart(&["Sina Weibo", "Tencent Weibo"]));
        assert_eq!(svg.matches("<polyline").count(), 2);
        for points in svg.split("points=\"").skip(1) {
            let points = &points[..points.find('"').unwrap()];
            for pair in points.split(' ') {
                let (px, py) = pair.split_once(',').unwrap();
                let (px, py): (f64, f64) = (px.parse().unwrap(), py.parse().unwrap());
                assert!((LEFT..=RIGHT).contains(&px) && (TOP..=BOTTOM).contains(&py), "{pair} outside the plot");
            }
        }
        // The highest value sits on the top grid line or below it.
        assert!(svg.contains(">200k</text>"), "{svg}");
    }

    #[test]
    fn long_titles_wrap_in_two_lines() {
        let lines = title_lines(&"word ".repeat(60));
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= TITLE_LINE));
    }
}
