//! Quantities: percentages, money, durations, basis points and counts, with what they
//! measure.
//!
//! Output: `Value::Quantity` claims normalised per the contract (`30%`, `6.88e11 USD`,
//! `90 days`, `25 bp`). A change "from 145 percent to 30 percent" gives two claims, marked
//! before and after. A figure's `context` names what it measures: the words just before it
//! (or before "from" in a change) up to a clause boundary, and the noun right after it
//! ("10 per cent tariffs on US goods"); a place after "on"/"against" is the target
//! (`on:china`), so "US tariffs on China" and "China's tariffs on US goods" never align.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Deserialize;

use super::frame::{self, Part, Senses};
use super::{claim, Claim, Ctx, Value};
use crate::segment::Doc;
use crate::story::Source;
use crate::text::Slice;
use crate::words;

/// Units, scales and place names (`rules/lexicon/quantities.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lexicon {
    #[serde(default)]
    pub currencies: BTreeMap<String, String>,
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    #[serde(default)]
    pub places: BTreeMap<String, String>,
    /// Regions and the countries in them (by their names in `places`).
    #[serde(default)]
    pub regions: BTreeMap<String, Vec<String>>,
}

/// The places a stretch of text names: multiword names first ("United States", "North
/// America"), then single words, capitalised ("US" is a place, "us" is not).
pub fn named_places(lex: &Lexicon, text: &str) -> std::collections::BTreeSet<String> {
    let mut rest = text.to_string();
    let mut out = std::collections::BTreeSet::new();
    let lower = crate::text::lowercase_aligned(text);
    let phrases = lex
        .places
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain(lex.regions.keys().map(|k| (k.as_str(), k.as_str())))
        .filter(|(k, _)| k.contains(' '));
    for (phrase, place) in phrases {
        let mut from = 0;
        while let Some(k) = lower.slice(from..).find(phrase) {
            let (s, e) = (from + k, from + k + phrase.len());
            let bounded = lower
                .slice(..s)
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && lower
                    .slice(e..)
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if bounded && rest.is_char_boundary(s) && rest.is_char_boundary(e) {
                out.insert(place.to_string());
                rest.replace_range(s..e, &" ".repeat(e - s));
            }
            from = e;
        }
    }
    let known: std::collections::BTreeSet<&str> = lex
        .places
        .values()
        .map(String::as_str)
        .chain(lex.regions.keys().map(String::as_str))
        .chain(lex.regions.values().flatten().map(String::as_str))
        .collect();
    for (s, e) in crate::words::tokens(&rest) {
        let w = rest.slice(s..e);
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let low = w.to_lowercase();
        let low = low.trim_end_matches('.');
        if let Some(p) = lex
            .places
            .get(low)
            .or_else(|| lex.places.get(&format!("{low}.")))
        {
            out.insert(p.clone());
        } else if known.contains(low) {
            out.insert(low.to_string());
        }
    }
    out
}

/// Where a figure stands in a change it describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// A figure stated on its own.
    Plain,
    /// The starting value of "from A to B".
    Before,
    /// The resulting value of "from A to B".
    After,
}

/// What a figure's approximator says: the value is the figure, near it, at least it ("more
/// than", "at least", "over"), or at most it ("less than", "under", "up to", "nearly",
/// "almost"). Every figure is then an interval, and two figures conflict only when their
/// intervals cannot both hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bound {
    #[default]
    Exact,
    About,
    AtLeast,
    AtMost,
}

impl Bound {
    fn of(approximator: &str) -> Bound {
        let a = approximator.trim().to_ascii_lowercase();
        let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
        match a.as_str() {
            "more than" | "over" | "at least" | "as few as" | "as little as" | "upwards of"
            | "just over" | "well over" => Bound::AtLeast,
            "less than" | "fewer than" | "under" | "up to" | "nearly" | "almost" | "at most"
            | "as many as" | "as much as" | "just under" => Bound::AtMost,
            "" => Bound::Exact,
            _ => Bound::About,
        }
    }
}

/// A number with its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Upper bound of a range ("4.75%–5%").
    pub high: Option<f64>,
    /// Canonical unit: `%`, `bp`, an ISO currency code, `days`/`weeks`/`months`/`years`,
    /// or a counted noun.
    pub unit: String,
    /// Said approximately ("about 300", "nearly 7%", "more than 3,700").
    pub approximate: bool,
    /// What the approximator says of the true value: a bound, or nearness.
    pub bound: Bound,
    pub phase: Phase,
    /// The verb of the change, for a before/after pair ("cut", "raised").
    pub change: Option<String>,
    /// The precision written, as decimal places of the value in its unit: "6.9%" is 1,
    /// "$14.1 billion" is -8 (to the hundred million), for telling rounding from a real
    /// difference.
    pub decimals: i32,
}

impl Quantity {
    /// A whole figure stated exactly, on its own (not part of a change).
    fn exact(value: f64, high: Option<f64>, unit: String) -> Quantity {
        Quantity {
            value,
            high,
            unit,
            approximate: false,
            bound: Bound::Exact,
            phase: Phase::Plain,
            change: None,
            decimals: 0,
        }
    }
}

/// Digits with Indian grouping ("12,34,567"), Western grouping ("1,234,567"), or none.
const NUMBER: &str =
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
/// A whole number and a simple fraction ("6 1/2", "9½", "½").
const FRACTION: &str = r"\d+\s[1-7]/[2-8]\b|\d*[½¼¾⅓⅔]";
const WORDNUM: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

static QUANTITY_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(&format!(
        r"(?ix)
        (?P<approx>\b(?:about|around|roughly|nearly|almost|approximately|some|more\ than|over|under|less\ than|fewer\ than|at\ least|at\ most|up\ to|close\ to|as\ many\ as|as\ much\ as|as\ few\ as|as\ little\ as|upwards\ of|just\ over|just\ under|well\ over|an\ estimated|estimated)\s+)?
        (?:
          (?P<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥|₹|\bRs\.?|\b(?:USD|EUR|GBP|JPY|CNY|INR|CAD|AUD|CHF)\b)\s?(?P<mnum>{NUMBER})(?:\s*(?P<mscale>trillion|billion|million|thousand|lakh|crore|bn|tn|mln|mn|m|k|b)\b)?
          (?:\s*(?:-|–|to)\s*(?:US\$|\$|€|£|¥|₹)?\s?(?P<mhigh>{NUMBER})(?:\s*(?:trillion|billion|million|thousand|lakh|crore|bn|tn|mln|mn|m|k|b)\b)?)?
        |
          (?P<magpre>\bmagnitude[\s-]+(?:of\s+)?)(?P<magnum>\d+(?:\.\d+)?)\b
        |
          (?P<clock>\b\d{{1,2}}:[0-5]\d)\s+(?:left|remaining|to\ go|to\ play)\b
        |
          \bfinal\s+(?P<clock2>\d{{1,2}}:[0-5]\d)\b
        |
          (?:(?P<dozen>\ba\s+dozen|\bhalf\s+a\s+dozen|\bhalf-a-dozen)\b|(?P<many>\b(?:tens|hundreds)\s+of\s+thousands|\b(?:dozens|scores|hundreds|thousands))\s+of\b|\bbetween\s+(?P<bnum>{NUMBER})(?:\s*(?:%|per\s?cent))?\s+and\s+(?P<bhigh>{NUMBER})|(?P<num>\b(?:{FRACTION}|{NUMBER})|\b(?:{WORDNUM})\b))
          (?:\s+(?P<cscale>thousand|million|billion|trillion|lakh|crore)\b)?
          (?:\s*%?\s*(?:-|–)\s*(?P<high>{NUMBER}))?
          (?:
              \s*(?P<pp>\bper\s?centage[\s-]points?\b|\bpp\b|\bppts?\b)
            | \s*(?P<pct>%|\bper\s?cent\b|\bpct\b)
            | \s*(?P<bp>\bbasis\ points?\b|\bbps?\b)
            | \s*(?P<scale>trillion|billion|million|thousand|lakh|crore|bn|tn|mln)?\s*(?P<curword>dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|francs?|pesos?|roubles?|rubles?)\b
            | [\s-]*(?P<dur>days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b(?P<old>[\s-]old\b)?
            | (?:\s*|-)(?P<meas>square\ kilomet(?:re|er)s?|square\ miles?|sq\.?\ km|sq\.?\ mi(?:les?)?|km²|km2|kilomet(?:re|er)s?|km/h|kmh|kph|km|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|lit(?:re|er)s?|gallons?|lbs?|miles?|feet|foot|ft|met(?:re|er)s?|yards?|yarders?|inch(?:es)?|knots?|mph|kilograms?|kg|tonnes?|tons?|acres?|hectares?|°\ ?[CF]|(?-i:[CF])|degrees?\s+(?:Celsius|Fahrenheit)|fps|frames\ per\ second|hz|hertz)\b
            | [\s-]*(?P<meas2>magnitude)\b
            | \s+(?:(?:were|are|was|still|have\ been|had\ been|been|remain|remains|remained|are\ still|were\ still)\s+)?(?P<count>dead|killed|injured|wounded|hurt|missing|hospitali[sz]ed|displaced|evacuated|arrested|detained|unaccounted)\b
          )?
        )"
    ))
    .expect("static pattern")
});

/// A change "from A to B"; A may carry its unit ("from 100 units to 120 units").
static TRANSITION_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\bfrom\s+(?:about\s+|around\s+)?(?P<a>[^\s]+(?:\s+(?:per\s?cent|percent|%|billion|million|trillion|bn|[a-z]+)){0,2}?)\s+to\s+(?:about\s+|around\s+)?(?P<b>[^\s,;.]+(?:\s+(?:per\s?cent|percent|%|billion|million|trillion|bn))?)").expect("static pattern")
});

/// A change written result first, "to B from A" ("cut its rate to 5.5% from 5.75%", "fell
/// to 120 units from 140 units"): read only after a verb of change.
static TRANSITION_BACK_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\bto\s+(?:about\s+|around\s+)?(?P<b>[$€£¥₹]?\d[\d,.]*(?:\s*%|\s+(?:per\s?cent|percent|billion|million|trillion|bn|[a-z]+)){0,2}?)\s+from\s+(?:about\s+|around\s+)?(?P<a>[$€£¥₹]?\d[\d,.]*\d|[$€£¥₹]?\d)").expect("static pattern")
});

