//! Placing values on the chart: linear scales from data to pixels, round
//! ticks for numbers (1, 2 or 5 times a power of ten) and for dates (whole
//! months or years), and short tick labels (20k, 1.5M).

use crate::date::PartialDate;

/// A linear map from a data interval to a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        // An empty domain would divide by zero: widen it around its value.
        let domain = if domain.1 > domain.0 { domain } else { (domain.0 - 1.0, domain.0 + 1.0) };
        Self { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round ticks covering `min..=max`, at most about `wanted` of them; the
/// first is at or below `min` and the last at or above `max`, so they also
/// give the axis its extent.
pub fn value_ticks(min: f64, max: f64, wanted: usize) -> Vec<f64> {
    let (min, max) = if max > min { (min, max) } else { (min - 1.0, min + 1.0) };
    let raw = (max - min) / wanted.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let first = (min / step).floor() as i64;
    let last = (max / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A number as a tick label: 950, 20k, 1.5M, 2B.
pub fn short_number(value: f64) -> String {
    let size = value.abs();
    let (scaled, suffix) = match size {
        s if s >= 1e9 => (value / 1e9, "B"),
        s if s >= 1e6 => (value / 1e6, "M"),
        s if s >= 1e4 => (value / 1e3, "k"),
        _ => (value, ""),
    };
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{}{suffix}", if text == "-0" { "0" } else { text })
}

/// A number with thousands separators, for tooltips: 160,000.
pub fn long_number(value: f64) -> String {
    if value.fract() != 0.0 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

/// Date ticks on the first of a month, every 1, 2, 3, 6 or 12 months or
/// every few years, as many as fit `wanted`. Labels are years when the
/// step is whole years, else year-month.
pub fn date_ticks(first: PartialDate, last: PartialDate, wanted: usize) -> Vec<(i64, String)> {
    let month_index = |d: PartialDate| i64::from(d.year) * 12 + i64::from(d.month.unwrap_or(1)) - 1;
    let (start, end) = (month_index(first), month_index(last) + 1);
    let steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
    let step = steps.iter().copied().find(|s| (end - start) / s < wanted.max(1) as i64).unwrap_or(1200);
    let mut ticks = Vec::new();
    let mut index = start.div_euclid(step) * step;
    // The last tick is at or after the end of the last date's month, so a
    // day late in that month still falls inside the axis.
    loop {
        let (year, month) = (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u8);
        if let Some(date) = PartialDate::month(year, month) {
            let label = if step % 12 == 0 { format!("{year}") } else { format!("{year}-{month:02}") };
            ticks.push((date.days_since_epoch(), label));
        }
        if index >= end {
            return ticks;
        }
        index += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scales_map_ends_to_ends() {
        let y = Linear::new((0.0, 200.0), (400.0, 40.0));
        assert_eq!(y.map(0.0), 400.0);
        assert_eq!(y.map(200.0), 40.0);
        assert_eq!(y.map(100.0), 220.0);
        let flat = Linear::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.map(5.0), 50.0, "a single value sits in the middle");
    }

    #[test]
    fn value_ticks_are_round_and_cover_the_data() {
        assert_eq!(value_ticks(0.0, 160000.0, 5), [0.0, 50000.0, 100000.0, 150000.0, 200000.0]);
        assert_eq!(value_ticks(0.0, 10.0, 5), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        let ticks = value_ticks(18000.0, 18000.0, 5);
        assert!(ticks.first().unwrap() <= &18000.0 && ticks.last().unwrap() >= &18000.0);
        let ticks = value_ticks(-30.0, 70.0, 4);
        assert!(ticks.contains(&0.0) && ticks[0] <= -30.0, "{ticks:?}");
    }

    #[test]
    fn numbers_read_short() {
        assert_eq!(short_number(0.0), "0");
        assert_eq!(short_number(950.0), "950");
        assert_eq!(short_number(20000.0), "20k");
        assert_eq!(short_number(1_500_000.0), "1.5M");
        assert_eq!(short_number(500_000_000.0), "500M");
        assert_eq!(short_number(2e9), "2B");
        assert_eq!(short_number(0.25), "0.25");
        assert_eq!(long_number(160000.0), "160,000");
        assert_eq!(long_number(-1234.0), "-1,234");
    }

    #[test]
    fn date_ticks_step_by_months_or_years() {
        let (from, to) = (PartialDate::month(2011, 9).unwrap(), PartialDate::month(2013, 12).unwrap());
        let ticks = date_ticks(from, to, 8);
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2011-07", "2012-01", "2012-07", "2013-01", "2013-07", "2014-01"]);
        assert!(ticks.windows(2).all(|w| w[0].0 < w[1].0));
        let ticks = date_ticks(PartialDate::year(2000), PartialDate::year(2020), 8);
        assert_eq!(ticks[0].1, "2000");
        assert!(ticks.len() <= 9, "{ticks:?}");
        let one = date_ticks(PartialDate::month(2012, 3).unwrap(), PartialDate::month(2012, 3).unwrap(), 8);
        assert_eq!(one[0].1, "2012-03");
        let late = PartialDate::day(2012, 9, 10).unwrap();
        let ticks = date_ticks(PartialDate::day(2011, 12, 16).unwrap(), late, 8);
        assert!(ticks.last().unwrap().0 >= late.days_since_epoch(), "{ticks:?}");
    }
}
