"""What a form field asks: `FIELD_TYPES`, `FIELD_PATTERNS` and `detect_field_type`.

Evidence is weighed by where it was found: the question the user reads counts most,
then the placeholder, the element's name and id, other attributes (autocomplete, help
text, the section heading) and the choices offered. The kind of element limits what it
can be (a file input is never an e-mail), and a yes/no question is never a plain piece
of contact data ("Are you located in Canada?" is a question, not a location).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from applications.autofill import FormField

FIELD_TYPES = (
    "first_name",
    "last_name",
    "full_name",
    "preferred_name",
    "email",
    "phone",
    "address",
    "city",
    "state",
    "postal_code",
    "country",
    "location",
    "linkedin",
    "github",
    "twitter",
    "website",
    "resume",
    "cover_letter",
    "current_company",
    "current_title",
    "years_experience",
    "salary_expectation",
    "start_date",
    "work_authorization",
    "sponsorship",
    "relocation",
    "how_heard",
    "referrer_name",
    "gender",
    "race",
    "hispanic_latino",
    "veteran",
    "disability",
    "pronouns",
    "sexual_orientation",
    "transgender",
    "education_school",
    "education_degree",
    "education_field",
    "graduation_date",
    "consent",
    "free_text",
    "other_question",
    "unknown",
)

# Answers to these are personal and legally sensitive: a wrong type would put the user's
# answer to one such question into another. They need clear evidence.
SENSITIVE_TYPES = frozenset(
    {
        "gender",
        "race",
        "hispanic_latino",
        "veteran",
        "disability",
        "sexual_orientation",
        "transgender",
        "work_authorization",
        "sponsorship",
    }
)

# Per type, (regex, weight): how surely a match says "this is the question". Matched
# case-insensitively against the label, placeholder, name/id, hints and option texts.
FIELD_PATTERNS: dict[str, list[tuple[str, float]]] = {
    "first_name": [
        (r"\bfirst\s*name\b", 0.95),
        (r"\bgiven\s*name\b", 0.95),
        (r"\bforename\b", 0.9),
        (r"\bfname\b", 0.8),
    ],
    "last_name": [
        (r"\blast\s*name\b", 0.95),
        (r"\bsur\s*name\b", 0.95),
        (r"\bfamily\s*name\b", 0.95),
        (r"\blname\b", 0.8),
    ],
    "full_name": [
        (r"\bfull\s*name\b", 0.95),
        (r"\bfirst,?\s*(middle\s*)?(and|&|/)\s*last\s*names?\b", 0.98),
        (r"\blegal\s*name\b", 0.9),
        (r"\bcandidate\s*name\b", 0.85),
        (r"^\W*(your\s+)?name\W*$", 0.85),
        (r"\bname\b", 0.45),
    ],
    "preferred_name": [
        (r"\bpreferred\s*(first\s*)?name\b", 0.99),
        (r"\bname\b.{0,25}\bprefer", 0.95),
        (r"\bprefer.{0,30}\bname\b", 0.9),
        (r"\bchosen\s*name\b", 0.9),
        (r"\bnick\s*name\b", 0.85),
        (r"\bgo(es)? by\b", 0.7),
    ],
    "email": [(r"\be-?\s?mail\b", 0.95)],
    "phone": [
        (r"\b(phone|mobile|cell|telephone|tel)\b", 0.9),
        (r"\bcontact number\b", 0.85),
        (r"\b(country|dial(l?ing)?|calling)\s*code\b", 0.85),
    ],
    "address": [
        (r"\baddress\b", 0.7),
        (r"\bstreet\b", 0.85),
        (r"\baddress\s*line\b", 0.9),
        (r"\b(mailing|home|postal|street)\s*address\b", 0.92),
    ],
    "city": [(r"\bcity\b", 0.85), (r"\btown\b", 0.75)],
    "state": [
        (r"^\W*(state|province|region|county|prefecture)\W*$", 0.9),
        (r"\bstate\s*(/|or)\s*(province|region)\b", 0.92),
        (r"\bprovince\b", 0.8),
        (r"\bstate of residence\b", 0.9),
        (r"\baddress\s*state\b", 0.8),
    ],
    "postal_code": [
        (r"\b(zip|postal|post)\s*code\b", 0.95),
        (r"\bpostcode\b", 0.95),
        (r"\bzip\b", 0.85),
        (r"\bpin\s*code\b", 0.8),
    ],
    "country": [
        (r"\bcountry\b", 0.8),
        (r"\bcountry of (residence|domicile)\b", 0.95),
        (r"\b(residence|resident) country\b", 0.95),
    ],
    "location": [
        (r"\blocation\b", 0.8),
        (r"\bcurrent(ly)?\s*location\b", 0.9),
        (r"\bwhere (are|do) you (currently )?(live|located|based|reside)\b", 0.88),
        (r"\bwhere\b.{0,40}\bwork(ing)? from\b", 0.88),
        (r"\bcity\s*(,|/|and)\s*(state|country)\b", 0.9),
        (r"\b(based|located) in\b", 0.6),
        (r"\bresid(e|ence)\b", 0.6),
    ],
    "linkedin": [(r"\blinked\s*in\b", 0.97)],
    "github": [(r"\bgit\s*hub\b", 0.97)],
    "twitter": [
        (r"\btwitter\b", 0.95),
        (r"\bx\.com\b", 0.9),
        (r"\bx\s*(/\s*twitter|profile|handle)\b", 0.85),
        (r"^\W*x\W*$", 0.75),
    ],
    "website": [
        (r"\bweb\s*site\b", 0.85),
        (r"\bportfolio\b", 0.85),
        (r"\bpersonal\s*(site|page|url|web)", 0.9),
        (r"\bblog\b", 0.75),
        (r"\b(other|personal)\s+(url|link)s?\b", 0.75),
        (r"\b(url|link)s?\b", 0.5),
    ],
    "resume": [
        (r"\bresume\b|\brésumé\b", 0.95),
        (r"\bcv\b", 0.9),
        (r"\bcurriculum\s*vitae\b", 0.95),
    ],
    "cover_letter": [
        (r"\bcover(ing)?\s*letter\b", 0.97),
        (r"\bmotivation(al)?\s*letter\b|\bletter of motivation\b", 0.95),
    ],
    "current_company": [
        (r"\bcurrent\s*(company|employer|organi[sz]ation)\b", 0.95),
        (r"\bmost recent\s*(company|employer)\b", 0.9),
        (r"\b(company|employer)\s*name\b", 0.85),
        (r"\bwhere do you (currently )?work\b", 0.8),
        (r"^\W*(company|employer|organi[sz]ation|org)\W*$", 0.8),
        (r"\b(company|employer)\b", 0.5),
    ],
    "current_title": [
        (r"\bcurrent\s*(job\s*|role\s*|position\s*)?title\b", 0.95),
        (r"\bjob\s*title\b", 0.88),
        (r"\bcurrent\s*(role|position)\b", 0.85),
        (r"^\W*(job\s*)?(title|position|role)\W*$", 0.78),
        (r"\b(position|role)\s*/\s*title\b|\btitle\s*/\s*(position|role)\b", 0.85),
        (r"\bheadline\b", 0.6),
    ],
    "years_experience": [
        (r"\byears? of (\w+\s){0,3}experience\b", 0.9),
        (r"\bhow many years\b", 0.85),
        (r"\bexperience\b.{0,20}\byears\b", 0.75),
        (r"\byoe\b", 0.8),
    ],
    "salary_expectation": [
        (r"\bsalary\b", 0.9),
        (r"\bcompensation\b", 0.85),
        (r"\b(desired|expected|target|requested)\s*(pay|rate|comp)\b", 0.9),
        (r"\bpay\s*expectation", 0.9),
        (r"\b(hourly|day|daily)\s*rate\b", 0.85),
        (r"\bremuneration\b", 0.85),
        (r"\bctc\b", 0.8),
    ],
    "start_date": [
        (r"\bstart(ing)?\s*date\b", 0.95),
        (r"\bwhen (can|could|would) you (\w+ )?start\b", 0.95),
        (r"\bavailab(le|ility) to start\b", 0.9),
        (r"\bnotice\s*period\b", 0.9),
        (r"\bearliest\b.{0,20}\b(start|join|begin)\b", 0.9),
        (r"\bwhen (can|could|would) you (join|begin)\b|\bjoining date\b", 0.9),
        (r"\bdate available\b|\bavailable (from|date)\b", 0.85),
        (r"\bwhen (are|would) you (be )?available\b", 0.85),
        (r"\bavailability\b", 0.6),
    ],
    "work_authorization": [
        (r"\bauthori[sz]ed to work\b", 0.95),
        (r"\bauthori[sz]ation to work\b", 0.95),
        (r"\bwork(ing)?\s*authori[sz]ation\b", 0.95),
        (r"\bright to work\b", 0.95),
        (r"\bwork\s*permit\b", 0.9),
        (r"\beligib(le|ility) to work\b", 0.95),
        (r"\blegally (able|permitted|allowed|entitled|eligible) to work\b", 0.95),
        (r"\bpermission to work\b", 0.9),
        (r"\bemployment eligibility\b", 0.9),
        (r"\bwithout (\w+ ){0,3}sponsorship\b", 0.97),
        (r"\b(valid|current) (work )?(visa|permit)\b|\bwork visa\b", 0.88),
        (r"\bwork\b.{0,40}\bwithout (any )?(restrictions?|limitations?)\b", 0.85),
        (r"\bunrestricted (right|authori[sz]ation|permission|access) to work\b", 0.92),
    ],
    "sponsorship": [
        (r"\bsponsor", 0.85),
        # "…without requiring sponsorship" asks about authorisation instead.
        (r"(?<!without )\b(require|need|requiring|needing)\b.{0,40}\bsponsor", 0.98),
        (r"\bvisa\b", 0.7),
        (r"\bh-?1-?b\b", 0.85),
        (r"\bimmigration (support|assistance|sponsorship)\b", 0.85),
    ],
    "relocation": [
        (r"\brelocat", 0.95),
        (r"\b(willing|open) to (move|moving)\b", 0.85),
    ],
    "how_heard": [
        (r"\bhow did you (first )?(hear|find|learn|come across|discover)\b", 0.97),
        (r"\bwhere did you (first )?(hear|find|learn|see)\b", 0.95),
        (r"\bhear about\b", 0.9),
        (r"\bhow .{0,20}find (out )?about\b", 0.9),
        (r"\breferral\s*source\b", 0.9),
        (r"\b(candidate|application|lead)?\s*source\b", 0.6),
    ],
    "referrer_name": [
        (r"\bwho referred you\b", 0.97),
        (r"\breferr(er|ed by|ing employee)\b", 0.9),
        (r"\breferral('s)?\s*name\b", 0.9),
        (r"\bif referred\b|\breferred\b.{0,40}\bname\b|\bname\b.{0,40}\breferred\b", 0.9),
        (r"\breferral\b", 0.6),
    ],
    "gender": [
        (r"\bgender\b", 0.95),
        (r"\bsex\b", 0.9),
        (r"^\W*(male|female|man|woman)\W*\|\W*(male|female|man|woman)\b", 0.85),
    ],
    "race": [
        (r"\brace\b", 0.95),
        (r"\bethnicit", 0.9),
        (r"\bracial\b", 0.9),
        (r"\bethnic\b", 0.85),
        (r"\b(african[- ]american|pacific islander|alaska(n)? native|two or more races)\b", 0.85),
    ],
    "hispanic_latino": [(r"\bhispanic\b|\blatin[oaxe]\b|\blatinx\b", 0.95)],
    "veteran": [
        (r"\bveteran", 0.95),
        (r"\bprotected veteran", 0.97),
        (r"\bmilitary\s*(service|status)\b", 0.8),
        (r"\barmed forces\b", 0.85),
    ],
    "disability": [
        (r"\bdisabilit(y|ies)\b", 0.95),
        (r"\bdisabled\b", 0.85),
        (r"\bhandicap", 0.85),
        (r"\bcc-?305\b", 0.9),
    ],
    "pronouns": [(r"\bpronoun", 0.97)],
    "sexual_orientation": [
        (r"\bsexual\s*orientation\b", 0.98),
        (r"\bsexuality\b", 0.9),
        (r"\borientation\b", 0.6),
        (r"\b(heterosexual|bisexual|asexual|pansexual|lesbian)\b", 0.8),
    ],
    "transgender": [
        (r"\btransgender\b", 0.99),
        (r"\btrans\b", 0.8),
        (r"\bgender identity\b.{0,60}\b(assigned|birth)\b", 0.99),
        (r"\bsex assigned at birth\b", 0.97),
    ],
    "education_school": [
        (r"\b(school|university|college|institution|alma mater)\b", 0.85),
        (r"\b(school|university|college|institution)\s*name\b", 0.95),
        (r"\bname of (the |your )?(school|university|college|institution)\b", 0.95),
    ],
    "education_degree": [
        (r"\bdegree\b", 0.85),
        (r"\blevel of (education|schooling|study)\b", 0.95),
        (r"\bhighest (level of )?(education|qualification)\b", 0.95),
        (r"\bqualification", 0.75),
        (r"\bdiploma\b", 0.75),
    ],
    "education_field": [
        (r"\bfield of study\b", 0.97),
        (r"\bmajor\b", 0.85),
        (r"\b(area of study|discipline|concentration|specialization)\b", 0.8),
    ],
    "graduation_date": [
        (r"\bgraduat", 0.9),
        (r"\byear of (graduation|completion)\b", 0.95),
        (r"\b(completion|finish)\s*(date|year)\b", 0.7),
    ],
    "consent": [
        (r"\bi (hereby )?(agree|consent|acknowledge|accept|understand|confirm|certify)\b", 0.9),
        (r"\bi have read\b|\bi've read\b", 0.88),
        (r"\bconsent", 0.85),
        (r"\bprivacy\b", 0.8),
        (r"\backnowledge", 0.8),
        (r"\bterms (and|&) conditions\b", 0.85),
        (r"\bgdpr\b|\bccpa\b", 0.9),
        (r"\bdata (processing|protection|retention)\b", 0.85),
        (r"\bprocessing of (my|your) (personal )?data\b", 0.9),
        (r"\bcontact me\b", 0.8),
        (r"\bfuture (job )?opportunities\b", 0.7),
        (r"\bopt[ -]?in\b", 0.75),
        (r"\btext messages?\b|\bsms\b", 0.7),
        (
            r"\b(subscribe|sign me up|keep me (informed|updated|posted))\b"
            r"|\breceive (job )?(alerts|updates|news(letters?)?|notifications)\b",
            0.75,
        ),
        (r"\bagreement\b", 0.6),
    ],
    "free_text": [
        (r"\b(describe|explain|elaborate|tell us|tell me)\b", 0.8),
        (r"\bshare (with us|an example|your)\b", 0.75),
        (r"\bwhy (do|are|would|did) you\b", 0.8),
        (r"\bwhy\b.{0,40}\b(interest|join|apply|want)", 0.85),
        (r"\bwhat (excites|interests|motivates|draws)\b", 0.85),
        (r"\blet us know\b", 0.7),
        (r"\banything else\b", 0.8),
        (r"\badditional (information|comments|details|notes)\b", 0.8),
        (r"\b(accommodations?|adjustments?)\b", 0.75),
        (r"\b(about|introduce) yourself\b", 0.8),
        (r"\bsummary\b", 0.7),
        (r"\bcomments?\b", 0.6),
        (r"\bhow would you\b", 0.7),
        (r"\b(briefly|in a few sentences|in your own words)\b", 0.75),
        (r"\bmessage\b", 0.5),
    ],
    # Questions forms often ask that the vocabulary has no answer for; they outrank the
    # vocabulary words inside them ("Middle name" is not the full name).
    "other_question": [
        (r"\bmiddle\s*(name|initial)", 0.97),
        (r"\b(maiden|former|previous|birth)\s*(last\s*)?name", 0.95),
        (r"\bname pronunciation\b|\bpronounce\b", 0.95),
        (r"\bcitizenship\b|\bnationality\b|\bcitizen\b", 0.9),
        (r"\bcurrent\s*(annual\s*|base\s*)?(salary|compensation|ctc|pay)\b", 0.93),
        (r"\bdate of birth\b|\bbirth\s*date\b|\bdob\b", 0.95),
        (
            r"\b(previously|ever|before|formerly)\b.{0,20}\b(work|worked|employed|applied|interviewed|consulted)\b",
            0.9,
        ),
        (r"\bformer (employee|intern|contractor)\b", 0.9),
        (r"\bsecurity clearance\b|\bclearance level\b", 0.92),
        (r"\bbackground (check|screening)\b|\bdrug (test|screen)", 0.9),
        (r"\bnon-?compete\b|\bnon-?solicit|\brestrictive covenant|\bpost-employment\b", 0.9),
        (r"\bsocial security\b|\bssn\b|\bnational (id|insurance)\b|\btax id\b", 0.97),
        (r"\bdriver'?s licen[cs]e\b", 0.9),
        (r"\b(18|eighteen) years\b|\bat least 18\b|\bof legal (working )?age\b", 0.9),
        (r"\b(18|eighteen)\b.{0,15}\b(older|over|above)\b", 0.9),
        (r"\b(visa|immigration) status\b", 0.8),
        (r"\bcriminal\b|\bconvicted\b|\bfelony\b", 0.9),
        (
            r"\b(gitlab|bitbucket|stack\s*overflow|kaggle|instagram|facebook|skype|telegram|whatsapp)\b",
            0.9,
        ),
        (r"\b(photo|headshot|picture|avatar)\b", 0.9),
        (r"\b(family members?|relatives?)\b.{0,40}\b(work|employ)", 0.9),
    ],
    # Never matched by pattern: what is left when nothing can be read.
    "unknown": [],
}

# How much a match counts, by where it was found.
SOURCE_WEIGHTS = {
    "label": 1.0,
    # The rest of a long label besides the question itself, and asides in brackets
    # or after "e.g.": "How did you hear about us? (LinkedIn, a friend, ...)".
    "label_context": 0.6,
    "placeholder": 0.8,
    "name": 0.7,
    "hints": 0.55,
    "options": 0.6,
}

# Types that are a piece of the user's data rather than an answer to a question: a
# yes/no question mentioning them ("Do you live in Berlin?") is not asking for them.
DATA_TYPES = frozenset(
    {
        "first_name",
        "last_name",
        "full_name",
        "preferred_name",
        "email",
        "phone",
        "address",
        "city",
        "state",
        "postal_code",
        "country",
        "location",
        "linkedin",
        "github",
        "twitter",
        "website",
        "current_company",
        "current_title",
        "years_experience",
        "salary_expectation",
        "start_date",
        "how_heard",
        "referrer_name",
        "education_school",
        "education_degree",
        "education_field",
        "graduation_date",
        "resume",
        "cover_letter",
        "free_text",
    }
)
# Only typed in, never picked from a list of choices.
TYPED_ONLY = frozenset(
    {
        "first_name",
        "last_name",
        "full_name",
        "preferred_name",
        "email",
        "address",
        "postal_code",
        "linkedin",
        "github",
        "twitter",
        "website",
        "current_company",
        "current_title",
        "referrer_name",
        "free_text",
        "cover_letter",
        "resume",
    }
)
# What a lone checkbox can be: an agreement or a yes/no statement.
SINGLE_CHECKBOX_TYPES = frozenset(
    {
        "consent",
        "relocation",
        "sponsorship",
        "work_authorization",
        "gender",
        "race",
        "hispanic_latino",
        "veteran",
        "disability",
        "sexual_orientation",
        "transgender",
        "pronouns",
        "other_question",
    }
)
# Types whose choices name them ("I am not a protected veteran"): only for these do the
# option texts count. A select offering "Email" or "Phone" is not asking for either.
OPTION_TYPES = SENSITIVE_TYPES | {"pronouns", "consent", "relocation", "education_degree"}
FILE_TYPES = frozenset({"resume", "cover_letter", "other_question"})
# A type read clearly in the label rules out these, whose words it contains: the
# transgender question speaks of gender identity, a preferred name is also a name.
SUPERSEDES = {
    "transgender": ("gender",),
    "preferred_name": ("full_name", "first_name"),
    "postal_code": ("location", "address"),
    "sexual_orientation": ("gender",),
}

YES_NO_START = re.compile(
    r"^\W*(are|is|do|does|did|have|has|had|will|would|can|could|should|shall|may|were|was)\b",
    re.IGNORECASE,
)
# "Could you share your portfolio?" asks for the portfolio, not for a yes.
REQUEST = re.compile(
    r"^\W*(can|could|would|will) you (please |kindly )?"
    r"(provide|share|enter|tell|list|give|include|send|add|let|describe|explain|confirm)\b",
    re.IGNORECASE,
)
YES_NO_OPTION = re.compile(r"^\W*(yes|no|n0|true|false|y|n)\b", re.IGNORECASE)
QUESTION_WORDS = re.compile(
    r"^\W*(what|which|how|when|where|who|why"
    r"|please (select|choose|indicate|confirm|specify|list|provide|describe|explain))\b",
    re.IGNORECASE,
)
ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(e\.g\.|eg\.|i\.e\.|such as|for example)[^.?!]*", re.I)
# The answers of a race question, which a Hispanic/Latino question never offers.
RACE_OPTIONS = re.compile(r"\b(white|black|asian|native|pacific|alaska|two or more)\b", re.I)
OPTIONAL_MARK = re.compile(
    r"\(\s*(optional|required)\s*\)|[*✱]+|^\s*required\b\.?|\brequired\.?\s*$", re.IGNORECASE
)
UUID_OR_NUMBER = re.compile(r"\b([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]*\d[0-9a-f]*)\b")
# Words vendors put in field names that say nothing about the question.
NAME_NOISE = re.compile(
    r"\b(job application|answers attributes|text value|boolean value|cards|field|question"
    r"|systemfield|input|custom|form|candidate|applicant|data|value|c|eeo|eeoc)\b",
    re.IGNORECASE,
)


# Sections listing past schools and jobs, whose dates are not the user's start date.
HISTORY = re.compile(
    r"\b(education|school|university|college|employment|work experience|experience"
    r"|work history|job history|previous (jobs?|positions?|employers?))\b",
    re.IGNORECASE,
)
EDUCATION = re.compile(r"\b(education|school|university|college|degree)\b", re.IGNORECASE)
END_DATE = re.compile(r"\b(end|to|until|finish|completion)\b.{0,12}\b(date|month|year)\b", re.I)
AVAILABILITY = re.compile(
    r"\b(avail\w*|when can|notice|earliest|expected|desired|preferred|able to start)\b", re.I
)


@dataclass
class _Evidence:
    score: float = 0.0
    label: float = 0.0  # the best match in the label's question itself
    sources: int = 0


@cache
def _compiled(field_type: str) -> list[tuple[re.Pattern[str], float]]:
    return [
        (re.compile(regex, re.IGNORECASE), weight) for regex, weight in FIELD_PATTERNS[field_type]
    ]


def normalise_name(text: str) -> str:
    """`job_application[firstName]` → "first name": words a pattern can match."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    text = re.sub(r"[_\-\[\].:/]+", " ", text).lower()
    text = UUID_OR_NUMBER.sub(" ", text)
    text = NAME_NOISE.sub(" ", text)
    return " ".join(text.split())


