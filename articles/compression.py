"""gzip for the reader's pages, feeds and API, and for nothing that holds a secret.

BREACH: when a compressed answer holds both a secret (a CSRF token, a session's
data) and text an attacker chooses (a search query echoed back), the size of
the answer leaks the secret a byte at a time. So only answers that hold no
secret are compressed: those of the read-only reader views (they render no
form that posts, and are the same for every reader, see pagecache.py), to a
request with no session, with no CSRF token asked for while rendering.
The admin, whose every page carries a token, is never compressed.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


class ReaderGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not _holds_no_secret(request, response):
            return response
        return super().process_response(request, response)


def _holds_no_secret(request, response) -> bool:
    view = getattr(getattr(request, "resolver_match", None), "func", None)
    return (
        getattr(view, "allowed_methods", None) == ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and response.get("Content-Type", "").startswith(COMPRESSED_TYPES)
    )
