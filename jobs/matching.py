"""How well a posting fits the profile: a score out of 100 that says why.

Three parts, each a fraction of its weight: the profile's keywords in the posting, the
title against the desired titles, and where the job is against where the user wants
(and may) work. Everything here is a pure function over plain values, with no database
and no Django, so a whole table can be rescored quickly and every rule tested directly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

KEYWORD_WEIGHT, TITLE_WEIGHT, LOCATION_WEIGHT = 40, 35, 25

REMOTE_PREFERENCES = ("any", "remote", "hybrid", "onsite")


# --- Text ------------------------------------------------------------------------------

# Scripts, styles and comments go with their content; any other tag becomes a space so
# that "<li>Python</li><li>Django</li>" does not read as "PythonDjango".
_MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL
)


def html_text(html_fragment: str) -> str:
    """The words of an HTML fragment on one line, entities decoded, for scoring.

    Regular expressions rather than a parser: descriptions are sanitised when stored and
    thousands are scored at a time. (`jobs.html.html_to_text` keeps paragraphs, for
    display.)"""
    if not html_fragment:
        return ""
    text = _MARKUP.sub(" ", html_fragment)
    # Decoded after the tags are gone, so an escaped "&lt;b&gt;" stays text.
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())  # three times faster than a regex


def _unique(values: Iterable[str], key: Callable[[str], object] = str.casefold) -> tuple[str, ...]:
    """Values with their spacing tidied, blanks and duplicates (by `key`) dropped, the
    first spelling kept."""
    seen: set[object] = set()
    kept = []
    for value in values:
        value = " ".join(str(value).split())
        if value and key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return tuple(kept)


# --- Keywords --------------------------------------------------------------------------

# A keyword must not run on into letters or digits, nor "C" into "C++" or "C#".
_WORD_END = r"(?![\w+#])"
_PHRASE_GAP = re.compile(r"[\s\-]+")


def _keyword_name(keyword: str) -> str:
    """A keyword as matches are looked up: lower case, words split by single spaces."""
    return " ".join(word for word in _PHRASE_GAP.split(keyword.lower()) if word)


def _keyword_regex(keyword: str) -> str:
    """A keyword as whole words, in lower case; the words of a phrase may be split by
    spaces or hyphens ("machine-learning"). The start edge is checked right after the
    first word rather than before it: a pattern that begins with a lookbehind loses
    the regex engine's quick scan for first letters and runs twice as slow."""
    first, *rest = (re.escape(word) for word in _keyword_name(keyword).split())
    return first + rf"(?<![\w+#]{first})" + "".join(rf"[\s\-]+{word}" for word in rest)


# --- Titles ----------------------------------------------------------------------------

# Applied to the lower-cased title before punctuation goes.
_TITLE_PHRASES = [
    (re.compile(r"\((?:[mwfdx]\s*/\s*)+[mwfdx]\)"), " "),  # German "(m/w/d)"
    (re.compile(r"\b(?:full|part)[\s-]+time\b"), " "),
    (re.compile(r"\bon[\s-]+site\b"), " "),
    (re.compile(r"\bfront[\s-]+end\b"), "frontend"),
    (re.compile(r"\bback[\s-]+end\b"), "backend"),
    (re.compile(r"\bfull[\s-]+stack\b"), "fullstack"),
]
# Letters and digits make words, and so do a trailing "+" or "#" ("C++", "C#").
_TITLE_WORD = re.compile(r"[^\W_]+[+#]*")

_ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "swe": "software engineer",
    "sde": "software engineer",
    "sre": "site reliability engineer",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "mgr": "manager",
    "pm": "product manager",
    "fe": "frontend",
    "be": "backend",
    "qa": "quality assurance",
}
# Developers and engineers are the same job in postings' titles.
_SYNONYMS = {"developer": "engineer"}
# Levels say how senior a job is, not what it is. "Intern" stays: an internship is a
# different job, not a junior version of the same one.
_LEVELS = {
    "senior", "junior", "lead", "staff", "principal", "head", "associate", "mid",
    "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5",
}  # fmt: skip
_FILLERS = {
    "of", "the", "and", "for", "at", "in", "with", "to", "a", "an", "or", "remote",
    "hybrid", "onsite", "contract", "temporary",
}  # fmt: skip


