"""What to answer each question of a form: from the answer bank, the profile, education
and experience. Nothing is invented.

`propose_values` sets each FormField's value, confidence, source and note. A field with
no known answer stays empty, with confidence 0 and a note saying why, so that the review
step shows it to the user. `choose_option` picks among a field's choices by meaning
("No, I will not require sponsorship" when the user needs none) and gives up rather than
guess: a wrong answer sent to an employer is worse than none.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import phonenumbers
from django.utils import timezone
from django_countries import countries

from applications.autofill import FormField
from jobs.matching import WORLDWIDE, places_in
from profiles.models import DECLINE, Answer, UserProfile

if TYPE_CHECKING:
    from jobs.models import Job
    from profiles.models import Education, WorkExperience

EXACT = 0.95  # the value is the profile's own, or the option says exactly that
GOOD = 0.8  # a sound reading: derived from the profile, or an option clearly meaning it
WEAK = 0.6  # a proposal the user must confirm (under CONFIDENCE_THRESHOLD)

# Fields whose answer is yes or no, and the words their statements turn on: the polarity
# of "I am not a protected veteran" is read from a negation just before "veteran".
_KEYWORDS: dict[str, re.Pattern[str]] = {
    "sponsorship": re.compile(r"requir|need|sponsor|visa"),
    "work_authorization": re.compile(
        r"authori[sz]|eligib|entitled|permitted|allowed|legal|right|permit"
    ),
    "relocation": re.compile(r"relocat|move|moving|willing|open"),
    "veteran": re.compile(r"veteran|served|military"),
    "disability": re.compile(r"disab"),
    "hispanic_latino": re.compile(r"hispanic|latin"),
    "transgender": re.compile(r"trans"),
    "consent": re.compile(r"agree|consent|accept|acknowledg|confirm|certif|authori[sz]"),
}
_YES = frozenset({"yes", "true"})
_NO = frozenset({"no", "false"})
_NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "without", "none"})
# Words that narrow a statement: between "I am authorized to work for any employer" and
# "I am authorized, but only for my present employer", the plain one is the answer.
_QUALIFIERS = frozenset(
    {"but", "only", "however", "except", "unless", "pending", "temporary", "limited",
     "restricted", "present", "expires", "expire", "conditional"}
)  # fmt: skip
# An option that says the applicant declines to answer (in normalised words). The object
# is required: "I would prefer not to relocate" is an answer, not a refusal.
_REFUSED = r"(answer|say|disclose|respond|reply|share|specify|state|provide|self identify|identify)"
_DECLINE = re.compile(
    r"\bdecline|\bundisclosed\b|\bnot (specified|disclosed|declared)\b|\bno answer\b"
    rf"|\bnot (to )?{_REFUSED}\b|\bnot (wish|want|like|care) to {_REFUSED}\b"
)
_PLACEHOLDER_OPTION = re.compile(r"^(select|choose|please (select|choose)|none selected|pick)\b|^$")

# Synonyms of the profile's EEO choices, in normalised words, for options worded otherwise.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "gender": {
        # Not "cisgender man": the profile does not say, and the user chooses.
        UserProfile.Gender.MALE: ("male", "man"),
        UserProfile.Gender.FEMALE: ("female", "woman"),
        UserProfile.Gender.NON_BINARY: ("non binary", "nonbinary", "non binary genderqueer"),
    },
    "race": {
        UserProfile.Race.AMERICAN_INDIAN: (
            "american indian", "alaska native", "alaskan native", "native american",
        ),
        UserProfile.Race.ASIAN: ("asian",),
        UserProfile.Race.BLACK: ("black", "african american"),
        UserProfile.Race.HISPANIC: ("hispanic", "latino", "latina", "latinx", "latine"),
        UserProfile.Race.PACIFIC_ISLANDER: ("pacific islander", "native hawaiian"),
        UserProfile.Race.WHITE: ("white", "caucasian"),
        UserProfile.Race.TWO_OR_MORE: (
            "two or more", "2 or more", "multiracial", "multiple races", "mixed race",
        ),
    },
    "sexual_orientation": {
        UserProfile.SexualOrientation.HETEROSEXUAL: ("heterosexual", "straight"),
        UserProfile.SexualOrientation.GAY_LESBIAN: ("gay", "lesbian", "gay or lesbian"),
        UserProfile.SexualOrientation.BISEXUAL: ("bisexual",),
        UserProfile.SexualOrientation.OTHER: (
            "another orientation", "self describe", "not listed", "other",
        ),
    },
}  # fmt: skip
# EEO-1 race options often carry "(Not Hispanic or Latino)", which is not a race.
_NOT_HISPANIC = re.compile(r"\bnot hispanic or latin[oa]\b|\bnon hispanic\b")

_EEO_FIELDS = {
    "gender": ("gender", UserProfile.Gender),
    "race": ("race_ethnicity", UserProfile.Race),
    "hispanic_latino": ("hispanic_latino", UserProfile.YesNoDecline),
    "veteran": ("veteran_status", UserProfile.Veteran),
    "disability": ("disability_status", UserProfile.YesNoDecline),
    "sexual_orientation": ("sexual_orientation", UserProfile.SexualOrientation),
    "transgender": ("transgender", UserProfile.YesNoDecline),
}
_EEO_NAMES = {
    "gender": "your gender",
    "race": "your race or ethnicity",
    "hispanic_latino": "whether you are Hispanic or Latino",
    "veteran": "your veteran status",
    "disability": "your disability status",
    "sexual_orientation": "your sexual orientation",
    "transgender": "whether you are transgender",
}
DECLINE_TEXT = "Prefer not to say"  # a refusal typed into a free-text EEO field

_DEGREE_LEVELS = (
    ("doctorate", re.compile(r"\b(phd|doctor\w*|dphil|edd|dsc)\b")),
    ("mba", re.compile(r"\b(mba|emba)\b")),
    ("master", re.compile(r"\b(master\w*|msc|ms|ma|meng|mphil|mres|mfa|llm|mpa|mph)\b")),
    ("professional", re.compile(r"\b(jd|md|juris|dds|pharmd)\b")),
    ("bachelor", re.compile(r"\b(bachelor\w*|bsc|bs|ba|beng|bba|bfa|undergraduate)\b")),
    ("associate", re.compile(r"\b(associate\w*|aa|aas)\b")),
    ("high_school", re.compile(r"\b(high school|ged|secondary school|a levels?|abitur)\b")),
)

_US_STATE_CODES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
    "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC",
}  # fmt: skip

# What a label must say for the "why this company" answer to be proposed (for review).
_WHY_COMPANY = re.compile(
    r"\bwhy\b.*\b(us|company|join\w*|work (here|at|for|with)|interest\w*|excite\w*|apply\w*)\b"
)
_ANSWER_KIND_FOR_TYPE = {
    "salary_expectation": Answer.Kind.SALARY,
    "how_heard": Answer.Kind.HOW_HEARD,
    "cover_letter": Answer.Kind.COVER_LETTER,
}
_FILLER_WORDS = frozenset({
    "a", "an", "the", "please", "your", "you", "our", "this", "that", "do", "did", "does",
    "are", "is", "to", "of", "in", "for", "at", "on", "with", "about", "any", "if",
})  # fmt: skip


# --- Text ---------------------------------------------------------------------------------


def normalize(text: object) -> str:
    """Lower-case words only: accents dropped, contractions spelled out ("don't" → "do
    not"), punctuation gone. What option texts and labels are compared as."""
    text = str(text).translate(str.maketrans("’‘`ʼ", "''''"))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bwon't\b", "will not", text)
    text = re.sub(r"\bcan't\b", "can not", text)
    text = re.sub(r"n't\b", " not", text)
    text = re.sub(r"\bi'm\b", "i am", text)
    text = re.sub(r"'(s|d|ve|re|ll)\b", r"\1", text)  # "Bachelor's" → "bachelors"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _contains(haystack: str, phrase: str) -> bool:
    """Whether normalised `phrase` appears in normalised `haystack` as whole words."""
    return bool(phrase) and f" {phrase} " in f" {haystack} "


def _is_decline(text: str) -> bool:
    return bool(_DECLINE.search(normalize(text)))


def _is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_OPTION.search(normalize(text))) or set(text.strip()) <= {"-", " "}


