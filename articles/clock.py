"""The site's clock: what "now" is when deciding whether an edition is out yet.

Publishing compares an edition's publish time with this one function, so that a
test can set the time (tests/clock.py) and see a scheduled edition appear when
its time comes, without waiting for it.
"""

from django.utils import timezone


def now():
    return timezone.now()