/// The low end of a range "X to Y", right before its high end: "10 to 12 homes", "3% to 5%".
static RANGE_LOW_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)(?:^|[^\w.,$€£¥₹-])(?P<lo>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>\s*%|\s+per\s?cent)?\s+to\s+$")
        .expect("static pattern")
});

/// Widens a figure into a range when its low end is written before it ("10 to 12 homes"):
/// the start of the range, or `None` when the figure stands alone. Not after "from" (a
/// change), nor after a verb of change unless it counts things ("rose 2% to 5%" may be a
/// rise of 2% to a level of 5%; "cut 400 to 500 jobs" is a range), nor when the "low end"
/// is above the figure (a vote, "5 to 4").
fn range_low(text: &str, num_start: usize, q: &mut Quantity) -> Option<usize> {
    if q.high.is_some() || matches!(q.unit.as_str(), "score" | "clock" | "years old") {
        return None;
    }
    let from = crate::text::window_start(text, num_start, 48);
    let head = text.slice(from..num_start);
    let c = RANGE_LOW_RE.captures(head)?;
    let lo = c.name("lo")?;
    if c.name("pct").is_some() != (q.unit == "%") {
        return None;
    }
    let low: f64 = lo.as_str().replace(',', "").parse().ok()?;
    if !low.is_finite() || low >= q.value || low < 0.0 {
        return None;
    }
    let prior = head.slice(..lo.start()).trim_end().to_lowercase();
    let prior = prior
        .trim_end_matches("about")
        .trim_end_matches("around")
        .trim_end();
    let last = prior
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    if matches!(last, "from" | "by" | "ratio" | "odds" | "vote" | "voted")
        || (!is_count(&q.unit) && (CHANGE_DOWN.contains(&last) || CHANGE_UP.contains(&last)))
    {
        return None;
    }
    q.high = Some(q.value);
    q.value = low;
    Some(from + lo.start())
}

/// A rate after a figure: "$55 a share", "£1.50 per litre", "$10 billion a year". The
/// denominator becomes part of the unit (`USD/share`), so a price per share never meets a
/// total price. The denominators are ordinary units of pricing and counting.
static RATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)^\s+(?P<adv>annually|yearly|daily|weekly|monthly|hourly)\b|^[\s-]*(?:per|a|an|each|every)[\s-]+(?P<per>share|person|head|capita|barrel|tonne|ton|ounce|gallon|litre|liter|kilogram|kilo|kg|pound|unit|vehicle|household|family|passenger|ticket|night|hour|day|week|month|year|game|copy|student|employee|worker|user|subscriber|device|item|piece)\b")
        .expect("static pattern")
});

/// Units of measurement: canonical unit, dimension, and factor to the dimension's base unit
/// (metre, metre per second, kilogram, square metre). A figure in miles meets one in
/// kilometres through these; temperatures convert by formula in `number-conflict`; tons
/// (short or metric?) and magnitudes have no conversion and compare only in their own
/// unit. General physical knowledge, not a list from any story.
const MEASURES: &[(&str, &str, f64)] = &[
    ("km", "length", 1000.0),
    ("m", "length", 1.0),
    ("cm", "length", 0.01),
    ("mm", "length", 0.001),
    ("miles", "length", 1609.344),
    ("feet", "length", 0.3048),
    ("yards", "length", 0.9144),
    ("inches", "length", 0.0254),
    ("km/h", "speed", 1.0 / 3.6),
    ("mph", "speed", 0.44704),
    ("knots", "speed", 0.514_444),
    ("kg", "mass", 1.0),
    ("tonnes", "mass", 1000.0),
    ("acres", "area", 4046.856),
    ("hectares", "area", 10_000.0),
    ("sq km", "area", 1_000_000.0),
    ("sq miles", "area", 2_589_988.110_336),
    ("litres", "volume", 0.001),
    ("gallons", "volume", 0.003_785_411_784),
    ("lb", "mass", 0.453_592_37),
    ("fps", "frequency", 1.0),
    ("Hz", "frequency", 1.0),
    // Picture lines: "1080p", and "4K" (2160 lines) of the same dimension.
    ("p", "resolution", 1.0),
    ("K", "resolution", 540.0),
];

/// The dimension of a canonical unit and its factor to the dimension's base unit.
pub fn measure(unit: &str) -> Option<(&'static str, f64)> {
    MEASURES.iter().find(|m| m.0 == unit).map(|m| (m.1, m.2))
}

/// The canonical name of a unit of measurement as written ("kilometres" → `km`).
fn canonical_measure(written: &str) -> Option<&'static str> {
    let w = written.to_ascii_lowercase();
    let w = w.as_str();
    Some(match w {
        _ if w.starts_with("square kilomet") || w == "km²" || w == "km2" => "sq km",
        _ if w.starts_with("sq") && w.ends_with("km") => "sq km",
        _ if w.starts_with("square mile") || w.starts_with("sq mi") || w.starts_with("sq. mi") => {
            "sq miles"
        }
        _ if w.starts_with("kilomet") || w == "km" => "km",
        _ if w.starts_with("centimet") || w == "cm" => "cm",
        _ if w.starts_with("millimet") || w == "mm" => "mm",
        _ if w.starts_with("litre") || w.starts_with("liter") => "litres",
        "gallon" | "gallons" => "gallons",
        "lb" | "lbs" => "lb",
        "km/h" | "kmh" | "kph" => "km/h",
        _ if w.starts_with("met") => "m",
        "mile" | "miles" => "miles",
        "feet" | "foot" | "ft" => "feet",
        "yard" | "yards" | "yarder" | "yarders" => "yards",
        "fps" | "frames per second" => "fps",
        "hz" | "hertz" => "Hz",
        "inch" | "inches" => "inches",
        "knot" | "knots" => "knots",
        "mph" => "mph",
        _ if w.starts_with("kilogram") || w == "kg" => "kg",
        "tonne" | "tonnes" => "tonnes",
        "ton" | "tons" => "tons",
        "acre" | "acres" => "acres",
        "hectare" | "hectares" => "hectares",
        "magnitude" => "magnitude",
        _ if w.contains("celsius") || w.ends_with('c') => "°C",
        _ if w.contains("fahrenheit") || w.ends_with('f') => "°F",
        _ => return None,
    })
}

/// The counted things and the period of a rate ("vehicles per year", "USD/share").
pub fn rate_parts(unit: &str) -> Option<(&str, &str)> {
    unit.split_once(" per ").or_else(|| unit.split_once('/'))
}

/// Is this unit a count of things (not %, bp, money, time, a rate or a measurement)?
pub fn is_count(unit: &str) -> bool {
    !(rate_parts(unit).is_some()
        || measure(unit).is_some()
        || matches!(
            unit,
            "tons" | "magnitude" | "°C" | "°F" | "score" | "years old"
        )
        || unit == "%"
        || unit == "bp"
        || unit == "pp"
        || unit.chars().all(|c| c.is_ascii_uppercase())
        || matches!(
            unit,
            "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "seconds" | "clock" | ""
        ))
}

/// Plural words after a number that do not name what is counted.
const NOT_COUNTED: &[&str] = &[
    "percents", "times", "minutes", "seconds", "hours", "others", "years", "days", "weeks",
    "months", "terms", "was", "has", "is", "says", "does", "goes", "gets", "makes", "takes",
    "comes", "sees", "adds", "notes", "shows", "means", "needs", "wants", "seems", "remains",
    "stands", "looks", "runs", "plays", "leads", "hits", "wins", "yrs", "mins", "secs", "hrs",
    "lbs", "ins", "nos", "vs", "as", "its", "this", "thus", "plus", "less",
];

/// Plural nouns that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "crew",
    "aircraft",
    "sheep",
    "fish",
    "deer",
    "livestock",
    "youth",
    "clergy",
    "militia",
];