def _polarity(text: str, field_type: str) -> int | None:
    """+1 when a statement or answer says yes (to what the field type asks), -1 when it
    says no, None when it cannot be told. "Yes"/"No" lead; otherwise a negation in the
    few words before the field's keyword ("I will not require sponsorship")."""
    words = normalize(text).split()
    if not words:
        return None
    if words[0] in _YES:
        return 1
    if words[0] in _NO:
        return -1
    keyword = _KEYWORDS.get(field_type)
    if keyword is None:
        return None
    # The clause that carries the keyword decides: in "I am authorized to work in the US
    # and do not need sponsorship", the "not" belongs to the second clause.
    lowered = text.lower()
    for clause in re.split(r"[,;:()]|\bbut\b|\band\b|\bhowever\b", lowered):
        tokens = normalize(clause).split()
        for index, token in enumerate(tokens):
            if keyword.match(token):
                before = tokens[max(0, index - 4) : index]
                return -1 if _NEGATIONS.intersection(before) else 1
    return None


def _wanted_polarity(field_type: str, wanted: object) -> int | None:
    if isinstance(wanted, bool):
        return 1 if wanted else -1
    if isinstance(wanted, str):
        return _polarity(wanted, field_type)
    return None


def _leads_with_yes_or_no(text: str) -> bool:
    words = normalize(text).split()
    return bool(words) and (words[0] in _YES or words[0] in _NO)


def _is_qualified(text: str) -> bool:
    return bool(_QUALIFIERS.intersection(normalize(text).split()))


# --- Countries, numbers, degrees -------------------------------------------------------------


@cache
def _country_names() -> dict[str, str]:
    """Normalised country names, official, common and former, and common short forms, to
    their ISO codes."""
    names: dict[str, str] = {}
    for code, name in countries:
        names[normalize(name)] = code
    for code, shadowed in countries.shadowed_names.items():
        for name in shadowed:
            names.setdefault(normalize(name), code)
    for name, code in {
        "united states": "US", "usa": "US", "us": "US", "u s": "US", "u s a": "US",
        "united states of america": "US", "uk": "GB", "u k": "GB",
        "great britain": "GB", "britain": "GB", "holland": "NL", "the netherlands": "NL",
        "deutschland": "DE", "korea": "KR", "republic of korea": "KR", "uae": "AE",
        "russian federation": "RU", "czech republic": "CZ", "turkey": "TR",
        "korea republic of": "KR", "ivory coast": "CI", "cape verde": "CV",
        "macedonia": "MK", "burma": "MM",
        "swaziland": "SZ", "vatican": "VA", "hong kong sar": "HK", "mainland china": "CN",
    }.items():  # fmt: skip
        names.setdefault(name, code)
    return names