def clean_label(text: str) -> str:
    return " ".join(OPTIONAL_MARK.sub(" ", text or "").split())


def split_question(label: str) -> tuple[str, str]:
    """The question a label asks, and the rest of it: for a long label its last sentence
    ending in "?", and asides in brackets or after "e.g." go to the rest."""
    label = clean_label(label)
    parts = [part.strip() for part in re.split(r"(?<=[.?!])\s+", label) if part.strip()]
    questions = [part for part in parts if part.endswith("?")]
    primary, rest = label, ""
    if len(parts) > 1 and questions:
        primary = questions[-1]
        rest = " ".join(part for part in parts if part is not primary)
    asides = " ".join(match.group(0) for match in ASIDE.finditer(primary))
    stripped = " ".join(ASIDE.sub(" ", primary).split())
    if stripped.strip(" ?:.") and asides:
        primary, rest = stripped, f"{rest} {asides}".strip()
    return primary, rest


def _is_choice(field: FormField) -> bool:
    return field.tag in ("select", "radio") or (field.tag == "checkbox" and bool(field.options))


def _is_typed(field: FormField) -> bool:
    """A plain text box (or textarea), where the user types the answer."""
    return field.tag in ("input", "textarea") and field.input_type not in (
        "checkbox",
        "radio",
        "file",
    )


