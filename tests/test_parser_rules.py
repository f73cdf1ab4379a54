"""The parser's heuristics, one at a time, on small invented pages.

Each page is built the way the PDF extractor prints one (PAGE_FORMAT.md): a
paragraph is hard-wrapped at its column width, and every printed line is followed
by a blank line, except a line that ends in a digit or a Latin letter and the
lines of a headline group. The words are invented; only their shapes matter.
"""

import pytest
from pagescore import countable, output_text

from articles.parsing import parse_page
from articles.parsing.parser import build_structure
from articles.parsing.vocabulary import NOTE_WORDS, ROLES

FARM = "春耕时节，青州县万亩麦田里一派繁忙景象。县农业农村局组织农技人员深入田间地头，指导农户科学施肥、防治病虫害。"
FARM_MORE = "今年以来，青州县累计投入资金两千万元，新建高标准农田三万亩，改造灌溉渠道一百二十公里。"
FACTORY = "5月7日，江州市召开全市制造业推进会，部署今年重点工作。会议提出，全年将新培育专精特新企业一百家以上。"
FACTORY_MORE = "市工业和信息化局负责人介绍，今年将重点支持新能源装备、生物医药和新材料三大产业集群建设，设立专项资金。"
SCHOOL = "新学期伊始，云川市各中小学陆续开展校园节水行动，引导学生养成节约用水的好习惯。"
CAPTION = "5月6日，青州县农民在田间驾驶植保无人机喷洒农药。"


def wrap(text, width=20):
    """A paragraph's printed lines in a column `width` characters wide."""
    return [text[start : start + width] for start in range(0, len(text), width)]


def page(*blocks):
    """A page's text as the extractor prints it.

    A block is one line or a list of a paragraph's lines; a tuple of lines is a
    headline group, printed with no blank lines between its lines.
    """
    printed = []
    for block in blocks:
        lines = [block] if isinstance(block, str) else list(block)
        for k, line in enumerate(lines):
            glued = isinstance(block, tuple) and k < len(lines) - 1
            ends_in_digit_or_letter = line[-1:].isascii() and line[-1:].isalnum()
            printed.append(line + ("\n" if glued or ends_in_digit_or_letter else "\n\n"))
    return "".join(printed)


def parse(*blocks):
    """The structure of a page built from blocks, after checking nothing was lost or invented.

    The check runs on build_structure, the parser itself, so a lost line cannot
    hide behind parse_page's fallback to the unparsed page.
    """
    text = page(*blocks)
    structure = build_structure(text)
    assert countable(output_text(structure.to_dict())) == countable(text)
    assert parse_page(text) == structure
    return structure


def body_text(article):
    return "".join(block.text for block in article.body if block.kind == "paragraph")


def only_article(structure):
    assert len(structure.articles) == 1, [article.title for article in structure.articles]
    return structure.articles[0]


# A plain article: a headline, a dateline and two paragraphs in a 20-character column.
ARTICLE = ("青州县春耕生产忙", wrap("本报讯（记者 韩冰） " + FARM), wrap(FARM_MORE))


# Page header and footer ---------------------------------------------------------


def test_a_two_line_header_gives_paper_date_and_page():
    structure = parse(("临川日报", "2024年5月8日 星期三 第3版 经济 责任编辑：周明 美术编辑：林青"), *ARTICLE)

    info = structure.page
    assert (info.paper, info.date, info.number, info.section) == ("临川日报", "2024-05-08", "3", "经济")
    assert info.lines == ["临川日报", "2024年5月8日 星期三 第3版 经济 责任编辑：周明 美术编辑：林青"]
    assert only_article(structure).title == "青州县春耕生产忙"
    assert structure.briefs == []


def test_a_one_line_header_names_the_section_after_the_page_number():
    structure = parse("江州晚报 2022年11月21日 星期一 第A5版 城市 责任编辑：王可", *ARTICLE)

    info = structure.page
    assert (info.paper, info.date, info.number, info.section) == ("江州晚报", "2022-11-21", "A5", "城市")


def test_a_footer_at_the_bottom_goes_into_the_page_lines():
    structure = parse(*ARTICLE, "2024年5月8日 星期三 第3版", "本版编辑：王可 美术编辑：刘一")

    assert structure.page.lines == ["2024年5月8日 星期三 第3版", "本版编辑：王可 美术编辑：刘一"]
    assert (structure.page.date, structure.page.number) == ("2024-05-08", "3")
    assert body_text(only_article(structure)) == FARM + FARM_MORE
    assert structure.briefs == [] and structure.photos == []


