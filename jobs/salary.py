"""Salaries: parse what postings say ("$120K", "£45k–£55k per annum") into numbers."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal, cast

Period = Literal["hour", "day", "week", "month", "year"]

# How many of each period make a year, for comparing pay across periods.
PERIODS_PER_YEAR: dict[str, int] = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


@dataclass(frozen=True)
class Salary:
    """Pay in the currency's units: `min`, and `max` (None for a single figure)."""

    min: Decimal
    max: Decimal | None
    currency: str | None
    period: Period = "year"

    @property
    def annual_min(self) -> int:
        return round(self.min * PERIODS_PER_YEAR[self.period])

    @property
    def annual_max(self) -> int | None:
        return None if self.max is None else round(self.max * PERIODS_PER_YEAR[self.period])


# --- Amounts: "$120K", "CA$121.5K", "USD 150,000", "120.000 €", "₹12,00,000" ---------------

CURRENCY_CODES = [
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "INR", "SGD",
    "HKD", "PLN", "CZK", "HUF", "RON", "BRL", "MXN", "ZAR", "CNY", "ILS", "AED", "KRW", "TRY",
]  # fmt: skip

# Longest first, so "CA$" wins over "A$" and "$".
CURRENCY_SYMBOLS = {
    "US$": "USD",
    "CAD$": "CAD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "SG$": "SGD",
    "S$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₩": "KRW",
    "₪": "ILS",
    "zł": "PLN",
    "kr.": "kr",  # Swedish, Norwegian or Danish: the rest of the text has to say which
    "kr": "kr",
}

MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000}
MULTIPLIERS |= {"mil": 1_000_000, "million": 1_000_000, "l": 100_000, "lakh": 100_000}
MULTIPLIERS |= {"lakhs": 100_000, "lac": 100_000, "lacs": 100_000}
MULTIPLIERS |= {"cr": 10_000_000, "crore": 10_000_000, "crores": 10_000_000}

_CURRENCY = "|".join([*CURRENCY_CODES, *(re.escape(symbol) for symbol in CURRENCY_SYMBOLS)])

# A figure ends where its digits do: "15.4%" must not be read as "15" followed by ".4%".
_FIGURE_END = r"(?![\d]|[.,'’]\d)"

AMOUNT = re.compile(
    rf"""
    (?:
        (?<![A-Za-z])(?P<before>{_CURRENCY})\s?     # "USD 150,000", "CA$121.5K"
      | (?<![\w.,'’])                              # or a bare figure starting a word ("A04" is not)
    )
    (?P<figure>
        \d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?:,\d{{1,2}})?{_FIGURE_END}   # "45 000" (French)
      | \d+(?:[,.'’]\d+)*{_FIGURE_END}                                    # everything else
    )
    (?:\s?(?P<multiplier>
        (?i:k|thousand|mm?|mn|mil(?:lion)?|lakhs?|lacs?|crores?|cr)(?![A-Za-z])
      | (?i:l)(?=(?i:pa)(?![A-Za-z]))              # "12 LPA": lakhs per annum
    ))?
    (?:\s?(?P<after>{_CURRENCY})(?![A-Za-z]|\s?\d))?   # "120.000 €", "70-90k EUR"
    (?!\s?%)                                       # "13% Super", "100% remote"
    """,
    re.VERBOSE,
)

# --- Periods: "/hr", "per annum", "p.a.", "hourly", "brutto/Jahr" -------------------------

