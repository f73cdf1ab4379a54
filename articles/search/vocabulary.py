"""The index's own words, with their pinyin: what a reader may have meant.

- a query in pinyin, "lanzhou" or its initials "lz", reaches the Han words it
  spells (澜州);
- an empty result on a likely typo, a homophone or one character off ("澜洲港"),
  suggests the word of the index it resembles ("澜州港");
- the search box suggests words beginning with what was typed.

Indexing adds each new word of the headlines it writes (remember_words); the
words live in the database (SearchWord), so every server draws on the same.
"""

import re
from functools import cache

from django.db import connection
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from ..models import SearchWord
from .terms import is_han

# A word is kept if it is all Han characters: pinyin spells nothing else.
_HAN_WORD = re.compile(r"^\w{2,64}$")
_PINYIN = re.compile(r"^[a-z]{2,30}$")
# Initials alone ("lz") name many words; up to this many letters are read as initials.
MAX_INITIALS = 4
# A pinyin query reads as up to this many Han words, shortest first.
MAX_SPELLED = 20
LOOKUP_BATCH = 500


def spellings(word: str) -> tuple[str, str]:
    """The word's pinyin without tones, and its initials: 澜州 -> ("lanzhou", "lz").

    pypinyin's phrase lookup is most of the vocabulary's cost (107 us a word for
    both spellings), and only a character of several readings (重: zhong, chong)
    needs it: a word of single-reading characters is spelled character by
    character, from a cache (54 us; the same spelling for jieba's 20,000 first words)."""
    by_character = [_only_reading(char) for char in word]
    syllables = by_character if all(by_character) else lazy_pinyin(word)
    return "".join(syllables), "".join(syllable[:1] for syllable in syllables)


@cache
def _only_reading(char: str) -> str | None:
    readings = pinyin_dict.get(ord(char), "")
    return lazy_pinyin(char)[0] if readings and "," not in readings else None


def pinyin(word: str) -> str:
    return spellings(word)[0]


def _is_han_word(word: str) -> bool:
    return bool(_HAN_WORD.match(word)) and all(is_han(char) for char in word)


def remember_words(documents) -> None:
    """Add the new Han words of these documents' word streams.

    bench/search.py profiled 1,500 articles whose words come from all of jieba's
    dictionary: 75,000 new words took 26 of the index's 58 seconds, half of it
    pypinyin and half building and inserting rows through the ORM; the rows are
    now inserted as plain tuples. A paper's own words soon repeat, and a known word
    costs only its lookup."""
    found = sorted(
        {
            word
            for document in documents
            for stream in (document.title_words, document.body_words)
            for word in stream.split()
            if _is_han_word(word)
        }
    )
    for start in range(0, len(found), LOOKUP_BATCH):
        batch = found[start : start + LOOKUP_BATCH]
        known = set(SearchWord.objects.filter(word__in=batch).values_list("word", flat=True))
        new = [(word, *spellings(word)) for word in batch if word not in known]
        if new:
            _insert(new)


def _insert(rows: list[tuple[str, str, str]]) -> None:
    """Insert (word, pinyin, initials) rows; a word another server added meanwhile is kept once."""
    table = SearchWord._meta.db_table
    # Both SQLite (3.24+) and PostgreSQL read ON CONFLICT DO NOTHING.
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (word, pinyin, initials) VALUES (%s, %s, %s) ON CONFLICT (word) DO NOTHING", rows
        )


def is_pinyin(text: str) -> bool:
    return bool(_PINYIN.match(text))


def spelled(text: str) -> list[str]:
    """The Han words of the index that this pinyin spells, in full or by initials."""
    if not is_pinyin(text):
        return []
    words = SearchWord.objects.filter(pinyin=text)
    if len(text) <= MAX_INITIALS:
        words = words | SearchWord.objects.filter(initials=text)
    return sorted(words.values_list("word", flat=True)[:200], key=lambda word: (len(word), word))[:MAX_SPELLED]


def resembling(word: str) -> list[str]:
    """Words of the index a reader may have meant by this one: homophones first, then
    words one character off, of the same length."""
    if not _is_han_word(word):
        return []
    homophones = list(SearchWord.objects.filter(pinyin=pinyin(word)).exclude(word=word).values_list("word", flat=True))
    one_off = []
    for place in range(len(word)):
        # "澜洲" -> 澜_ and _洲: the same word but for the character at place.
        before, after = word[:place], word[place + 1 :]
        candidates = SearchWord.objects.filter(word__startswith=before, word__endswith=after)
        one_off += [
            other
            for other in candidates.exclude(word=word).values_list("word", flat=True)[:200]
            if len(other) == len(word)
        ]
    return list(dict.fromkeys(homophones + one_off))


def starting_with(prefix: str, limit: int) -> list[str]:
    """Words of the index beginning with prefix, in Han characters or in pinyin."""
    if is_pinyin(prefix):
        words = SearchWord.objects.filter(pinyin__startswith=prefix).order_by("pinyin")
    else:
        # A range of the unique index, and the prefix itself for collations not in code point order.
        words = SearchWord.objects.filter(word__gte=prefix, word__lt=prefix + "\U0010ffff", word__startswith=prefix)
        words = words.order_by("word")
    return list(words.values_list("word", flat=True)[:limit])
