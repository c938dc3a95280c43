//! Time zones: abbreviations as data (`rules/lexicon/timezones.toml`), offsets and instants.

use std::sync::LazyLock;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
};
use chrono_tz::Tz;
use regex::Regex;
use serde::Deserialize;

use crate::text::Slice;

/// Time-zone abbreviations (`rules/lexicon/timezones.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub zone: Vec<ZoneAbbreviation>,
}

/// Whether an abbreviation names standard time, daylight time, or whichever is in force.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZoneKind {
    #[default]
    Generic,
    Standard,
    Daylight,
}

/// One abbreviation and the zones it may stand for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ZoneAbbreviation {
    pub abbreviation: String,
    /// IANA zones, most likely first.
    pub zones: Vec<String>,
    #[serde(default)]
    pub kind: ZoneKind,
}

impl Lexicon {
    pub(super) fn find(&self, abbreviation: &str) -> Option<&ZoneAbbreviation> {
        self.zone
            .iter()
            .find(|z| z.abbreviation.eq_ignore_ascii_case(abbreviation))
    }

    /// The zone an abbreviation stands for in this story, with a note when it was a choice.
    pub fn resolve(
        &self,
        abbreviation: &str,
        story: Option<Tz>,
    ) -> Option<(Tz, ZoneKind, Option<String>)> {
        let z = self.find(abbreviation)?;
        let zones: Vec<Tz> = z
            .zones
            .iter()
            .filter_map(|n| n.parse::<Tz>().ok())
            .collect();
        let first = *zones.first()?;
        if zones.len() == 1 {
            return Some((first, z.kind, None));
        }
        if let Some(tz) = story.filter(|s| zones.contains(s)) {
            return Some((tz, z.kind, None));
        }
        let others: Vec<&str> = z.zones[1..].iter().map(String::as_str).collect();
        Some((
            first,
            z.kind,
            Some(format!(
                "{} is ambiguous (also {}); taken as {}",
                z.abbreviation,
                others.join(", "),
                first.name()
            )),
        ))
    }
}

pub(super) static ZONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"^\s*(?:\(?(?P<abbr>[A-Z]{2,5})\)?\b|(?P<local>local time\b))")
        .expect("static pattern")
});

pub(super) fn zone_after(text: &str, end: &mut usize) -> Option<String> {
    let c = ZONE_RE.captures(text.slice(*end..))?;
    if let Some(a) = c.name("abbr") {
        let word = a.as_str();
        if word.chars().all(|c| c.is_ascii_uppercase()) && word.len() <= 5 {
            *end += c.get(0)?.end();
            return Some(word.to_string());
        }
        return None;
    }
    if c.name("local").is_some() {
        *end += c.get(0)?.end();
        return Some("local".into());
    }
    None
}

/// Does the region of a zone write numeric dates day first ("05/11/2021" is 5 November)?
/// Everywhere but the United States (and its Pacific zones); with no zone, or UTC, month
/// first, as most English-language wire copy does.
pub(super) fn day_first(tz: Option<Tz>) -> bool {
    let Some(tz) = tz else { return false };
    let name = tz.name();
    let us = [
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Detroit",
        "America/Boise",
        "America/Juneau",
        "America/Adak",
        "Pacific/Honolulu",
        "US/",
    ];
    !(name == "UTC"
        || name == "Etc/UTC"
        || us.iter().any(|z| name.starts_with(z))
        || name.starts_with("America/Indiana")
        || name.starts_with("America/Kentucky"))
}

/// The offset a zone had at a local time, for notes.
pub fn offset_at(tz: Tz, naive: NaiveDateTime) -> Option<FixedOffset> {
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.offset().fix())
}

/// Is daylight-saving time in force in `tz` on `date` (at noon)?
pub fn is_dst(tz: Tz, date: NaiveDate) -> bool {
    let noon = NaiveDateTime::new(date, NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    let jan = NaiveDateTime::new(
        NaiveDate::from_ymd_opt(date.year(), 1, 15).unwrap_or(date),
        noon.time(),
    );
    let jul = NaiveDateTime::new(
        NaiveDate::from_ymd_opt(date.year(), 7, 15).unwrap_or(date),
        noon.time(),
    );
    let (Some(now), Some(a), Some(b)) =
        (offset_at(tz, noon), offset_at(tz, jan), offset_at(tz, jul))
    else {
        return false;
    };
    let standard = a.local_minus_utc().min(b.local_minus_utc());
    a != b && now.local_minus_utc() > standard
}

/// The UTC instant of a local time in the zone an abbreviation names.
pub fn instant(
    date: NaiveDate,
    time: NaiveTime,
    abbr: &str,
    lex: &Lexicon,
    story_tz: Option<Tz>,
) -> Option<DateTime<FixedOffset>> {
    let (tz, kind, _) = lex.resolve(abbr, story_tz)?;
    let naive = NaiveDateTime::new(date, time);
    let local = tz.from_local_datetime(&naive).earliest()?;
    // EST/CET name standard time whatever the season: honour the abbreviation. The
    // standard offset is the smaller of January's and July's, daylight the larger.
    let at = |month| {
        offset_at(
            tz,
            NaiveDateTime::new(NaiveDate::from_ymd_opt(date.year(), month, 15)?, time),
        )
    };
    let (jan, jul) = (at(1)?, at(7)?);
    let (standard, daylight) = if jan.local_minus_utc() < jul.local_minus_utc() {
        (jan, jul)
    } else {
        (jul, jan)
    };
    let offset = match kind {
        ZoneKind::Generic => local.offset().fix(),
        ZoneKind::Standard => standard,
        ZoneKind::Daylight => daylight,
    };
    offset.from_local_datetime(&naive).earliest()
}
