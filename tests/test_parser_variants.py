"""Fixture pages printed in another order still parse to their expected structure.

Pages the parser has not seen hold the same quirks in other orders. Each
variant moves lines of a fixture page the way an extractor might have printed
them, so the expected structure stays the page's own.
"""

import json
from pathlib import Path

import pytest
from pagescore import compare

from articles.parsing import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def moved(text, line, before, after, printed=None):
    """The text with line taken from before `before` and put after `after` (as printed, if given)."""
    assert line + before in text and after in text
    return text.replace(line + before, before).replace(after, after + (printed or line))


VARIANTS = {
    # A headline printed glued above its body moves below it, over a row of teasers.
    "headline-after-body-above-teasers": (
        "sample-1",
        lambda text: moved(
            text,
            "青岚首条低空医疗物流航线开通\n",
            "本报讯 3月3日上午",
            "“空中急救网”。\n\n",
            "青岚首条低空医疗物流航线开通\n\n",
        ),
    ),
    # Of two headlines standing together, the first moves to the end of the page.
    "headline-at-the-end-of-the-page": (
        "sample-1",
        lambda text: moved(text, "全国青少年科学调查\n体验活动启动\n\n", "青岚高新区发布首批", "■ 6版\n"),
    ),
    # A headline with its byline moves below its body, which now runs on from
    # another article's last paragraph in a column of a different width.
    "bylined-headline-after-its-body": (
        "sample-2",
        lambda text: moved(
            text, "消费回暖“烟火气”渐浓\n本报记者 冉舟\n\n", "一碗热气腾腾", "让消费潜力进一步释放。\n\n"
        ),
    ),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_page_printed_in_another_order_parses_the_same(name):
    source, change = VARIANTS[name]
    text = change((PAGES / f"{source}.txt").read_text(encoding="utf-8"))
    gold = json.loads((PAGES / f"{source}.gold.json").read_text(encoding="utf-8"))
    mismatches = compare(parse_page(text).to_dict(), gold, text)
    if mismatches:
        pytest.fail(f"{name}: {len(mismatches)} mismatches\n" + "\n".join(mismatches), pytrace=False)
