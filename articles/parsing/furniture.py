"""Page furniture: the header and footer lines that name the paper, date and page.

"青岚科技日报 2023年3月6日 星期一 第1版 要闻 责任编辑：韩雪 美术编辑：吴迪" is one;
"云川日报" ⏎ "2023年2月10日 星期五 第1版 要闻 …" is a header over two lines.
"""

from .lines import Line
from .structure import PageInfo
from .text import ends_sentence
from .vocabulary import HEADER_DATE, HEADER_EDITORS, HEADER_PAGE, HEADER_WEEKDAY, PAPER_NAME

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


def read_page_info(texts: list[str]) -> PageInfo:
    info = PageInfo(lines=texts)
    if date := HEADER_DATE.search(" ".join(texts)):
        info.date = f"{int(date['year']):04d}-{int(date['month']):02d}-{int(date['day']):02d}"
    tokens = " ".join(texts).split()
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
