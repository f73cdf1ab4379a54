"""The address a request came from, for django-axes to count failed logins by.

Behind a proxy (DIGEST_BEHIND_PROXY), REMOTE_ADDR is the proxy's own address,
the same for everyone, so five wrong passwords from anyone locked an editor
out for all. The proxy appends the address it saw to X-Forwarded-For; anything
before it came from the client and may be forged, so only the last one counts.
"""

import ipaddress


def forwarded_client_ip(request) -> str | None:
    """The last address in X-Forwarded-For when it is one, else REMOTE_ADDR."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = forwarded.rsplit(",", 1)[-1].strip()
    return last if _is_address(last) else request.META.get("REMOTE_ADDR")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