/// Formats a number without trailing zeros.
pub fn plain(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub(crate) fn word_number(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    // "twenty-one": tens and units.
    if let Some((tens, units)) = w.split_once('-') {
        let (t, u) = (word_number(tens)?, word_number(units)?);
        return (t >= 20.0 && u < 10.0).then_some(t + u);
    }
    Some(match w.as_str() {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

/// The value of a written number; nothing for one too large to be finite (a 400-digit
/// figure is not a quantity anyone can compare).
fn number(s: &str) -> Option<f64> {
    s.replace(',', "")
        .parse::<f64>()
        .ok()
        .or_else(|| word_number(s))
        .or_else(|| fraction(s))
        .filter(|v| v.is_finite())
}

/// "6 1/2", "9½", "½".
fn fraction(s: &str) -> Option<f64> {
    let vulgar = |c: char| match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        '⅓' => Some(1.0 / 3.0),
        '⅔' => Some(2.0 / 3.0),
        _ => None,
    };
    if let Some((whole, part)) = s.split_once(char::is_whitespace) {
        let (n, d) = part.split_once('/')?;
        let (n, d) = (n.parse::<f64>().ok()?, d.parse::<f64>().ok()?);
        return Some(whole.parse::<f64>().ok()? + n / d);
    }
    let last = s.chars().last()?;
    let whole = s.trim_end_matches(last);
    let whole = if whole.is_empty() {
        0.0
    } else {
        whole.parse::<f64>().ok()?
    };
    Some(whole + vulgar(last)?)
}

fn decimals(s: &str) -> i32 {
    if s.contains(['/', '½', '¼', '¾', '⅓', '⅔']) {
        return 2;
    }
    s.split_once('.')
        .map_or(0, |(_, d)| i32::try_from(d.len()).unwrap_or(i32::MAX))
}

/// The decimal places of a figure written with a scale word ("14.1 billion": -8).
fn scaled_decimals(raw: &str, scale: f64) -> i32 {
    // Scale words are powers of ten (thousand, lakh, crore, million…).
    #[allow(clippy::cast_possible_truncation)]
    let exponent = scale.log10().round() as i32;
    decimals(raw).saturating_sub(exponent)
}

/// The normalised text of a quantity.
pub fn normalize(q: &Quantity) -> String {
    let v = |x: f64| {
        if q.unit.len() == 3 && q.unit.chars().all(|c| c.is_ascii_uppercase()) && x.abs() >= 1e6 {
            format!("{x:e}")
        } else {
            plain(x)
        }
    };
    if q.unit == "score" {
        // A result or a lead as written: "31-9", "19-19".
        return format!("{}-{}", plain(q.value), plain(q.high.unwrap_or(0.0)));
    }
    if q.unit == "clock" {
        // A game clock, minutes and seconds left: "1:57".
        let secs = q.value.max(0.0).round() as u64;
        return format!("{}:{:02}", secs / 60, secs % 60);
    }
    let sep = if matches!(q.unit.as_str(), "%" | "p" | "K") {
        ""
    } else {
        " "
    };
    match q.high {
        Some(h) => format!("{}–{}{sep}{}", v(q.value), v(h), q.unit),
        None => format!("{}{sep}{}", v(q.value), q.unit),
    }
}

/// Parses one match into a quantity (phase and change are set by the caller).
fn quantity_of(c: &Captures, lex: &Lexicon) -> Option<Quantity> {
    let approximate = c.name("approx").is_some();
    let bound = c
        .name("approx")
        .map_or(Bound::Exact, |m| Bound::of(m.as_str()));
    if let Some(cur) = c.name("cur") {
        let unit = lex
            .currencies
            .get(cur.as_str())
            .cloned()
            .or_else(|| {
                let code = cur.as_str();
                (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
                    .then(|| code.to_string())
            })
            .unwrap_or_else(|| "USD".into());
        let scale = c
            .name("mscale")
            .and_then(|s| lex.scales.get(&s.as_str().to_ascii_lowercase()).copied())
            .unwrap_or(1.0);
        let raw = c.name("mnum")?.as_str();
        let value = number(raw)? * scale;
        let high = c
            .name("mhigh")
            .and_then(|h| number(h.as_str()))
            .map(|h| h * scale);
        return Some(Quantity {
            value,
            high,
            unit,
            approximate,
            bound,
            phase: Phase::Plain,
            change: None,
            decimals: scaled_decimals(raw, scale),
        });
    }
    if let Some(m) = c.name("magnum") {
        // "magnitude 6.1", "a magnitude-7.0 quake": a reading on a scale.
        return Some(Quantity {
            value: number(m.as_str())?,
            high: None,
            unit: "magnitude".into(),
            approximate,
            bound,
            phase: Phase::Plain,
            change: None,
            decimals: decimals(m.as_str()),
        });
    }
    if let Some(m) = c.name("clock").or_else(|| c.name("clock2")) {
        // A game clock: "with 1:57 left", "the final 1:53".
        let (min, sec) = m.as_str().split_once(':')?;
        return Some(Quantity {
            value: min.parse::<f64>().ok()? * 60.0 + sec.parse::<f64>().ok()?,
            high: None,
            unit: "clock".into(),
            approximate,
            bound,
            phase: Phase::Plain,
            change: None,
            decimals: 0,
        });
    }
    // "dozens of", "hundreds of", "tens of thousands of": a span of the figure's order,
    // said approximately ("hundreds": 200 to 999).
    let many = c.name("many").map(|m| {
        let w = m.as_str().to_ascii_lowercase();
        let w: Vec<&str> = w.split_whitespace().collect();
        match w.as_slice() {
            ["tens", ..] => (20_000.0, 99_999.0),
            ["hundreds", _, "thousands"] => (200_000.0, 999_999.0),
            ["dozens"] => (24.0, 99.0),
            ["scores"] => (40.0, 99.0),
            ["hundreds"] => (200.0, 999.0),
            _ => (2_000.0, 9_999.0),
        }
    });
    let (raw, mut base, approximate, bound) = if let Some((low, _)) = many {
        ("", low, true, Bound::About)
    } else if let Some(d) = c.name("dozen") {
        // "a dozen", "half a dozen": a round figure, said approximately.
        let v = if d.as_str().to_ascii_lowercase().starts_with("half") {
            6.0
        } else {
            12.0
        };
        let bound = if bound == Bound::Exact {
            Bound::About
        } else {
            bound
        };
        ("", v, true, bound)
    } else {
        let raw = c.name("num").or_else(|| c.name("bnum"))?.as_str();
        (raw, number(raw)?, approximate, bound)
    };
    let counted_scale = c
        .name("cscale")
        .and_then(|s| lex.scales.get(&s.as_str().to_ascii_lowercase()).copied());
    if let Some(f) = counted_scale {
        base *= f;
    }
    let high = c
        .name("high")
        .or_else(|| c.name("bhigh"))
        .and_then(|h| number(h.as_str()))
        .map(|h| h * counted_scale.unwrap_or(1.0))
        .or(many.map(|(_, high)| high));
    let mut scale_used = counted_scale.unwrap_or(1.0);
    let (value, unit) = if c.name("pct").is_some() {
        (base, "%".to_string())
    } else if c.name("pp").is_some() {
        // Percentage points: a difference of two percentages, never a percentage.
        (base, "pp".to_string())
    } else if c.name("bp").is_some() {
        (base, "bp".to_string())
    } else if let Some(w) = c.name("curword") {
        let scale = c
            .name("scale")
            .and_then(|s| lex.scales.get(&s.as_str().to_ascii_lowercase()).copied())
            .unwrap_or(1.0);
        let unit = lex
            .currencies
            .get(&w.as_str().to_ascii_lowercase())
            .cloned()?;
        scale_used *= scale;
        (base * scale, unit)
    } else if let Some(noun) = c.name("count") {
        // A casualty word ("nine dead", "37 still unaccounted for") is one unit per word, so
        // "nine dead" meets "9 dead" and never "9 injured".
        if raw.eq_ignore_ascii_case("one") {
            return None;
        }
        (base, noun.as_str().to_ascii_lowercase())
    } else if let Some(m) = c.name("meas").or_else(|| c.name("meas2")) {
        // "40C", "104F": a bare C or F is a temperature only written onto its digits ("3
        // F-16s", "Group 5 C" are not).
        let whole = c.get(0)?;
        let attached = whole
            .as_str()
            .get(..m.start() - whole.start())
            .and_then(|head| head.chars().next_back())
            .is_some_and(|ch| ch.is_ascii_digit());
        if matches!(m.as_str(), "C" | "F") && !attached {
            return None;
        }
        let u = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        (base, canonical_measure(&u)?.to_string())
    } else if let Some(d) = c.name("dur") {
        let mut u = d.as_str().to_ascii_lowercase();
        if !u.ends_with('s') {
            u.push('s');
        }
        // An age ("the 24-year-old", "aged 24 years old") is not a duration.
        if c.name("old").is_some() {
            u = format!("{u} old");
        }
        (base, u)
    } else {
        // A bare number: the caller reads what it counts from the words after it.
        (base, String::new())
    };
    Some(Quantity {
        value,
        high,
        unit,
        approximate,
        bound,
        phase: Phase::Plain,
        change: None,
        decimals: scaled_decimals(raw, scale_used),
    })
}

/// The figure of one match and where it ends: a bare number takes the noun after it as
/// its unit (what it counts), or gives nothing.
fn figure(
    text: &str,
    m: &Captures,
    lex: &Lexicon,
    senses: &Senses,
    counted_before: Option<&str>,
) -> Option<(Quantity, usize)> {
    let whole = m.get(0)?;
    let mut q = quantity_of(m, lex)?;
    // A vulgar fraction in a run of them ("½½½") is noise, not a figure.
    if text
        .slice(..whole.start())
        .ends_with(['½', '¼', '¾', '⅓', '⅔'])
    {
        return None;
    }
    let mut end = whole.end();
    if q.unit.is_empty() {
        // A number right after a capitalised word is part of a name ("Switch 2 pre-orders",
        // "Boeing 737 jets", "Windows 11 users"), not a count; a sentence's first word is
        // capitalised anyway.
        let head = text.slice(..whole.start());
        let prev = head.trim_end_matches(' ');
        let prev_word = prev
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if prev.len() < head.len()
            && prev.len() > prev_word.len()
            && prev_word.chars().next().is_some_and(char::is_uppercase)
            && !words::is_stop(&prev_word.to_lowercase())
        {
            return None;
        }
        let one = m
            .name("num")
            .is_some_and(|n| matches!(n.as_str().to_ascii_lowercase().as_str(), "one" | "1"));
        let tail = text.slice(end..crate::text::window_end(text, end, 80));
        let (noun, after) = match counted(tail, one, senses) {
            Some(found) => found,
            None if q.high.is_none() && q.value.fract() == 0.0 => {
                let head = text.slice(..whole.start());
                (
                    tally_unit(head, senses)
                        .or_else(|| part_of_total(head))
                        .or_else(|| part_of_previous(head, counted_before))?,
                    0,
                )
            }
            None => return None,
        };
        end += after;
        q.unit = match canonical_measure(&noun) {
            // "333 passing yards": a measurement after all.
            Some(u) if noun.ends_with('s') || noun == "feet" => u.to_string(),
            _ => noun,
        };
    }
    // A year before a noun ("2024 elections", "the 1990 games") is a date, not a count:
    // four digits without a comma, in the range of years, recognised by form.
    let raw = m.name("num").map_or("", |n| n.as_str());
    if is_count(&q.unit)
        && raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&q.value)
        && !counted_by_verb(text.slice(..whole.start()), m.name("approx").is_some())
    {
        return None;
    }
    Some((q, end))
}

/// Is a number in the range of years a count after all, by the words before it: an
/// approximator ("some 1900 people") or a verb in the past ("destroyed 2000 homes",
/// "arrested 2010 protesters"), where a year would need a preposition or an article ("in
/// the 1990 games", "the 2024 elections", "its 2023 results").
fn counted_by_verb(head: &str, approximate: bool) -> bool {
    if approximate {
        return true;
    }
    let last = head
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    last.len() > 4 && last.ends_with("ed") && !last.ends_with("'s") && !last.ends_with("’s")
}

/// A sentence that opens on a total and then gives its parts: "Of the 95 cases, 90 were in
/// the placebo group and five in the vaccinated group".
static OF_TOTAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(&format!(
        r"(?i)^\s*of\s+(?:the|these|those|its|their|all|all\s+the)?\s*(?:{NUMBER}|{WORDNUM})\s+(?P<noun>[a-z][a-z-]+s)\b[^,;]{{0,80}},"
    ))
    .expect("static pattern")
});

/// What a bare number counts in a sentence that opens on a total ("Of the 95 cases, 90 were
/// …"): the total's noun, for the numbers after its comma.
fn part_of_total(head: &str) -> Option<String> {
    let c = OF_TOTAL_RE
        .captures(head)
        .or_else(|| LISTED_TOTAL_RE.captures(head))?;
    Some(c.name("noun")?.as_str().to_lowercase())
}

/// A sentence that breaks down the count of the sentence before it, each bare number an
/// item of the list: "The quake killed 40 people. Of those, 25 were children and 15 were
/// adults." The numbers count what that count counted.
static OF_PREVIOUS_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)^\s*(?:of|among)\s+(?:those|them|these)\s*,?\s*(?:[^,;:]*(?:,|\band)\s*)?$",
    )
    .expect("static pattern")
});

