from __future__ import annotations

import itertools
import json
from dataclasses import dataclass

import pytest

from jobs.matching import (
    KEYWORD_WEIGHT,
    LOCATION_WEIGHT,
    TITLE_WEIGHT,
    Preferences,
    ScoreBreakdown,
    compute_keyword_score,
    compute_location_score,
    compute_match_score,
    compute_title_similarity,
    html_text,
    places_in,
    score_jobs,
)


@dataclass
class Posting:
    title: str
    description: str | None
    location: str
    is_remote: bool


def keywords_part(keywords: tuple[str, ...], *, title: str = "", text: str = ""):
    return compute_keyword_score(Preferences(keywords=keywords), title=title, text=text)


def title_part(desired: tuple[str, ...], title: str):
    return compute_title_similarity(Preferences(desired_titles=desired), title=title)


def location_part(location: str, is_remote: bool = False, **preferences):
    return compute_location_score(
        Preferences(**preferences), location=location, is_remote=is_remote
    )


def test_weights_add_up_to_100():
    assert KEYWORD_WEIGHT + TITLE_WEIGHT + LOCATION_WEIGHT == 100


# --- html_text ---------------------------------------------------------------------------

HTML_CASES = [
    pytest.param("<p>Build <b>APIs</b> in Python</p>", "Build APIs in Python", id="tags-go"),
    pytest.param("<ul><li>Python</li><li>Django</li></ul>", "Python Django", id="items-apart"),
    pytest.param("<p>a</p><script>var python = 1;</script><p>b</p>", "a b", id="script-dropped"),
    pytest.param("<STYLE type='text/css'>p{}</STYLE>text", "text", id="style-dropped"),
    pytest.param("before<!-- python -->after", "before after", id="comment-dropped"),
    pytest.param("R&amp;D &ndash; caf&eacute; &#39;ok&#39;", "R&D – café 'ok'", id="entities"),
    pytest.param("a&nbsp;b", "a b", id="nbsp-is-a-space"),
    pytest.param("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>", id="escaped-tags-stay-text"),
    pytest.param('<a href="https://python.org">docs</a>', "docs", id="attributes-go"),
    pytest.param("  <p>\n  spaced \n\n out </p>  ", "spaced out", id="whitespace-collapsed"),
    pytest.param("", "", id="empty"),
]


@pytest.mark.parametrize(("html", "text"), HTML_CASES)
def test_html_text_keeps_only_the_readable_words(html, text):
    assert html_text(html) == text


# --- Keywords ----------------------------------------------------------------------------

KEYWORD_CASES = [
    pytest.param(("python",), "", "We use Python.", 0.5, id="once-in-text-is-half"),
    pytest.param(("python",), "", "Python and more python", 0.75, id="twice-is-three-quarters"),
    pytest.param(("python",), "Python Engineer", "", 0.75, id="title-hit-counts-double"),
    pytest.param(("python",), "Python Engineer", "python", 0.875, id="title-and-text"),
    pytest.param(("Python",), "", "PYTHON", 0.5, id="case-insensitive"),
    pytest.param(("python",), "", "python3 and pythonic code", 0.0, id="whole-words-only"),
    pytest.param(("java",), "", "JavaScript everywhere", 0.0, id="java-not-in-javascript"),
    pytest.param(("machine learning",), "", "machine-learning", 0.5, id="phrase-with-hyphen"),
    pytest.param(("machine learning",), "", "machine\n learning", 0.5, id="phrase-over-lines"),
    pytest.param(("c",), "", "C++ and C# only", 0.0, id="c-not-in-c++-or-c#"),
    pytest.param(("c++",), "", "Modern C++, Rust", 0.5, id="symbols-in-keywords"),
    pytest.param((".net",), "", "ASP.NET or .NET", 0.5, id="dot-net-alone"),
    pytest.param(("go",), "", "a go-getter", 0.5, id="hyphen-ends-a-word"),
    pytest.param(("python", "rust"), "", "python", 0.25, id="mean-over-keywords"),
    pytest.param(("react", "react native"), "", "React Native", 0.5, id="phrase-and-its-word"),
    pytest.param(("Python", "python"), "", "python", 0.5, id="duplicates-count-once"),
    pytest.param(("python",), "", "x " * 50 + "python " * 20, 1.0, id="repeats-approach-one"),
]