def country_code(text: str) -> str:
    """The ISO code a country's name or code stands for ("Germany", "DEU", "de"), or ""."""
    raw = str(text).strip()
    if not raw:
        return ""
    # Option lists add dialling codes and flags: "United States (+1)", "🇩🇪 Germany".
    cleaned = re.sub(r"\(\s*\+?[\d\s-]+\)|\+\d+", " ", raw)
    key = normalize(cleaned)
    if key in _country_names():
        return _country_names()[key]
    letters = re.sub(r"[^A-Za-z]", "", cleaned)
    if len(letters) in (2, 3) and len(key.split()) == 1:
        return countries.alpha2(letters.upper())
    # "United States - US", "Germany (DE)": every part must name the same country.
    parts = [part for part in re.split(r"\s[-–/|]\s|[()]", cleaned) if part.strip()]
    if len(parts) > 1:
        codes = {country_code(part) for part in parts}
        if len(codes) == 1:
            return codes.pop()
    return ""


def _number(text: str) -> float | None:
    """The first amount in a text: "120k" → 120000, "€85.000" → 85000, "5+ years" → 5."""
    match = re.search(r"(\d[\d,.\s]*\d|\d)\s*([kKmM])?\b", text)
    if not match:
        return None
    digits, suffix = match.group(1), match.group(2)
    # Thousands separators: "120,000", "85.000", "85 000"; a decimal point otherwise.
    if re.fullmatch(r"\d{1,3}([,.\s]\d{3})+", digits):
        value = float(re.sub(r"[,.\s]", "", digits))
    else:
        value = float(digits.replace(",", ".").replace(" ", ""))
    if suffix:
        value *= 1000 if suffix.lower() == "k" else 1_000_000
    return value


@dataclass(frozen=True)
class _Range:
    low: float
    high: float
    low_included: bool = True
    high_included: bool = True

    def __contains__(self, value: float) -> bool:
        above = value > self.low or (self.low_included and value == self.low)
        below = value < self.high or (self.high_included and value == self.high)
        return above and below


def _number_range(text: str) -> _Range | None:
    """The numbers an option stands for: "3-5 years", "10+", "Less than 1 year",
    "$80,000 - $100,000", "More than 150k", "7"."""
    lowered = text.lower()
    amounts = [
        value
        for part in re.findall(r"\d[\d,.\s]*\d\s*[km]?\b|\d\s*[km]?\b", lowered)
        if (value := _number(part)) is not None
    ]
    if not amounts:
        return None
    if re.search(r"\b(less than|under|below|fewer than|up to)\b|<", lowered):
        return _Range(0, amounts[0], high_included="up to" in lowered)
    if re.search(r"\+|\b(or more|and (above|up|over)|at least|minimum)\b", lowered):
        return _Range(amounts[0], float("inf"))
    if re.search(r"\b(more than|over|above|greater than)\b|>", lowered):
        return _Range(amounts[0], float("inf"), low_included=False)
    if len(amounts) >= 2:
        return _Range(amounts[0], amounts[1])
    return _Range(amounts[0], amounts[0])


def _degree_level(text: str) -> str:
    words = normalize(text.replace(".", ""))
    for level, pattern in _DEGREE_LEVELS:
        if pattern.search(words):
            return level
    return ""


# --- Choosing an option ------------------------------------------------------------------------


def choose_option(field_type: str, wanted: object, options: list[str]) -> tuple[str | None, float]:
    """The option that means `wanted` (a bool for yes/no questions, a profile choice such as
    "decline" or "two_or_more", a country code or name, a number, or text), and how sure.
    None, 0.0 when no option clearly means it: the field is left for the user."""
    if wanted is None or wanted == "" or not options:
        return None, 0.0
    choices = [option for option in options if not _is_placeholder(option)]
    if wanted == DECLINE or (isinstance(wanted, str) and _is_decline(wanted)):
        return _one([option for option in choices if _is_decline(option)], EXACT)
    answers = [option for option in choices if not _is_decline(option)]

    if isinstance(wanted, str):
        exact = [option for option in answers if normalize(option) == normalize(wanted)]
        if exact:
            return exact[0], EXACT
        label = _choice_label(field_type, wanted)
        if label and (same := [o for o in answers if normalize(o) == normalize(label)]):
            return same[0], EXACT

    if field_type == "country":
        return _choose_country(wanted, answers)
    if field_type in _SYNONYMS and isinstance(wanted, str):
        return _choose_by_synonyms(field_type, wanted, answers)
    if field_type == "education_degree" and isinstance(wanted, str):
        return _choose_degree(wanted, answers)
    if field_type == "state" and isinstance(wanted, str):
        code = _US_STATE_CODES.get(normalize(wanted), wanted.strip().upper())
        same = [o for o in answers if _US_STATE_CODES.get(normalize(o), o.strip().upper()) == code]
        return _one(same, EXACT)
    if isinstance(wanted, int | float) and not isinstance(wanted, bool):
        return _choose_in_range(float(wanted), answers)
    if field_type in ("years_experience", "salary_expectation") and isinstance(wanted, str):
        amount = _number(wanted)
        return _choose_in_range(amount, answers) if amount is not None else (None, 0.0)

    polarity = _wanted_polarity(field_type, wanted)
    if polarity is not None and (field_type in _KEYWORDS or isinstance(wanted, bool)):
        choice, confidence = _choose_by_polarity(field_type, polarity, answers)
        if field_type == "veteran" and choice and "protected" not in normalize(choice):
            # The profile knows "protected veteran" or not; "I am not a veteran" says
            # more than that, so the user confirms it.
            confidence = min(confidence, WEAK)
        return choice, confidence
    if isinstance(wanted, str):
        return _choose_by_words(wanted, answers, polarity=polarity, field_type=field_type)
    return None, 0.0