/// What a bare number counts in a sentence breaking down the count before it.
fn part_of_previous(head: &str, counted_before: Option<&str>) -> Option<String> {
    let noun = counted_before?;
    OF_PREVIOUS_RE.is_match(head).then(|| noun.to_string())
}

/// A total whose parts follow a colon, each an item of the list: "40 homes were destroyed:
/// 12 in Alton, 15 in Brent and 10 in Carver" (the head ends where an item starts).
static LISTED_TOTAL_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(&format!(
        r"(?i)\b(?:{NUMBER}|{WORDNUM})\s+(?P<noun>[a-z][a-z-]+s)\b[^:;.]{{0,40}}:(?:[^:;]*(?:,|\band))?\s*$"
    ))
    .expect("static pattern")
});

/// Verbs that give a tally its figure ("the death toll reached 412", "deaths rose to 37").
pub(crate) const TALLY_LINKS: &[&str] = &[
    "reached",
    "rose",
    "climbed",
    "jumped",
    "increased",
    "risen",
    "hit",
    "topped",
    "stood",
    "stands",
    "was",
    "is",
    "now",
    "surpassed",
    "passed",
    "exceeded",
    "grew",
    "soared",
    "of",
];

/// Nouns that name the size of a group: general English, not any story's words.
const COLLECTIVES: &[&str] = &[
    "crowd",
    "attendance",
    "audience",
    "population",
    "workforce",
    "staff",
    "membership",
    "fleet",
    "electorate",
    "headcount",
    "enrollment",
    "enrolment",
    "congregation",
    "turnout",
    "viewership",
    "readership",
];

/// What a bare number with no noun after it counts, from the words before it: a verb of a
/// tally right before it ("killed 12", "injured 40", "rescued 9": the verb is the unit) or a
/// tally noun and a verb that gives its figure ("the death toll reached 412", "the number of
/// injured rose to 40": people). `head` is the text before the figure.
fn tally_unit(head: &str, senses: &Senses) -> Option<String> {
    let start = crate::text::window_start(head, head.len(), 80);
    let window = head.slice(start..);
    // Only the figure's own clause.
    let clause = window
        .rfind([',', ';', '.', ':', '(', ')', '"', '“', '”'])
        .map_or(window, |k| window.slice(k + 1..));
    let toks = words::tokens(clause);
    let mut ws: Vec<String> = toks
        .iter()
        .rev()
        .take(11)
        .map(|&(s, e)| clause.slice(s..e).to_lowercase())
        .collect();
    // Nothing but spaces between the last word and the figure.
    if toks
        .last()
        .is_none_or(|&(_, e)| !clause.slice(e..).trim().is_empty())
    {
        return None;
    }
    if matches!(ws.first().map(String::as_str), Some("to" | "at")) {
        ws.remove(0);
    }
    let tally = |w: &str| {
        senses
            .sense(Part::Event, w)
            .is_some_and(|e| senses.is_tally(e))
    };
    let verb = ws.first()?;
    if verb.ends_with("ed") && tally(verb) {
        return Some(verb.clone());
    }
    // "a crowd of 18,997", "attendance was 18,997", "a workforce of 1,200": a noun that
    // names the size of a group, right before the link, is what the figure counts.
    if TALLY_LINKS.contains(&verb.as_str()) {
        if let Some(noun) = ws.get(1).filter(|w| COLLECTIVES.contains(&w.as_str())) {
            return Some(noun.clone());
        }
    }
    if TALLY_LINKS.contains(&verb.as_str()) {
        // The tally may be told at length ("the death toll from Friday's earthquake in
        // western Nepal rose to 157").
        let noun = ws[1..].iter().take(9).find(|w| tally(w))?;
        // "a toll of 412", "deaths of 37": the noun right before "of".
        if verb == "of" && ws.get(1) != Some(noun) {
            return None;
        }
        return Some("people".to_string());
    }
    None
}

/// What a bare number counts: the noun after it, past up to two lower-case modifiers ("20
/// construction workers", "one passing touchdown", "2 living people"). A plural noun, or
/// for "one" a noun the measure lexicon knows; nothing for a number followed by a name, a
/// function word or punctuation. Returns the noun and the byte offset after it in `tail`.
fn counted(tail: &str, one: bool, senses: &Senses) -> Option<(String, usize)> {
    if !tail.starts_with(char::is_whitespace) {
        return None;
    }
    let clause = tail
        .find([',', ';', '.', ':', '(', ')', '"', '“', '”'])
        .unwrap_or(tail.len());
    for (k, (s, e)) in words::tokens(tail.slice(..clause))
        .into_iter()
        .take(3)
        .enumerate()
    {
        let w = tail.slice(s..e);
        let low = w.to_lowercase();
        if !w.chars().all(|c| c.is_lowercase() || c == '-')
            || words::is_stop(&low)
            || NOT_COUNTED.contains(&low.as_str())
        {
            return None;
        }
        // Words must follow each other with plain spaces.
        if k == 0 && !tail.slice(..s).trim().is_empty() {
            return None;
        }
        let known =
            senses.sense(Part::Kind, &low).is_some() || senses.sense(Part::Event, &low).is_some();
        let plural = IRREGULAR_PLURALS.contains(&low.as_str())
            || (low.len() >= 4
                && low.ends_with('s')
                && !low.ends_with("ss")
                && !low.ends_with("us")
                && !low.ends_with("is"));
        if (one && known) || (!one && plural) {
            return Some((low, e));
        }
        // A modifier: an adjective or a noun before the head ("construction workers").
        if low.len() < 3 || low.ends_with("ly") {
            return None;
        }
    }
    None
}

/// Words that end the phrase naming what a figure measures, walking back from it.
const BOUNDARY: &[&str] = &[
    "while", "whereas", "but", "and", "although", "though", "as", "after", "before", "when",
    "since", "because", "which", "who", "that", "said", "says", "told",
];

/// Names of months and weekdays ("Tuesday", "Jan"): capitalised, but a time, not an owner.
fn is_calendar(word: &str) -> bool {
    word.parse::<chrono::Weekday>().is_ok() || word.parse::<chrono::Month>().is_ok()
}

/// What a figure measures, as read from its sentence.
struct Measured {
    /// Context tokens (stemmed words, senses, places, targets).
    context: Vec<String>,
    /// The noun chunk naming the quantity, as written.
    about: String,
    /// The words of the figure's clause before it, in order.
    before: Vec<String>,
    /// The words after the figure up to the end of its clause.
    after: Vec<String>,
    /// The names the figure belongs to.
    owners: Vec<String>,
}

/// The context words of a figure: what it measures.
fn measured(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    senses: &Senses,
    names: &HashSet<String>,
) -> Measured {
    // At most nine words are taken, so a bounded window before the figure holds them all.
    let head = text.slice(crate::text::window_start(text, start, 200)..start);
    let boundary = |upto: usize| {
        head.slice(..upto)
            .rfind([',', ';', ':', '(', '—'])
            .map_or(0, |i| crate::text::next_boundary(head, i))
    };
    let mut clause_start = boundary(head.len());
    // A clause too short to say what is measured ("…, priced at $499.99") reaches back to
    // the clause before it ("A separate bundle … will also be available, priced at").
    let content_words = |from: usize| {
        words::tokens(head.slice(from..))
            .iter()
            .filter(|&&(s, e)| !words::is_stop(&head.slice(from + s..from + e).to_lowercase()))
            .count()
    };
    if clause_start > 0 && content_words(clause_start) < 2 {
        let comma = head.slice(..clause_start).trim_end();
        if comma.ends_with(',') {
            clause_start = boundary(comma.len() - 1);
        }
    }
    let toks = words::tokens(head.slice(clause_start..));
    let mut picked: Vec<&str> = Vec::new();
    for &(s, e) in toks.iter().rev() {
        let w = head.slice(clause_start + s..clause_start + e);
        if BOUNDARY.contains(&w.to_ascii_lowercase().as_str()) || picked.len() >= 9 {
            break;
        }
        picked.push(w);
    }
    picked.reverse();
    // The noun right after the figure: "10 per cent tariffs on US goods".
    let tail = text.slice(end..crate::text::window_end(text, end, 120));
    // The clause ends at a stop or a comma, not at one inside a number ("30,000", "4.5").
    let tail_end = tail
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | ';' | '.' | ':')
                && !(matches!(c, ',' | '.')
                    && tail.slice(..i).ends_with(|p: char| p.is_ascii_digit())
                    && tail
                        .slice(i + 1..)
                        .starts_with(|n: char| n.is_ascii_digit()))
        })
        .map_or(tail.len(), |(i, _)| i);
    let after: Vec<&str> = words::tokens(tail.slice(..tail_end))
        .into_iter()
        .take(6)
        .map(|(s, e)| tail.slice(s..e))
        .collect();
    let clause: Vec<String> = words::tokens(head.slice(clause_start..))
        .into_iter()
        .map(|(s, e)| head.slice(clause_start + s..clause_start + e).to_string())
        .collect();
    // The names the figure belongs to: capitalised words of its clause; a sentence's first
    // word only when the source also writes it capitalised mid-sentence (a name, not "The").
    let sentence_start = clause_start == 0 && head.len() == start;
    let mut owners: Vec<String> = Vec::new();
    for (k, w) in clause.iter().enumerate() {
        let low = w.to_lowercase();
        let bare = low.trim_end_matches("'s").trim_end_matches("’s");
        let first = k == 0 && sentence_start;
        if w.chars().next().is_some_and(char::is_uppercase)
            && !words::is_stop(bare)
            && !is_calendar(bare)
            && (!first || names.contains(bare))
        {
            let owner = lex
                .places
                .get(bare)
                .map_or(bare, String::as_str)
                .to_string();
            if !owners.contains(&owner) {
                owners.push(owner);
            }
        }
    }
    // "with six seconds left": the clock's moment is the clause before it, not what follows.
    let takes_after = after.first().is_some_and(|w| {
        w.chars().all(char::is_lowercase)
            && !words::is_stop(&w.to_lowercase())
            && !matches!(
                w.to_lowercase().as_str(),
                "left"
                    | "remaining"
                    | "last"
                    | "next"
                    | "this"
                    | "earlier"
                    | "later"
                    | "ago"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
                    | "overnight"
            )
    });
    let mut phrase: Vec<&str> = picked.clone();
    // A figure that opens its clause ("Nine people were killed when …") is named by what
    // follows it.
    // Names after it are whose the figure is, not what it measures ("$499.99 with Mario
    // Kart World" is a price of something named, like "Mario Kart World's $499.99").
    if takes_after || picked.is_empty() {
        for w in after.iter().take(5).copied() {
            if w.chars().next().is_some_and(char::is_uppercase)
                && !words::is_stop(&w.to_lowercase())
            {
                let low = w.to_lowercase();
                let bare = low.trim_end_matches("'s").trim_end_matches("’s");
                if !is_calendar(bare) && !owners.iter().any(|o| o == bare) {
                    owners.push(bare.to_string());
                }
            } else {
                phrase.push(w);
            }
        }
    }
    let chunk = if takes_after {
        subject_chunk(&after).or_else(|| subject_chunk(&picked))
    } else {
        subject_chunk(&picked)
    }
    .unwrap_or_default();
    // The label names what is measured, not when ("Hualien on Wednesday": "Hualien").
    let mut label: Vec<&str> = chunk
        .iter()
        .copied()
        .filter(|w| !is_calendar(&w.to_lowercase()))
        .collect();
    while label
        .last()
        .is_some_and(|w| words::is_stop(&w.to_lowercase()))
    {
        label.pop();
    }
    let about = label.join(" ");
    // What is measured: the noun chunk, or the wider phrase when the chunk says too little.
    let narrow = context_tokens(&chunk, lex, senses);
    let context = if narrow.len() >= 2 {
        narrow
    } else {
        context_tokens(&phrase, lex, senses)
    };
    // Share-of: what a share is of ("40% of voters", "a third of the country's homes").
    let mut context = context;
    if after.first().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        let whole: Vec<&str> = after
            .iter()
            .skip(1)
            .skip_while(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all" | "this"
                )
            })
            .take_while(|w| !words::is_stop(&w.to_lowercase()))
            .take(2)
            .copied()
            .collect();
        // The head is the first word, or the word after a possessive ("the country's homes").
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let head = match whole.as_slice() {
            [first, second, ..] if possessive(first) => Some(second),
            [first, ..] => Some(first),
            [] => None,
        };
        if let Some(head) = head {
            let low = head.to_lowercase();
            let bare = low.trim_end_matches("'s").trim_end_matches("’s");
            let sense = senses
                .any(bare)
                .map_or_else(|| words::stem(bare), str::to_string);
            context.push(format!("{}{sense}", frame::SHARE_OF));
        }
    }
    Measured {
        owners,
        context,
        about,
        before: clause,
        after: after.iter().map(|w| (*w).to_string()).collect(),
    }
}