def _is_yes_no(question: str, field: FormField) -> bool:
    options = field.options
    if options and all(YES_NO_OPTION.match(option) for option in options[:3]):
        return len(options) <= 4
    return bool(YES_NO_START.match(question)) and not REQUEST.match(question)


def _allowed(field_type: str, field: FormField) -> bool:
    """Whether this kind of element can ask for this type at all."""
    if field.tag == "file" or field.input_type == "file":
        return field_type in FILE_TYPES
    if field_type in ("resume", "cover_letter") and not _is_typed(field):
        return False
    if field.tag == "checkbox" and not field.options:
        return field_type in SINGLE_CHECKBOX_TYPES
    if _is_choice(field) or (field.tag == "combobox" and field.options):
        return field_type not in TYPED_ONLY
    if field_type == "free_text":
        return _is_typed(field) and field.input_type in ("", "text", "textarea")
    return True


def _collect(field: FormField) -> dict[str, _Evidence]:
    primary, context = split_question(field.label)
    texts = {
        "label": primary,
        "label_context": context,
        "placeholder": clean_label(field.placeholder),
        "name": normalise_name(f"{field.name} {field.id}"),
        "hints": re.sub(r"([a-z])([A-Z])|_", r"\1 \2", field.hints),
        "options": " | ".join(field.options[:40]),
    }
    found: dict[str, _Evidence] = {}
    for field_type in FIELD_PATTERNS:
        evidence = _Evidence()
        for source, text in texts.items():
            if not text or (source == "options" and field_type not in OPTION_TYPES):
                continue
            best = max(
                (weight for pattern, weight in _compiled(field_type) if pattern.search(text)),
                default=0.0,
            )
            if not best:
                continue
            score = best * SOURCE_WEIGHTS[source]
            evidence.sources += 1
            evidence.score = max(evidence.score, score)
            if source == "label":
                evidence.label = score
        if evidence.score:
            # Agreeing sources make it a little surer.
            evidence.score = min(0.99, evidence.score + 0.04 * (evidence.sources - 1))
            found[field_type] = evidence
    return found


