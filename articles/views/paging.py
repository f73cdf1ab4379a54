"""Pagination for the lists of the site: ?page=N, and a 404 for a page that does not exist."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

PAGE_SIZE = 20


def paginate(request, object_list, per_page=PAGE_SIZE):
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("没有这一页") from None