@lru_cache(maxsize=8192)
def title_words(title: str) -> frozenset[str]:
    """The words that say what a job is: lower case, abbreviations spelled out,
    developer read as engineer, levels and filler words left out. A title made only of
    those ("Lead") keeps them, so that it still compares with something."""
    text = title.lower()
    for pattern, replacement in _TITLE_PHRASES:
        text = pattern.sub(replacement, text)
    words = [
        _SYNONYMS.get(part, part)
        for word in _TITLE_WORD.findall(text)
        for part in _ABBREVIATIONS.get(word, word).split()
    ]
    meaningful = frozenset(w for w in words if w not in _LEVELS and w not in _FILLERS)
    return meaningful or frozenset(words)


def title_similarity(job: frozenset[str], desired: frozenset[str]) -> float:
    """1 for the same words; otherwise the mean of the Dice coefficient and the share of
    the desired title's words the job's title has, so that extra words cost less than
    missing ones: "Backend Engineer, Payments" is close to "Backend Engineer" (0.9),
    "Engineer" alone is not (0.58)."""
    if not job or not desired:
        return 0.0
    if job == desired:
        return 1.0
    shared = len(job & desired)
    dice = 2 * shared / (len(job) + len(desired))
    return (dice + shared / len(desired)) / 2


# --- Places ----------------------------------------------------------------------------