def detect_field_type(field: FormField) -> tuple[str, float]:
    """What `field` asks, one of FIELD_TYPES, and how sure that is (0..1).

    `field.label` is taken as the question the user reads: leave it empty when the page
    shows none (the placeholder, name and id are looked at anyway)."""
    primary, _ = split_question(field.label)
    yes_no = _is_yes_no(primary, field)
    found = _collect(field)

    ruled_out = {
        other
        for field_type, evidence in found.items()
        if evidence.label >= 0.9
        for other in SUPERSEDES.get(field_type, ())
    }
    scores: dict[str, float] = {}
    for field_type, evidence in found.items():
        if not _allowed(field_type, field) or field_type in ruled_out:
            continue
        if field_type in SENSITIVE_TYPES and _is_typed(field) and evidence.label < 0.5:
            continue  # a text box is never an EEO answer just because of its name
        score = evidence.score
        if yes_no and field_type in DATA_TYPES:
            score *= 0.35
        scores[field_type] = score

    _place_in_history(field, scores)
    # The element's own kind is evidence too.
    if field.input_type == "email":
        scores["email"] = max(scores.get("email", 0.0), 0.9)
    elif field.input_type == "tel":
        scores["phone"] = max(scores.get("phone", 0.0), 0.9)
    elif field.input_type == "url" and not any(
        scores.get(kind, 0) >= 0.5 for kind in ("linkedin", "github", "twitter", "other_question")
    ):
        scores["website"] = max(scores.get("website", 0.0), 0.7)
    if field.tag == "checkbox" and not field.options and "consent" in scores:
        scores["consent"] = min(0.99, scores["consent"] + 0.1)

    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < 0.45:
        return _fallback(field, primary, yes_no)
    best, score = _settle_ethnicity(*ranked[0], field, scores)
    if best == "other_question":
        return best, round(min(max(score, 0.7), 0.9), 2)
    confidence = score
    runner_up, second = ranked[1] if len(ranked) > 1 else ("", 0.0)
    if runner_up and runner_up != best and score - second < 0.08:
        if best in SENSITIVE_TYPES and runner_up in SENSITIVE_TYPES:
            # Two personal questions equally likely: let the user say which.
            return "other_question", 0.5
        confidence -= 0.15
    if best in SENSITIVE_TYPES and found[best].label < 0.6:
        # Known only from the options, name or surroundings: worth a look.
        confidence = min(confidence, 0.6)
    return best, round(max(0.05, min(confidence, 0.99)), 2)