def test_a_page_without_header_or_footer_has_empty_page_facts():
    structure = parse(*ARTICLE)

    info = structure.page
    assert (info.paper, info.date, info.number, info.section, info.lines) == ("", "", "", "", [])


def test_a_dated_sentence_in_a_body_is_not_a_header():
    structure = parse("青州县春耕生产忙", wrap("本报讯 2024年5月8日，青州县召开春耕生产会议。" + FARM), wrap(FARM_MORE))

    assert structure.page.lines == []
    assert only_article(structure).body[0].text.startswith("2024年5月8日")


# Headlines ------------------------------------------------------------------------


def test_a_kicker_title_and_wider_subtitle_are_told_apart():
    headline = ("聚焦春耕生产", "青州县春耕生产忙", "全县新建高标准农田三万亩灌溉渠道一百二十公里")
    article = only_article(parse(headline, wrap("本报讯 " + FARM), wrap(FARM_MORE)))

    assert (article.kicker, article.title) == ("聚焦春耕生产", "青州县春耕生产忙")
    assert article.subtitle == "全县新建高标准农田三万亩灌溉渠道一百二十公里"


def test_a_dash_led_profile_line_is_the_subtitle():
    article = only_article(parse(("扎根田野的育种人", "——记青州农业科学院研究员宋禾"), wrap(FARM), wrap(FARM_MORE)))

    assert article.title == "扎根田野的育种人"
    assert article.subtitle == "——记青州农业科学院研究员宋禾"
    assert article.kicker == ""


def test_a_clause_under_the_title_is_the_subtitle():
    headline = ("青州县春耕生产忙", "新建高标准农田三万亩，", "改造灌溉渠道一百二十公里")
    article = only_article(parse(headline, wrap("本报讯 " + FARM), wrap(FARM_MORE)))

    assert article.title == "青州县春耕生产忙"
    assert article.subtitle == "新建高标准农田三万亩，改造灌溉渠道一百二十公里"


def test_a_title_wrapped_over_two_lines_is_one_title():
    article = only_article(
        parse(("江州召开全市制造业", "高质量发展推进会"), wrap("本报讯 " + FACTORY), wrap(FACTORY_MORE))
    )

    assert article.title == "江州召开全市制造业高质量发展推进会"


def test_a_headline_printed_after_its_body_finds_it():
    structure = parse(
        wrap("本报讯 " + FACTORY),
        wrap(FACTORY_MORE),
        "青州县春耕生产忙",
        wrap("本报讯 " + FARM),
        wrap(FARM_MORE),
        "江州召开制造业推进会",
    )

    titles = {article.title: body_text(article) for article in structure.articles}
    assert titles == {"江州召开制造业推进会": FACTORY + FACTORY_MORE, "青州县春耕生产忙": FARM + FARM_MORE}


def test_two_headlines_standing_together_after_a_third_body_find_their_own():
    structure = parse(
        "青州县春耕生产忙",
        wrap("本报讯 " + FARM),
        wrap(FARM_MORE),
        wrap("本报讯 " + FACTORY),
        wrap(FACTORY_MORE),
        wrap("本报讯 " + SCHOOL),
        "江州召开制造业推进会",
        "云川中小学开展校园节水行动",
    )

    titles = {article.title: body_text(article) for article in structure.articles}
    assert titles == {
        "青州县春耕生产忙": FARM + FARM_MORE,
        "江州召开制造业推进会": FACTORY + FACTORY_MORE,
        "云川中小学开展校园节水行动": SCHOOL,
    }
    assert structure.briefs == []


def test_a_two_line_teaser_after_the_last_body_stays_a_teaser():
    structure = parse(*ARTICLE, "青州县推广", "植保无人机")

    assert [(brief.kind, brief.text) for brief in structure.briefs] == [("teaser", "青州县推广植保无人机")]


def test_a_short_line_between_two_paragraphs_of_a_body_is_a_subhead():
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), "科技助力春耕", wrap(FARM_MORE)))

    assert [(block.kind, block.text) for block in article.body] == [
        ("paragraph", FARM),
        ("subhead", "科技助力春耕"),
        ("paragraph", FARM_MORE),
    ]


def test_a_column_rubric_goes_with_the_article_under_it():
    structure = parse(" 乡村振兴进行时", "春耕一线", "青州县春耕生产忙", wrap("本报讯 " + FARM), wrap(FARM_MORE))

    assert structure.columns == ["乡村振兴进行时 春耕一线"]
    article = only_article(structure)
    assert (article.column, article.title) == ("乡村振兴进行时 春耕一线", "青州县春耕生产忙")


