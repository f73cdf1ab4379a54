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
    return _WHOLE_TERM.findall(" ".join(_cut_for_search(text)))


def _cut_for_search(text: str):
    """jieba's search-mode cut; a block without punctuation longer than MAX_PIECE from the
    dictionary alone, without jieba's HMM, whose guesses at unknown words cost some 20 µs
    a character: 13 of the 22 s of importing a page of one 1 MB line. (A guessed word is
    still found by its grams.)"""
    start = 0
    for block in _BLOCK.finditer(text):
        yield from jieba.cut_for_search(text[start : block.start()])
        yield from jieba.cut_for_search(" ".join(_pieces(block.group())), HMM=False)
        start = block.end()
    yield from jieba.cut_for_search(text[start:])


# Long runs without punctuation -----------------------------------------------------------
# jieba cuts a text at punctuation and spaces, and segments each block between them in a
# time that grows with the square of its length where its characters make no dictionary
# word (its HMM copies the path so far at every character): a block of 40,000 characters
# took 15 s, and a page whose punctuation was lost (a PDF whose fonts map no punctuation,
# a 名单 of names run together: "王小明李大伟张晓红刘建国陈思远……" for a whole page) holds
# blocks of a million. Such blocks are cut into pieces of at most MAX_PIECE characters
# first, at a natural place where there is one, so each piece costs jieba a bounded time
# and a text any length is segmented in time linear in it. A sentence of news runs some
# 20 to 60 characters between punctuation marks, so a text with its punctuation is never cut.
MAX_PIECE = 100
# A block is a run of anything but punctuation and space, ASCII or CJK (NFKC makes "，"
# a ","): each longer than MAX_PIECE is cut. (A rare character outside jieba's own Han
# range also splits its blocks, but no less slowly: 1 MB of such text took 18 s.)
_PUNCTUATION = (
    r"\s!-/:-@\[-`{-~"  # ASCII
    r"\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f"  # general punctuation ("……", "——"), CJK ("。", "、", "《")
    r"\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full width ("，", "：", "（")
)
_BLOCK = re.compile(rf"[^{_PUNCTUATION}]{{{MAX_PIECE + 1},}}")
# A piece ends, where it can, after a particle that closes a phrase ("……的", "……了") or
# where Han characters meet digits or letters ("第3版", "5G网络"): places where a word
# hardly ever runs on, so cutting there changes no word. Else it ends at MAX_PIECE.
_PARTICLES = "的了"
_HAN_MEETS_OTHER = re.compile(rf"(?<=[{_HAN}])(?=[0-9a-zA-Z])|(?<=[0-9a-zA-Z])(?=[{_HAN}])")


def bounded(text: str) -> str:
    """The text with a space wherever a block jieba would segment whole is cut into pieces."""
    return _BLOCK.sub(lambda block: " ".join(_pieces(block.group())), text)


def _pieces(block: str) -> list[str]:
    pieces = []
    while len(block) > MAX_PIECE:
        window = block[:MAX_PIECE]
        ends = [window.rfind(particle) + 1 for particle in _PARTICLES]
        ends += [match.start() for match in _HAN_MEETS_OTHER.finditer(window)]
        # A natural place in the window's second half, so a piece is never much shorter than MAX_PIECE.
        end = max((end for end in ends if end > MAX_PIECE // 2), default=MAX_PIECE)
        pieces.append(block[:end])
        block = block[end:]
    pieces.append(block)
    return pieces


# The editors' dictionary -----------------------------------------------------------------
# jieba keeps its words in one frequency table (FREQ) and their sum (total). Teaching a
# word changes both; forgetting it puts back exactly what teaching changed, so that a
# worker that was taught a word and then forgot it cuts text as one that never knew it.
# (jieba's own del_word sets the word's frequency to 0 and forbids its HMM to ever make
# the word, which a fresh worker does not: the two would cut "李争粉" differently.)
_before_teaching: dict[str, tuple[int | None, int]] = {}


def dictionary_form(word: str) -> str | None:
    """The word as jieba is taught it, or None for one it is never taught (one character, punctuation)."""
    word = normalize(word).strip()
    return word if len(word) >= 2 and _WORD.match(word) else None


def forget_word(word: str) -> None:
    """Let jieba cut the word as it would without the editors' dictionary."""
    with _dictionary_lock:
        word = normalize(word).strip()
        if word in _before_teaching:
            frequency, added = _before_teaching.pop(word)
            # 0 marks a prefix of longer words in jieba's table, as teaching may have left it.
            jieba.dt.FREQ[word] = frequency or 0
            jieba.dt.total -= added
        _taught.discard(word)


def add_words(names: list[str]) -> None:
    """Teach jieba words it would cut apart, such as a reporter's name: "李争粉"."""
    with _dictionary_lock:
        for name in names:
            name = dictionary_form(name)
            if name and name not in _taught:
                frequency, total = jieba.dt.FREQ.get(name), jieba.dt.total
                jieba.add_word(name)
                jieba.suggest_freq(name, tune=True)
                _before_teaching[name] = (frequency, jieba.dt.total - total)
                _taught.add(name)
