"""Forms that check what readers send before it gets near a query."""

from django import forms

from .models import Column, SearchDocument
from .search.query import clean


class SearchForm(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    kind = forms.ChoiceField(label="类型", choices=[("", "全部"), *SearchDocument.KINDS], required=False)
    date_from = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    column = forms.ModelChoiceField(label="栏目", queryset=Column.objects.all(), required=False, empty_label="全部栏目")
    page_number = forms.CharField(label="版次", max_length=10, required=False)
    order = forms.ChoiceField(label="排序", choices=[("relevance", "相关度"), ("newest", "最新")], required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # Control characters, NUL and unpaired surrogates are dropped and the
            # length capped before validation, so any query is searchable text.
            data = data.copy()
            data["q"] = clean(data.get("q", ""))
        super().__init__(data, **kwargs)

    def search_arguments(self) -> dict:
        """The valid filters, as keyword arguments of articles.search.search; invalid ones are left out."""
        self.is_valid()
        data = self.cleaned_data
        column = data.get("column")
        return {
            "kind": data.get("kind") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "column_id": column.pk if column else None,
            "page_number": data.get("page_number") or "",
            "order": data.get("order") or "relevance",
            "page": data.get("page") or 1,
        }
