"""Text into search terms, the same way for the index and for queries.

Two streams of terms are made from a text:

- words: jieba's segmentation in search mode ("电动化" -> "电动", "动化", "电动化"),
  what ranking leans on;
- grams: for each run of Han characters its first character, each pair of
  neighbours and its last character, and each run of digits or Latin letters:
  "集群 147 家国家" -> 集 集群 群 147 家 家国 国家 家. Any run of two or more Han
  characters in the text is a phrase of consecutive grams, so a search finds it
  even where jieba cut the text elsewhere ("争粉", "物超人").

Both sides are NFKC-normalised, lowercased and converted from traditional to
simplified Chinese, and the stray spaces the page put between digits and Han
characters are dropped, so "147家" finds "集群 147 家".
"""

import logging
import operator
import re
import threading
import unicodedata

import jieba
import opencc

from ..hanzi import HAN as _HAN

jieba.setLogLevel(logging.WARNING)

_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_RUNS = re.compile(rf"([{_HAN}]+)|([0-9a-z]+)")  # Han runs in the first group, digits and letters in the second
_IS_HAN = re.compile(rf"[{_HAN}]")
# "集群 147 家", "2 月 9 日": a space next to a digit or Latin letter carries no meaning.
_STRAY_SPACE = re.compile(rf"(?<=[{_HAN}])\s+(?=[0-9a-z])|(?<=[0-9a-z])\s+(?=[{_HAN}])")
_WORD = re.compile(rf"^[{_HAN}0-9a-z]+$")
# A term longer than this is noise (a run of Latin letters or digits); it is cut.
MAX_TERM = 64
# A whole word among words joined by spaces, of letters, digits and Han characters only.
# A word of one character ("的", "在": an eighth of a text's terms) is left out: no query
# looks for one among the words, as a query of one character matches the grams.
_WHOLE_TERM = re.compile(rf"(?<!\S)[{_HAN}0-9a-z]{{2,{MAX_TERM}}}(?!\S)")
_dictionary_lock = threading.Lock()
_taught: set[str] = set()


def normalize(text: str) -> str:
    text = _TO_SIMPLIFIED.convert(unicodedata.normalize("NFKC", text).lower())
    return _STRAY_SPACE.sub("", text)


def simplified(text: str) -> str:
    """Lowercase simplified Chinese, without the other normalisations: for highlighting."""
    return _TO_SIMPLIFIED.convert(text.lower())


def runs(text: str) -> list[str]:
    """The Han runs and the digit/Latin runs of a normalised text, in order."""
    return [match.group() for match in _RUNS.finditer(text)]


def is_han(run: str) -> bool:
    return bool(_IS_HAN.match(run))


def run_grams(run: str) -> list[str]:
    return _han_grams(run) if is_han(run) else [run[:MAX_TERM]]


def _han_grams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[0], *map(operator.add, run[:-1], run[1:]), run[-1]]


def grams(text: str) -> list[str]:
    """The grams of a normalised text, in order."""
    found: list[str] = []
    for han, other in _RUNS.findall(text):
        found += _han_grams(han) if han else [other[:MAX_TERM]]
    return found


def words(text: str) -> list[str]:
    """jieba's words of a normalised text, search mode, of two characters or more,
    without punctuation."""
    # One pass of a regular expression over the words joined by spaces is quicker than
    # a test of each word: at 350 words an article, the test took an eighth of jieba's time.
    return _WHOLE_TERM.findall(" ".join(jieba.cut_for_search(text)))


def forget_word(word: str) -> None:
    """Let jieba cut the word as it would without the editors' dictionary."""
    with _dictionary_lock:
        word = normalize(word).strip()
        if word:
            jieba.del_word(word)
            _taught.discard(word)


def add_words(names: list[str]) -> None:
    """Teach jieba words it would cut apart, such as a reporter's name: "李争粉"."""
    with _dictionary_lock:
        for name in names:
            name = normalize(name).strip()
            if len(name) >= 2 and _WORD.match(name) and name not in _taught:
                jieba.add_word(name)
                jieba.suggest_freq(name, tune=True)
                _taught.add(name)