def _one(candidates: list[str], confidence: float) -> tuple[str | None, float]:
    return (candidates[0], confidence) if len(candidates) == 1 else (None, 0.0)


def _choice_label(field_type: str, code: str) -> str:
    """The profile's own wording of an EEO choice ("two_or_more" → "Two or more races")."""
    if field_type not in _EEO_FIELDS:
        return ""
    choices = _EEO_FIELDS[field_type][1]
    return str(dict(choices.choices).get(code, ""))


def _choose_country(wanted: object, options: list[str]) -> tuple[str | None, float]:
    code = country_code(str(wanted))
    if not code:
        return None, 0.0
    same = [option for option in options if country_code(option) == code]
    # A list may name a country twice ("United States", "USA"): either one means it.
    return (same[0], EXACT) if same else (None, 0.0)


def _choose_by_synonyms(field_type: str, code: str, options: list[str]) -> tuple[str | None, float]:
    synonyms = _SYNONYMS[field_type].get(code)
    if not synonyms:
        # Words rather than a profile choice, as a saved answer gives them ("Woman").
        said = normalize(code)
        synonyms = next((w for w in _SYNONYMS[field_type].values() if said in w), None)
    if not synonyms:
        return None, 0.0

    def words(option: str) -> str:
        text = normalize(option)
        return " ".join(_NOT_HISPANIC.sub(" ", text).split()) if field_type == "race" else text

    candidates = [o for o in options if any(_contains(words(o), s) for s in synonyms)]
    exact = [o for o in candidates if words(o) in synonyms]
    if len(candidates) == 1:
        return candidates[0], EXACT if exact else 0.9
    # "Man" among "Man", "Transgender man": the plain word is the answer. Two exact ones
    # ("Gay", "Lesbian" for "gay or lesbian") cannot be told apart: the user chooses.
    if len(exact) == 1:
        return exact[0], 0.9
    return None, 0.0


def _choose_degree(wanted: str, options: list[str]) -> tuple[str | None, float]:
    level = _degree_level(wanted)
    if not level:
        return _choose_by_words(wanted, options, polarity=None, field_type="education_degree")
    same = [option for option in options if _degree_level(option) == level]
    if not same and level == "mba":
        same = [option for option in options if _degree_level(option) == "master"]
    return _one(same, GOOD)


def _choose_in_range(amount: float, options: list[str]) -> tuple[str | None, float]:
    ranges = [(option, _number_range(option)) for option in options]
    holding = [(option, r) for option, r in ranges if r is not None and amount in r]
    if len(holding) == 1:
        return holding[0][0], EXACT
    # Shared bounds ("3-5", "5-7" for 5): the range that starts there.
    starting = [option for option, r in holding if r.low == amount]
    if len(holding) == 2 and len(starting) == 1:
        return starting[0], GOOD
    return None, 0.0


def _choose_by_polarity(
    field_type: str, polarity: int, options: list[str]
) -> tuple[str | None, float]:
    candidates = [o for o in options if _polarity(o, field_type) == polarity]
    if len(candidates) == 1:
        return candidates[0], EXACT if _leads_with_yes_or_no(candidates[0]) else GOOD
    # Several say so: a plain "Yes" over "Open to discussion", and a plain statement
    # over one narrowed by "but", "only", ...
    clear = [option for option in candidates if _leads_with_yes_or_no(option)]
    if len(clear) == 1:
        return clear[0], GOOD
    plain = [option for option in (clear or candidates) if not _is_qualified(option)]
    return _one(plain, GOOD)


def _choose_by_words(
    wanted: str, options: list[str], *, polarity: int | None, field_type: str
) -> tuple[str | None, float]:
    """An option that is the wanted text or part of it, as whole words ("LinkedIn" for
    "LinkedIn", "Berlin" for "Berlin, Germany"); only when exactly one is."""
    want = normalize(wanted)
    if not want:
        return None, 0.0
    inside = [
        option
        for option in options
        if (words := normalize(option)) and (_contains(words, want) or _contains(want, words))
    ]
    if len(inside) == 1:
        return inside[0], GOOD
    if polarity is not None:
        return _choose_by_polarity(field_type, polarity, options)
    return None, 0.0


