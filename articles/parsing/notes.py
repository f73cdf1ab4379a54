"""An article's notes around its body: the dateline and byline that open it, and the
signature, closing dateline or author line that close it.

"新华社北京10月19日电（记者赵超、安蓓）历史，…" opens a body; "（本报北京、……10月19日电
记者李欣怡、……）", "——编  者" and "江苏南京市  刘国华" close one.
"""

import re

from ..hanzi import is_han
from .bylines import authors_of, collapse_padding, split_opening, split_trailing_author, split_trailing_continuation
from .structure import PARAGRAPH, Article
from .vocabulary import (
    BYLINE_LINE,
    CLOSING_DATELINE,
    CREDIT_LINE,
    PLACE_ENDINGS,
    SIGNATURE_LINE,
    SPACED_CREDIT_LINE,
    looks_like_name,
)

_SPACES = re.compile(r"\s+")
# A place or outlet and a name, signing a reader's letter or a web report, is short:
# "河南鄢陵县  邢先生" has 8 characters, "人民网记者  罗  娜" 7. Nothing here changes from 8 to
# 30: a margin, so that a line of running text ending on a name is not taken for one.
MAX_SIGNATURE = 14


def is_author_line(text: str) -> bool:
    """The line under a title that names its author: "本报记者  王崟欣", "洪  勇",
    "陶多多", "玛丽娜·拉古什", "人民网记者  罗  娜", "河南鄢陵县  邢先生"."""
    if BYLINE_LINE.match(collapse_padding(text)):
        return True
    tokens = text.split()
    if not tokens or any(not is_name_text(token) for token in tokens):
        return False
    joined = "".join(tokens)
    if len(tokens) > 1 and all(len(token) == 1 for token in tokens):  # "洪  勇", "裴  桐"
        return looks_like_name(joined)
    last = tokens[-1]
    if len(tokens) == 1:
        return looks_like_name(last) or "·" in last
    # "河南鄢陵县  邢先生", "人民网记者  罗  娜": a place or an outlet, then the name.
    first = tokens[0]
    return (first.endswith(PLACE_ENDINGS) or first.endswith("记者")) and len(joined) <= MAX_SIGNATURE


def is_name_text(token: str) -> bool:
    return all(is_han(char) or char == "·" for char in token)


def is_credit(text: str) -> bool:
    return bool(CREDIT_LINE.match(text) or SPACED_CREDIT_LINE.match(text))


def finish_article(article: Article) -> None:
    """Dateline, byline and continuation note out of the body's first and last paragraphs."""
    paragraphs = [block for block in article.body if block.kind == PARAGRAPH]
    if paragraphs:
        first = paragraphs[0]
        dateline, byline, continuation, rest = split_opening(first.text)
        if dateline or continuation:
            # "本报讯（记者 韩冰）（上接第1版）…" opens the second part of a story.
            first.text = rest
            article.dateline = dateline or article.dateline
            article.byline = " ".join(part for part in (article.byline, byline) if part)
            article.continuation = " ".join(part for part in (article.continuation, continuation) if part)
        last = paragraphs[-1]
        last.text, note = split_trailing_continuation(last.text)
        if note:  # "（下转第2版）" under the last column
            article.continuation = (article.continuation + " " + note).strip()
        if match := CLOSING_DATELINE.match(last.text):
            # "（本报北京、里约热内卢……10月19日电  记者李欣怡、……黄培昭）" closes the story.
            article.dateline = article.dateline or match["dateline"]
            article.byline = " ".join(part for part in (article.byline, match["byline"]) if part)
            last.text = ""
        elif (match := SIGNATURE_LINE.match(last.text)) and not article.byline:
            # "——编  者" signs a note that no reporter wrote: it is the note's byline.
            article.byline, last.text = _SPACES.sub(" ", match["name"]), ""
        elif not article.byline and is_author_line(last.text):
            # "江苏南京市  刘国华" under a reader's letter: the letter's signature.
            article.byline, last.text = _SPACES.sub(" ", last.text), ""
        elif not article.byline:
            last.text, author = split_trailing_author(last.text)
            article.byline = author
    article.body = [block for block in article.body if block.text]
    article.authors = authors_of(article.byline)
