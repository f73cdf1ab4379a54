"""An article body as editors write it: plain text, one blank line between paragraphs.

A subhead is a paragraph of its own that starts with "## ":

    1月5日，北京市科委……

    ## 强信心：多起来、大起来、强起来

    增强信心谋发展，创新奋进新征程。

The parser's blocks, the admin's text box, the export and the page's HTML are
all this one format, converted here and nowhere else.
"""

import re

from django.utils.html import format_html, format_html_join

from .parsing.structure import PARAGRAPH, SUBHEAD, Block
from .parsing.text import join_lines

SUBHEAD_MARK = "## "
_BLANK_LINES = re.compile(r"\n\s*\n")


def blocks_to_body(blocks: list[Block]) -> str:
    return "\n\n".join(SUBHEAD_MARK + block.text if block.kind == SUBHEAD else block.text for block in blocks)


def body_to_blocks(body: str) -> list[Block]:
    blocks = []
    for chunk in _BLANK_LINES.split(body.replace("\r\n", "\n")):
        # An editor may break a long paragraph over lines; they are one paragraph.
        text = join_lines([line.strip() for line in chunk.splitlines() if line.strip()])
        if text.startswith(SUBHEAD_MARK.strip()):
            blocks.append(Block(SUBHEAD, text.removeprefix(SUBHEAD_MARK.strip()).strip()))
        elif text:
            blocks.append(Block(PARAGRAPH, text))
    return blocks


def body_to_html(body: str) -> str:
    """Escaped HTML for a body: a page's "<script>" shows as text."""
    return format_html_join(
        "\n",
        "{}",
        (
            (format_html("<h3>{}</h3>" if block.kind == SUBHEAD else "<p>{}</p>", block.text),)
            for block in body_to_blocks(body)
        ),
    )


def first_paragraph(body: str) -> str:
    return next((block.text for block in body_to_blocks(body) if block.kind == PARAGRAPH), "")