# --- Proposing values -------------------------------------------------------------------------


@dataclass
class _Proposal:
    wanted: Any  # what options are matched against
    text: str  # what a free-text input gets
    confidence: float
    source: str
    note: str


@dataclass
class _Missing:
    note: str


def propose_values(
    fields: list[FormField], *, profile: UserProfile | None, job: Job | None
) -> None:
    """Set each field's value, confidence, source and note: the answer bank first, then the
    profile, its education and experience. A field with no known value is left empty with
    confidence 0 and a note for the user. Values the user gave or approved, and AI drafts
    (source "user" or "ai"), are kept as they are."""
    facts = _Facts(profile, job) if profile is not None else None
    for field in fields:
        if field.source in ("user", "ai") or field.approved:
            continue
        field.value, field.confidence, field.source, field.note = "", 0.0, "", ""
        field.approved = False
        if facts is None:
            field.note = "There is no profile yet: fill in your profile first."
            continue
        _propose(field, facts)


def _propose(field: FormField, facts: _Facts) -> None:
    notes: list[str] = []
    for find in (facts.from_answer_bank, facts.from_profile):
        found = find(field)
        if found is None:
            continue
        if isinstance(found, _Missing):
            notes.append(found.note)
            continue
        failure = _apply(field, found)
        if failure is None:
            return
        notes.append(failure)
    field.value, field.confidence, field.source = "", 0.0, ""
    field.note = " ".join(notes) or "Hunter has no answer to this."


def _apply(field: FormField, proposal: _Proposal) -> str | None:
    """Put a proposal into the field in the form it takes; the reason when it does not fit."""
    confidence = proposal.confidence
    if field.tag == "checkbox" and len(field.options) <= 1:
        ticked = _tick(field, proposal.wanted)
        if ticked is None:
            return f"Hunter cannot tell whether “{proposal.text}” means ticking this box."
        value: Any = ticked
    elif field.options and field.tag != "file":
        choice, sureness = choose_option(field.field_type, proposal.wanted, field.options)
        if choice is None:
            return f"None of the options clearly means “{proposal.text}”: choose one yourself."
        value = [choice] if field.multiple else choice
        confidence = min(confidence, sureness)
    else:
        value = proposal.text
    field.value, field.confidence, field.source = value, confidence, proposal.source
    field.note = proposal.note
    return None


def _tick(field: FormField, wanted: object) -> bool | None:
    """Whether a lone checkbox should be ticked: its label is a statement, ticked when the
    answer agrees with it ("I will require sponsorship" for needs_sponsorship=True)."""
    statement = field.options[0] if field.options else field.label
    if wanted == DECLINE:
        return _is_decline(statement)
    if choose_option(field.field_type, wanted, [statement])[0] is not None:
        return True
    want = _wanted_polarity(field.field_type, wanted)
    if want is None:
        return None
    if _is_decline(statement):
        return False
    says = _polarity(statement, field.field_type) or 1
    return want == says


def _format_date(day: date, field: FormField) -> str:
    """A date as the input wants it: by its type, else by its placeholder's pattern."""
    if field.input_type == "date":
        return day.isoformat()
    if field.input_type == "month":
        return day.strftime("%Y-%m")
    pattern = re.sub(r"\s", "", field.placeholder.lower())
    for shape, form in (
        ("mm/dd/yyyy", "%m/%d/%Y"),
        ("dd/mm/yyyy", "%d/%m/%Y"),
        ("dd.mm.yyyy", "%d.%m.%Y"),
        ("dd-mm-yyyy", "%d-%m-%Y"),
        ("mm-dd-yyyy", "%m-%d-%Y"),
        ("yyyy-mm-dd", "%Y-%m-%d"),
        ("mm/yyyy", "%m/%Y"),
        ("mm/yy", "%m/%y"),
        ("yyyy", "%Y"),
    ):
        if shape in pattern:
            return day.strftime(form)
    return day.isoformat()


def _notice_end(notice: str, today: date) -> date | None:
    text = notice.lower()
    if re.search(r"\b(immediate\w*|asap|now|right away|no notice|none)\b", text):
        return today
    match = re.search(r"(\d+)\s*(day|week|month)", text)
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    return today + timedelta(days=count * {"day": 1, "week": 7, "month": 30}[unit])


def _wants_national_phone(field: FormField) -> bool:
    """Whether a phone field asks for the number without the country code: it says so, or
    its placeholder shows a local number ("(555) 555-0100")."""
    hint = f"{field.label} {field.placeholder}".lower()
    if re.search(r"without (the )?(country|international|dialling|dialing) code|national", hint):
        return True
    return bool(re.search(r"\d", field.placeholder)) and "+" not in field.placeholder


def _names(codes: Iterable[str]) -> str:
    return ", ".join(sorted(countries.name(code) or code for code in codes))


