from __future__ import annotations

import json
import re
from typing import Any

from django import forms

from boards.models import JobBoard
from boards.scrapers import SCRAPER_TYPES, config_problems, scraper_class

_LIST_SEPARATORS = re.compile(r"[\n,]+")


class IndentedJSONField(forms.JSONField):
    """A JSON textarea that shows its value indented, so it can be read and edited."""

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value  # give the user back exactly what they typed, with the error
        if value is None:
            return ""
        return json.dumps(value, indent=2, ensure_ascii=False, cls=self.encoder)


def _type_choices() -> list[tuple[str, str]]:
    return [(name, f"{scraper_class(name).label} ({name})") for name in SCRAPER_TYPES]


class BoardForm(forms.ModelForm):
    """A board as a person edits it: keywords one per line, the scraper as a type plus
    its settings; saved as the model's JSON fields."""

    keywords = forms.CharField(
        label="Keep only jobs mentioning",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "python\nplatform engineer"}),
        help_text="One word or phrase per line (or separated by commas). Empty keeps every job.",
    )
    scraper_type = forms.ChoiceField(label="Source type", choices=_type_choices)
    scraper_settings = IndentedJSONField(
        label="Source settings",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "class": "mono"}),
        help_text='Extra settings for the source type, as JSON. For "html": '
        '{"item": "li.job", "title": "h3", "link": "a", "next": "a.next"}.',
    )

    class Meta:
        model = JobBoard
        fields = ["url", "name", "enabled", "scan_interval_minutes"]
        labels = {
            "url": "Careers page or feed URL",
            "scan_interval_minutes": "Scan every (minutes)",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        config = dict(self.instance.scraper_config or {})
        if "scraper_type" not in self.initial:
            self.initial["scraper_type"] = config.pop("type", "")
        else:
            config.pop("type", None)
        self.initial.setdefault("scraper_settings", config or None)
        self.initial.setdefault("keywords", "\n".join(self.instance.keyword_filters or []))

    def clean_keywords(self) -> list[str]:
        text = self.cleaned_data.get("keywords") or ""
        return [word.strip() for word in _LIST_SEPARATORS.split(text) if word.strip()]

    def clean_scraper_settings(self) -> dict[str, Any]:
        settings = self.cleaned_data.get("scraper_settings")
        if settings in (None, ""):
            return {}
        if not isinstance(settings, dict):
            raise forms.ValidationError('Settings must be a JSON object, like {"item": "li.job"}.')
        return settings

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "scraper_type" in cleaned and "scraper_settings" in cleaned:
            config = {**cleaned["scraper_settings"], "type": cleaned["scraper_type"]}
            if problems := config_problems(config):
                self.add_error("scraper_settings", problems)
            cleaned["scraper_config"] = config
        return cleaned

    def save(self, commit: bool = True) -> JobBoard:
        self.instance.keyword_filters = self.cleaned_data["keywords"]
        self.instance.scraper_config = self.cleaned_data["scraper_config"]
        return super().save(commit=commit)
