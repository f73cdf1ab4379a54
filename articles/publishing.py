"""Putting an edition out, and taking it back: the editors' side of drafts.

An imported edition starts as a draft (Edition.published_at is None). Readers see
an edition from its publish time on, everywhere at once, since every reader
surface asks PublishedQuerySet.published(); editors see drafts too, under a
"草稿" banner (shows_drafts).

Each change is saved one edition at a time, so that it lands in the edition's
history with a reason and moves the page cache's generation on (signals.py).
"""

import datetime

from django.conf import settings
from django.db import transaction

from . import clock
from .models import Edition


def publish(editions, at: datetime.datetime | None = None, *, reason: str = "") -> int:
    """Publish the editions now, or schedule them for ``at``. Returns how many changed."""
    when = at or clock.now()
    return _set(editions, when, reason or ("发布" if at is None else f"定时发布：{when:%Y-%m-%d %H:%M}"))


def unpublish(editions, *, reason: str = "撤回发布") -> int:
    """Make the editions drafts again: their addresses answer 404 to readers until published."""
    return _set(editions, None, reason)


def publish_new_drafts(editions) -> int:
    """Publish those of the editions still drafts (importpages --publish): a scheduled
    or published edition keeps its time."""
    return publish([edition for edition in editions if edition.published_at is None])


def _set(editions, when, reason: str) -> int:
    changed = 0
    with transaction.atomic():
        for edition in editions:
            if edition.published_at == when:
                continue
            edition.published_at = when
            edition._change_reason = reason
            edition.save(update_fields=["published_at"])
            changed += 1
    return changed


def shows_drafts(request) -> bool:
    """Whether the request is an editor's, who sees drafts on the site.

    Only a request that carries a session cookie is asked who it is: a reader's
    request never touches the session, so the pages answered to readers stay the
    same for every reader and can be cached (pagecache.py)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_active and user.is_staff)


def next_scheduled_publish() -> datetime.datetime | None:
    """When the next edition scheduled for later comes out: no cached page may outlive it."""
    return (
        Edition.objects.filter(published_at__gt=clock.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
