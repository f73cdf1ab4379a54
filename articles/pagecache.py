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
generation before the new rows. A page is looked up only after the generation
was read, so a page rendered from rows newer than its generation is at worst
cached under an older one, where nobody looks for it again.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .models import SiteGeneration

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


def page_key(request) -> str:
    address = request.build_absolute_uri().encode()
    return f"pages:{generation()}:{hashlib.sha256(address).hexdigest()}"


def cached_page(view):
    """Serve a reader view's successful GET answers from the cache, per generation."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _cacheable(response):

            def store(rendered):
                headers = [(name, rendered[name]) for name in KEPT_HEADERS if rendered.has_header(name)]
                cache.set(key, (rendered.content, headers), settings.PAGE_CACHE_SECONDS)

            if getattr(response, "is_rendered", True):
                store(response)
            else:  # a TemplateResponse (the sitemap) renders after the view returns
                response.add_post_render_callback(store)
        return response

    return cached_view


def _cacheable(response) -> bool:
    """A complete, public 200: not streamed, setting no cookie, the same for every reader."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
    )
