"""Auto-fill: understand an application form in a real browser and fill it from the profile.

The pieces, each in its own module:
- `browser`: open the job's page in Chromium, find the form (following an Apply button,
  into iframes), list its fields (`analyze_form_fields`), take screenshots.
- `fields`: what each field asks (`FIELD_PATTERNS`, `detect_field_type`).
- `captcha`: `has_captcha`.
- `values`: what to answer, from the profile, its answer bank, education and experience;
  options chosen by meaning; nothing invented.
- `fill`: put the values into the page and read them back (`fill_form_fields`).
- `review`: `needs_human_review`.

They pass `FormField` records around: plain data, stored as JSON on the application.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Below this, a detected type or a proposed value is not trusted without the user.
CONFIDENCE_THRESHOLD = 0.7


@dataclass
class FormField:
    """One question of a form: where it is, what it asks, and what Hunter answers."""

    # Where: the frame (its index among the page's frames, 0 = the page itself) and a
    # CSS selector unique within that frame, to act on it.
    frame: int
    selector: str
    # The element's own attributes ("" when absent).
    id: str = ""
    name: str = ""
    # "input", "select", "textarea", "radio" (a group), "checkbox" (one or a group),
    # "file", "combobox" (role=combobox custom widgets).
    tag: str = "input"
    input_type: str = ""
    label: str = ""  # the question as the user reads it
    placeholder: str = ""
    required: bool = False
    options: list[str] = field(default_factory=list)  # choices' visible texts
    # For radio/checkbox groups and yes/no button pairs: a selector per option (same
    # order as `options`) to click it; `selector` is then the group's container.
    option_selectors: list[str] = field(default_factory=list)
    multiple: bool = False
    # Other text about the field that hints at what it asks (autocomplete, help text,
    # the section heading, vendor attributes): weak evidence for `detect_field_type`.
    hints: str = ""
    # What it asks (a type of applications.autofill.fields.FIELD_TYPES), how sure.
    field_type: str = "unknown"
    type_confidence: float = 0.0
    # The answer: what to put in, how sure, where it came from, why (for review).
    value: Any = ""
    confidence: float = 0.0
    source: str = ""  # "profile", "answer_bank", "education", "experience", "ai", "user"
    note: str = ""
    approved: bool = False  # the user approved this value (free text, AI drafts)
    step: int = 0  # the page of a multi-step form it is on (0 = the first)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormField:
        # (`dataclasses.fields`: the package's own name `fields` is the fields module.)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    @property
    def is_empty(self) -> bool:
        return self.value in ("", None, [], False)
