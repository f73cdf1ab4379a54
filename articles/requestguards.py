"""Requests refused before their view runs: a NUL byte in the URL's path, and methods the view does not take.

PostgreSQL refuses a NUL byte in a query, so a NUL in a reader URL's page
segment answered 500. No stored name holds one, so such a URL names nothing:
404. (Query parameters are each view's to read: the search form drops control
characters, and the admin's list filters refuse them in articles.admin.)

A reader page is only read, yet OPTIONS and TRACE got the page and PUT and
DELETE got CsrfViewMiddleware's 403, which runs before a view could say 405.
So the methods a view takes are kept on it (allowed_methods), and the
middleware, placed before CsrfViewMiddleware, answers the rest with 405 and
Allow. Its answers still pass through every other middleware, so they carry
the usual headers.
"""

from django.http import Http404, HttpResponseNotAllowed
from django.views.decorators.http import require_http_methods

NUL = "\x00"


def allowed_methods(*methods):
    """Let a view take only these methods; the others answer 405 with an Allow header."""

    def decorator(view):
        guarded = require_http_methods(methods)(view)
        guarded.allowed_methods = methods
        return guarded

    return decorator


# Every reader page, feed and file is read, never written.
read_only = allowed_methods("GET", "HEAD")


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if NUL in request.path_info:
            raise Http404("网址中有无效字符")
        allowed = getattr(view, "allowed_methods", None)
        if allowed is not None and request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return None