class _Facts:
    """What Hunter knows for one profile and job, each looked up once."""

    def __init__(self, profile: UserProfile, job: Job | None) -> None:
        self.profile = profile
        self.job = job

    @cached_property
    def answers(self) -> list[Answer]:
        return list(self.profile.answers.all())

    @cached_property
    def education(self) -> Education | None:
        # Ordered by the user's position, then the most recent: the first is the one to give.
        return self.profile.education.first()

    @cached_property
    def current_job(self) -> WorkExperience | None:
        return self.profile.experience.filter(end_date__isnull=True).first()

    @cached_property
    def authorized(self) -> frozenset[str]:
        return frozenset(country.code for country in self.profile.authorized_countries)

    # -- the answer bank --

    def from_answer_bank(self, field: FormField) -> _Proposal | _Missing | None:
        found = self._matching_answer(field)
        if found is None:
            return None
        answer, confidence, how = found
        text = self._with_job(answer.text)
        if text is None:
            return _Missing(
                "Your saved answer needs the job's company or title, which Hunter does not know."
            )
        wanted: Any = text
        if field.field_type == "salary_expectation" and field.input_type == "number":
            amount = _number(text)
            if amount is None:
                return _Missing(f"Your saved answer “{text}” is not a number, as this field needs.")
            wanted = text = str(int(amount))
        return _Proposal(wanted, text, confidence, "answer_bank", how)

    def _matching_answer(self, field: FormField) -> tuple[Answer, float, str] | None:
        best: tuple[Answer, float, str] | None = None
        for answer in self.answers:
            for question in answer.questions:
                score = _question_match(field.label, question, self.job)
                if score and (best is None or score > best[1]):
                    best = (answer, score, f"Your saved answer to “{question}”.")
        if best:
            return best
        kind = _ANSWER_KIND_FOR_TYPE.get(field.field_type)
        if kind is not None:
            for answer in self.answers:
                if answer.kind == kind:
                    return answer, 0.9, f"Your saved answer for “{answer.get_kind_display()}”."
        if field.field_type in ("free_text", "other_question") and _WHY_COMPANY.search(
            normalize(field.label)
        ):
            for answer in self.answers:
                if answer.kind == Answer.Kind.WHY_COMPANY:
                    # A similar question, not this one: the user confirms it fits.
                    return (
                        answer,
                        WEAK,
                        "Your saved answer to why you want to join a company: check it fits.",
                    )
        return None

    def _with_job(self, text: str) -> str | None:
        """The answer with {company} and {title} filled in; None when the job lacks them."""
        values = {
            "company": self.job.company if self.job else "",
            "title": self.job.title if self.job else "",
        }
        for name, value in values.items():
            if "{" + name + "}" in text:
                if not value:
                    return None
                text = text.replace("{" + name + "}", value)
        return text

    # -- the profile --

    def from_profile(self, field: FormField) -> _Proposal | _Missing:
        kind = field.field_type
        if kind in _PROFILE_TEXT:
            attribute, what = _PROFILE_TEXT[kind]
            return self._text(getattr(self.profile, attribute), what)
        if kind in _EEO_FIELDS:
            return self._eeo(kind)
        resolve = _RESOLVERS.get(kind)
        if resolve is None:
            return _Missing(_MISSING_NOTES.get(kind, _MISSING_NOTES["unknown"]))
        return resolve(self, field)

    def _text(self, value: str, what: str, source: str = "profile") -> _Proposal | _Missing:
        value = (value or "").strip()
        if not value:
            return _Missing(f"No value in your profile for {what}.")
        return _Proposal(value, value, EXACT, source, f"Your {what}, from your profile.")

    def _eeo(self, kind: str) -> _Proposal | _Missing:
        attribute, choices = _EEO_FIELDS[kind]
        code = getattr(self.profile, attribute)
        what = _EEO_NAMES[kind]
        if not code and kind == "hispanic_latino" and self.profile.race_ethnicity == "hispanic":
            return _Proposal("yes", "Yes", GOOD, "profile", "You gave Hispanic or Latino as race.")
        if not code:
            return _Missing(f"You have not answered {what} in your profile.")
        if code == DECLINE:
            return _Proposal(
                DECLINE, DECLINE_TEXT, EXACT, "profile", f"You chose not to disclose {what}."
            )
        label = str(dict(choices.choices)[code])
        return _Proposal(code, label, EXACT, "profile", f"From your profile: {label}.")

    def full_name(self, field: FormField) -> _Proposal | _Missing:
        if not (self.profile.first_name and self.profile.last_name):
            return _Missing("No first and last name in your profile.")
        return self._text(self.profile.full_name, "full name")

    def phone(self, field: FormField) -> _Proposal | _Missing:
        stored = self.profile.phone.strip()
        if not stored:
            return _Missing("No value in your profile for your phone number.")
        if _wants_national_phone(field):
            try:
                number = phonenumbers.parse(stored, None)
            except phonenumbers.NumberParseException:
                number = None
            if number is not None:
                national = phonenumbers.format_number(
                    number, phonenumbers.PhoneNumberFormat.NATIONAL
                )
                # The number is the profile's; the format is read from the field's hints.
                note = "Your phone number, without the country code."
                return _Proposal(national, national, GOOD, "profile", note)
        return _Proposal(stored, stored, EXACT, "profile", "Your phone number, from your profile.")

    def city(self, field: FormField) -> _Proposal | _Missing:
        if self.profile.city:
            return self._text(self.profile.city, "city")
        where = self.profile.current_location
        if "," in where:
            town = where.split(",")[0].strip()
            return _Proposal(town, town, GOOD, "profile", f"From your location “{where}”.")
        return _Missing("No value in your profile for your city.")

    def country(self, field: FormField) -> _Proposal | _Missing:
        if self.profile.country:
            code = self.profile.country.code
            name = self.profile.country.name
            return _Proposal(code, name, EXACT, "profile", f"Your country, {name}.")
        codes = places_in(self.profile.current_location) - {WORLDWIDE}
        if len(codes) == 1:
            code = next(iter(codes))
            name = countries.name(code)
            note = f"From your location “{self.profile.current_location}”."
            return _Proposal(code, name, GOOD, "profile", note)
        return _Missing("No value in your profile for your country.")

    def location(self, field: FormField) -> _Proposal | _Missing:
        if self.profile.current_location:
            return self._text(self.profile.current_location, "current location")
        parts = [
            self.profile.city,
            self.profile.state,
            self.profile.country.name if self.profile.country else "",
        ]
        if self.profile.city and (place := ", ".join(part for part in parts if part)):
            return _Proposal(place, place, GOOD, "profile", "From your city and country.")
        return _Missing("No value in your profile for where you live.")

    def resume(self, field: FormField) -> _Proposal | _Missing:
        if field.tag == "textarea" and self.profile.resume_text:
            text = self.profile.resume_text
            return _Proposal(text, text, GOOD, "profile", "The text of your resume.")
        if not self.profile.resume:
            return _Missing("No resume in your profile: upload one.")
        try:
            path = os.path.abspath(self.profile.resume.path)
        except NotImplementedError:  # a storage without local files
            return _Missing("Your resume is not stored on this machine.")
        if not os.path.isfile(path):
            return _Missing("Your resume file is missing: upload it again.")
        shown = self.profile.resume_name or os.path.basename(path)
        return _Proposal(path, path, EXACT, "profile", f"Your resume, {shown}.")

    def current_company(self, field: FormField) -> _Proposal | _Missing:
        if self.profile.current_company:
            return self._text(self.profile.current_company, "current company")
        if self.current_job:
            company = self.current_job.company
            return _Proposal(company, company, 0.9, "experience", "Your current position.")
        return _Missing("No current company in your profile or experience.")

    def current_title(self, field: FormField) -> _Proposal | _Missing:
        if self.profile.current_title:
            return self._text(self.profile.current_title, "current title")
        if self.current_job:
            title = self.current_job.title
            return _Proposal(title, title, 0.9, "experience", "Your current position.")
        return _Missing("No current title in your profile or experience.")

    def years_experience(self, field: FormField) -> _Proposal | _Missing:
        years = self.profile.years_experience
        if years is None:
            return _Missing("No value in your profile for your years of experience.")
        return _Proposal(years, str(years), EXACT, "profile", f"{years} years, from your profile.")

    def salary_expectation(self, field: FormField) -> _Proposal | _Missing:
        amount = self.profile.min_salary
        if amount is None:
            return _Missing("No salary expectation in your answer bank and no minimum salary.")
        currency = self.profile.salary_currency
        text = str(amount) if field.input_type == "number" else f"{amount:,} {currency}"
        # The minimum one would accept is a fair, if modest, expectation.
        note = f"Your minimum salary, {amount:,} {currency} a year."
        return _Proposal(amount, text, GOOD, "profile", note)

    def start_date(self, field: FormField) -> _Proposal | _Missing:
        today = timezone.localdate()
        earliest = self.profile.earliest_start_date
        notice = self.profile.notice_period.strip()
        if earliest and earliest >= today:
            text = _format_date(earliest, field)
            return _Proposal(text, text, EXACT, "profile", "Your earliest start date.")
        if notice and field.input_type not in ("date", "month"):
            return _Proposal(notice, notice, 0.9, "profile", "Your notice period.")
        end = _notice_end(notice, today) if notice else (today if earliest else None)
        if end is None:
            return _Missing("No start date or notice period in your profile.")
        text = _format_date(end, field)
        why = f"your notice period, {notice}" if notice else "your start date, which has passed"
        return _Proposal(text, text, GOOD, "profile", f"From {why}.")

    def work_authorization(self, field: FormField) -> _Proposal | _Missing:
        if not self.authorized:
            return _Missing("No countries you may work in are in your profile.")
        asked, where = _asked_countries(field, self.job)
        if not asked:
            return _Missing(
                "Hunter cannot tell which country this asks about; you may work in "
                f"{_names(self.authorized)}."
            )
        if asked <= self.authorized:
            sure = EXACT if where == "question" else GOOD
            return _Proposal(True, "Yes", sure, "profile", f"You may work in {_names(asked)}.")
        if not asked & self.authorized:
            # Read from what is missing in a list: the user confirms it.
            note = f"{_names(asked)} is not among the countries you may work in."
            return _Proposal(False, "No", WEAK, "profile", note)
        return _Missing(f"You may work in some of {_names(asked)} but not all: answer yourself.")

    def sponsorship(self, field: FormField) -> _Proposal | _Missing:
        needs = self.profile.needs_sponsorship
        if needs is not None:
            note = "You need visa sponsorship." if needs else "You need no visa sponsorship."
            return _Proposal(needs, "Yes" if needs else "No", EXACT, "profile", note)
        asked, _ = _asked_countries(field, self.job)
        if asked and self.authorized and asked <= self.authorized:
            note = f"You may work in {_names(asked)} without a visa."
            return _Proposal(False, "No", GOOD, "profile", note)
        return _Missing("No value in your profile for whether you need visa sponsorship.")

    def relocation(self, field: FormField) -> _Proposal | _Missing:
        willing = self.profile.willing_to_relocate
        if willing is None:
            return _Missing("No value in your profile for whether you would relocate.")
        note = "You are willing to relocate." if willing else "You would not relocate."
        return _Proposal(willing, "Yes" if willing else "No", EXACT, "profile", note)

    def _school(self) -> Education | _Missing:
        return self.education or _Missing("No education in your profile.")

    def education_school(self, field: FormField) -> _Proposal | _Missing:
        school = self._school()
        return school if isinstance(school, _Missing) else self._education(school.school, school)

    def education_degree(self, field: FormField) -> _Proposal | _Missing:
        school = self._school()
        return school if isinstance(school, _Missing) else self._education(school.degree, school)

    def education_field(self, field: FormField) -> _Proposal | _Missing:
        school = self._school()
        if isinstance(school, _Missing):
            return school
        return self._education(school.field_of_study, school)

    def graduation_date(self, field: FormField) -> _Proposal | _Missing:
        school = self._school()
        if isinstance(school, _Missing):
            return school
        if school.end_date is None:
            return _Missing(f"No end date for {school.school} in your profile.")
        if any(re.fullmatch(r"\s*\d{4}\s*", option) for option in field.options):
            text = str(school.end_date.year)
        else:
            text = _format_date(school.end_date, field)
        return _Proposal(text, text, EXACT, "education", f"When you finished at {school.school}.")

    def _education(self, value: str, school: Education) -> _Proposal | _Missing:
        if not value:
            return _Missing(f"Your education at {school.school} does not say this.")
        return _Proposal(value, value, EXACT, "education", f"Your education at {school.school}.")