def _codes(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


EUROPEAN_UNION = _codes(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
)
EUROPE = EUROPEAN_UNION | _codes("GB CH NO IS UA RS AL BA ME MK MD LI")
EMEA = EUROPE | _codes("IL AE SA TR EG ZA NG KE MA")
NORTH_AMERICA = frozenset({"US", "CA", "MX"})
LATIN_AMERICA = _codes("MX BR AR CO CL PE UY CR EC GT")
APAC = _codes("AU NZ SG JP KR IN PH ID MY TH VN HK TW CN")
WORLDWIDE = "*"  # stands for every country

# Names that postings and profiles use for countries and regions, in lower case.
_PLACE_NAMES: dict[str, frozenset[str]] = {
    name: frozenset({code})
    for code, names in {
        "US": ["united states", "united states of america", "usa", "u.s.", "u.s.a."],
        "GB": ["united kingdom", "uk", "u.k.", "great britain", "britain", "england",
               "scotland", "wales", "northern ireland"],
        "CA": ["canada"],
        "DE": ["germany", "deutschland"],
        "FR": ["france"],
        "NL": ["netherlands", "the netherlands", "holland"],
        "ES": ["spain"],
        "PT": ["portugal"],
        "IT": ["italy"],
        "IE": ["ireland"],
        "PL": ["poland"],
        "SE": ["sweden"],
        "NO": ["norway"],
        "DK": ["denmark"],
        "FI": ["finland"],
        "CH": ["switzerland"],
        "AT": ["austria"],
        "BE": ["belgium"],
        "CZ": ["czechia", "czech republic"],
        "RO": ["romania"],
        "GR": ["greece"],
        "HU": ["hungary"],
        "EE": ["estonia"],
        "LT": ["lithuania"],
        "LV": ["latvia"],
        "UA": ["ukraine"],
        "IN": ["india"],
        "AU": ["australia"],
        "NZ": ["new zealand"],
        "SG": ["singapore"],
        "JP": ["japan"],
        "BR": ["brazil"],
        "MX": ["mexico"],
        "AR": ["argentina"],
        "CO": ["colombia"],
        "IL": ["israel"],
        "ZA": ["south africa"],
        "AE": ["united arab emirates", "uae"],
    }.items()
    for name in names
} | {
    "eu": EUROPEAN_UNION,
    "european union": EUROPEAN_UNION,
    "europe": EUROPE,
    "emea": EMEA,
    "north america": NORTH_AMERICA,
    "latam": LATIN_AMERICA,
    "latin america": LATIN_AMERICA,
    "apac": APAC,
    "asia pacific": APAC,
    "worldwide": frozenset({WORLDWIDE}),
    "anywhere": frozenset({WORLDWIDE}),
    "global": frozenset({WORLDWIDE}),
    "world": frozenset({WORLDWIDE}),
} | {
    # States and provinces by name, so that "Albuquerque, New Mexico" is in the US and
    # not in Mexico (the longest name wins). Georgia is left out: a state and a country.
    name: frozenset({code})
    for code, names in {
        "US": [
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado",
            "connecticut", "delaware", "florida", "hawaii", "idaho", "illinois", "indiana",
            "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
            "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
            "nevada", "new hampshire", "new jersey", "new mexico", "new york",
            "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
            "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
            "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
            "district of columbia", "washington dc", "washington d c",
        ],
        "CA": [
            "alberta", "british columbia", "manitoba", "new brunswick", "newfoundland",
            "nova scotia", "ontario", "prince edward island", "quebec", "québec",
            "saskatchewan", "yukon", "nunavut", "northwest territories",
        ],
        "AU": ["new south wales", "queensland", "tasmania", "western australia"],
    }.items()
    for name in names
}  # fmt: skip
# Codes are read only in capitals: "us", "in" and "no" are also words.
_COUNTRY_CODES = {
    code: codes
    for code, codes in (
        [(code, frozenset({code})) for codes in _PLACE_NAMES.values() for code in codes]
        + [("UK", frozenset({"GB"})), ("USA", frozenset({"US"})), ("EU", EUROPEAN_UNION)]
    )
    if code != WORLDWIDE
}
# Two capitals right after a town are a US state or a Canadian province ("Austin, TX",
# "San Francisco, CA", "Toronto, ON"), so that "CA" alone reads as Canada but not in
# "San Francisco, CA". Except Delaware and Newfoundland: "Berlin, DE" and "Amsterdam,
# NL" are far more common in postings.
_STATES = {
    state: "US"
    for state in _codes(
        "AL AK AZ AR CA CO CT FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
        "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
    )
} | {province: "CA" for province in _codes("AB BC MB NB NS NT NU ON PE QC SK YT")}

_PLACE_NAME = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(name) for name in sorted(_PLACE_NAMES, key=len, reverse=True))
    + r")(?!\w)"
)
_COUNTRY_CODE = re.compile(r"(?<![\w.])(?:USA|[A-Z]{2})(?![\w.])")
# A town has a small letter: in "Toronto, ON, CA" the "CA" follows a province.
_STATE = re.compile(r"[A-Za-z.]*[a-z][A-Za-z.]*\s*,\s*([A-Z]{2})(?![\w.])")

_REMOTE_WORDS = re.compile(
    r"\b(?:fully\s+|100%\s+)?(?:remote|anywhere|worldwide|work(?:ing)?\s+from\s+home|wfh|"
    r"home[\s-]+based|telecommute|distributed)\b",
    re.IGNORECASE,
)
_HYBRID_WORDS = re.compile(r"\bhybrid\b", re.IGNORECASE)
_ONSITE_WORDS = re.compile(r"\b(?:on[\s-]?site|in[\s-]office)\b", re.IGNORECASE)
# What surrounds a region once the remote words are gone: "(US only)", "- based in".
# Commas stay: they tell "San Francisco, CA" from "CA".
_REGION_NOISE = re.compile(
    r"\b(?:only|based|in|from|within|first|friendly|time\s*zones?|timezones?|or|and|"
    r"position|role|optional|ok)\b|[()\[\]|/;:\-–—•]+",
    re.IGNORECASE,
)
_CODE_ALIASES = {"UK": "GB", "USA": "US"}
_PLACE_ALIASES = {"nyc": "new york", "new york city": "new york", "sf": "san francisco"}


