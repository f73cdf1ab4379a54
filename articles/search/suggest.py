"""Suggestions while typing: titles and words for what the reader has typed so far.

"澜州" suggests the titles of the best hits holding it, then words of the index
and the editors' dictionary beginning with it; "lanz" (pinyin) the same for the
Han words it begins to spell.
"""

from dataclasses import dataclass

from ..models import DictionaryWord
from .query import clean
from .terms import normalize
from .vocabulary import is_pinyin, starting_with

MAX_SUGGESTIONS = 10
MAX_TITLES = 5
MAX_PREFIX = 30


@dataclass(frozen=True)
class Suggestion:
    text: str
    kind: str  # "title" or "word"


def suggestions(typed: str, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    from . import search

    prefix = normalize(clean(typed)[:MAX_PREFIX]).strip()
    if not prefix:
        return []
    words = starting_with(prefix, limit)
    if not is_pinyin(prefix):
        editors = DictionaryWord.objects.filter(word__startswith=prefix).order_by("word")
        words = list(dict.fromkeys([*editors.values_list("word", flat=True)[:limit], *words]))
    looked_for = words[0] if is_pinyin(prefix) and words else prefix
    titles = [hit.plain_title for hit in search(looked_for, per_page=MAX_TITLES).hits if not hit.missing]
    found = [Suggestion(title, "title") for title in dict.fromkeys(titles)]
    found += [Suggestion(word, "word") for word in words if word not in titles]
    return found[:limit]
