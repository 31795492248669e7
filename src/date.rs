//! Calendar dates with the precision the text gives them: a year, a month of
//! a year, or a day. Figures keep that precision in the graph (xsd:gYear,
//! xsd:gYearMonth, xsd:date), so "as of early November, 2011" stays 2011-11.

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A full date, if it exists in the calendar.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// Days since 1970-01-01 of a full date (the first day of a partial one).
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Whether this date begins after `other` ends: "the end of 2013" does
    /// after January 8, 2013, but 2013 does not.
    pub fn begins_after(&self, other: &PartialDate) -> bool {
        let end = match (other.month, other.day) {
            (Some(_), Some(_)) => *other,
            (Some(month), None) => PartialDate { day: Some(days_in_month(other.year, month)), ..*other },
            _ => PartialDate { month: Some(12), day: Some(31), ..*other },
        };
        self.days_since_epoch() > end.days_since_epoch()
    }

    /// The full date `days` days after (or before, if negative) this one.
    pub fn add_days(&self, days: i64) -> Self {
        let (year, month, day) = civil_from_days(self.days_since_epoch() + days);
        Self { year, month: Some(month), day: Some(day) }
    }

    /// ISO weekday (Monday = 1) of a full date.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }

    /// The month before this date's month.
    pub fn previous_month(&self) -> Self {
        let month = self.month.unwrap_or(1);
        if month == 1 {
            Self { year: self.year - 1, month: Some(12), day: None }
        } else {
            Self { year: self.year, month: Some(month - 1), day: None }
        }
    }

    /// The XSD datatype that keeps this precision.
    pub fn xsd_type(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "date",
            (Some(_), None) => "gYearMonth",
            _ => "gYear",
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-calendar algorithms (public domain).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_crosses_months_and_leap_days() {
        let date = PartialDate::day(2012, 3, 1).expect("valid");
        assert_eq!(date.add_days(-1).to_string(), "2012-02-29");
        assert_eq!(PartialDate::day(2013, 1, 1).expect("valid").add_days(-1).to_string(), "2012-12-31");
    }

    #[test]
    fn weekdays_are_iso() {
        // 2012-09-10 was a Monday.
        assert_eq!(PartialDate::day(2012, 9, 10).expect("valid").weekday(), 1);
        assert_eq!(PartialDate::day(2014, 2, 16).expect("valid").weekday(), 7);
    }

    #[test]
    fn invalid_days_are_refused() {
        assert!(PartialDate::day(2013, 2, 29).is_none());
        assert!(PartialDate::month(2013, 13).is_none());
    }

    #[test]
    fn precision_shows_in_display_and_type() {
        let month = PartialDate::month(2011, 11).expect("valid");
        assert_eq!(month.to_string(), "2011-11");
        assert_eq!(month.xsd_type(), "gYearMonth");
        assert_eq!(PartialDate::year(2011).xsd_type(), "gYear");
    }
}
