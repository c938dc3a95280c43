//! Hostile but plausible inputs, generated deterministically, for the tests that show
//! every stage's cost is linear in its input, the benchmarks that measure it, and the
//! fuzz targets' seed corpus. Each class once made concord quadratic (or worse) in time or
//! memory; see `tests/integration/hostile.rs` and `benches/hostile.rs`.

/// A class of hostile input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// One line without a full stop, full of dates (every date used to rescan it).
    LongLine,
    /// Thousands of short dated sentences naming an event.
    ManyDates,
    /// One product code repeated thousands of times in one sentence (each kept a copy of
    /// the sentence's words).
    ManyCodes,
    /// Thousands of distinct people who speak (one regular expression of every name).
    ManyNames,
    /// Thousands of figures of one quantity in one source (all pairs compared).
    ManyFigures,
    /// Unique prose in many paragraphs (repeated-passage detection compared every pair).
    UniqueProse,
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Class {
    pub const ALL: [Class; 6] = [
        Class::LongLine,
        Class::ManyDates,
        Class::ManyCodes,
        Class::ManyNames,
        Class::ManyFigures,
        Class::UniqueProse,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::LongLine => "long-line",
            Class::ManyDates => "many-dates",
            Class::ManyCodes => "many-codes",
            Class::ManyNames => "many-names",
            Class::ManyFigures => "many-figures",
            Class::UniqueProse => "unique-prose",
        }
    }
}

/// A small deterministic generator (xorshift64*), so inputs are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A made-up lower-case word of 3 to 9 letters.
    fn word(&mut self) -> String {
        let len = 3 + self.below(7);
        (0..len)
            .map(|_| char::from(b'a' + self.below(26) as u8))
            .collect()
    }
}

const MONTHS: [&str; 6] = ["January", "March", "May", "June", "July", "October"];
const GIVEN: [&str; 10] = [
    "John", "Mary", "Ahmed", "Li", "Olga", "Pierre", "Sanjay", "Ana", "Kofi", "Yuki",
];

/// Two sources of about `bytes` bytes each of class `class`: the second a lightly varied
/// copy of the first (so alignment and the rules have real work), or for codes, the
/// confusable spelling.
pub fn sources(class: Class, bytes: usize) -> [String; 2] {
    use std::fmt::Write;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ bytes as u64);
    let mut text = String::with_capacity(bytes + 200);
    while text.len() < bytes {
        match class {
            Class::LongLine => {
                let (w1, w2) = (rng.word(), rng.word());
                let (m, d) = (MONTHS[rng.below(6)], 1 + rng.below(28));
                // Names, a negated event and a day of speech in the one line: every date's
                // event, subject and denial must cost a bounded look around it.
                let name = capitalised(&rng.word());
                let _ = write!(
                    text,
                    "{w1} talks with {name} Group began {m} {d} {w2} and will not start on Monday as officials said on Tuesday "
                );
            }
            Class::ManyDates => {
                let (m, d) = (MONTHS[rng.below(6)], 1 + rng.below(28));
                let w = rng.word();
                let _ = write!(text, "The {w} talks began on {m} {d}, 2025. ");
            }
            Class::ManyCodes => text.push_str("H2O "),
            Class::ManyNames => {
                let (given, surname) = (GIVEN[rng.below(10)], capitalised(&rng.word()));
                let _ = write!(text, "{given} {surname} said the plan was good. ");
            }
            Class::ManyFigures => {
                let (x, y) = (1 + rng.below(99), 1 + rng.below(999));
                let _ = write!(
                    text,
                    "Consumer prices rose {x}% while rents fell ${y} million. "
                );
            }
            Class::UniqueProse => {
                let mut words: Vec<String> = (0..15).map(|_| rng.word()).collect();
                words[0] = capitalised(&words[0]);
                text.push_str(&words.join(" "));
                text.push_str(if rng.below(5) == 0 { ".\n\n" } else { ". " });
            }
        }
    }
    let varied = match class {
        Class::ManyCodes => text.replace("H2O", "H20"),
        _ => text.replacen('7', "8", text.len() / 50),
    };
    [text, varied]
}

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