@pytest.mark.parametrize(("keywords", "title", "text", "fraction"), KEYWORD_CASES)
def test_keyword_fraction_follows_the_rules(keywords, title, text, fraction):
    assert keywords_part(keywords, title=title, text=text).fraction == pytest.approx(
        fraction, abs=0.001
    )


def test_keyword_points_are_the_weight_times_the_fraction():
    part = keywords_part(("python", "rust"), text="python")
    assert (part.weight, part.points) == (40, 10)


def test_keyword_reason_says_how_often_and_where():
    part = keywords_part(("python",), title="Python Engineer", text="python, Python")
    assert part.reasons == ("Mentions python (3×, once in the title)",)


def test_keyword_reason_names_keywords_not_found():
    part = keywords_part(("Python", "Rust", "Go"), text="python")
    assert part.reasons == ("Mentions Python (once)", "Does not mention Rust, Go")


def test_keyword_reason_says_when_nothing_was_found():
    assert keywords_part(("rust",), text="python").reasons == ("No keyword found",)


def test_no_keywords_score_zero_and_ask_for_some():
    part = keywords_part((), text="python")
    assert part.fraction == 0
    assert part.reasons == ("Add keywords to your profile to score by them",)


# --- Title -------------------------------------------------------------------------------

TITLE_CASES = [
    pytest.param("Senior Software Engineer", "Sr. SWE", 1.0, id="abbreviations"),
    pytest.param("ML Engineer", "Machine Learning Engineer", 1.0, id="ml"),
    pytest.param("AI Engineer", "Artificial Intelligence Engineer", 1.0, id="ai"),
    pytest.param("Backend Engineer", "Back-End Developer", 1.0, id="developer-is-engineer"),
    pytest.param("Frontend Engineer", "Front End Dev", 1.0, id="front-end"),
    pytest.param("Full Stack Developer", "Full-Stack Engineer", 1.0, id="full-stack"),
    pytest.param("Site Reliability Engineer", "SRE II", 1.0, id="sre-and-level"),
    pytest.param("Product Manager", "Senior PM", 1.0, id="pm"),
    pytest.param("QA Engineer", "Quality Assurance Engineer", 1.0, id="qa"),
    pytest.param("Backend Engineer", "Staff Backend Engineer", 1.0, id="levels-ignored"),
    pytest.param("Software Engineer", "Software Engineer (m/w/d)", 1.0, id="gender-marker"),
    pytest.param("Backend Engineer", "Remote Backend Engineer", 1.0, id="fillers-ignored"),
    pytest.param("Backend Engineer", "Backend Engineer, Payments", 0.9, id="extra-word"),
    pytest.param("Backend Engineer", "Engineer", 0.583, id="missing-word"),
    pytest.param("Backend Engineer", "Frontend Engineer", 0.5, id="half-the-words"),
    pytest.param("Backend Engineer", "Product Designer", 0.0, id="unrelated"),
    pytest.param("Backend Engineer", "", 0.0, id="no-title"),
]


@pytest.mark.parametrize(("desired", "title", "fraction"), TITLE_CASES)
def test_title_similarity_follows_the_rules(desired, title, fraction):
    assert title_part((desired,), title).fraction == pytest.approx(fraction, abs=0.001)


def test_containing_the_desired_title_scores_high_despite_extra_words():
    part = title_part(("Backend Engineer",), "Senior Backend Engineer, Payments Platform Team")
    assert part.fraction >= 0.75


def test_title_is_compared_with_the_closest_desired_title():
    part = title_part(("Product Designer", "Data Engineer", "Backend Engineer"), "Backend Dev")
    assert part.fraction == 1
    assert part.reasons == ('Title matches "Backend Engineer"',)


def test_title_reason_says_close_to():
    part = title_part(("Backend Engineer",), "Backend Engineer, Payments")
    assert part.reasons == ('Title close to "Backend Engineer"',)


