"""Small facts about Chinese text that every parsing step shares."""

import re
import unicodedata
from functools import cache

from ..hanzi import HAN_RUN

# A sentence ends on one of these, possibly followed by closing quotes or brackets.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》"

# Punctuation that only occurs inside running text, never in a headline, rubric
# or teaser line: "近年来，河北省" is a wrapped caption line, not a title.
RUNNING_TEXT_MARKS = set("，。；！？、,;")

# Printed decorations before bylines and page references: "▶ 本报记者 张伟", "■ 2版".
DECORATIONS = "▶►■□●○◆◇★☆▲△▼▽"

_SPACES = re.compile(r"\s+")


def width(text: str) -> float:
    """Printed width in Han-character units: digits and Latin letters are half as wide."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))  # the ASCII characters, counted in C


def ends_sentence(text: str) -> bool:
    """True for "…代化。" and "…增收。”", false for "…正确" or "…（记者 操秀英）"."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def has_running_text_marks(text: str) -> bool:
    return not RUNNING_TEXT_MARKS.isdisjoint(text)  # any(char in RUNNING_TEXT_MARKS …), looped in C


def join_lines(lines: list[str]) -> str:
    """Rejoin wrapped lines: no space between two Han characters (or any CJK mark),
    one space between two Latin words that the wrap had separated."""
    joined = ""
    for line in lines:
        if joined and line and needs_space(joined[-1], line[0]):
            joined += " "
        joined += line
    return joined


def needs_space(last: str, first: str) -> bool:
    """Whether the line break between two characters must stay a space when the lines are rejoined.

    - Two Latin letters: "single" ⏎ "crystal" are two words.
    - A character that NFKC fuses with the one before it (an accent U+0301, a Hangul
      vowel U+1161, a half-width voicing mark U+FF9E): "e" ⏎ U+0301 counts as "e" on the
      page, but would count as "é" rejoined, and "nothing lost" is counted on NFKC text.
    """
    if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return True
    return fuses_with_previous(first)


@cache
def fuses_with_previous(char: str) -> bool:
    """NFKC would merge this character into the one before it: a combining mark, or a
    Hangul vowel or final consonant jamo (they compose with the jamo before them)."""
    if char < "\u0300":  # nothing below the combining accents fuses
        return False
    first = unicodedata.normalize("NFKD", char)[0]
    return unicodedata.combining(first) > 0 or unicodedata.category(first)[0] == "M" or "\u1160" <= first <= "\u11ff"


def keep_apart(text: str) -> str:
    """A text field that opens with a fusing character gets a space before it: the page's
    text fields are read one after another, and NFKC would fuse that character with the
    last one of the field before."""
    return " " + text if text and fuses_with_previous(text[0]) else text


def strip_decorations(text: str) -> str:
    return text.lstrip(DECORATIONS + " ").strip()


def han_bigrams(text: str) -> set[str]:
    """Pairs of neighbouring Han characters: a cheap, dictionary-free measure of
    what a headline and a body have in common."""
    return {run[i : i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)}


# A sentence end and the closing quotes, brackets and further ends printed after it: "。”", "？！".
_SENTENCE_BREAK = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS + SENTENCE_END)}]*")


def split_sentences(text: str) -> list[str]:
    """Split after each sentence end, keeping closing quotes with their sentence."""
    sentences, start = [], 0
    for end in _SENTENCE_BREAK.finditer(text):
        sentences.append(text[start : end.end()])
        start = end.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]