/// Context tokens of a phrase: stemmed content words, places unified, and the place after
/// "on"/"against" marked as the target (`on:china`).
fn context_tokens(phrase: &[&str], lex: &Lexicon, senses: &Senses) -> Vec<String> {
    let mut context = Vec::new();
    let mut target = false;
    for w in phrase {
        let low = w.to_lowercase();
        if matches!(low.as_str(), "on" | "against" | "for" | "into" | "to") {
            target = matches!(low.as_str(), "on" | "against");
            continue;
        }
        let bare = low.trim_end_matches("'s").trim_end_matches("’s");
        let place = lex.places.get(bare).cloned();
        let is_name = w.chars().next().is_some_and(char::is_uppercase);
        if words::is_stop(&low) || low.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        // A day or a month after "on" ("sentenced on Tuesday") says when, not on whom.
        if is_calendar(bare) {
            target = false;
        }
        // Words of one sense ("cars", "vehicles"; "killed", "deaths") are one token.
        let token = match place {
            Some(p) => p,
            None if is_name => bare.to_string(),
            None => senses
                .any(&low)
                .map_or_else(|| words::stem(&low), str::to_string),
        };
        if target && (is_name || place_known(&token, lex)) {
            context.push(format!("on:{token}"));
        } else if !target || is_name {
            context.push(token);
        }
    }
    context
}

/// Words that join a figure's subject to the figure rather than name it.
const LINKING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "would", "will", "could", "should", "may",
    "might", "has", "have", "had", "to", "at", "by", "of", "from", "brought", "put", "set", "kept",
    "made", "took", "stood", "reached", "hit", "totalled", "totaled", "amounted", "came", "grew",
    "rose", "fell", "cut", "said", "says", "impose", "imposes", "agreed", "about", "around",
];

/// The words naming what a figure measures: the stretch of the phrase nearest the figure
/// between verbs ("… brought | new US tariffs on Chinese goods").
fn subject_chunk<'a>(phrase: &[&'a str]) -> Option<Vec<&'a str>> {
    let verbish = |w: &str| {
        let l = w.to_lowercase();
        LINKING.contains(&l.as_str())
            || (w.chars().next().is_some_and(char::is_lowercase)
                && l.len() > 4
                && (l.ends_with("ed") || l.ends_with("ly")))
    };
    let mut chunks: Vec<Vec<&'a str>> = vec![Vec::new()];
    for &w in phrase {
        // A verb or another figure ("95.4 effective in a trial of 30") ends a chunk.
        if verbish(w)
            || (w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        {
            chunks.push(Vec::new());
        } else if let Some(last) = chunks.last_mut() {
            last.push(w);
        }
    }
    chunks
        .into_iter()
        .rev()
        .find(|c| c.iter().any(|w| !words::is_stop(&w.to_lowercase())))
        .map(|c| {
            let start = c
                .iter()
                .position(|w| {
                    !matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "and" | "of")
                })
                .unwrap_or(0);
            let end = c
                .iter()
                .rposition(|w| !words::is_stop(&w.to_lowercase()))
                .map_or(c.len(), |k| k + 1);
            c[start..end.max(start)].to_vec()
        })
}

fn place_known(token: &str, lex: &Lexicon) -> bool {
    lex.places.values().any(|p| p == token)
}

/// Verbs that say a figure went down.
pub const CHANGE_DOWN: &[&str] = &[
    "cut",
    "cuts",
    "lowered",
    "lower",
    "reduced",
    "reduce",
    "slashed",
    "fell",
    "dropped",
    "declined",
    "decreased",
    "eased",
];
/// Verbs that say a figure went up.
pub const CHANGE_UP: &[&str] = &[
    "raised",
    "raise",
    "increased",
    "increase",
    "hiked",
    "rose",
    "climbed",
    "jumped",
    "grew",
    "lifted",
    "boosted",
];

/// Words the sources write capitalised other than at the start of a sentence (lower-cased):
/// the story's names.
pub(crate) fn story_names(docs: &[Doc]) -> HashSet<String> {
    let mut out = HashSet::new();
    for doc in docs {
        mid_sentence_names(doc, &mut out);
    }
    out
}

/// Adds the words a source writes capitalised other than at the start of a sentence.
fn mid_sentence_names(doc: &Doc, out: &mut HashSet<String>) {
    for i in 0..doc.sentences.len() {
        let text = doc.sentence_text(i);
        for (s, e) in words::tokens(text).into_iter().skip(1) {
            let w = text.slice(s..e);
            if w.chars().next().is_some_and(char::is_uppercase) {
                let low = w.to_lowercase();
                out.insert(
                    low.trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_string(),
                );
            }
        }
    }
}

/// A result or a lead: "won 25-22", "a 31-9 loss", "led 14-7". Only with a word that says
/// it is a score, so a range ("4-6 weeks") or a record is never read as one.
static SCORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\b(?:(?P<verb>won|wins|win|beat|beats|beating|defeated|defeats|edged|routed|thrashed|lost|loses|losing|drew|tied|tying|led|leads|leading|trailed|trails|trailing)\b(?:\s+[\w'’.-]+){0,5}?\s+)?(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})\b(?:\s+(?P<noun>win|victory|defeat|loss|lead|draw|tie|triumph|rout|scoreline|deficit|advantage|halftime|overtime|final)\b)?")
        .expect("static pattern")
});

/// Scores in a sentence: (start, start of the score, end, quantity).
fn scores(text: &str) -> Vec<(usize, usize, usize, Quantity)> {
    let mut out = Vec::new();
    for c in SCORE_RE.captures_iter(text) {
        let (Some(a), Some(b)) = (c.name("a"), c.name("b")) else {
            continue;
        };
        if c.name("verb").is_none() && c.name("noun").is_none() {
            continue;
        }
        // "4-6%", "3-4 weeks": a range with a unit, not a score.
        let next = text.slice(b.end()..crate::text::window_end(text, b.end(), 12));
        if next.starts_with(['%', '-', '–', '/', '.', ':'])
            && !next.starts_with(". ")
            && next != "."
        {
            continue;
        }
        let (Some(x), Some(y)) = (number(a.as_str()), number(b.as_str())) else {
            continue;
        };
        out.push((
            a.start(),
            a.start(),
            b.end(),
            Quantity::exact(x, Some(y), "score".into()),
        ));
    }
    out
}

/// An age in apposition to a name: "Kwame Mensah, 24, was arrested". The name is one to
/// four capitalised words; the age is followed by a comma or the end of the clause.
static APPOSITIVE_AGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"\b(?P<name>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’.-]*){0,3}),\s(?P<age>\d{1,3})(?:,|\.(?:\s|$)|\s+(?:was|is|has|had|and|who|said|told)\b)")
        .expect("static pattern")
});

/// An age said as one: "at the age of 89", "aged 74", "his son, 9,", "a woman, 32,".
static AGE_PHRASE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\b(?:at\s+the\s+age\s+of|aged|(?P<noun>son|daughter|boy|girl|man|woman|wife|husband|mother|father|brother|sister|child|baby|teenager|toddler|pensioner|grandmother|grandfather|grandson|granddaughter|student|driver|victim),)\s+(?P<age>\d{1,3})\b")
        .expect("static pattern")
});