def test_title_reason_names_the_shared_words():
    part = title_part(("Backend Engineer",), "Frontend Engineer")
    assert part.reasons == ('Title shares engineer with "Backend Engineer"',)


def test_title_reason_says_unlike():
    assert title_part(("Backend Engineer",), "Product Designer").reasons == (
        'Title unlike "Backend Engineer"',
    )


def test_no_desired_titles_score_zero_and_ask_for_some():
    part = title_part((), "Backend Engineer")
    assert part.fraction == 0
    assert part.reasons == ("Add desired titles to your profile to score by them",)


# --- Location ----------------------------------------------------------------------------

BERLIN = {"locations": ("Berlin",)}
SEATTLE_HYBRID = {"locations": ("Seattle",), "remote_preference": "hybrid"}

LOCATION_CASES = [
    # Places, with no remote preference.
    pytest.param({}, "Berlin, Germany", False, 1.0, id="no-locations-any-place"),
    pytest.param(BERLIN, "Berlin, Germany", False, 1.0, id="city-matches"),
    pytest.param(BERLIN, "berlin", False, 1.0, id="case-insensitive"),
    pytest.param(BERLIN, "Berlingen", False, 0.0, id="whole-words-only"),
    pytest.param(BERLIN, "Munich, Germany", False, 0.0, id="other-city"),
    pytest.param({"locations": ("Berlin, Germany",)}, "Munich, Germany", False, 0.0,
                 id="same-country-is-not-the-city"),
    pytest.param({"locations": ("Germany",)}, "Munich, DE", False, 1.0, id="country-wide"),
    pytest.param({"locations": ("Europe",)}, "Paris, France", False, 1.0, id="region-wide"),
    pytest.param({"locations": ("CA",)}, "Chicago, IL", False, 0.0, id="ca-not-in-chicago"),
    pytest.param({"locations": ("NYC",)}, "New York, NY", False, 1.0, id="nyc"),
    pytest.param(BERLIN, "", False, 0.5, id="no-location-given"),
    # Remote, and for whom.
    pytest.param({"countries": ("US",)}, "Remote - US", False, 1.0, id="remote-in-my-country"),
    pytest.param({"countries": ("DE",)}, "Remote - US", False, 0.3, id="remote-elsewhere"),
    pytest.param({"countries": ("DE",)}, "Remote (Europe)", False, 1.0, id="remote-in-region"),
    pytest.param({"countries": ("US",)}, "US-Remote", False, 1.0, id="region-first"),
    pytest.param({"countries": ("US",)}, "Remote, Canada", False, 0.3, id="remote-canada"),
    pytest.param({"countries": ("US",)}, "Remote - CA", False, 0.3, id="ca-alone-is-canada"),
    pytest.param({"countries": ("US",)}, "Remote - San Francisco, CA", False, 1.0,
                 id="ca-after-a-city-is-california"),
    pytest.param({"countries": ("GB",)}, "Remote - United Kingdom", False, 1.0, id="uk"),
    pytest.param({"countries": ("UK",)}, "Remote (UK only)", False, 1.0, id="uk-as-country"),
    pytest.param({"countries": ("DE",)}, "Remote - Worldwide", False, 1.0, id="worldwide"),
    pytest.param({"countries": ("DE",)}, "Anywhere", False, 1.0, id="anywhere"),
    pytest.param({"countries": ("DE",)}, "", True, 1.0, id="remote-flag"),
    pytest.param({"countries": ("DE",)}, "Work from home", False, 1.0, id="work-from-home"),
    pytest.param(BERLIN, "Remote - Berlin", False, 1.0, id="remote-in-my-city"),
    pytest.param({}, "Remote - US", False, 1.0, id="remote-region-unknown-user"),
    # The remote preference.
    pytest.param({"remote_preference": "remote"}, "Remote", False, 1.0, id="remote-for-remote"),
    pytest.param({**BERLIN, "remote_preference": "remote"}, "Berlin", False, 0.1,
                 id="on-site-in-my-city-for-remote"),
    pytest.param({"remote_preference": "remote"}, "Berlin", False, 0.0, id="on-site-for-remote"),
    pytest.param({"remote_preference": "remote"}, "", False, 0.0, id="unmarked-for-remote"),
    pytest.param({**BERLIN, "remote_preference": "onsite"}, "Remote", False, 0.5,
                 id="remote-for-on-site"),
    pytest.param({**BERLIN, "remote_preference": "onsite"}, "Berlin", False, 1.0,
                 id="on-site-for-on-site"),
    pytest.param({"countries": ("DE",), "remote_preference": "onsite"}, "Remote - US", False,
                 0.3, id="remote-elsewhere-for-on-site"),
    pytest.param(SEATTLE_HYBRID, "Hybrid - Seattle, WA", True, 1.0, id="hybrid-for-hybrid"),
    pytest.param(SEATTLE_HYBRID, "Remote", False, 0.6, id="remote-for-hybrid"),
    pytest.param(SEATTLE_HYBRID, "Seattle, WA", False, 0.8, id="on-site-for-hybrid"),
    pytest.param(SEATTLE_HYBRID, "Hybrid - Portland, OR", False, 0.0, id="hybrid-elsewhere"),
    pytest.param({"remote_preference": "hybrid"}, "Hybrid - Portland, OR", False, 1.0,
                 id="hybrid-anywhere"),
]  # fmt: skip