def _place_in_history(field: FormField, scores: dict[str, float]) -> None:
    """Dates in an education or employment history are not the date the user can start:
    a school's end date is the graduation date, the rest are other questions."""
    if AVAILABILITY.search(field.label):
        return
    context = f"{normalise_name(f'{field.name} {field.id}')} | {field.hints} | {field.label}"
    if not HISTORY.search(context):
        return
    scores.pop("start_date", None)
    if EDUCATION.search(context) and END_DATE.search(f"{field.label} {field.name}"):
        scores["graduation_date"] = max(scores.get("graduation_date", 0.0), 0.75)


def _settle_ethnicity(
    best: str, score: float, field: FormField, scores: dict[str, float]
) -> tuple[str, float]:
    """US forms ask race and Hispanic/Latino origin separately, with overlapping words:
    the choices offered tell which one this is."""
    if best not in ("race", "hispanic_latino") or not field.options:
        return best, score
    offers_races = any(RACE_OPTIONS.search(option) for option in field.options)
    if best == "hispanic_latino" and offers_races and "race" in scores:
        return "race", max(score, scores["race"])
    if best == "race" and not offers_races and "hispanic_latino" in scores:
        return "hispanic_latino", max(score - 0.05, scores["hispanic_latino"])
    return best, score


def _fallback(field: FormField, primary: str, yes_no: bool) -> tuple[str, float]:
    """Nothing in the vocabulary fits: an open question, another question, or unknown."""
    asks = bool(
        primary.endswith("?") or YES_NO_START.match(primary) or QUESTION_WORDS.match(primary)
    )
    if not primary:
        # No question to read: only the placeholder or the name, if anything.
        if field.tag == "textarea":
            return "free_text", 0.4
        return ("other_question", 0.3) if field.placeholder or field.options else ("unknown", 0.1)
    if field.tag == "textarea":
        return "free_text", 0.75
    if _is_choice(field) or field.tag == "combobox":
        return "other_question", 0.75 if (asks or yes_no) else 0.6
    if field.tag == "checkbox" or field.tag == "file":
        return "other_question", 0.6
    if asks and len(primary.split()) > 12 and not yes_no:
        return "free_text", 0.6  # a long open question in a one-line box
    return "other_question", 0.65 if asks else 0.55