/// Ages in apposition to a name: (start of the name, start of the age, end, quantity). The
/// claim's words are the name and the age, so the age is the person's. Ages said as ones
/// ("died at the age of 89", "aged 74", "his son, 9,") too, whose person is the clause's.
fn appositive_ages(text: &str) -> Vec<(usize, usize, usize, Quantity)> {
    let phrases = AGE_PHRASE_RE.captures_iter(text).filter_map(|c| {
        let (whole, age) = (c.get(0)?, c.name("age")?);
        // "his son, 9," is an age only before a comma or a verb, not a list ("son, 9 and 12").
        if c.name("noun").is_some() && !text.slice(age.end()..).starts_with(',') {
            return None;
        }
        let years = number(age.as_str()).filter(|y| (1.0..=120.0).contains(y))?;
        Some((
            whole.start(),
            age.start(),
            age.end(),
            Quantity::exact(years, None, "years old".into()),
        ))
    });
    APPOSITIVE_AGE_RE
        .captures_iter(text)
        .filter_map(|c| {
            let (name, age) = (c.name("name")?, c.name("age")?);
            // "On Monday, 24, …", "In June, 12.": a day or a month, not a person.
            let first = name.as_str().split_whitespace().next().unwrap_or("");
            if crate::extract::time::month_word(first).is_some()
                || crate::extract::time::weekday_word(first).is_some()
                || crate::words::is_stop(&first.to_lowercase())
            {
                return None;
            }
            let years = number(age.as_str()).filter(|y| (1.0..=120.0).contains(y))?;
            Some((
                name.start(),
                age.start(),
                age.end(),
                Quantity::exact(years, None, "years old".into()),
            ))
        })
        .chain(phrases)
        .collect()
}

/// A display or video resolution: "1080p", "720p", "4K", "8K". Lines of the picture, so
/// "4K" (3840 × 2160) meets "2160p". Uppercase K only: "4k" is as often four thousand.
static RESOLUTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"\b(?:(?P<p>(?:240|360|480|576|720|900|1080|1440|2160|4320))p|(?P<k>[2458])K)\b",
    )
    .expect("static pattern")
});

/// Resolutions in a sentence: (start, start of the figure, end, quantity).
fn resolutions(text: &str) -> Vec<(usize, usize, usize, Quantity)> {
    RESOLUTION_RE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (m, unit) = match (c.name("p"), c.name("k")) {
                (Some(m), _) => (m, "p"),
                (None, Some(m)) => (m, "K"),
                (None, None) => return None,
            };
            let value = number(m.as_str())?;
            Some((
                whole.start(),
                whole.start(),
                whole.end(),
                Quantity::exact(value, None, unit.into()),
            ))
        })
        .collect()
}

/// A fraction of a whole said in words: "two-thirds of voters", "half of the homes".
static FRACTION_OF_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\b(?P<f>half|(?:a|one)[\s-]third|two[\s-]thirds|(?:a|one)[\s-]quarter|three[\s-]quarters|(?:a|one)[\s-]fifth|(?:two|three|four)[\s-]fifths)\s+of\b")
        .expect("static pattern")
});

/// Fractions of a whole said in words, as percentages: (start, start, end, quantity). A
/// fraction in words is loose, so it is a range five points either side ("two-thirds" is
/// 62–72%): "67%" agrees with it, "45%" does not.
fn fractions_of(text: &str) -> Vec<(usize, usize, usize, Quantity)> {
    FRACTION_OF_RE
        .captures_iter(text)
        .filter_map(|c| {
            let f = c.name("f")?;
            let words = f.as_str().to_ascii_lowercase().replace('-', " ");
            let (n, d) = words.split_once(' ').unwrap_or(("one", words.as_str()));
            let numerator: f64 = match n {
                "two" => 2.0,
                "three" => 3.0,
                "four" => 4.0,
                _ => 1.0,
            };
            let denominator = match d.trim_end_matches('s') {
                "half" => 2.0,
                "third" => 3.0,
                "quarter" => 4.0,
                _ => 5.0,
            };
            let share = (100.0 * numerator / denominator).round();
            let mut q = Quantity::exact(share - 5.0, Some(share + 5.0), "%".into());
            q.approximate = true;
            Some((f.start(), f.start(), f.end(), q))
        })
        .collect()
}

/// "No deaths were reported", "no one was injured": a count of zero, written as a negation.
static ZERO_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"(?i)\bno\s+(?:(?:immediate|other|further|reported|known|serious|confirmed|major)\s+)?(?P<noun>one\b|[a-z]{4,})")
        .expect("static pattern")
});

/// Zero counts in a sentence: (start, start of the figure, end, quantity).
fn zeros(text: &str, senses: &Senses) -> Vec<(usize, usize, usize, Quantity)> {
    let mut out = Vec::new();
    for c in ZERO_RE.captures_iter(text) {
        let (Some(noun), Some(whole)) = (c.name("noun"), c.get(0)) else {
            continue;
        };
        let low = noun.as_str().to_lowercase();
        let unit = if low == "one" {
            "people".to_string()
        } else if senses.sense(Part::Kind, &low) == Some("people")
            || senses.sense(Part::Event, &low).is_some()
                && IRREGULAR_PLURALS.contains(&low.as_str())
            || (senses.sense(Part::Event, &low).is_some() && low.ends_with('s'))
        {
            low
        } else {
            continue;
        };
        out.push((
            whole.start(),
            whole.start(),
            whole.end(),
            Quantity::exact(0.0, None, unit),
        ));
    }
    out
}

/// Marks each figure of one sentence with the sentence's other distinctive figures (a
/// measurement, money, a percentage, a clock, a score, or a count of ten or more): two
/// sentences sharing one tell of one event.
fn anchor(claims: &mut [Claim]) {
    let unit = |c: &Claim| match &c.value {
        Value::Quantity(q) => q.unit.clone(),
        _ => String::new(),
    };
    let distinctive: Vec<(String, String)> = claims
        .iter()
        .filter(|c| match &c.value {
            Value::Quantity(q) => !is_count(&q.unit) || q.value >= 10.0,
            _ => false,
        })
        .map(|c| (unit(c), c.normalized.clone()))
        .collect();
    if distinctive.len() > 6 {
        // A list or a table of figures: no one figure names the event.
        return;
    }
    // A figure of another unit: two prices in one sentence ("$449.99, or $499.99 with the
    // game") are alternatives, not one event's anchors.
    for c in claims.iter_mut() {
        let own = unit(c);
        for (u, d) in &distinctive {
            if *u != own && !c.anchors.contains(d) {
                c.anchors.push(d.clone());
            }
        }
    }
}

/// Personal pronouns that stand for a sentence's subject.
const PRONOUNS: &[&str] = &["he", "she", "his", "her", "they", "their", "it", "its"];

/// The names a sentence opens with (lower-cased): its subject, for a pronoun in the next.
fn sentence_subject(text: &str, names: &HashSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (s, e)) in words::tokens(text).into_iter().take(4).enumerate() {
        let w = text.slice(s..e);
        let low = w.to_lowercase();
        let bare = low
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital || words::is_stop(&bare) || (k == 0 && !names.contains(&bare)) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        out.push(bare);
    }
    out
}