@lru_cache(maxsize=8192)
def places_in(text: str) -> frozenset[str]:
    """Country codes a place names ("Remote - US", "Berlin, Germany", "Europe"), with
    `WORLDWIDE` for anywhere; empty when it names no country or region we know."""
    codes: set[str] = set()
    for match in _STATE.finditer(text):
        if match.group(1) in _STATES:
            codes.add(_STATES[match.group(1)])
            text = text.replace(match.group(0), " ")
    for name in _PLACE_NAME.findall(text.lower()):
        codes |= _PLACE_NAMES[name]
    for code in _COUNTRY_CODE.findall(text):
        codes |= _COUNTRY_CODES.get(code, frozenset())
    return frozenset(codes)


@dataclass(frozen=True)
class Whereabouts:
    """A posting's location read once: the kind of job, and the place it names without
    the words that said remote or hybrid ("" when it names none)."""

    kind: str  # remote | hybrid | onsite
    place: str


@lru_cache(maxsize=8192)
def read_location(location: str, is_remote: bool) -> Whereabouts:
    # "Hybrid" wins over the remote flag: boards often flag hybrid jobs as remote, but
    # the user still has to live near the office.
    if _HYBRID_WORDS.search(location):
        kind = "hybrid"
    elif is_remote or _REMOTE_WORDS.search(location):
        kind = "remote"
    else:
        kind = "onsite"
    place = _ONSITE_WORDS.sub(" ", _HYBRID_WORDS.sub(" ", _REMOTE_WORDS.sub(" ", location)))
    if kind == "remote":
        place = _REGION_NOISE.sub(" ", place)
    place = re.sub(r"\s*,[\s,]*", ", ", " ".join(place.split()))
    return Whereabouts(kind, place.strip(" ,-–—|/()"))


def _own_place(location: str) -> str:
    """The place a preferred location is about: "Berlin" of "Berlin, Germany"."""
    return location.split(",")[0].strip()


def _place_pattern(location: str) -> re.Pattern[str] | None:
    """A preferred location's own place as whole words, so that "Berlin" matches
    "Berlin, DE" but not "Berlingen"; None for "Remote", which names no place."""
    own = _own_place(location).lower()
    own = _PLACE_ALIASES.get(own, own)
    if not own or _REMOTE_WORDS.fullmatch(own):
        return None
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(map(re.escape, own.split())) + r"(?!\w)")


# --- Preferences -----------------------------------------------------------------------


@dataclass(frozen=True)
class PreferredPlace:
    """A preferred location, ready to compare: its own place as a pattern, and the
    countries it stands for when it is itself a country or region ("Germany", "EU")."""

    name: str
    pattern: re.Pattern[str] | None
    countries: frozenset[str]