# For each period: (units that follow "per", "a", "/"..., short units after "/" only,
# words that say the period on their own).
_PERIOD_FORMS: dict[str, tuple[str, str, str]] = {
    "hour": (
        r"hours?|hrs?|stunden?|heures?|timme",
        r"h|std",
        r"hourly|p\.?h\.?|p/h|stündlich",
    ),
    "day": (r"days?|tag|jour|dag", r"d", r"daily|p\.?d\.?|p/d|day\s+rate|täglich"),
    "week": (r"weeks?|wks?|woche|semaine|vecka|uge", r"w", r"weekly|p\.?w\.?|p/w|wöchentlich"),
    "month": (
        r"months?|mo|mths?|mnth|monat|mois|månad|måned|maand",
        r"m|mån|md|mnd",
        r"monthly|pcm|p\.?m\.?|p/m|monatlich|mensuel",
    ),
    "year": (
        r"years?|yrs?|annum|anno|jahr|an|år|jaar",
        r"y|a",
        r"yearly|annual(?:ly)?|p\.?a\.?|p/a|jährlich|annuel",
    ),
}
_PERIOD = "|".join(
    rf"(?P<{period}>(?<![a-z])(?:per|a|an|each|every|pro|par|im)\s+(?:{units})"
    rf"|/\s*(?:{units}|{short})|(?<![a-z])(?:{words}))"
    for period, (units, short, words) in _PERIOD_FORMS.items()
)
PERIOD = re.compile(rf"(?:{_PERIOD})(?![a-z])", re.IGNORECASE)

# What may stand between the two ends of a range, "£45k pa - £55k pa" included.
RANGE_JOIN = re.compile(
    rf"(?:\s*(?:{_PERIOD})(?![a-z]))?\s*(?:[-‐‑‒–—―~_]+|to|and|bis|à)\s*", re.IGNORECASE
)

# A figure with neither currency nor "k" counts only when a period follows it at once
# ("1800+ Weekly", "40000-60000 per Year"), never from farther away ("3 days per week").
PERIOD_RIGHT_AFTER = re.compile(rf"[\s+]*(?:{_PERIOD})(?![a-z])", re.IGNORECASE)

# ...or when the text has just said it is pay: "Salary: 45000-55000".
PAY_WORD_BEFORE = re.compile(
    r"(?:salary|pay|compensation|remuneration|wages?|rate|package|base|ote|gehalt|salaire)"
    r"\b[^\d]{0,25}$",
    re.IGNORECASE,
)

# Money that is not the salary: "$5,000 signing bonus", "raised $50M".
NOT_PAY_AFTER = re.compile(
    r"\s*(?:(?:sign(?:ing|-on)|joining|relocation|referral|retention|annual|performance|target|"
    r"learning|home[- ]office|wellness|equipment)\s+)?"
    r"(?:bonus|stipend|allowance|budget|reimbursement|relocation|equity|rsus?|funding|"
    r"in\s+(?:equity|funding|revenue)|series\s+[a-f]|valuation|revenue|arr)\b",
    re.IGNORECASE,
)
NOT_PAY_BEFORE = re.compile(
    r"(?:(?:bonus|stipend|allowance|budget)\s+(?:of\s+)?(?:up\s+to\s+)?|"
    r"(?:raised|secured|funding\s+of|valued\s+at)\s+(?:over\s+)?)$",
    re.IGNORECASE,
)

# Between ~500 and 10,000 the figure alone cannot tell a day rate from a monthly salary.
CONTRACT_WORDS = re.compile(r"\b(?:contract(?:or)?|freelance|consultant|day rate)\b", re.I)

KRONA_COUNTRIES = {
    "SEK": re.compile(r"swed|sverige|stockholm|göteborg|gothenburg|malmö|uppsala|/mån", re.I),
    "NOK": re.compile(r"norw|norge|oslo|bergen|trondheim|stavanger|/mnd", re.I),
    "DKK": re.compile(r"denmark|danish|danmark|copenhagen|københavn|aarhus|odense", re.I),
}

HTML_TAG = re.compile(r"<[^>]+>")
DIGIT = re.compile(r"\d")
# Room around a figure in which words still speak of it.
NEARBY = 40


