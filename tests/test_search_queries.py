"""What a reader typing an ordinary query gets (issue 14): every word must match,
function words are optional, the marks fall on exactly what matched, hits name the
field they matched, paging and dates forgive mistakes, and the API takes every filter."""

import datetime
import json
import re
from urllib.parse import quote, urlencode

import pytest

from articles.models import Column, FunctionWord
from articles.search import search
from articles.search.snippets import marked, pattern_for

pytestmark = pytest.mark.django_db


def titles(query, **filters):
    return [hit.plain_title for hit in search(query, per_page=100, **filters).hits]


# Every word must match ------------------------------------------------------------------


def test_spaced_terms_that_no_record_holds_together_give_a_partial_result(corpus):
    results = search("火星 基地", per_page=100)
    assert results.partial and results.count == len(results.hits) > 0
    assert all(hit.missing == ["火星"] for hit in results.hits)


def test_a_partial_result_ranks_the_records_holding_most_terms_first(corpus):
    hits = search("潜水器 母船 电动化", per_page=100).hits
    held = [3 - len(hit.missing) for hit in hits]
    assert held == sorted(held, reverse=True) and held[0] == 2 and held[-1] == 1


def test_the_results_page_says_so_and_strikes_the_missing_words(corpus, client):
    html = client.get("/search/", {"q": "火星 基地"}).content.decode()
    assert "部分匹配" in html and "没有同时包含所有词的结果" in html
    assert "<s>火星</s>" in html and "共找到" not in html


def test_terms_found_together_give_no_partial_result(corpus):
    results = search("外贸 开门红")
    assert not results.partial and results.hits and not any(hit.missing for hit in results.hits)


def test_or_between_terms_finds_either(corpus):
    either = set(titles("潜水器 OR 电动化"))
    assert either == set(titles("潜水器")) | set(titles("电动化"))
    assert set(titles("潜水器")) < either


def test_lowercase_or_is_a_word_like_any_other(corpus):
    # "or" is searched for (and found in no record), so nothing holds all three terms.
    assert search("潜水器 or 电动化").partial


# Function words -------------------------------------------------------------------------


def test_a_function_word_in_the_query_need_not_match(corpus):
    assert titles("枫城的老字号")[0] == "枫城老字号“触网”年销售额破亿"
    assert titles("枫城 的 老字号")[0] == "枫城老字号“触网”年销售额破亿"


def test_a_function_word_inside_a_word_is_kept(corpus):
    # 和 inside "工业和信" is kept: "工业信" is on no page.
    assert search("工业和信").count > 0


def test_a_hit_holding_the_function_word_ranks_higher(corpus):
    # Both hold 计量, 能力 and 水平; the first holds "计量能力和水平" as typed.
    assert titles("计量能力和水平")[0] == "计量能力和水平纳入高企认定"


def test_editors_extend_the_function_words(corpus):
    assert search("高新区呀项目").count == 0
    FunctionWord.objects.create(word="呀")
    try:
        assert search("高新区呀项目").count == search("高新区 项目").count > 0
    finally:
        FunctionWord.objects.filter(word="呀").delete()


def test_a_query_of_function_words_alone_looks_for_them(corpus):
    assert search("的").count > 0


# Highlights mark exactly what matched -----------------------------------------------------


def test_a_number_is_marked_whole():
    pattern = pattern_for(["12"])
    assert str(marked("新增海外仓12个，第12届", pattern)) == "新增海外仓<mark>12</mark>个，第<mark>12</mark>届"
    for text in ("增长112个", "2012年", "面积12.6万亩", "销售额1.12亿元"):
        assert "<mark>" not in marked(text, pattern), text


def test_no_hit_of_a_number_marks_it_inside_a_longer_number(corpus):
    for hit in search("12", per_page=100).hits:
        for html in (hit.title, hit.snippet):
            assert not re.search(r"[\d.]<mark>12</mark>|<mark>12</mark>\.?\d", html), html


@pytest.mark.parametrize(
    "query, printed",
    [("沧溟2", "沧溟-2"), ("澜海6号", "澜海6”号"), ("5G", "5G"), ("GDP", "GDP"), ("147家", "147 家")],
)
def test_a_mixed_token_is_marked_as_printed(corpus, query, printed):
    hit = search(query).hits[0]
    assert f"<mark>{printed}</mark>" in hit.title + hit.snippet