@dataclass(frozen=True)
class Preferences:
    """What matching reads from the profile, prepared once for a batch of jobs.

    The lists may be any iterables of strings; they are kept as tuples with blanks and
    duplicates dropped. `countries` are ISO codes of where the user may work."""

    keywords: tuple[str, ...] = ()
    desired_titles: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    remote_preference: str = "any"
    countries: tuple[str, ...] = ()

    # Prepared from the fields above once, so that scoring a job only runs them.
    # One pattern finds every keyword; the match, lower-cased, says which one it is.
    keyword_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    keyword_index: dict[str, int] = field(init=False, repr=False, compare=False)
    # For each keyword, the longer keywords that contain it ("react" in "react native"):
    # the pattern finds only the longer, but each of its hits is one of the shorter too.
    keywords_containing: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    desired_title_words: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)
    places: tuple[PreferredPlace, ...] = field(init=False, repr=False, compare=False)
    # Every country the user may work in or named in a preferred location.
    regions: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.remote_preference not in REMOTE_PREFERENCES:
            raise ValueError(f"Unknown remote preference: {self.remote_preference!r}")
        keywords = tuple(k for k in _unique(self.keywords, key=_keyword_name) if _keyword_name(k))
        locations = _unique(self.locations)
        countries = _unique(_CODE_ALIASES.get(c.upper(), c.upper()) for c in self.countries)
        names = [_keyword_name(keyword) for keyword in keywords]
        # Longest first, so that a phrase wins over a keyword it starts with. No groups:
        # they too would slow the scan down.
        alternatives = "|".join(map(_keyword_regex, sorted(names, key=len, reverse=True)))
        places = tuple(
            PreferredPlace(location, _place_pattern(location), places_in(_own_place(location)))
            for location in locations
        )
        regions = {code for country in countries for code in _country_codes(country)}
        for location in locations:
            regions |= places_in(location)

        prepared = {
            "keywords": keywords,
            "desired_titles": _unique(self.desired_titles),
            "locations": locations,
            "countries": countries,
            "keyword_pattern": re.compile(f"(?:{alternatives}){_WORD_END}") if names else None,
            "keyword_index": {name: i for i, name in enumerate(names)},
            "keywords_containing": tuple(
                tuple(
                    j
                    for j, other in enumerate(names)
                    if j != i and re.search(_keyword_regex(name) + _WORD_END, other)
                )
                for i, name in enumerate(names)
            ),
            "desired_title_words": tuple(map(title_words, _unique(self.desired_titles))),
            "places": places,
            "regions": frozenset(regions),
        }
        for name, value in prepared.items():
            object.__setattr__(self, name, value)  # the dataclass is frozen


def _country_codes(value: str) -> frozenset[str]:
    """ISO codes for a country as a profile stores it ("DE"), or as a person writes it."""
    return _COUNTRY_CODES.get(value.upper()) or places_in(value) or frozenset({value.upper()})


# --- Scores ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScorePart:
    """One part of a score: `points` is `weight` × `fraction`, rounded; `reasons` are
    sentences the user reads under the score."""

    name: str
    weight: int
    fraction: float
    points: int
    reasons: tuple[str, ...]

    @classmethod
    def of(cls, name: str, weight: int, fraction: float, reasons: Iterable[str]) -> ScorePart:
        # Rounded once here, so that a stored breakdown reads back equal to this one.
        fraction = round(min(max(fraction, 0.0), 1.0), 3)
        return cls(name, weight, fraction, round(weight * fraction), tuple(reasons))