@pytest.mark.parametrize(("preferences", "location", "is_remote", "fraction"), LOCATION_CASES)
def test_location_fraction_follows_the_rules(preferences, location, is_remote, fraction):
    part = location_part(location, is_remote, **preferences)
    assert part.fraction == pytest.approx(fraction)


def test_hybrid_in_the_location_wins_over_the_remote_flag():
    part = location_part("Hybrid - Portland, OR", True, remote_preference="remote")
    assert part.fraction == 0
    assert part.reasons == ("Hybrid, you prefer remote",)


def test_location_reason_names_the_matching_location():
    assert location_part("Berlin", **BERLIN).reasons == ('Berlin matches your location "Berlin"',)


def test_location_reason_names_the_region_a_remote_job_is_limited_to():
    part = location_part("Remote, Canada", countries=("US",))
    assert part.reasons == ("Remote, but only for Canada",)


def test_location_reason_says_remote_suits_a_remote_preference():
    part = location_part("Remote", remote_preference="remote")
    assert part.reasons == ("Remote, and you prefer remote",)


def test_location_reasons_say_place_and_preference_for_on_site():
    part = location_part("Berlin", remote_preference="remote", **BERLIN)
    assert part.reasons == ('Berlin matches your location "Berlin"', "On-site, you prefer remote")


def test_location_reason_says_any_location_suits_without_locations():
    assert location_part("Lisbon, Portugal").reasons == ("Any location suits you",)


def test_location_reason_asks_for_countries_to_check_a_regional_remote_job():
    assert location_part("Remote - US").reasons == (
        "Remote in US; add the countries you may work in",
    )


# --- The whole score ---------------------------------------------------------------------

PROFILES = [
    Preferences(),
    Preferences(
        keywords=("python", "django", "postgres"),
        desired_titles=("Backend Engineer",),
        locations=("Berlin",),
        countries=("DE",),
    ),
    Preferences(keywords=("react",), desired_titles=("Frontend Dev",), remote_preference="remote"),
    Preferences(desired_titles=("Product Manager",), remote_preference="hybrid"),
]
JOBS = [
    Posting("Senior Backend Engineer", "<p>Python, Django &amp; Postgres</p>", "Berlin", False),
    Posting("Frontend Developer", "<p>React, React, React</p>", "Remote - US", True),
    Posting("Product Designer", "<p>Figma</p>", "Hybrid - London, UK", False),
    Posting("", "", "", False),
]
EVERY_PAIR = list(itertools.product(PROFILES, JOBS))


def score(prefs: Preferences, job: Posting) -> ScoreBreakdown:
    return score_jobs(prefs, [job])[0]


