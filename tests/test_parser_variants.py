"""Fixture pages printed in another order still parse to their expected structure.

Pages the parser has not seen hold the same quirks in other orders. Each
variant moves printed lines of a fixture page the way another extractor run
might have placed them, so the expected structure stays the page's own.
"""

import json

import pytest
from pagescore import compare
from paths import PAGES, SEED_NAME

from articles.parsing import parse_page

BRIEFS = "省委召开常委会会议，\n\n研究部署全省一季度经\n\n济工作。\n\n我省出台支持民营经济\n\n高质量发展20条措施。\n\n"
CAPTION = (
    "3月5日，青岚市第\n\n三中学的学生在市科\n\n技馆体验VR航天模\n\n拟驾驶舱。当天，该\n\n馆推出“科普进校园”\n\n"
    "系列活动，吸引了\n\n1200余名中小学生\n\n参与。\n\n本报记者 罗嘉 摄\n\n"
)
TEASERS = (
    "知识产权保险\n\n为创新护航\n\n电子信息产业\n\n有了市场准入新平台\n\n国家职业教育数字化\n\n战略行动取得积极进展\n\n"
    "服务机器人\n\n正走进千家万景\n\n我国物联网产业\n\n进入“物超人”时代\n\n"
)
HEADER_1 = "青岚科技日报 2023年3月6日 星期一 第1版 要闻 责任编辑：韩雪 美术编辑：吴迪\n"
HEADER_3 = "云川日报\n\n2023年2月10日 星期五 第1版 要闻 责任编辑：严峻 美术编辑：柏舟\n\n"


def moved(text, piece, after, printed=None):
    """The text with piece taken out and put after `after` ("" for the start), as printed if given."""
    assert piece in text and after in text
    text = text.replace(piece, "", 1)
    place = text.index(after) + len(after) if after else 0
    return text[:place] + (printed or piece) + text[place:]


VARIANTS = {
    # A headline printed glued above its body moves below it, over a row of teasers.
    "headline-after-body-above-teasers": (
        "sample-1",
        lambda text: moved(
            text, "青岚首条低空医疗物流航线开通\n", "“空中急救网”。\n\n", "青岚首条低空医疗物流航线开通\n\n"
        ),
    ),
    # Of two headlines standing together, the first moves to the end of the page.
    "headline-at-the-end-of-the-page": (
        "sample-1",
        lambda text: moved(text, "全国青少年科学调查\n体验活动启动\n\n", "■ 6版\n"),
    ),
    # A headline with its byline moves below its body, which then runs on from
    # another article's last paragraph, in a narrower column.
    "bylined-headline-after-its-body": (
        "sample-2",
        lambda text: moved(text, "消费回暖“烟火气”渐浓\n本报记者 冉舟\n\n", "让消费潜力进一步释放。\n\n"),
    ),
    # A headline printed after its body moves above it.
    "headline-above-its-body": (
        "sample-2",
        lambda text: moved(text, "春节后快递业务量\n快速回升\n\n", "平台，推动外贸保稳提质。\n"),
    ),
    # Part of a brief column printed at the end of the page instead of the top.
    "briefs-at-the-end-of-the-page": ("sample-3", lambda text: moved(text, BRIEFS, "■ 8版\n", "\n" + BRIEFS)),
    # A narrow photo caption printed right under the page header.
    "caption-under-the-header": ("sample-1", lambda text: moved(text, CAPTION, "美术编辑：吴迪\n\n")),
    # A byline printed apart from the headline above it, under two headlines in a row.
    "byline-apart-from-its-headline": (
        SEED_NAME,
        lambda text: text.replace("战鼓催征\n▶ 本报记者 张伟", "战鼓催征\n\n▶ 本报记者 张伟"),
    ),
    # The page header printed at the bottom, as a footer.
    "header-as-footer": ("sample-1", lambda text: text.replace(HEADER_1, "") + "\n" + HEADER_1),
    # A two-line header (the paper's name on its own line) printed at the bottom.
    "two-line-header-as-footer": ("sample-3", lambda text: text.replace(HEADER_3, "") + HEADER_3),
    # The teasers printed first, right above a narrow photo caption.
    "teasers-at-the-top-of-the-page": (SEED_NAME, lambda text: moved(text, TEASERS, "")),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_page_printed_in_another_order_parses_the_same(name):
    source, change = VARIANTS[name]
    original = (PAGES / f"{source}.txt").read_text(encoding="utf-8")
    text = change(original)
    assert text != original, "the variant changed nothing"
    gold = json.loads((PAGES / f"{source}.gold.json").read_text(encoding="utf-8"))
    mismatches = compare(parse_page(text).to_dict(), gold, text)
    if mismatches:
        pytest.fail(f"{name}: {len(mismatches)} mismatches\n" + "\n".join(mismatches), pytrace=False)
