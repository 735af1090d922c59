//! Working hours (giờ làm việc): the sessions of a working day. The end of
//! the last session is the day's cut-off for receiving dossiers.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// One stretch of work in a day (buổi làm việc), from `start` to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The sessions of a working day, in order and not overlapping. Built only
/// through [`WorkingHours::new`], also when read from JSON, so a bad setting
/// is refused where it is entered rather than surfacing as a wrong deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Session>", into = "Vec<Session>")]
pub struct WorkingHours {
    sessions: Vec<Session>,
}

impl WorkingHours {
    /// Checks that there is at least one session, that each starts before it
    /// ends, and that each starts no earlier than the previous one ends.
    pub fn new(sessions: Vec<Session>) -> Result<Self, CalendarError> {
        if sessions.is_empty() {
            return Err(CalendarError::NoSessions);
        }

        let mut previous_end = NaiveTime::MIN;
        for session in &sessions {
            if session.start >= session.end || session.start < previous_end {
                return Err(CalendarError::InvalidSession { start: session.start, end: session.end });
            }
            previous_end = session.end;
        }

        Ok(WorkingHours { sessions })
    }

    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// When the first session starts: where counting resumes on a new day.
    pub fn day_start(&self) -> NaiveTime {
        // `new` refuses an empty list, so the fallback is never used.
        self.sessions.first().map_or(NaiveTime::MIN, |session| session.start)
    }

    /// When the last session ends: a dossier submitted at or after it is
    /// received the next working day.
    pub fn day_end(&self) -> NaiveTime {
        // `new` refuses an empty list, so the fallback is never used.
        self.sessions.last().map_or(NaiveTime::MIN, |session| session.end)
    }
}

/// The public servants' usual day: 07:30–11:30 and 13:30–17:00.
impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            sessions: vec![
                Session { start: clock(7, 30), end: clock(11, 30) },
                Session { start: clock(13, 30), end: clock(17, 0) },
            ],
        }
    }
}

impl TryFrom<Vec<Session>> for WorkingHours {
    type Error = CalendarError;

    fn try_from(sessions: Vec<Session>) -> Result<Self, Self::Error> {
        WorkingHours::new(sessions)
    }
}

impl From<WorkingHours> for Vec<Session> {
    fn from(hours: WorkingHours) -> Self {
        hours.sessions
    }
}

/// A time of day from literal hours and minutes; the fallback is unreachable
/// for the in-range literals used above.
const fn clock(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => time,
        None => NaiveTime::MIN,
    }
}
