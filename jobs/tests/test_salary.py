from __future__ import annotations

from decimal import Decimal

import pytest

from jobs.salary import Period, Salary, parse_salary


def salary(low: str, high: str | None, currency: str | None, period: Period = "year") -> Salary:
    return Salary(Decimal(low), None if high is None else Decimal(high), currency, period)


PARSED = [
    # Figures with K and M.
    ("$120K", salary("120000", None, "USD")),
    ("$75k - $105k", salary("75000", "105000", "USD")),
    ("$1.2M", salary("1200000", None, "USD")),
    ("$150-200k/year", salary("150000", "200000", "USD")),
    ("70-90k EUR", salary("70000", "90000", "EUR")),
    ("€60-100k", salary("60000", "100000", "EUR")),
    ("$120k-$150k + equity", salary("120000", "150000", "USD")),
    ("192K-264K Annually", salary("192000", "264000", None)),
    # Thousands separators, US, European, Swiss, Indian, French.
    ("$80,000 - $100,000", salary("80000", "100000", "USD")),
    ("€60.000 - €70.000", salary("60000", "70000", "EUR")),
    ("CHF 120'000", salary("120000", None, "CHF")),
    ("₹12,00,000 - ₹18,00,000", salary("1200000", "1800000", "INR")),
    ("45 000 € par an", salary("45000", None, "EUR")),
    ("120.000 € brutto/Jahr", salary("120000", None, "EUR")),
    # Range joiners: hyphen, en and em dashes, "to", "and".
    ("£45k–£55k per annum", salary("45000", "55000", "GBP")),
    ("$100k — $120k", salary("100000", "120000", "USD")),
    ("$90,000 to $110,000", salary("90000", "110000", "USD")),
    ("between $90k and $110k", salary("90000", "110000", "USD")),
    ("USD 150,000–180,000/yr", salary("150000", "180000", "USD")),
    ("$100,000 - 120,000 a year", salary("100000", "120000", "USD")),
    ("100 to $120K", salary("100000", "120000", "USD")),
    # Single figures.
    ("up to $90,000", salary("90000", None, "USD")),
    ("from €50k", salary("50000", None, "EUR")),
    ("$53000 per annum", salary("53000", None, "USD")),
    ("$73,796pa", salary("73796", None, "USD")),
    # Currencies other than a plain dollar.
    ("CA$121.5K – CA$166.6K • Offers Equity", salary("121500", "166600", "CAD")),
    ("A$90k - A$110k", salary("90000", "110000", "AUD")),
    ("$150K–$200K USD", salary("150000", "200000", "USD")),
    ("¥6,000,000", salary("6000000", None, "JPY")),
    ("NZ$95,000", salary("95000", None, "NZD")),
    # Hours, days, weeks and months.
    ("$50/hr", salary("50", None, "USD", "hour")),
    ("$25.50/hr", salary("25.50", None, "USD", "hour")),
    ("$45 - $55 per hour", salary("45", "55", "USD", "hour")),
    ("$35-$40/h + super", salary("35", "40", "USD", "hour")),
    ("$40.01 ph", salary("40.01", None, "USD", "hour")),
    ("€45,50/h", salary("45.50", None, "EUR", "hour")),
    ("£400-£500 per day", salary("400", "500", "GBP", "day")),
    ("$1,266.18 to $1,349.08 per week", salary("1266.18", "1349.08", "USD", "week")),
    ("1800+ Weekly", salary("1800", None, None, "week")),
    ("$8,000/month", salary("8000", None, "USD", "month")),
    ("S$6,000 per month", salary("6000", None, "SGD", "month")),
    ("€3.500 brutto monatlich", salary("3500", None, "EUR", "month")),
    # Salaries inside sentences and markup.
    (
        "The base salary range for this role is $150,000 - $180,000 USD.",
        salary("150000", "180000", "USD"),
    ),
    (
        "<p>Salary: <strong>$120,000&nbsp;&ndash;&nbsp;$140,000</strong> per year</p>",
        salary("120000", "140000", "USD"),
    ),
    ("Band 7 ($90,632 - $100,666 pa)", salary("90632", "100666", "USD")),
    ("5+ years of experience; $130k base, 401(k)", salary("130000", None, "USD")),
    ("100% remote, £60k", salary("60000", None, "GBP")),
    ("Salary: 45000-55000", salary("45000", "55000", None)),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_salary_reads_the_posting(text: str, expected: Salary) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Competitive",
        "DOE",
        "",
        "5+ years of experience",
        "401(k) matching",
        "100% remote",
        "13% Super",
        "Call 555-123-4567",
        "Posted 2024-01-15",
        "2 days a week in the office",
        "9am-5pm, Monday to Friday",
        "A04 level",
        "Salary review in 2025",
    ],
)
def test_text_without_pay_gives_none(text: str) -> None:
    assert parse_salary(text) is None


