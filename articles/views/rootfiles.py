"""The files browsers and crawlers ask for at the site's root: /robots.txt and /favicon.ico."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse

# Crawlers may read the whole paper; the admin is private, and search pages are
# endless variations of pages the sitemap already lists.
DISALLOWED = ("/admin/", "/search/", "/api/")


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers that ignore the page's <link rel="icon"> ask for /favicon.ico: send them the SVG.

    Not a permanent redirect: in production the icon's name holds a hash of its content.
    """
    return redirect(static("favicon.svg"))