@dataclass(frozen=True)
class ScoreBreakdown:
    """A job's score out of 100 and the parts it adds up from."""

    total: int
    parts: tuple[ScorePart, ...]

    @classmethod
    def of(cls, parts: Iterable[ScorePart]) -> ScoreBreakdown:
        parts = tuple(parts)
        return cls(min(max(sum(part.points for part in parts), 0), 100), parts)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, to store with the job."""
        return {
            "total": self.total,
            "parts": [
                {
                    "name": part.name,
                    "weight": part.weight,
                    "fraction": part.fraction,
                    "points": part.points,
                    "reasons": list(part.reasons),
                }
                for part in self.parts
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreBreakdown:
        return cls(
            total=int(data["total"]),
            parts=tuple(
                ScorePart(
                    name=part["name"],
                    weight=int(part["weight"]),
                    fraction=float(part["fraction"]),
                    points=int(part["points"]),
                    reasons=tuple(part["reasons"]),
                )
                for part in data["parts"]
            ),
        )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count}×")


def compute_keyword_score(prefs: Preferences, *, title: str, text: str) -> ScorePart:
    """Keywords (40): each profile keyword or phrase, found case-insensitively as whole
    words in the job's title and its description's text. Repeats count less and less: a
    keyword is worth 1 - 0.5 ** (2 × title hits + text hits), so one mention gives 0.5
    and one in the title 0.75; the fraction is the mean over the keywords. No keywords
    in the profile gives 0."""
    if not prefs.keywords:
        return ScorePart.of(
            "keywords", KEYWORD_WEIGHT, 0.0, ["Add keywords to your profile to score by them"]
        )
    values = []
    found, missing = [], []
    hits = zip(prefs.keywords, _keyword_hits(prefs, title), _keyword_hits(prefs, text), strict=True)
    for keyword, in_title, in_text in hits:
        values.append(1 - 0.5 ** (2 * in_title + in_text))
        if not in_title + in_text:
            missing.append(keyword)
            continue
        how_often = _times(in_title + in_text)
        if in_title:
            how_often += f", {_times(in_title)} in the title" if in_text else ", in the title"
        found.append(f"Mentions {keyword} ({how_often})")
    if not found:
        reasons = ["No keyword found"]
    else:
        reasons = found + ([f"Does not mention {', '.join(missing)}"] if missing else [])
    return ScorePart.of("keywords", KEYWORD_WEIGHT, sum(values) / len(values), reasons)


def _keyword_hits(prefs: Preferences, text: str) -> list[int]:
    """How many times each keyword occurs in `text`, in the order of `prefs.keywords`."""
    hits = [0] * len(prefs.keywords)
    if not text or prefs.keyword_pattern is None:
        return hits
    # Lower-casing once is much faster than a case-insensitive pattern.
    index = prefs.keyword_index
    for found in prefs.keyword_pattern.findall(text.lower()):
        hits[index[found] if found in index else index[_keyword_name(found)]] += 1
    return [
        own + sum(hits[j] for j in containing)
        for own, containing in zip(hits, prefs.keywords_containing, strict=True)
    ]


def compute_title_similarity(prefs: Preferences, *, title: str) -> ScorePart:
    """Title (35): how close the job's title is to the closest desired title, both read
    by `title_words` (abbreviations spelled out, developer as engineer, levels and
    fillers left out) and compared by `title_similarity`. No desired titles gives 0."""
    if not prefs.desired_titles:
        return ScorePart.of(
            "title", TITLE_WEIGHT, 0.0, ["Add desired titles to your profile to score by them"]
        )
    job = title_words(title)
    similarity, desired, words = max(
        (
            (title_similarity(job, words), desired, words)
            for desired, words in zip(prefs.desired_titles, prefs.desired_title_words, strict=True)
        ),
        key=lambda candidate: candidate[0],
    )
    if similarity == 1:
        reason = f'Title matches "{desired}"'
    elif similarity >= 0.75:
        reason = f'Title close to "{desired}"'
    elif similarity > 0:
        reason = f'Title shares {", ".join(sorted(job & words))} with "{desired}"'
    elif len(prefs.desired_titles) == 1:
        reason = f'Title unlike "{desired}"'
    else:
        reason = "Title unlike any of your desired titles"
    return ScorePart.of("title", TITLE_WEIGHT, similarity, [reason])


# The most each kind of job can score under each remote preference.
_PREFERENCE_CAPS = {
    "any": {"remote": 1.0, "hybrid": 1.0, "onsite": 1.0},
    "remote": {"remote": 1.0, "hybrid": 0.1, "onsite": 0.1},
    "onsite": {"remote": 0.5, "hybrid": 1.0, "onsite": 1.0},
    "hybrid": {"remote": 0.6, "hybrid": 1.0, "onsite": 0.8},
}
_KINDS = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
_PREFERENCES = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}


def compute_location_score(prefs: Preferences, *, location: str, is_remote: bool) -> ScorePart:
    """Location (25): the place first, then the remote preference caps it.

    A job is remote when flagged so or when its location says remote, anywhere or work
    from home; hybrid when its location says hybrid (even if flagged remote); otherwise
    on-site. A remote job open anywhere, or in a country the user may work in or that a
    preferred location names, scores 1; remote only somewhere else ("Remote - Canada"
    for a user in Germany) 0.3. An on-site or hybrid job in a preferred location scores
    1: the preferred location's own place ("Berlin" of "Berlin, Germany") found as whole
    words, or, for a preferred country or region ("Germany", "Europe"), any place in it.
    Elsewhere 0. With no preferred locations every place scores 1; a posting that gives
    no place scores 0.5.

    The preference then caps the score: "remote" gives on-site and hybrid jobs 0.1 in a
    preferred location and 0 anywhere else; "onsite" gives remote jobs at most 0.5;
    "hybrid" gives remote jobs at most 0.6 and on-site ones 0.8; "any" changes nothing."""
    where = read_location(location or "", is_remote)
    preference = prefs.remote_preference
    reasons = []
    in_preferred_place = False

    if where.kind == "remote":
        codes = places_in(where.place)
        if not where.place or WORLDWIDE in codes:
            score = 1.0
            if preference != "remote":  # else the preference's sentence says it all
                reasons.append("Remote, from anywhere")
        elif not prefs.regions and not prefs.places:
            score = 1.0
            reasons.append(f"Remote in {where.place}; add the countries you may work in")
        elif (
            WORLDWIDE in prefs.regions
            or codes & prefs.regions
            or _preferred_place_of(prefs, where.place)
        ):
            score = 1.0
            reasons.append(f"Remote in {where.place}, where you may work")
        else:
            score = 0.3
            reasons.append(f"Remote, but only for {where.place}")
    elif not prefs.locations:
        score = 1.0
        if preference != "remote":  # else the preference's sentence says why it is 0
            reasons.append("Any location suits you")
    elif not where.place:
        score = 0.5
        reasons.append("The posting gives no location")
    elif preferred := _preferred_place_of(prefs, where.place):
        score = 1.0
        in_preferred_place = True
        reasons.append(f'{where.place} matches your location "{preferred}"')
    else:
        score = 0.0
        reasons.append(f"{where.place} is not one of your locations")

    cap = _PREFERENCE_CAPS[preference][where.kind]
    if preference == "remote" and where.kind != "remote" and not in_preferred_place:
        cap = 0.0
    wanted = _PREFERENCES.get(preference, preference)
    if where.kind == "onsite" and not where.place:
        # No location at all is on-site only for want of anything better to call it.
        if cap < score:
            reasons.append(f"Not marked {wanted}, you prefer {wanted}")
    elif where.kind == preference:
        reasons.append(f"{_KINDS[where.kind]}, and you prefer {wanted}")
    elif cap < 1:
        reasons.append(f"{_KINDS[where.kind]}, you prefer {wanted}")
    return ScorePart.of("location", LOCATION_WEIGHT, min(score, cap), reasons)


def _preferred_place_of(prefs: Preferences, place: str) -> str | None:
    """The first preferred location `place` is in, as the user wrote it."""
    lowered = place.lower()
    codes = places_in(place)
    for preferred in prefs.places:
        if preferred.pattern is not None and preferred.pattern.search(lowered):
            return preferred.name
        if WORLDWIDE in preferred.countries or codes & preferred.countries:
            return preferred.name
    return None


def compute_match_score(
    prefs: Preferences, *, title: str, text: str, location: str, is_remote: bool
) -> ScoreBreakdown:
    """The job's score out of 100: its keyword, title and location parts added up."""
    return ScoreBreakdown.of(
        [
            compute_keyword_score(prefs, title=title, text=text),
            compute_title_similarity(prefs, title=title),
            compute_location_score(prefs, location=location, is_remote=is_remote),
        ]
    )


class JobLike(Protocol):
    title: str
    description: str
    location: str
    is_remote: bool


def score_jobs(prefs: Preferences, jobs: Iterable[JobLike]) -> list[ScoreBreakdown]:
    """Scores for many jobs, in their order. Descriptions are HTML."""
    return [
        compute_match_score(
            prefs,
            title=job.title or "",
            text=html_text(job.description or ""),
            location=job.location or "",
            is_remote=bool(job.is_remote),
        )
        for job in jobs
    ]
