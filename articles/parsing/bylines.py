"""Datelines, bylines and their authors, wherever the page prints them.

"本报讯（记者 李争粉） 中共中央…" opens a body; "▶ 本报记者 张伟" stands under a
headline; "…停车位的10%。 丁涛" closes a body with its author.
"""

import re

from ..hanzi import HAN, is_han
from .text import DECORATIONS
from .vocabulary import (
    DATELINE,
    EDITOR_SIGNATURE,
    LEADING_CONTINUATION,
    PLACE_ENDINGS,
    ROLES,
    TRAILING_CONTINUATION,
    looks_like_name,
)

# A name in a byline is two characters ("丁涛") or more: at 3, sample-3's "记者 秦朗" has
# no author. At most five, for a name without its dot; no page here has a name of four or
# more without one (nothing changes from 3 to 8): a margin, not a fit.
MIN_NAME = 2
MAX_NAME = 5
_NAME_SEPARATORS = re.compile(r"[\s、，,]+")
_ROLE_WORDS = re.compile("|".join(ROLES))
# "…停车位的10%。 丁涛": a name after the last sentence of a body.
_TRAILING_NAME = re.compile(rf"(?<=[。！？”])\s*(?P<name>[{HAN}]{{2,4}})$")
# Inside a body a name counts only when the extractor spaced it off: "…很振奋！”祖名豆" ⏎ "制品
# 股份有限公司…" runs on into a company's name, while "…的10%。 丁涛" is signed.
_SPACED_TRAILING_NAME = re.compile(rf"(?<=[。！？”])\s+(?P<name>[{HAN}]{{2,4}})$")


def authors_of(byline: str) -> list[str]:
    """The names in a byline: "记者 周启航 通讯员 沈一帆" gives ["周启航", "沈一帆"];
    "本报记者  乔  栋  曹继炜" gives ["乔栋", "曹继炜"], "人民网记者  罗  娜" ["罗娜"],
    and a reader's "河南鄢陵县  邢先生" ["邢先生"]."""
    tokens = _NAME_SEPARATORS.split(collapse_padding(byline.strip(DECORATIONS + " （）()")))
    names = []
    for token in tokens:
        # "人民网记者" and "本报记者" name an outlet and a role, not a person; "记者金歆" opens on one.
        token = _ROLE_WORDS.split(token)[-1]
        # Foreign names keep their dot and their length: "玛丽娜·拉古什".
        is_name = MIN_NAME <= len(token) <= MAX_NAME or "·" in token
        if is_name and not token.endswith(PLACE_ENDINGS) and token != EDITOR_SIGNATURE:
            names.append(token)
    return names


# Papers pad a two-character name to the width of three: "洪  勇", "本报记者  程 龙  潘俊强".
_PADDED_NAME = re.compile(rf"(?<![^\s、，,])([{HAN}])\s+([{HAN}])(?![^\s、，,])")


def collapse_padding(text: str) -> str:
    """ "本报记者  徐  靖" as "本报记者 徐靖": the padding inside a name taken out."""
    return " ".join(_PADDED_NAME.sub(r"\1\2", text).split())


def join_bylines(*bylines: str) -> str:
    """Bylines printed in two places, both kept: "本报记者 孟晴" and "通讯员 杜衡"."""
    return " ".join(byline for byline in bylines if byline)


def split_opening(text: str) -> tuple[str, str, str, str]:
    """(dateline, byline, continuation, rest) from the first paragraph of a body."""
    dateline = byline = continuation = ""
    if match := DATELINE.match(text):
        dateline, byline = match["dateline"], (match["byline"] or "").strip()
        text = text[match.end() :]
    if match := LEADING_CONTINUATION.match(text):
        continuation = match["note"]
        text = text[match.end() :]
    return dateline, byline, continuation, text


def split_trailing_continuation(text: str) -> tuple[str, str]:
    """("…安全。", "（下转第3版）") from a last paragraph that ends with the note."""
    # The note closes on a bracket: looking at the last character first spares a search.
    if text.endswith(("）", ")")) and (match := TRAILING_CONTINUATION.search(text)):
        return text[: match.start()], match["note"]
    return text, ""


def split_trailing_author(text: str, spaced: bool = False) -> tuple[str, str]:
    """("…停车位的10%。", "丁涛") when a surname-led name follows the last full stop;
    with spaced, only when a space stands before the name."""
    if not is_han(text[-1:]):  # the name's last character, looked at before searching
        return text, ""
    match = (_SPACED_TRAILING_NAME if spaced else _TRAILING_NAME).search(text)
    if match and looks_like_name(match["name"]):
        return text[: match.start()].rstrip(), match["name"]
    return text, ""
