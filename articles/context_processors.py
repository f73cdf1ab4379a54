"""What every page of the site needs: its name and the canonical address of the page shown."""

from django.core.exceptions import DisallowedHost

SITE_NAME = "Digest 报摘"


def site(request):
    return {"site_name": SITE_NAME, "canonical_url": canonical_url(request)}


def canonical_url(request):
    """The page's absolute URL without query parameters, except a list's page number beyond the first.

    Records are reached by their canonical URL only (stale ones redirect), so the path is canonical."""
    page = request.GET.get("page", "")
    path = request.path
    if page.isdigit() and int(page) > 1:
        path += f"?page={int(page)}"
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return ""  # the 400 page for a Host not in ALLOWED_HOSTS: there is no address to give