@pytest.mark.parametrize(("prefs", "job"), EVERY_PAIR)
def test_total_is_the_sum_of_the_parts_points(prefs, job):
    breakdown = score(prefs, job)
    assert breakdown.total == sum(part.points for part in breakdown.parts)
    assert 0 <= breakdown.total <= 100


@pytest.mark.parametrize(("prefs", "job"), EVERY_PAIR)
def test_every_part_gives_a_reason(prefs, job):
    for part in score(prefs, job).parts:
        assert part.reasons
        assert all(reason[0].isupper() and not reason.endswith(".") for reason in part.reasons)


def test_parts_are_keywords_title_and_location_with_their_weights():
    parts = score(PROFILES[1], JOBS[0]).parts
    assert [(part.name, part.weight) for part in parts] == [
        ("keywords", 40),
        ("title", 35),
        ("location", 25),
    ]


def test_a_job_that_fits_everything_scores_100():
    prefs = Preferences(keywords=("python",), desired_titles=("Backend Engineer",))
    job = Posting("Backend Engineer", "<p>python</p>" * 7, "Remote", True)
    assert score(prefs, job).total == 100


def test_an_empty_profile_scores_only_the_location():
    assert score(Preferences(), JOBS[0]).total == LOCATION_WEIGHT


def test_breakdown_survives_a_round_trip_through_json():
    breakdown = score(PROFILES[1], JOBS[0])
    stored = json.loads(json.dumps(breakdown.as_dict()))
    assert ScoreBreakdown.from_dict(stored) == breakdown


def test_breakdown_as_dict_is_plain_data():
    assert score(PROFILES[1], JOBS[0]).as_dict()["parts"][0] == {
        "name": "keywords",
        "weight": 40,
        "fraction": 0.5,
        "points": 20,
        "reasons": ["Mentions python (once)", "Mentions django (once)", "Mentions postgres (once)"],
    }


def test_score_jobs_reads_descriptions_as_html():
    prefs = Preferences(keywords=("python",))
    job = Posting("Engineer", '<a href="https://python.org">docs</a><p>Py&shy;thon</p>', "", False)
    assert score(prefs, job).parts[0].reasons == ("No keyword found",)


def test_score_jobs_matches_compute_match_score_on_the_text():
    prefs = PROFILES[1]
    job = JOBS[0]
    assert score(prefs, job) == compute_match_score(
        prefs,
        title=job.title,
        text="Python, Django & Postgres",
        location=job.location,
        is_remote=job.is_remote,
    )


def test_score_jobs_accepts_a_missing_description():
    assert score(PROFILES[1], Posting("Backend Engineer", None, "Berlin", False)).total > 0


def test_score_jobs_scores_a_large_batch_in_order():
    prefs = PROFILES[1]
    batch = JOBS * 500
    assert score_jobs(prefs, batch) == [score(prefs, job) for job in JOBS] * 500


# --- Preferences -------------------------------------------------------------------------


def test_preferences_accept_lists_and_drop_blanks_and_duplicates():
    prefs = Preferences(keywords=["Python", " python ", "", "Machine  Learning"])  # type: ignore[arg-type]
    assert prefs.keywords == ("Python", "Machine Learning")


def test_preferences_refuse_an_unknown_remote_preference():
    with pytest.raises(ValueError, match="remote preference"):
        Preferences(remote_preference="sometimes")


@pytest.mark.parametrize(
    ("place", "codes"),
    [
        ("Albuquerque, New Mexico", {"US"}),
        ("Mexico City", {"MX"}),
        ("Jersey City, New Jersey", {"US"}),
        ("Seattle, Washington", {"US"}),
        ("Remote - California", {"US"}),
        ("Austin, TX", {"US"}),
        ("Montréal, Québec", {"CA"}),
        ("Sydney, New South Wales", {"AU"}),
        ("Cardiff, Wales", {"GB"}),
        ("Atlanta, Georgia", set()),  # a state and a country: not guessed
        ("Berlin, DE", {"DE"}),
    ],
)
def test_places_are_read_by_state_and_province_names_too(place, codes):
    assert places_in(place) == codes