def test_none_gives_none() -> None:
    assert parse_salary(None) is None


def test_a_range_written_high_to_low_is_swapped() -> None:
    assert parse_salary("$200k-$150k") == salary("150000", "200000", "USD")


def test_a_range_with_equal_ends_is_a_single_figure() -> None:
    assert parse_salary("$150,000 – $150,000") == salary("150000", None, "USD")


def test_the_first_salary_in_the_text_wins() -> None:
    text = "$67k - $73k pa (Level 4) plus salary packaging to $18,000pa"
    assert parse_salary(text) == salary("67000", "73000", "USD")


def test_a_signing_bonus_is_not_the_salary() -> None:
    assert parse_salary("$5,000 signing bonus, then $140k") == salary("140000", None, "USD")


def test_a_grade_number_is_not_the_low_end_of_a_range() -> None:
    assert parse_salary("Grade 4 - $75k") == salary("75000", None, "USD")


def test_small_amounts_without_a_period_are_hourly() -> None:
    assert parse_salary("$25 - $27") == salary("25", "27", "USD", "hour")


def test_large_amounts_without_a_period_are_yearly() -> None:
    assert parse_salary("$169,725 - $200,540") == salary("169725", "200540", "USD")


def test_middling_amounts_without_a_period_are_monthly() -> None:
    assert parse_salary("$4,500 - $5,500") == salary("4500", "5500", "USD", "month")


def test_middling_amounts_for_a_contract_are_a_day_rate() -> None:
    assert parse_salary("£2,000 contract role") == salary("2000", None, "GBP", "day")


def test_a_period_before_the_figure_counts() -> None:
    assert parse_salary("Hourly rate: $30") == salary("30", None, "USD", "hour")


def test_kronor_take_their_currency_from_the_country() -> None:
    assert parse_salary("45 000 kr/mån, Stockholm") == salary("45000", None, "SEK", "month")


def test_kronor_without_a_country_have_no_currency() -> None:
    assert parse_salary("45 000 kr") == salary("45000", None, None)


def test_annual_amounts_scale_an_hourly_rate() -> None:
    pay = parse_salary("$45 - $55 per hour")
    assert pay is not None
    assert (pay.annual_min, pay.annual_max) == (93_600, 114_400)


def test_annual_amounts_scale_a_monthly_salary() -> None:
    pay = parse_salary("$8,000/month")
    assert pay is not None
    assert (pay.annual_min, pay.annual_max) == (96_000, None)


def test_annual_amounts_round_cents_to_whole_units() -> None:
    pay = parse_salary("$25.50/hr")
    assert pay is not None
    assert pay.annual_min == 53_040


def test_annual_amounts_of_a_yearly_salary_are_unchanged() -> None:
    pay = parse_salary("£45k–£55k per annum")
    assert pay is not None
    assert (pay.annual_min, pay.annual_max) == (45_000, 55_000)