@dataclass(frozen=True)
class _Amount:
    """One figure as written, before it is known to be pay."""

    figure: Decimal
    multiplier: int  # 1000 for "120K", 1 when none is written
    currency: str | None
    start: int
    end: int

    @property
    def value(self) -> Decimal:
        return self.figure * self.multiplier

    @property
    def multiplied(self) -> bool:
        return self.multiplier != 1


def parse_salary(text: str | None) -> Salary | None:
    """The salary a posting's text states, or None when it states none ("Competitive").

    The first figure or range that reads as pay wins: it carries a currency, a "k"/"M",
    or a period right after it ("1800+ Weekly"). Percentages, years of experience,
    "401(k)", dates and bonuses are not pay. "Up to $90k" and "from €50k" give that
    one figure as `min`. A range written high-low is swapped; a range whose ends are
    equal is a single figure (max None). Without a stated period, amounts under 500
    are hourly, 10,000 and over yearly, and in between a day rate (under 1,500 or
    when the text mentions contracting) or otherwise monthly.
    """
    if not text:
        return None
    text = _plain(text)
    amounts = [_amount(match) for match in AMOUNT.finditer(text)]
    for low, high in _pairs(text, amounts):
        salary = _salary(text, low, high)
        if salary is not None:
            return salary
    return None


def _plain(text: str) -> str:
    """Text without tags or entities, so "$120,000&nbsp;&ndash;&nbsp;$140,000" reads."""
    return html.unescape(HTML_TAG.sub(" ", text)).replace("\u00a0", " ")


def _amount(match: re.Match[str]) -> _Amount:
    written = match["multiplier"]
    figure = _decimal(match["figure"], multiplied=written is not None)
    multiplier = MULTIPLIERS[written.lower()] if written else 1
    symbol = match["before"] or match["after"]
    currency = CURRENCY_SYMBOLS.get(symbol, symbol) if symbol else None
    return _Amount(figure, multiplier, currency, match.start(), match.end())


def _decimal(figure: str, *, multiplied: bool) -> Decimal:
    """A written figure's number: "80,000" and "60.000" group thousands, "25.50" and
    "45,50" have cents, "1.2" in "1.2M" is a fraction; apostrophes and spaces always group."""
    figure = re.sub(r"['’\s]", "", figure)
    if "," in figure and "." in figure:
        # The later mark is the decimal one: "1,266.18" and "1.266,18".
        point = "." if figure.rfind(".") > figure.rfind(",") else ","
        grouping = "," if point == "." else "."
        figure = figure.replace(grouping, "").replace(point, ".")
    elif "," in figure or "." in figure:
        mark = "," if "," in figure else "."
        parts = figure.split(mark)
        # One mark followed by three digits groups thousands, unless a "k"/"M" follows:
        # "1.125M" is a fraction. Several marks always group ("12,00,000" in India).
        is_grouping = len(parts) > 2 or (len(parts[1]) == 3 and not multiplied)
        figure = "".join(parts) if is_grouping else ".".join(parts)
    return Decimal(figure)


def _pairs(text: str, amounts: list[_Amount]) -> list[tuple[_Amount, _Amount | None]]:
    """Amounts in order, two joined by "-", "to" or "–" taken together as a range."""
    pairs: list[tuple[_Amount, _Amount | None]] = []
    index = 0
    while index < len(amounts):
        low = amounts[index]
        high = amounts[index + 1] if index + 1 < len(amounts) else None
        if high is not None and RANGE_JOIN.fullmatch(text, low.end, high.start):
            pairs.append((low, high))
            index += 2
        else:
            pairs.append((low, None))
            index += 1
    return pairs


