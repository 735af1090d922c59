//! "If you submit now": the appointment date each channel would give a
//! dossier received at this moment, so an applicant can plan before filing.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::detail::{Channel, ChannelMethod, ProcessingCase, ProcessingTime};
use crate::calendar::{Appointment, HourAppointment, WorkingCalendar};

/// The appointment a channel would give, computed on the working calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelEstimate {
    pub method: ChannelMethod,
    pub due: EstimatedDue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EstimatedDue {
    /// Processing time in working days: a date.
    Day(Appointment),
    /// Processing time in working hours: a date and time.
    Hour(HourAppointment),
}

/// The estimate of every channel whose processing time is a whole number of
/// working days or hours. Calendar days, months and free text are left out:
/// the regulation counts in working days, and a guess would mislead. A
/// channel the national data gives as `OTHER` takes its time from the
/// procedure's cases when they all say the same number of working days.
pub fn estimate(
    channels: &[Channel],
    cases: &[ProcessingCase],
    calendar: &WorkingCalendar,
    now: NaiveDateTime,
) -> Vec<ChannelEstimate> {
    let from_cases = agreed_case_time(cases);
    channels
        .iter()
        .filter_map(|channel| {
            let time = match (&channel.processing_time, &from_cases) {
                (time, Some(agreed)) if time.unit == "OTHER" => agreed,
                (time, _) => time,
            };
            let due = due(time, calendar, now)?;
            Some(ChannelEstimate { method: channel.method, due })
        })
        .collect()
}

/// The processing cases' time in working days, when every case given in
/// working days says the same number.
fn agreed_case_time(cases: &[ProcessingCase]) -> Option<ProcessingTime> {
    let mut days = cases
        .iter()
        .filter(|case| case.processing_time.unit == "WORKING_DAY")
        .filter_map(|case| case.processing_time.quantity);
    let first = days.next()?;
    if days.any(|other| other != first) {
        return None;
    }
    Some(ProcessingTime { quantity: Some(first), unit: "WORKING_DAY".into(), text: None })
}

fn due(time: &ProcessingTime, calendar: &WorkingCalendar, now: NaiveDateTime) -> Option<EstimatedDue> {
    let quantity = time.quantity.filter(|quantity| quantity.fract() == 0.0 && *quantity >= 0.0)?;
    let whole = u32::try_from(quantity as i64).ok()?;

    match time.unit.as_str() {
        "WORKING_DAY" => calendar.appointment_in_days(now, whole).ok().map(EstimatedDue::Day),
        "HOUR" => calendar.appointment_in_hours(now, whole).ok().map(EstimatedDue::Hour),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::calendar::{SpecialDay, SpecialDayKind, WorkingHours};

    fn channel(method: ChannelMethod, quantity: Option<f64>, unit: &str) -> Channel {
        Channel {
            method,
            processing_time: ProcessingTime { quantity, unit: unit.into(), text: None },
            description: None,
            fees: Vec::new(),
        }
    }

    fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, month, day).and_then(|date| date.and_hms_opt(hour, minute, 0)).unwrap()
    }

    /// 2 September 2026 and its compensatory days, as the national list has them.
    fn national_day_2026() -> WorkingCalendar {
        let off = |month, day| SpecialDay {
            date: NaiveDate::from_ymd_opt(2026, month, day).unwrap(),
            kind: SpecialDayKind::DayOff,
            name: "Quốc khánh".into(),
        };
        WorkingCalendar::new([off(8, 31), off(9, 1), off(9, 2)], WorkingHours::default()).unwrap()
    }

    #[test]
    fn working_days_give_a_date_past_the_national_day() {
        let channels = [channel(ChannelMethod::Online, Some(3.0), "WORKING_DAY")];

        let estimates = estimate(&channels, &[], &national_day_2026(), at(2026, 8, 28, 9, 0));

        let [ChannelEstimate { method: ChannelMethod::Online, due: EstimatedDue::Day(appointment) }] =
            estimates.as_slice()
        else {
            panic!("one day estimate expected, got {estimates:?}");
        };
        assert_eq!(appointment.due_on, NaiveDate::from_ymd_opt(2026, 9, 7).unwrap());
        assert_eq!(appointment.skipped.len(), 7);
    }

    #[test]
    fn working_hours_give_a_time() {
        let channels = [channel(ChannelMethod::Direct, Some(4.0), "HOUR")];

        let estimates = estimate(&channels, &[], &national_day_2026(), at(2026, 3, 2, 10, 0));

        assert!(matches!(
            estimates.as_slice(),
            [ChannelEstimate { due: EstimatedDue::Hour(appointment), .. }] if appointment.due_at == at(2026, 3, 2, 16, 0)
        ));
    }

    #[test]
    fn calendar_days_fractions_and_missing_figures_give_no_estimate() {
        let channels = [
            channel(ChannelMethod::Online, Some(15.0), "DAY"),
            channel(ChannelMethod::Direct, Some(0.5), "WORKING_DAY"),
            channel(ChannelMethod::Postal, None, "OTHER"),
        ];

        let estimates = estimate(&channels, &[], &national_day_2026(), at(2026, 3, 2, 10, 0));

        assert_eq!(estimates, Vec::new());
    }

    fn case(quantity: f64, unit: &str) -> ProcessingCase {
        ProcessingCase {
            code: "c".into(),
            name: "Trường hợp".into(),
            processing_time: ProcessingTime { quantity: Some(quantity), unit: unit.into(), text: None },
        }
    }

    #[test]
    fn an_other_channel_takes_the_working_days_its_cases_agree_on() {
        let channels = [channel(ChannelMethod::Online, Some(1.0), "OTHER")];

        let agreed = estimate(
            &channels,
            &[case(1.0, "WORKING_DAY"), case(1.0, "WORKING_DAY")],
            &national_day_2026(),
            at(2026, 3, 2, 10, 0),
        );
        let disputed = estimate(
            &channels,
            &[case(1.0, "WORKING_DAY"), case(5.0, "WORKING_DAY")],
            &national_day_2026(),
            at(2026, 3, 2, 10, 0),
        );
        let calendar_days =
            estimate(&channels, &[case(20.0, "DAY")], &national_day_2026(), at(2026, 3, 2, 10, 0));

        assert!(matches!(
            agreed.as_slice(),
            [ChannelEstimate { due: EstimatedDue::Day(appointment), .. }] if appointment.due_on == NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
        ));
        assert_eq!(disputed, Vec::new());
        assert_eq!(calendar_days, Vec::new());
    }
}