def test_full_width_letters_are_marked():
    assert "<mark>ＧＤＰ</mark>" in marked("单位ＧＤＰ能耗", pattern_for(["gdp"]))


@pytest.mark.parametrize(
    "query, label, marked_text",
    [
        ("周启航", "署名", "<mark>周启航</mark>"),
        ("国产深海装备", "引题", "<mark>国产深海装备</mark>"),
        ("作物分子育种创新团队", "副题", "<mark>作物分子育种创新团队</mark>"),
        ("高新区在行动", "栏目", "<mark>高新区在行动</mark>"),
    ],
)
def test_a_hit_names_the_field_that_matched(corpus, query, label, marked_text):
    hit = search(query).hits[0]
    assert any(found.label == label and marked_text in found.text for found in hit.fields), hit.fields


def test_the_results_page_shows_the_matched_field(corpus, client):
    html = client.get("/search/", {"q": "周启航"}).content.decode()
    assert re.search(r'<span class="hit-field-label">署名</span>[^<]*<mark>周启航</mark>', html)


def test_a_column_name_is_searchable(corpus):
    assert titles("学习贯彻党的二十大精神 高新区在行动")[0] == "培育质量卓越产业集群看“高新”"


def test_renaming_a_column_reindexes_its_articles(seed_page):
    column = Column.objects.get(name="学习贯彻党的二十大精神 高新区在行动")
    column.name = "质量强省在行动"
    column.save()
    assert titles("质量强省") == ["培育质量卓越产业集群看“高新”"]


# Paging and dates -------------------------------------------------------------------------


def test_a_page_past_the_last_redirects_to_the_last(corpus, client):
    last = search("发展").pages
    response = client.get("/search/", {"q": "发展", "kind": "article", "page": 99})
    assert response.status_code == 302
    assert f"page={search('发展', kind='article').pages}" in response["Location"]
    assert "kind=article" in response["Location"] and last >= 1
    assert client.get(response["Location"]).status_code == 200


def test_a_reversed_date_range_is_swapped_and_the_page_says_so(corpus, client):
    early, late = datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)
    response = client.get("/search/", {"q": "项目", "date_from": late, "date_to": early})
    assert response.context["results"].count == search("项目", date_from=early, date_to=late).count > 0
    assert "起始日期晚于截止日期" in response.content.decode()


# The API takes every filter -----------------------------------------------------------------


def api(client, **params):
    response = client.get("/api/search", params)
    return response, json.loads(response.content.decode("utf-8"))


def test_the_api_answers_readable_utf8_chinese(corpus, client):
    response, body = api(client, q="电动化")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "国家试点公共领域车辆全面电动化" in response.content.decode("utf-8")
    assert b"\\u" not in response.content


def test_the_api_filters_by_column_page_number_and_dates(corpus, client):
    column = Column.objects.get(name="奋进新征程 基层新气象")
    _, body = api(client, q="茶", column=column.pk)
    assert [result["title"] for result in body["results"]] == ["山里的茶叶搭上“直播快车”"]
    _, body = api(client, q="项目", page_number="9")
    assert body["count"] == 0
    day = "2023-02-10"
    _, body = api(client, q="项目", date_from=day, date_to=day, per_page=100)
    assert body["results"] and {result["date"] for result in body["results"]} == {day}


def test_the_results_page_and_the_api_filter_by_paper(corpus, client):
    _, everywhere = api(client, q="高新区", per_page=100)
    papers = {result["paper"] for result in everywhere["results"]}
    assert {"科技日报", "青岚科技日报"} <= papers
    _, one = api(client, q="高新区", paper="qinglankejiribao", per_page=100)
    assert one["count"] > 0 and {result["paper"] for result in one["results"]} == {"青岚科技日报"}
    assert all("/qinglankejiribao/" in result["url"] for result in one["results"])
    html = client.get("/search/", {"q": "高新区", "paper": "kejiribao"}).content.decode()
    assert "科技日报 2023年2月11日" in html and "青岚科技日报 2023年3月6日" not in html
    response, body = api(client, q="高新区", paper="nosuchpaper")
    assert response.status_code == 400 and "paper" in body["error"]