def _salary(text: str, low: _Amount, high: _Amount | None) -> Salary | None:
    """The pay a figure or range states, or None when it is some other number."""
    start, end = low.start, (high or low).end
    if NOT_PAY_AFTER.match(text, end) or NOT_PAY_BEFORE.search(_before(text, start)):
        return None
    minimum, maximum = low.value, None if high is None else high.value
    if high is not None and high.multiplied and not low.multiplied:
        # "$150-200k" and "100 to $120K": the "k" belongs to both ends.
        scaled = minimum * high.multiplier
        minimum = scaled if scaled <= high.value else minimum
    if high is not None and maximum is not None and not _is_believable_range(low, minimum, maximum):
        return _salary(text, high, None)
    if not _reads_as_pay(text, [low] if high is None else [low, high], max(minimum, maximum or 0)):
        return None
    if maximum is not None and maximum < minimum:
        minimum, maximum = maximum, minimum
    if maximum == minimum:
        maximum = None
    period = _period(text, start, end, max(minimum, maximum or 0))
    if (maximum or minimum) * PERIODS_PER_YEAR[period] < 1000:  # "5pm", "2 a day"
        return None
    return Salary(
        _tidy(minimum),
        None if maximum is None else _tidy(maximum),
        _currency(text, low, high),
        period,
    )


def _before(text: str, start: int) -> str:
    """The few words just before a figure."""
    return text[max(0, start - NEARBY) : start]


def _tidy(amount: Decimal) -> Decimal:
    """Whole amounts without a trailing ".0" ("$1.2M" is 1200000), cents kept ("25.50")."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _is_believable_range(low: _Amount, minimum: Decimal, maximum: Decimal) -> bool:
    """A bare figure is the low end only when near the high one: "Grade 4 - $75k" is not
    4,000 to 75,000."""
    if low.currency or low.multiplied or minimum == 0:
        return True
    return minimum * 5 >= maximum


def _reads_as_pay(text: str, amounts: list[_Amount], largest: Decimal) -> bool:
    """Whether figures are pay rather than a count, a year or a phone number."""
    if any(amount.currency is not None or amount.multiplied for amount in amounts):
        return True
    if PERIOD_RIGHT_AFTER.match(text, amounts[-1].end):
        return True
    is_calendar_year = 1900 <= largest <= 2100 and largest == largest.to_integral_value()
    said_pay = PAY_WORD_BEFORE.search(_before(text, amounts[0].start)) is not None
    return largest >= 1000 and not is_calendar_year and said_pay


def _period(text: str, start: int, end: int, largest: Decimal) -> Period:
    """The period written just after the figure, else just before it, else a guess from
    its size."""
    # A window stops at the next figure: in "$500, 3 days a week" the week is not the pay's.
    after = PERIOD.search(DIGIT.split(text[end : end + NEARBY])[0])
    if after:
        return cast(Period, after.lastgroup)
    before = list(PERIOD.finditer(DIGIT.split(_before(text, start))[-1]))
    if before:
        return cast(Period, before[-1].lastgroup)
    if largest < 500:
        return "hour"
    if largest >= 10_000:
        return "year"
    # Between the two, a period stated anywhere in the text is better than a guess.
    anywhere = PERIOD.search(text)
    if anywhere:
        return cast(Period, anywhere.lastgroup)
    return "day" if largest < 1500 or CONTRACT_WORDS.search(text) else "month"


def _currency(text: str, low: _Amount, high: _Amount | None) -> str | None:
    """An ISO code if either end has one, else the symbol's; "kr" needs the country."""
    written = [amount.currency for amount in (low, high) if amount and amount.currency is not None]
    if not written:
        return None
    # A plain "$" is only a guess at USD: "CA$100k - $120k" is in Canadian dollars.
    currency = next((code for code in written if code != "USD"), written[0])
    if currency == "kr":
        countries = [code for code, hint in KRONA_COUNTRIES.items() if hint.search(text)]
        return countries[0] if len(countries) == 1 else None
    return currency


def positive_amount(value: object) -> Decimal | None:
    """A positive amount from structured pay (a JSON number or numeric text such as
    "85000.0" or "85,000"); None for 0, null, booleans or junk."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(re.sub(r"[\s,_]", "", str(value)))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount > 0 else None
