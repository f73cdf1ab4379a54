"""Requests refused before their view runs: a NUL byte in the URL's path.

PostgreSQL refuses a NUL byte in a query, so a NUL in a reader URL's page
segment answered 500. No stored name holds one, so such a URL names nothing:
404. The answer still passes through every other middleware, so it carries the
usual headers. (Query parameters are each view's to read: the search form
drops control characters, and the admin's list filters refuse them in
articles.admin.)
"""

from django.http import Http404

NUL = "\x00"


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        if NUL in request.path_info:
            raise Http404("网址中有无效字符")
        return None