# Datelines and bylines -------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "dateline", "byline", "authors"),
    [
        ("本报讯 ", "本报讯", "", []),
        ("本报讯（记者 韩冰） ", "本报讯", "记者 韩冰", ["韩冰"]),
        ("科技日报讯 （记者 操秀英） ", "科技日报讯", "记者 操秀英", ["操秀英"]),
        ("新华社北京2月10日电（记者 张华、李明） ", "新华社北京2月10日电", "记者 张华、李明", ["张华", "李明"]),
        ("本报青州5月7日电（记者 韩冰 通讯员 宋禾） ", "本报青州5月7日电", "记者 韩冰 通讯员 宋禾", ["韩冰", "宋禾"]),
        ("新华社电 ", "新华社电", "", []),
    ],
    ids=["paper", "paper and reporter", "named paper", "agency, place and date", "paper, place and date", "agency"],
)
def test_datelines_in_all_printed_forms_are_split_off(opening, dateline, byline, authors):
    article = only_article(parse("青州县春耕生产忙", wrap(opening + FARM), wrap(FARM_MORE)))

    assert (article.dateline, article.authors) == (dateline, authors)
    # The wrap may fall on a space inside the byline: "（记者 韩冰 通讯员" ⏎ " 宋禾）"; spaces do not count.
    assert article.byline.replace(" ", "") == byline.replace(" ", "")
    assert body_text(article) == FARM + FARM_MORE


@pytest.mark.parametrize(
    ("headline", "byline", "authors"),
    [
        ([("青州县春耕生产忙", "▶ 本报记者 孟晴")], "本报记者 孟晴", ["孟晴"]),
        ([("青州县春耕生产忙", "本报记者 孟晴 杜衡")], "本报记者 孟晴 杜衡", ["孟晴", "杜衡"]),
        (["青州县春耕生产忙", "▶ 本报记者 孟晴"], "本报记者 孟晴", ["孟晴"]),
    ],
    ids=["decorated", "two reporters", "after a blank line"],
)
def test_a_byline_under_the_headline_goes_to_its_article(headline, byline, authors):
    article = only_article(parse(*headline, wrap(FARM), wrap(FARM_MORE)))

    assert (article.title, article.byline, article.authors) == ("青州县春耕生产忙", byline, authors)
    assert body_text(article) == FARM + FARM_MORE


def test_a_trailing_surname_led_name_becomes_the_byline():
    lines = wrap(FARM_MORE)
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), lines[:-1], lines[-1] + " 孟春"))

    assert (article.byline, article.authors) == ("孟春", ["孟春"])
    assert body_text(article) == FARM + FARM_MORE


@pytest.mark.parametrize("name", ["孟㛃", "孟\uf92c"], ids=["extension-a", "compatibility"])
def test_a_name_with_a_rare_han_character_is_a_name_as_search_reads_it(name):
    # articles/hanzi.py is the one definition of a Han character: the parser's names
    # take the same blocks as the search (Extension A, compatibility ideographs).
    lines = wrap(FARM_MORE)
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), lines[:-1], lines[-1] + " " + name))

    assert (article.byline, article.authors) == (name, [name])


def test_a_trailing_name_on_a_line_of_its_own_becomes_the_byline():
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), wrap(FARM_MORE), "欧阳宁"))

    assert (article.byline, article.authors) == ("欧阳宁", ["欧阳宁"])
    assert body_text(article) == FARM + FARM_MORE


def test_a_name_like_subhead_between_paragraphs_stays_a_subhead():
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), "金秋", wrap(FARM_MORE)))

    assert [block.kind for block in article.body] == ["paragraph", "subhead", "paragraph"]
    assert article.byline == ""


def test_a_byline_line_after_the_last_paragraph_signs_the_article():
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), wrap(FARM_MORE), "本报记者 宋禾"))

    assert (article.byline, article.authors) == ("本报记者 宋禾", ["宋禾"])


def test_a_headline_byline_and_a_dateline_byline_are_both_kept():
    article = only_article(parse(("青州县春耕生产忙", "▶ 本报记者 孟晴"), wrap("本报讯（记者 韩冰） " + FARM)))

    assert article.byline == "本报记者 孟晴 记者 韩冰"
    assert article.authors == ["孟晴", "韩冰"]


