from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms

from jobs.models import Job

# The board model, reached through Job's foreign key: jobs does not import boards.
Board = Job.board.field.related_model


class JobFilterForm(forms.Form):
    """The jobs page's search and filters, read from (and written back to) the URL."""

    SORTS = [
        ("", "Best first"),  # relevance when searching, score otherwise
        ("relevance", "Relevance"),
        ("score", "Score"),
        ("date", "Newest"),
    ]

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": 'python "data platform" or rust -crypto'}
        ),
    )
    board = forms.ModelChoiceField(
        queryset=Board.objects.all(), required=False, empty_label="All boards"
    )
    min_score = forms.IntegerField(label="Score from", required=False, min_value=0, max_value=100)
    max_score = forms.IntegerField(label="to", required=False, min_value=0, max_value=100)
    location = forms.CharField(required=False, max_length=100)
    salary = forms.IntegerField(
        label="Salary at least", required=False, min_value=0, help_text="A year's pay."
    )
    remote = forms.BooleanField(label="Remote only", required=False)
    new = forms.BooleanField(label="New only", required=False)
    fair_pay = forms.BooleanField(label="Hide pay below my minimum", required=False)
    closed = forms.BooleanField(label="Include closed postings", required=False)
    hidden = forms.BooleanField(label="Show hidden", required=False)
    sort = forms.ChoiceField(choices=SORTS, required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        low, high = cleaned.get("min_score"), cleaned.get("max_score")
        if low is not None and high is not None and low > high:
            cleaned["min_score"], cleaned["max_score"] = high, low
        cleaned["q"] = " ".join((cleaned.get("q") or "").split())
        if not cleaned.get("sort"):
            cleaned["sort"] = "relevance" if cleaned["q"] else "score"
        if cleaned["sort"] == "relevance" and not cleaned["q"]:
            cleaned["sort"] = "score"
        cleaned["page"] = cleaned.get("page") or 1
        return cleaned

    def query_string(self, **changes: Any) -> str:
        """This search as a URL query, without defaults, with `changes` applied."""
        values = {**self.cleaned_data, **changes}
        default_sort = "relevance" if values.get("q") else "score"
        params = {}
        for name, value in values.items():
            if value in (None, "", False) or (name == "page" and value == 1):
                continue
            if name == "sort" and value == default_sort:
                continue
            params[name] = value.pk if isinstance(value, Board) else value
        params = {key: ("1" if value is True else value) for key, value in params.items()}
        return urlencode(params)
