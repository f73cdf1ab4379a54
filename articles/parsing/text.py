"""Small facts about Chinese text that every parsing step shares."""

import re

# A sentence ends on one of these, possibly followed by closing quotes or brackets.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》"

# Punctuation that only occurs inside running text, never in a headline, rubric
# or teaser line: "近年来，河北省" is a wrapped caption line, not a title.
RUNNING_TEXT_MARKS = set("，。；！？、,;")

# Printed decorations before bylines and page references: "▶ 本报记者 张伟", "■ 2版".
DECORATIONS = "▶►■□●○◆◇★☆▲△▼▽"

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SPACES = re.compile(r"\s+")


def is_han(char: str) -> bool:
    return bool(_HAN.match(char))


def width(text: str) -> float:
    """Printed width in Han-character units: digits and Latin letters are half as wide."""
    return len(text) - 0.5 * len(_NON_ASCII.sub("", text))


def ends_sentence(text: str) -> bool:
    """True for "…代化。" and "…增收。”", false for "…正确" or "…（记者 操秀英）"."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def has_running_text_marks(text: str) -> bool:
    return any(char in RUNNING_TEXT_MARKS for char in text)


def join_lines(lines: list[str]) -> str:
    """Rejoin wrapped lines: no space between two Han characters (or any CJK mark),
    one space between two Latin words that the wrap had separated."""
    joined = ""
    for line in lines:
        if (
            joined
            and line
            and joined[-1].isascii()
            and joined[-1].isalpha()
            and line[0].isascii()
            and line[0].isalpha()
        ):
            joined += " "
        joined += line
    return joined


def strip_decorations(text: str) -> str:
    return text.lstrip(DECORATIONS + " ").strip()


def han_bigrams(text: str) -> set[str]:
    """Pairs of neighbouring Han characters: a cheap, dictionary-free measure of
    what a headline and a body have in common."""
    return {run[i : i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1)}


def split_sentences(text: str) -> list[str]:
    """Split after each sentence end, keeping closing quotes with their sentence."""
    sentences, start, i = [], 0, 0
    while i < len(text):
        if text[i] in SENTENCE_END:
            j = i + 1
            while j < len(text) and (text[j] in CLOSERS or text[j] in SENTENCE_END):
                j += 1
            sentences.append(text[start:j])
            start = i = j
            continue
        i += 1
    if text[start:].strip():
        sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]