def test_a_waiting_byline_outlives_a_caption_that_looked_like_a_body():
    structure = parse(
        " 本报记者 孟晴",
        wrap(CAPTION, 24),
        "新华社发",
        " 青州县春耕生产忙",
        wrap(FARM),
        wrap(FARM_MORE),
    )

    assert [(photo.caption, photo.credit) for photo in structure.photos] == [(CAPTION, "新华社发")]
    assert only_article(structure).byline == "本报记者 孟晴"


# Photos -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit_lines", "credit"),
    [
        (["新华社记者", "宋禾/摄"], "新华社记者 宋禾/摄"),
        (["本报记者 宋禾 摄"], "本报记者 宋禾 摄"),
        (["通讯员 宋禾 供图"], "通讯员 宋禾 供图"),
        (["（图片由青州县农业农村局提供）"], "（图片由青州县农业农村局提供）"),
        (["新华社发"], "新华社发"),
    ],
    ids=["role above name", "reporter", "correspondent", "bracketed", "agency"],
)
def test_a_credit_line_closes_the_caption_above_it(credit_lines, credit):
    structure = parse(*ARTICLE, wrap(CAPTION, 11), *credit_lines)

    assert [(photo.caption, photo.credit) for photo in structure.photos] == [(CAPTION, credit)]
    assert body_text(only_article(structure)) == FARM + FARM_MORE
    assert structure.briefs == []


@pytest.mark.parametrize(
    "credit",
    [" 新华社发", " 本报记者 宋禾 摄", " 通讯员 宋禾 供图", "（图片由青州县农业农村局提供）"],
    ids=["agency", "reporter", "correspondent", "bracketed"],
)
def test_a_credit_printed_after_the_captions_last_sentence_is_split_off(credit):
    lines = wrap(CAPTION, 11)
    structure = parse(*lines[:-1], lines[-1] + credit, *ARTICLE)

    assert [(photo.caption, photo.credit) for photo in structure.photos] == [(CAPTION, credit.strip())]
    assert body_text(only_article(structure)) == FARM + FARM_MORE


# Briefs and teasers -----------------------------------------------------------------


def test_narrow_one_sentence_items_are_news_briefs():
    items = ["江州市召开全市制造业推进会。", "青州县新建高标准农田三万亩。", "云川省出台支持民营经济二十条措施。"]
    structure = parse(*(wrap(item, 11) for item in items), *ARTICLE)

    assert [(brief.kind, brief.text) for brief in structure.briefs] == [("news", item) for item in items]
    assert only_article(structure).title == "青州县春耕生产忙"


def test_a_page_of_narrow_items_alone_is_news_briefs():
    # NARROW is a width, not a share of the page's own columns: with no article to
    # compare against, the brief column is still a brief column.
    items = ["江州市召开全市制造业推进会。", "青州县新建高标准农田三万亩。", "云川省出台支持民营经济二十条措施。"]
    structure = parse(*(wrap(item, 10) for item in items))

    assert [(brief.kind, brief.text) for brief in structure.briefs] == [("news", item) for item in items]
    assert structure.articles == []


def test_teasers_carry_their_page_reference():
    structure = parse(*ARTICLE, "青州县推广", "植保无人机", "■ 6版", "江州制造业", "开年见新气象", "■ 7版")

    assert [(brief.kind, brief.text, brief.ref) for brief in structure.briefs] == [
        ("teaser", "青州县推广植保无人机", "6版"),
        ("teaser", "江州制造业开年见新气象", "7版"),
    ]


def test_a_teaser_printed_as_a_headline_group_takes_the_reference_under_it():
    structure = parse(*ARTICLE, ("青州县推广", "植保无人机"), "■ 6版")

    assert [(brief.kind, brief.text, brief.ref) for brief in structure.briefs] == [
        ("teaser", "青州县推广植保无人机", "6版")
    ]


@pytest.mark.parametrize(
    ("lines", "ref"),
    [
        (["青州县推广", "植保无人机（详见第5版）"], "（详见第5版）"),
        (["青州县推广", "植保无人机", "（详见第5版）"], "（详见第5版）"),
        (["青州县推广", "植保无人机 ■ 6版"], "6版"),
    ],
    ids=["bracketed on the teaser's line", "bracketed on its own line", "decorated on the teaser's line"],
)
def test_a_reference_printed_with_a_teaser_goes_with_it(lines, ref):
    structure = parse(*ARTICLE, *lines)

    assert [(brief.kind, brief.text, brief.ref) for brief in structure.briefs] == [
        ("teaser", "青州县推广植保无人机", ref)
    ]


