"""The admin's search box, answered by Digest's own search rather than icontains."""

from ..search import search

# An editor looks for a record, not a reading list: the best hundred are plenty.
ADMIN_HITS = 100


class DigestSearchMixin:
    """Search a record list with articles.search; search_kinds names the hit kinds of this model."""

    search_kinds: tuple[str, ...] = ()
    search_fields = ("pk",)  # only so the admin shows its search box; get_search_results does the work

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        ids = [
            hit.record_id
            for kind in self.search_kinds
            for hit in search(search_term, kind=kind, per_page=ADMIN_HITS).hits
        ]
        return queryset.filter(pk__in=ids), False
