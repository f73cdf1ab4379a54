"""Page furniture: the header and footer lines that name the paper, date and page.

"青岚科技日报 2023年3月6日 星期一 第1版 要闻 责任编辑：韩雪 美术编辑：吴迪" is one;
"云川日报" ⏎ "2023年2月10日 星期五 第1版 要闻 …" is a header over two lines.
"""

from dataclasses import dataclass, field

from .lines import Line
from .structure import PageInfo
from .text import ends_sentence
from .vocabulary import (
    HEADER_DATE,
    HEADER_EDITORS,
    HEADER_PAGE,
    HEADER_WEEKDAY,
    PAGE_NUMBER_LINE,
    PAPER_NAME,
    PAPER_NAME_OPENING,
    QUOTED_PAPER_NAME,
)

# Furniture is printed in the first or last few lines, never in between.
EDGE = 3


def is_furniture(text: str) -> bool:
    """A header or footer line: it names the page's editors, or gives a date with a weekday or page."""
    if ends_sentence(text):
        return False
    if HEADER_EDITORS.search(text):
        return True
    return bool(HEADER_DATE.search(text) and (HEADER_WEEKDAY.search(text) or HEADER_PAGE.search(text)))


def split_furniture(lines: list[Line]) -> tuple[PageInfo, list[Line]]:
    """Take the header and footer lines off the page and read the page facts from them."""
    top = 0
    while top < min(EDGE, len(lines)):
        text = lines[top].text
        next_is_header = top + 1 < len(lines) and is_furniture(lines[top + 1].text)
        # "云川日报" alone on the first line, above the dated header line.
        if is_furniture(text) or (top == 0 and PAPER_NAME.match(text) and next_is_header):
            top += 1
        else:
            break
    bottom = len(lines)
    while bottom > top and len(lines) - bottom < EDGE and is_furniture(lines[bottom - 1].text):
        bottom -= 1
    # A footer may name the paper on a line of its own above the dated line, as a header does.
    if top < bottom < len(lines) and PAPER_NAME.match(lines[bottom - 1].text):
        bottom -= 1
    furniture = lines[:top] + lines[bottom:]
    return read_page_info([line.text for line in furniture]), lines[top:bottom]


# The editors' box closes a web edition's last PDF page: "本版责编：马  涌", "本版邮箱：…",
# "欢迎广大读者来稿。…". It starts this close to the end of the page.
CLOSING_BOX_LINES = 8


@dataclass
class RunningFurniture:
    """A one-column page without its furniture, and where the furniture stood."""

    page: PageInfo
    lines: list[Line]
    breaks: set[int] = field(default_factory=set)  # lines printed just after furniture
    paper_lines: set[int] = field(default_factory=set)  # lines just above a paper's line


def is_paper_line(text: str) -> bool:
    """The line a web edition prints under every title: "《人民日报》（2025年10月20日 第 02 版）"."""
    return bool(HEADER_DATE.search(text) and HEADER_PAGE.search(text))


def split_running_furniture(lines: list[Line]) -> RunningFurniture:
    """Take the furniture off a one-column page wherever it stands: the paper's line under
    each title, the PDF's page numbers ("第 30 页"), and the editors' box at the end."""
    box = next(
        (k for k, line in enumerate(lines) if len(lines) - k <= CLOSING_BOX_LINES and HEADER_EDITORS.search(line.text)),
        len(lines),
    )
    kept = RunningFurniture(page=PageInfo(), lines=[])
    furniture: list[str] = []
    after_furniture = False
    for k, line in enumerate(lines):
        if k >= box or is_furniture(line.text) or PAGE_NUMBER_LINE.match(line.text):
            furniture.append(line.text)
            if is_paper_line(line.text):
                if kept.lines:
                    kept.paper_lines.add(kept.lines[-1].index)
            else:
                after_furniture = True  # a page number: the PDF page turns here
            continue
        if after_furniture:
            kept.breaks.add(line.index)
        after_furniture = False
        kept.lines.append(line)
    kept.page = read_page_info(furniture)
    return kept


def read_page_info(texts: list[str]) -> PageInfo:
    info = PageInfo(lines=texts)
    if date := HEADER_DATE.search(" ".join(texts)):
        info.date = f"{int(date['year']):04d}-{int(date['month']):02d}-{int(date['day']):02d}"
    if quoted := QUOTED_PAPER_NAME.search(" ".join(texts)):
        info.paper = quoted["paper"]
        if page := HEADER_PAGE.search(" ".join(texts)):
            info.number = page["number"].lstrip("0") or "0"
        return info
    tokens = " ".join(texts).split()
    if not any(PAPER_NAME.match(token) for token in tokens) and (named := PAPER_NAME_OPENING.search(" ".join(texts))):
        # "人民日报2025年10月20日 星期一": a typeset header sets the date close to the name.
        info.paper = named["paper"]
    for position, token in enumerate(tokens):
        if not info.paper and PAPER_NAME.match(token):
            info.paper = token
        if not info.number and (page := HEADER_PAGE.search(token)):
            info.number = page["number"]
            # The section follows the page number: "第1版 要闻" or "第1版：要闻".
            rest = token[page.end() :].lstrip("：: ")
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            candidate = rest or following
            if candidate and not HEADER_EDITORS.search(candidate) and "：" not in candidate and ":" not in candidate:
                info.section = candidate
    return info