def test_the_api_orders_and_pages(corpus, client):
    _, newest = api(client, q="发展", order="newest", per_page=100)
    dates = [result["date"] for result in newest["results"] if result["date"]]
    assert dates == sorted(dates, reverse=True)
    _, second = api(client, q="发展", per_page=3, page=2)
    _, whole = api(client, q="发展", per_page=6)
    assert second["page"] == 2 and second["pages"] == -(-whole["count"] // 3)
    assert [r["url"] for r in second["results"]] == [r["url"] for r in whole["results"][3:6]]


def test_the_api_tells_of_partial_results_and_swapped_dates(corpus, client):
    _, body = api(client, q="火星 基地")
    assert body["partial"] and body["results"][0]["missing"] == ["火星"]
    _, body = api(client, q="项目", date_from="2023-02-28", date_to="2023-02-01")
    assert body["dates_swapped"] and body["count"] > 0


@pytest.mark.parametrize(
    "params", [{"date_from": "yesterday"}, {"order": "oldest"}, {"column": "999999"}, {"page_number": "x" * 11}]
)
def test_the_api_refuses_a_bad_filter_in_chinese(corpus, client, params):
    response, body = api(client, q="项目", **params)
    assert response.status_code == 400
    assert re.search(r"[\u4e00-\u9fff]", body["error"]) and next(iter(params)) in body["error"]


# Pinyin and typos ---------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["lanzhou", "lz", "LanZhou"])
def test_pinyin_finds_the_han_words_it_spells(corpus, query):
    hits = search(query, per_page=100).hits
    assert "“沧溟-2”潜水器完成万米级海试" in [hit.plain_title for hit in hits]
    assert any("<mark>澜州</mark>" in hit.title + hit.snippet for hit in hits)


def test_a_latin_word_of_the_page_is_not_read_as_pinyin(corpus):
    # "gdp" finds its own records, not words whose initials are g, d, p.
    assert {hit.plain_title for hit in search("gdp", per_page=100).hits} == set(titles("GDP"))


@pytest.mark.parametrize("typed, meant", [("澜洲港", "澜州港"), ("澜州巷", "澜州港")])
def test_a_likely_typo_is_answered_with_what_the_reader_meant(corpus, client, typed, meant):
    response = client.get("/search/", {"q": typed})
    assert response.context["correction"] == meant
    html = response.content.decode()
    assert re.search(rf'您是不是要找：<a href="\?q={re.escape(quote(meant))}">{meant}</a>', html)


def test_a_correction_is_drawn_from_the_words_of_the_index(make_page, client):
    make_page("澜州日报创刊七十周年", ["澜州日报今天迎来创刊七十周年。"])
    assert client.get("/search/", {"q": "澜洲日报"}).context["correction"] == "澜州日报"


def test_no_correction_is_offered_when_nothing_resembles(corpus, client):
    assert client.get("/search/", {"q": "火星基地"}).context["correction"] is None


# Suggestions while typing -------------------------------------------------------------------


def suggested(client, typed):
    response = client.get("/api/suggest", {"q": typed})
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()["suggestions"]


def test_suggestions_give_titles_then_words_for_a_han_prefix(corpus, client):
    found = suggested(client, "潜水")
    assert 0 < len(found) <= 10
    assert found[0] == {
        "text": "“沧溟-2”潜水器完成万米级海试",
        "kind": "title",
        "url": "/search/?" + urlencode({"q": "“沧溟-2”潜水器完成万米级海试"}),
    }
    words = [one["text"] for one in found if one["kind"] == "word"]
    assert "潜水器" in words and all(word.startswith("潜水") for word in words)


def test_suggestions_for_a_pinyin_prefix(corpus, client):
    words = [one["text"] for one in suggested(client, "lanz") if one["kind"] == "word"]
    assert "澜州" in words


def test_suggestions_include_the_editors_dictionary(corpus, client):
    from articles.models import DictionaryWord

    DictionaryWord.objects.create(word="潜水器母船")
    try:
        assert "潜水器母船" in [one["text"] for one in suggested(client, "潜水器")]
    finally:
        DictionaryWord.objects.filter(word="潜水器母船").delete()


@pytest.mark.parametrize("typed", ["", "   ", "\x00", "火星人基地", "<script>"])
def test_suggestions_for_nothing_or_unknown_text_are_empty_or_harmless(corpus, client, typed):
    assert isinstance(suggested(client, typed), list)
