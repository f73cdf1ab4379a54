"""Forms that check what readers send before it gets near a query."""

from django import forms

from .models import Column, Paper, SearchDocument
from .search import MAX_PER_PAGE
from .search.query import clean
from .search.shared import FILTER_CLAUSES

ORDERS = [("relevance", "相关度"), ("newest", "最新")]


class SearchForm(forms.Form):
    """The results page's query and filters. The filters beyond the kind are named as
    in articles/search/shared.py's FILTER_CLAUSES: a new filter is a field here and a
    line there."""

    q = forms.CharField(label="搜索", required=False)
    kind = forms.ChoiceField(label="类型", choices=[("", "全部"), *SearchDocument.KINDS], required=False)
    date_from = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    column = forms.ModelChoiceField(label="栏目", queryset=Column.objects.all(), required=False, empty_label="全部栏目")
    page_number = forms.CharField(label="版次", max_length=10, required=False)
    paper = forms.ModelChoiceField(
        label="报纸", queryset=Paper.objects.all(), to_field_name="slug", required=False, empty_label="全部报纸"
    )
    order = forms.ChoiceField(label="排序", choices=ORDERS, required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False, widget=forms.HiddenInput)

    # Set by clean(): the reader gave the dates the wrong way round, and they were swapped.
    dates_swapped = False

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # Control characters, NUL and unpaired surrogates are dropped and the
            # length capped before validation, so any query is searchable text.
            data = data.copy()
            data["q"] = clean(data.get("q", ""))
        super().__init__(data, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            # 2月10日 to 2月1日 means the days between them, not no day at all.
            data["date_from"], data["date_to"] = end, start
            self.dates_swapped = True
        return data

    def search_arguments(self) -> dict:
        """The valid filters, as keyword arguments of articles.search.search; invalid ones are left out."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or "",
            **{name: data.get(name) for name in FILTER_CLAUSES},
            "order": data.get("order") or "relevance",
            "page": data.get("page") or 1,
            **({"per_page": data["per_page"]} if data.get("per_page") else {}),
        }


class SearchApiForm(SearchForm):
    """The API's parameters: the results page's, and per_page; any invalid one is
    refused (a program should hear of its mistake, not get other results)."""

    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)

    def error_text(self) -> str:
        """Every invalid parameter and what is wrong with it, in one line of Chinese."""
        return "；".join(f"{name}: {' '.join(messages)}" for name, messages in self.errors.items())
