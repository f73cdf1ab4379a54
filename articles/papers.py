"""A paper's name and its address: the slug that starts every URL of its editions.

The slug is the name's pinyin, e.g. 青岚科技日报 -> "qinglankejiribao", so that an
address can be read aloud and typed; editors may change it in the admin. A slug
must not be one of the site's own top-level addresses ("search", "archive" …),
and starts with a letter, so that no slug looks like a date ("2023-02-11"), an
old undated edition ("undated-3") or a page.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from pypinyin import lazy_pinyin

# The site's own first path segments (digest/urls.py, articles/urls.py): a paper
# named so would be unreachable.
RESERVED_SLUGS = frozenset(
    {"admin", "api", "archive", "columns", "feeds", "healthz", "media", "search", "sections", "static", "sitemap.xml"}
)
SLUG_PATTERN = r"[a-z][a-z0-9-]*"
_SLUG = re.compile(rf"{SLUG_PATTERN}\Z")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Old addresses of undated editions start so ("/undated-3/"): see articles/models.UNDATED_PREFIX.
_UNDATED_LOOKALIKE = re.compile(r"undated-\d")
SLUG_MAX_LENGTH = 60


def pinyin_slug(name: str) -> str:
    """The name's pinyin, letters and digits only: "澜州日报" -> "lanzhouribao", "21世纪报" -> "p21shijibao"."""
    words = lazy_pinyin(name)
    slug = _NOT_SLUG.sub("-", "".join(words).lower()).strip("-")[:SLUG_MAX_LENGTH].strip("-")
    if not slug:
        return "paper"
    if not slug[0].isalpha():
        slug = f"p{slug}"
    if slug in RESERVED_SLUGS or _UNDATED_LOOKALIKE.match(slug):
        slug = f"{slug}-paper"
    return slug


def validate_slug(value: str) -> None:
    if not _SLUG.match(value):
        raise ValidationError("网址名只能用小写字母、数字和连字符，并以字母开头，例如 lanzhouribao。")
    if value in RESERVED_SLUGS or _UNDATED_LOOKALIKE.match(value):
        raise ValidationError("“%(slug)s”是本站自己的网址，请换一个。", params={"slug": value})


def default_paper_name() -> str:
    """Where a page goes that prints no paper's name and was given none on import."""
    return settings.DIGEST_DEFAULT_PAPER