/// Names a quantity by its frame when no words before it do ("people · rescue").
fn frame_words(context: &[String]) -> String {
    Part::ALL
        .iter()
        .flat_map(|&p| frame::parts(context, p))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The change verb before a "from … to …", for checking its direction against its numbers.
fn change_verb(head: &str) -> Option<String> {
    let low = head.to_lowercase();
    let toks: Vec<&str> = low
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    toks.iter()
        .rev()
        .take(8)
        .find(|w| CHANGE_DOWN.contains(w) || CHANGE_UP.contains(w))
        .map(|w| (*w).to_string())
}

pub fn extract(si: usize, source: &Source, doc: &Doc, ctx: &Ctx, out: &mut Vec<Claim>) {
    let lex = &ctx.lex.quantity;
    let senses = &ctx.lex.measures;
    let names = ctx.names;
    let mut previous_subject: Vec<String> = Vec::new();
    // The noun the last count of the previous sentence counts, in the same paragraph.
    let mut last_counted: Option<(usize, String)> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        let counted_before = last_counted
            .as_ref()
            .filter(|(p, _)| *p == s.paragraph)
            .map(|(_, n)| n.as_str());
        let subject = sentence_subject(text, names);
        // Changes "from A to B": the phase of each figure, and where the measured phrase ends.
        let mut phases: Vec<(usize, usize, Phase, usize, Option<String>)> = Vec::new();
        for t in TRANSITION_RE.captures_iter(text) {
            let (Some(a), Some(b), Some(whole)) = (t.name("a"), t.name("b"), t.get(0)) else {
                continue;
            };
            let verb = change_verb(text.slice(..whole.start()));
            phases.push((
                a.start(),
                a.end(),
                Phase::Before,
                whole.start(),
                verb.clone(),
            ));
            phases.push((b.start(), b.end(), Phase::After, whole.start(), verb));
        }
        for t in TRANSITION_BACK_RE.captures_iter(text) {
            let (Some(a), Some(b), Some(whole)) = (t.name("a"), t.name("b"), t.get(0)) else {
                continue;
            };
            let Some(verb) = change_verb(text.slice(..whole.start())) else {
                continue;
            };
            if phases
                .iter()
                .any(|p| p.0 < whole.end() && whole.start() < p.1)
            {
                continue;
            }
            phases.push((
                a.start(),
                a.end(),
                Phase::Before,
                whole.start(),
                Some(verb.clone()),
            ));
            phases.push((b.start(), b.end(), Phase::After, whole.start(), Some(verb)));
        }
        // Every figure of the sentence: (start, start of the number, end, quantity).
        let mut found: Vec<(usize, usize, usize, Quantity)> = Vec::new();
        let pictures = resolutions(text);
        let ages = appositive_ages(text);
        for m in QUANTITY_RE.captures_iter(text) {
            let Some(whole) = m.get(0) else { continue };
            // "4K", "1080p": a resolution; "Mensah, 24,": an age; read whole below.
            if pictures
                .iter()
                .chain(&ages)
                .any(|r| r.1 < whole.end() && whole.start() < r.2)
            {
                continue;
            }
            let Some((mut q, mut end)) = figure(text, &m, lex, senses, counted_before) else {
                continue;
            };
            // A minus sign written before the figure ("growth of -0.3%", "−5%"), not a
            // dash joining words or a range.
            let sign_at = m.name("num").map_or(whole.start(), |x| x.start());
            let before: Vec<char> = text.slice(..sign_at).chars().rev().take(2).collect();
            if matches!(before.first(), Some('-' | '−'))
                && before.get(1).is_none_or(|c| c.is_whitespace() || *c == '(')
                && m.name("approx").is_none()
            {
                q.value = -q.value;
                q.high = q.high.map(|h| -h);
            }
            let rest = text.slice(end..crate::text::window_end(text, end, 40));
            if let Some(r) = RATE_RE.captures(rest) {
                let per = r
                    .name("per")
                    .map(|p| p.as_str().to_ascii_lowercase())
                    .or_else(|| {
                        r.name("adv").map(|a| {
                            match a.as_str().to_ascii_lowercase().as_str() {
                                "annually" | "yearly" => "year",
                                "daily" => "day",
                                "weekly" => "week",
                                "monthly" => "month",
                                _ => "hour",
                            }
                            .to_string()
                        })
                    })
                    .unwrap_or_default();
                // A rate of counted things reads as words ("11500000 vehicles per year"); of
                // money or a measure, as a unit ("55 USD/share").
                q.unit = if is_count(&q.unit) && !q.unit.is_empty() {
                    format!("{} per {per}", q.unit)
                } else {
                    format!("{}/{per}", q.unit)
                };
                end += r.get(0).map_or(0, |x| x.end());
            }
            let mut num_start = m
                .name("num")
                .or_else(|| m.name("cur"))
                .map_or(whole.start(), |x| x.start());
            let mut start = whole.start();
            if m.name("num").is_some() && m.name("approx").is_none() {
                if let Some(low) = range_low(text, num_start, &mut q) {
                    // The low end read on its own ("10%" of "10% to 12%") is part of the range.
                    found.retain(|f| f.2 <= low);
                    (start, num_start) = (low, low);
                }
            }
            found.push((start, num_start, end, q));
        }
        for extra in scores(text)
            .into_iter()
            .chain(zeros(text, senses))
            .chain(pictures)
            .chain(ages)
            .chain(fractions_of(text))
        {
            if !found.iter().any(|f| f.0 < extra.2 && extra.0 < f.2) {
                found.push(extra);
            }
        }
        found.sort_by_key(|f| f.0);
        let first_claim = out.len();
        for (start, num_start, end, mut q) in found {
            // A score's verb ("won", "trailing") is part of what it measures.
            let mut context_end = if q.unit == "score" { num_start } else { start };
            if let Some(p) = phases
                .iter()
                .find(|p| num_start >= p.0 && num_start < p.1.max(p.0 + 1))
            {
                q.phase = p.2;
                q.change.clone_from(&p.4);
                context_end = p.3;
            }
            let Measured {
                mut context,
                about,
                before,
                after,
                owners,
            } = measured(text, context_end, end, lex, senses, names);
            // "95 cases of COVID-19", "300 tonnes of steel": for a count with its own noun,
            // "of" says what kind, not what it is a share of.
            if is_count(&q.unit) && !q.unit.is_empty() {
                context.retain(|t| !t.starts_with(frame::SHARE_OF));
            }
            let before: Vec<&str> = before.iter().map(String::as_str).collect();
            let after: Vec<&str> = after.iter().map(String::as_str).collect();
            for (part, sense) in frame::frame(senses, &q.unit, is_count(&q.unit), &before, &after) {
                context.push(format!("{}{sense}", part.prefix()));
            }
            let left = after
                .first()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "left" | "remaining"));
            if q.unit == "clock" || (matches!(q.unit.as_str(), "seconds" | "minutes") && left) {
                context.push(frame::CLOCK.to_string());
            }
            // Without a noun chunk: the frame, else the last words of substance before the
            // figure ("was sentenced on Wednesday to four years": "sentenced").
            let framed = frame_words(&context);
            let share_of = context
                .iter()
                .find_map(|t| t.strip_prefix(frame::SHARE_OF))
                .map(|whole| format!("share of {whole}"));
            let about = if !about.is_empty() {
                about
            } else if !framed.is_empty() {
                framed
            } else if let Some(share) = share_of {
                share
            } else {
                let mut words: Vec<&str> = before
                    .iter()
                    .rev()
                    .copied()
                    .filter(|w| {
                        let low = w.to_lowercase();
                        !words::is_stop(&low)
                            && !is_calendar(&low)
                            && w.chars().any(char::is_alphabetic)
                    })
                    .take(3)
                    .collect();
                words.reverse();
                words.join(" ")
            };
            let normalized = normalize(&q);
            let an_age = q.unit == "years old";
            let mut c = claim(
                source,
                doc,
                (si, i),
                (s.start + start, s.start + end),
                Value::Quantity(q),
                normalized,
            );
            c.context = context;
            // "He also rushed for 66 yards": a pronoun's figure belongs to the subject of
            // the sentence before.
            // "Kwame Mensah, 24": an age in apposition is the named person's.
            let person = (an_age && c.text.contains(", "))
                .then(|| c.text.split_once(", ").map(|(name, _)| name.to_string()))
                .flatten();
            c.owners = if let Some(name) = &person {
                name.split_whitespace().map(str::to_lowercase).collect()
            } else if owners.is_empty()
                && before
                    .iter()
                    .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
            {
                previous_subject.clone()
            } else {
                owners
            };
            // An age is its person's: whose it is blocks and aligns it ("age:mensah").
            if an_age {
                if let Some(surname) = c.owners.last() {
                    c.context.push(format!("age:{surname}"));
                }
            }
            c.about = if let Some(name) = person {
                format!("{name}'s age")
            } else if about.is_empty() {
                "an unnamed quantity".into()
            } else {
                about
            };
            out.push(c);
        }
        anchor(&mut out[first_claim..]);
        last_counted = out[first_claim..]
            .iter()
            .rev()
            .find_map(|c| match &c.value {
                Value::Quantity(q) if is_count(&q.unit) && !q.unit.is_empty() => {
                    Some((s.paragraph, q.unit.clone()))
                }
                _ => None,
            });
        if !subject.is_empty() {
            previous_subject = subject;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        crate::lexicon::Lexicons::builtin().quantity
    }

    fn all(text: &str) -> Vec<String> {
        let senses = crate::lexicon::Lexicons::builtin().measures;
        QUANTITY_RE
            .captures_iter(text)
            .filter_map(|c| figure(text, &c, &lex(), &senses, None))
            .map(|(q, _)| normalize(&q))
            .collect()
    }

    /// The figures the whole pipeline reads in `text`, normalised.
    fn read(text: &str) -> Vec<String> {
        crate::extract::claims_of(text)
            .iter()
            .filter(|c| c.value.kind() == "number")
            .map(|c| c.normalized.clone())
            .collect()
    }

    #[test]
    fn a_number_in_the_range_of_years_is_read_by_its_words_not_its_size() {
        assert_eq!(read("The fire destroyed 2000 homes."), ["2000 homes"]);
        assert_eq!(read("Some 1900 people were evacuated."), ["1900 people"]);
        assert!(read("The 2024 elections were close.").is_empty());
        assert!(read("In the 1990 games he won gold.").is_empty());
        assert!(read("The company's 2023 results beat forecasts.").is_empty());
    }

    #[test]
    fn bare_numbers_breaking_down_the_count_before_them_count_its_noun() {
        assert_eq!(
            read("The quake killed 40 people. Of those, 25 were children and 20 were adults."),
            ["40 people", "25 people", "20 people"]
        );
        // Not across paragraphs, and not without an opener.
        assert_eq!(
            read("The quake killed 40 people.\n\nOf those, 25 were children."),
            ["40 people"]
        );
        assert_eq!(
            read("The quake killed 40 people. In 25 years, nothing changed."),
            ["40 people", "25 years"]
        );
    }

    #[test]
    fn ranges_written_x_to_y() {
        // "X to Y": a range, unless it is a change, a vote or a rise to a level.
        assert_eq!(
            read("Officials said 10 to 12 homes burned."),
            ["10–12 homes"]
        );
        assert_eq!(read("Growth of 3% to 5% is forecast."), ["3–5%"]);
        assert_eq!(
            read("Between 1,000 to 2,000 people marched."),
            ["1000–2000 people"]
        );
        assert_eq!(read("Revenue rose 5% to $10 billion."), ["5%", "1e10 USD"]);
        assert_eq!(
            read("The storm cut power to 120 homes from 100 homes."),
            ["120 homes", "100 homes"]
        );
        assert!(read("The court ruled 5 to 4 votes.")
            .iter()
            .all(|v| !v.contains('–')));
        assert!(read("Arrests rose from 10 to 12 people.")
            .iter()
            .all(|v| !v.contains('–')));
    }

    #[test]
    fn ages_in_apposition_to_a_name() {
        let read = |t: &str| -> Vec<String> {
            appositive_ages(t)
                .iter()
                .map(|r| format!("{} {}", t.slice(r.0..r.1).trim_end(), normalize(&r.3)))
                .collect()
        };
        assert_eq!(
            read("Rod Temperton has died at the age of 89."),
            ["at the age of 89 years old"]
        );
        assert_eq!(
            read("He died aged 74, his family said."),
            ["aged 74 years old"]
        );
        assert_eq!(read("His son, 9, has Down Syndrome."), ["son, 9 years old"]);
        assert_eq!(
            read("Copeland, 31, was hurt. Matt, 34. Done."),
            ["Copeland, 31 years old", "Matt, 34 years old"]
        );
        // A list, a day, a month: no age.
        for t in [
            "Their son, 9 and 12 more.",
            "On Monday, 24, came.",
            "In June, 12, were hurt.",
        ] {
            assert_eq!(read(t), Vec::<String>::new(), "{t}");
        }
        assert_eq!(
            read("Kwame Mensah, 24, was arrested. Ana Ruiz, 37, said no."),
            ["Kwame Mensah, 24 years old", "Ana Ruiz, 37 years old"]
        );
        // A list, a count or a year after a comma is not an age.
        assert!(read("Paris, 2024, and London, 500 miles away; Apple, 1976.").is_empty());
        assert!(read("Smith, 300, was there").is_empty());
    }

    #[test]
    fn resolutions_are_lines_of_the_picture() {
        let read =
            |t: &str| -> Vec<String> { resolutions(t).iter().map(|r| normalize(&r.3)).collect() };
        assert_eq!(
            read("a 1080p screen, 4K when docked, 8K video"),
            ["1080p", "4K", "8K"]
        );
        // Not a resolution: "4k" (thousand), "1080" alone, "3K" runs.
        assert!(read("a 4k run, 1080 fans, a 3K race").is_empty());
        let k = measure("K").expect("K").1 * 4.0;
        assert!((k - measure("p").expect("p").1 * 2160.0).abs() < 1e-9);
    }

    #[test]
    fn hostile_figures_give_a_claim_or_nothing() {
        let huge = "9".repeat(400);
        assert!(all(&format!("${huge} billion and {huge}%")).is_empty());
        assert_eq!(all("1e308 people and ½½½ hours"), Vec::<String>::new());
        assert_eq!(all("12,34,567 rupees"), ["1.234567e6 INR"]);
    }

    #[test]
    fn counts_in_words_and_casualties() {
        assert_eq!(
            all("Nine dead and 2,300 injured"),
            ["9 dead", "2300 injured"]
        );
        assert_eq!(
            all("Ten people were rescued; 37 still unaccounted for"),
            ["10 people", "37 unaccounted"]
        );
        assert_eq!(all("one of the seventeen workers"), ["17 workers"]);
        assert_eq!(all("1,500 homes were lost"), ["1500 homes"]);
    }

    #[test]
    fn number_grammar_reads_what_newsrooms_write() {
        assert_eq!(
            all("twenty-one people, roughly a dozen cars and half a dozen boats"),
            ["21 people", "12 cars", "6 boats"]
        );
        assert_eq!(
            all("11.5 million vehicles and 4 lakh homes"),
            ["11500000 vehicles", "400000 homes"]
        );
        assert_eq!(
            all("a wait of 6 1/2 hours and 9½ hours"),
            ["6.5 hours", "9.5 hours"]
        );
        assert_eq!(
            all("20 construction workers and one passing touchdown"),
            ["20 workers", "1 touchdown"]
        );
        assert_eq!(
            all("a 1.9-mile span, a 27-yard field goal, a 53-yarder, 120fps and 60 frames per second"),
            ["1.9 miles", "27 yards", "53 yards", "120 fps", "60 fps"]
        );
        assert_eq!(
            all("with 1:57 left, then six seconds left"),
            ["1:57", "6 seconds"]
        );
        // A number after a capitalised word is part of a name; a year is not a count.
        assert_eq!(
            all("the Nintendo Switch 2 pre-orders and 2024 elections"),
            Vec::<String>::new()
        );
        // One of a kind the lexicon does not know is not a reported count.
        assert_eq!(
            all("one thing and one of the workers"),
            Vec::<String>::new()
        );
        assert_eq!(all("a lone - and 3.5"), Vec::<String>::new());
    }

    #[test]
    fn fractions_of_a_whole_are_loose_shares() {
        let read =
            |t: &str| -> Vec<String> { fractions_of(t).iter().map(|r| normalize(&r.3)).collect() };
        assert_eq!(
            read(
                "Two-thirds of voters and half of the homes; a third of them, three quarters of it"
            ),
            ["62–72%", "45–55%", "28–38%", "70–80%"]
        );
        // Not a share of something: no "of".
        assert_eq!(read("a third term and half an hour"), Vec::<String>::new());
    }

    #[test]
    fn tallies_units_currencies_and_ranges() {
        // A tally's figure after its verb, or after its noun and a verb that gives it.
        assert_eq!(
            all("The blast killed 12 and injured 40; police arrested 3"),
            ["12 killed", "40 injured", "3 arrested"]
        );
        assert_eq!(
            all("The death toll from the storm in the south rose to 157 on Sunday"),
            ["157 people"]
        );
        assert_eq!(all("a death toll of 37"), ["37 people"]);
        // Parts after a sentence that opens on their total.
        assert_eq!(
            all("Of the 95 cases, 90 were in the placebo group and five in the other"),
            ["95 cases", "90 cases", "5 cases"]
        );
        // Not a tally: a result, a market move, a bare number after an unrelated verb.
        assert_eq!(
            all("The team won 3, sales rose to 40 and he saw 12"),
            Vec::<String>::new()
        );
        assert_eq!(
            all("up 3.5 percentage points to 41.5 per cent"),
            ["3.5 pp", "41.5%"]
        );
        assert_eq!(
            all("30 cm of snow, 4 millimetres of rain, 120 square kilometres, 5 litres"),
            ["30 cm", "4 mm", "120 sq km", "5 litres"]
        );
        assert_eq!(
            all("Rs 2 crore, Rs. 500, EUR 40 million and C$12"),
            ["2e7 INR", "500 INR", "4e7 EUR", "12 CAD"]
        );
        assert_eq!(all("between 10 and 20 people were hurt"), ["10–20 people"]);

        assert_eq!(all("it will be between 3% and 5% next year"), ["3–5%"]);
        // Orders of magnitude in words are spans, said approximately.
        assert_eq!(all("hundreds of people fled"), ["200–999 people"]);
        assert_eq!(all("dozens of homes were flooded"), ["24–99 homes"]);
        assert_eq!(
            all("tens of thousands of people marched"),
            ["20000–99999 people"]
        );
    }

    #[test]
    fn scores_zeros_and_ages() {
        let senses = crate::lexicon::Lexicons::builtin().measures;
        let score =
            |t: &str| -> Vec<String> { scores(t).iter().map(|f| normalize(&f.3)).collect() };
        assert_eq!(score("The Chiefs won 25-22 in overtime"), ["25-22"]);
        assert_eq!(score("a 31-9 loss, after trailing 10-0"), ["31-9", "10-0"]);
        // Ranges and records without a word of scoring are not scores.
        assert_eq!(score("rates of 4-6% over 3-4 weeks"), Vec::<String>::new());
        assert_eq!(score("a 12-5 record"), Vec::<String>::new());
        let zero = |t: &str| -> Vec<String> {
            zeros(t, &senses).iter().map(|f| normalize(&f.3)).collect()
        };
        assert_eq!(
            zero("No deaths were reported and no one was hurt"),
            ["0 deaths", "0 people"]
        );
        assert_eq!(zero("no comment and no plans"), Vec::<String>::new());
        assert_eq!(all("the 24-year-old striker"), ["24 years old"]);
        assert_eq!(all("a wait of 24 years"), ["24 years"]);
    }

    #[test]
    fn approximators_are_bounds() {
        let bound = |t: &str| {
            let m = QUANTITY_RE.captures(t).unwrap();
            quantity_of(&m, &lex()).unwrap().bound
        };
        assert_eq!(bound("as many as seven people"), Bound::AtMost);
        assert_eq!(bound("upwards of 300 people"), Bound::AtLeast);
        assert_eq!(bound("fewer than 20 people"), Bound::AtMost);
        assert_eq!(bound("an estimated 40 people"), Bound::About);
        assert_eq!(bound("40 people"), Bound::Exact);
    }

    #[test]
    fn measurements_have_units_and_dimensions() {
        assert_eq!(
            all("a span of 1.9 miles, a ship of 984 feet at 8 knots, 12.5 kilometres away"),
            ["1.9 miles", "984 feet", "8 knots", "12.5 km"]
        );
        assert_eq!(
            all("a magnitude 6.1 quake; a 7.0-magnitude aftershock"),
            ["6.1 magnitude", "7 magnitude"]
        );
        assert_eq!(
            all("It hit 40C in Madrid and 104F in Phoenix."),
            ["40 °C", "104 °F"]
        );
        assert!(all("The air force flew 3 F-16s; group 5 C won.").is_empty());
        assert_eq!(
            all("James scored 31 points before a crowd of 18,997; attendance was 19,000."),
            ["31 points", "18997 crowd", "19000 attendance"]
        );
        assert_eq!(measure("miles").map(|m| m.0), Some("length"));
        assert!(!is_count("feet"));
    }

    #[test]
    fn rates_keep_their_denominator() {
        let rate = |t: &str| {
            let m = QUANTITY_RE.captures(t).unwrap();
            let end = m.get(0).unwrap().end();
            RATE_RE.captures(t.slice(end..)).and_then(|r| {
                r.name("per")
                    .or(r.name("adv"))
                    .map(|p| p.as_str().to_string())
            })
        };
        assert_eq!(
            rate("It paid $55 a share in cash").as_deref(),
            Some("share")
        );
        assert_eq!(
            rate("fuel rose to £1.50 per litre").as_deref(),
            Some("litre")
        );
        assert_eq!(rate("a $35-per-share offer").as_deref(), Some("share"));
        assert_eq!(rate("a deal worth $14.9 billion, including debt"), None);
        assert_eq!(
            rate("traffic grew by 3% annually").as_deref(),
            Some("annually")
        );
        assert!(!is_count("USD/share"));
    }

    #[test]
    fn units_and_scales() {
        assert_eq!(all("trade of $688 billion"), ["6.88e11 USD"]);
        assert_eq!(all("tariffs of 55 per cent and 10%"), ["55%", "10%"]);
        assert_eq!(
            all("a 90-day truce, then six months"),
            ["90 days", "6 months"]
        );
        assert_eq!(
            all("rates of 4.75%–5% and 25 basis points"),
            ["4.75–5%", "25 bp"]
        );
        assert_eq!(all("€3.2bn and 40 million euros"), ["3.2e9 EUR", "4e7 EUR"]);
    }

    #[test]
    fn context_tells_who_taxes_whom() {
        let l = lex();
        let t = "Trump said US tariffs on China would be fixed at 55 per cent, while China agreed to impose 10 per cent tariffs on US goods.";
        let a = t.find("55").unwrap();
        let senses = crate::lexicon::Lexicons::builtin().measures;
        let names = HashSet::new();
        let us = measured(t, a, a + 2, &l, &senses, &names).context;
        let b = t.find("10 per").unwrap();
        let cn = measured(t, b, b + 11, &l, &senses, &names).context;
        assert!(
            us.contains(&"us".to_string()) && us.contains(&"on:china".to_string()),
            "{us:?}"
        );
        assert!(
            cn.contains(&"on:us".to_string()) && !cn.contains(&"on:china".to_string()),
            "{cn:?}"
        );
        assert!(words::token_similarity(&us, &cn) < 0.6, "{us:?} {cn:?}");
    }
}