def _question_match(label: str, question: str, job: Job | None) -> float:
    """How well a saved question's wording matches a field's label: the same words (after
    the job's company and title where it has {company} or {title}) 0.95, the same
    meaningful words in another order or with other filler 0.9, else 0."""
    heard = re.sub(r"\b(required|optional)$", "", normalize(label)).strip()
    if not heard or not question.strip():
        return 0.0
    if re.search(r"\{(company|title)\}", question):
        parts = [normalize(part) for part in re.split(r"\{(?:company|title)\}", question)]
        pattern = r"\s?.+?\s?".join(re.escape(part) for part in parts)
        if "".join(parts) and re.fullmatch(pattern, heard):
            return EXACT
        if job is None:
            return 0.0
        question = question.replace("{company}", job.company).replace("{title}", job.title)
    asked = normalize(question)
    if asked == heard:
        return EXACT
    meaningful = set(asked.split()) - _FILLER_WORDS
    if meaningful and meaningful == set(heard.split()) - _FILLER_WORDS:
        return 0.9
    return 0.0


def _asked_countries(field: FormField, job: Job | None) -> tuple[frozenset[str], str]:
    """The countries a work-permit question is about: named in it or its options, else
    where the job is. ("question" or "job" says which.)"""
    text = " ".join([field.label, *field.options])
    if text.isupper():  # "IN", "TO", "NO" in capitals are words, not countries
        text = text.lower()
    asked = places_in(text) - {WORLDWIDE}
    if asked:
        return asked, "question"
    if job is not None and job.location:
        asked = places_in(job.location) - {WORLDWIDE}
        if asked:
            return asked, "job"
    return frozenset(), ""