def test_page_references_standing_alone_are_each_kept():
    structure = parse(*ARTICLE, "■ 4版", "■ 3版")

    assert sorted(brief.ref for brief in structure.briefs) == ["3版", "4版"]


# Continuation notes -----------------------------------------------------------------


def test_a_continuation_note_is_kept_on_the_article():
    article = only_article(parse(*ARTICLE, "（下转第3版）"))

    assert article.continuation == "（下转第3版）"
    assert body_text(article) == FARM + FARM_MORE


def test_a_continuation_note_closing_the_last_line_is_split_off():
    lines = wrap(FARM_MORE)
    article = only_article(parse("青州县春耕生产忙", wrap("本报讯 " + FARM), lines[:-1], lines[-1] + "（下转第3版）"))

    assert article.continuation == "（下转第3版）"
    assert body_text(article) == FARM + FARM_MORE


def test_a_continued_from_note_opens_the_rest_of_an_article():
    article = only_article(parse("青州县春耕生产忙", wrap("（上接第1版）" + FARM), wrap(FARM_MORE)))

    assert article.continuation == "（上接第1版）"
    assert body_text(article) == FARM + FARM_MORE


# Text as printed --------------------------------------------------------------------


def test_html_in_page_text_is_kept_as_text():
    tagged = "<b>春耕</b>时节，<script>alert(1)</script>青州县万亩麦田里一派繁忙景象。"
    article = only_article(parse("青州县<i>春耕</i>生产忙", wrap("本报讯 " + tagged, 30), wrap(FARM_MORE)))

    assert article.title == "青州县<i>春耕</i>生产忙"
    assert body_text(article) == tagged + FARM_MORE


def test_wrapped_lines_rejoin_with_a_space_only_between_latin_words():
    lines = ["本报讯 截至 2023 年年底，全省单位 GDP", "能耗下降百分之三，新建的 single", "crystal 硅片产线产量第一。"]
    article = only_article(parse("青州县春耕生产忙", lines, wrap(FARM_MORE)))

    rejoined = "截至 2023 年年底，全省单位 GDP能耗下降百分之三，新建的 single crystal 硅片产线产量第一。"
    assert article.body[0].text == rejoined


def test_windows_line_ends_read_like_unix_ones():
    text = page(*ARTICLE, wrap(CAPTION, 11), "新华社发")

    assert parse_page(text.replace("\n", "\r\n")) == parse_page(text)


def test_a_combining_accent_opening_a_line_is_not_fused_into_the_line_before():
    # "e" ⏎ U+0301 counts as the letter e on the page; rejoined without a space NFKC
    # would read it as é, and the page would lose a letter.
    structure = parse("青州县春耕生产忙", ["本报讯 Cafe", "\u0301，" + FARM])

    assert countable(output_text(structure.to_dict()))["e"] == 1


def test_a_quote_ending_mid_line_before_a_name_does_not_end_the_paragraph():
    # "…很振奋！”王明" ⏎ "华说，…": the speaker's name runs on; no space sets it off as an author.
    quoted = ["“这次推进会让企业很受鼓舞、很振奋！”王明", "华说，公司今年将加大研发投入，力争新产", "品产值翻一番。"]
    structure = parse(("江州制造业推进会召开",), wrap(FACTORY) + quoted)
    (article,) = structure.articles
    assert article.byline == ""
    assert [block.text for block in article.body if block.kind == "paragraph"][-1].startswith("“这次推进会")


def test_an_odd_run_of_headlines_after_their_bodies_gives_each_line_to_one_body():
    # Three short lines under five bodies without headlines: the odd first line is read
    # both as a lone leftover teaser and as one of three headlines; it heads one body only.
    def story(topic):
        return wrap(f"本报讯 近日，{topic}工作取得新进展。有关方面介绍说，{topic}今年已完成多项任务。")

    topics = ["量子通信网络", "海洋牧场示范", "智慧农业平台", "低空物流航线", "海洋牧场建设"]
    heads = ["海洋牧场示范建设提速", "智慧农业平台上线运行", "低空物流航线开通运营"]
    structure = parse(*map(story, topics), *heads)
    titles = [article.title for article in structure.articles]
    assert sorted(title for title in titles if title) == sorted(heads)
    assert not structure.briefs


def test_every_role_is_a_note_word_so_that_its_lines_are_read():
    # cut_units reads a line's role only when it holds a note word (vocabulary.NOTE_WORDS).
    assert all(NOTE_WORDS.search(role) for role in ROLES + ("摄影记者",))
