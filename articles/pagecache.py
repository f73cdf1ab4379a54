"""Rendered reader pages, kept until what is stored changes.

Every page a reader sees is a function of the database alone: no per-reader
content, no session, no CSP nonce. So a rendered page can be served again, from
the cache every gunicorn worker shares (settings.CACHES), until an import, an
edit or a delete changes the paper.

One change can show on many pages (an article is on the home page, its page,
its section, its column, the feeds and other articles' related lists), so
rather than finding them all, a change moves the site's *generation* on and
pages are cached under the generation they were rendered in. Pages of an older
generation are never looked up again and expire.

The generation is a row in the database (SiteGeneration), moved on inside the
transaction of the change itself: every server reads it for every page, so
none serves a stale page once the change commits, and none sees the new
generation before the new rows. A page is kept only if the generation is still
the one read before the view ran, so what is kept under a generation is exactly
what that generation's rows show.

The key holds the generation, the scheme and host, the path and the one query
parameter the view reads (keep_only): nothing else a client sends makes a new
entry. And it is tied to its database: a generation is a random value made by
that database's own migration and moved on by its own changes, so a cache shared
with, or left over from, another database never finds a page of that one.
"""

import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict

from .models import SiteGeneration

logger = logging.getLogger(__name__)

# What a view may set that a cached copy must keep; the middleware adds the rest on every answer.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "Last-Modified", "X-Robots-Tag")
SITE = 1  # the primary key of the one SiteGeneration row


def generation() -> str:
    current = SiteGeneration.objects.filter(pk=SITE).values_list("value", flat=True).first()
    if current is None:
        # A database whose row was lost (flushed): a new generation can only miss, never serve stale pages.
        current = SiteGeneration.objects.get_or_create(pk=SITE, defaults={"value": uuid.uuid4().hex})[0].value
    return current


def content_changed() -> None:
    """Call inside the transaction that changes what readers see: the new generation
    commits with the change, or not at all."""
    SiteGeneration.objects.update_or_create(pk=SITE, defaults={"value": uuid.uuid4().hex})


def page_key(request, current: str | None = None) -> str:
    """The cache key of a request whose query string holds only what its view reads (keep_only)."""
    address = request.build_absolute_uri().encode()
    return f"pages:{current or generation()}:{hashlib.sha256(address).hexdigest()}"


def keep_only(request, page_parameter: str | None) -> None:
    """Leave the request only the query parameter its view reads: the list's page number.

    "/?utm_source=x" or "/?from=weibo" is the same page as "/": served from its
    cached copy, and rendered, if it must be, without the stray parameter, so that
    no link on it carries that parameter to the next reader (the paging links are
    {% querystring %}). Left alone, every new query string skipped the cache and
    wrote a new entry. A page number is written one way ("?page=02" is "?page=2", and
    "?page=1" is the first page's own address); what is not a number is left for the
    view, which answers 404, so it is never stored.
    """
    kept = QueryDict(mutable=True)
    value = request.GET.get(page_parameter) if page_parameter else None
    if value is not None:
        if value.isdigit():
            value = str(int(value))
        if value != "1":
            kept[page_parameter] = value
    if kept != request.GET:
        request.GET = kept
        request.META["QUERY_STRING"] = kept.urlencode()


def cached_page(view, page_parameter: str | None = None):
    """Serve a reader view's successful GET answers from the cache, per generation.

    page_parameter names the one query parameter the view reads (a list's "page",
    the sitemap's "p"); any other is dropped before the view or the key sees it."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        keep_only(request, page_parameter)
        current = generation()
        key = page_key(request, current)
        stored = _read(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _cacheable(response):

            def store(rendered):
                # The view read its rows after the generation: if a change committed in
                # between, the page may show it, so it must not be kept under the older
                # generation (a database restored to that generation would be served it).
                if generation() == current:
                    headers = [(name, rendered[name]) for name in KEPT_HEADERS if rendered.has_header(name)]
                    _write(key, (rendered.content, headers))

            if getattr(response, "is_rendered", True):
                store(response)
            else:  # a TemplateResponse (the sitemap) renders after the view returns
                response.add_post_render_callback(store)
        return response

    return cached_view


# The cache is a speed-up, never a reason to fail an answer: a full or unwritable
# folder (OSError), a Redis that is down (redis.ConnectionError) or anything else a
# backend raises only costs this page its copy. /healthz reports the cache (cache_works).
def _read(key):
    try:
        return cache.get(key)
    except Exception:  # every backend fails in its own way; see above
        logger.warning("page cache: could not read %s; serving the page uncached", key, exc_info=True)
        return None


def _write(key, value) -> None:
    try:
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    except Exception:  # as in _read
        logger.warning("page cache: could not keep %s; the page stays uncached", key, exc_info=True)


def cache_works() -> bool:
    """Whether the cache keeps and gives back a value now; for /healthz."""
    probe, token = "healthz:probe", uuid.uuid4().hex
    try:
        cache.set(probe, token, 60)
        return cache.get(probe) == token
    except Exception:  # as in _read
        logger.warning("page cache: the health probe failed", exc_info=True)
        return False


def _cacheable(response) -> bool:
    """A complete, public 200: not streamed, setting no cookie, the same for every reader."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
    )