_PROFILE_TEXT: dict[str, tuple[str, str]] = {
    "first_name": ("first_name", "first name"),
    "last_name": ("last_name", "last name"),
    "preferred_name": ("preferred_name", "preferred name"),
    "pronouns": ("pronouns", "pronouns"),
    "email": ("email", "e-mail address"),
    "address": ("address", "address"),
    "state": ("state", "state or region"),
    "postal_code": ("postal_code", "postal code"),
    "linkedin": ("linkedin_url", "LinkedIn profile"),
    "github": ("github_url", "GitHub profile"),
    "twitter": ("twitter_url", "X / Twitter profile"),
    "website": ("website_url", "website"),
}
_RESOLVERS: dict[str, Callable[[_Facts, FormField], _Proposal | _Missing]] = {
    name: getattr(_Facts, name)
    for name in (
        "full_name", "phone", "city", "country", "location", "resume", "current_company",
        "current_title", "years_experience", "salary_expectation", "start_date",
        "work_authorization", "sponsorship", "relocation", "education_school",
        "education_degree", "education_field", "graduation_date",
    )
}  # fmt: skip
_MISSING_NOTES = {
    "cover_letter": (
        "No cover letter in your answer bank; the AI assistant can draft one for you to approve."
    ),
    "how_heard": "No answer in your answer bank for how you heard about the job.",
    "referrer_name": "No referrer in your answer bank.",
    "consent": "Hunter never agrees to anything for you: tick it yourself if you agree.",
    "free_text": ("No answer in your answer bank; write one, or ask the AI assistant for a draft."),
    "other_question": (
        "No answer in your answer bank; write one, or ask the AI assistant for a draft."
    ),
    "unknown": "Hunter could not tell what this asks.",
}
