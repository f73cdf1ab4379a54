"""Search: relevance, recall, filters and the index staying current, on whichever database runs the suite."""

import re
from functools import partial
from html import unescape
from urllib.parse import parse_qs, quote

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import SEED

from articles.importer import import_file
from articles.models import Article, Brief, Column, DictionaryWord, Photo, SearchDocument
from articles.search import index, search
from articles.search.snippets import SNIPPET_LENGTH, marked, pattern_for
from articles.search.terms import forget_word

# The corpus is imported outside the tests' transactions; this mark makes sure a
# database is set up even when only tests that read the corpus are run.
pytestmark = pytest.mark.django_db


def first_hit(query, **filters):
    results = search(query, **filters)
    assert results.hits, f"nothing found for {query!r}"
    hit = results.hits[0]
    return hit.kind, hit.plain_title


# (query, kind and title, or the start of the text, expected first)
RELEVANCE = [
    # names, places, organisations
    ("李争粉", "article", "培育质量卓越产业集群看“高新”"),
    ("操秀英", "article", "首批自然资源节约集约示范县公布"),
    ("唐嘉禾", "article", "全国青少年科学调查体验活动启动"),
    ("何立言", "article", "让每一粒种子都有“芯”"),
    ("邬思辰", "photo", "3月4日，“澜海6”号科考母船"),
    ("埃尔多安", "news", "习近平就土耳其、叙利亚发生强烈地震"),
    ("柬埔寨", "news", "习近平会见柬埔寨首相洪森。"),
    ("海南自贸港", "photo", "近日，海南自贸港迎来2023年首单"),
    ("自然资源部", "article", "首批自然资源节约集约示范县公布"),
    ("沧县", "photo", "近年来，河北省沧县深入挖掘"),
    # figures
    ("688.7万辆", "article", "国家试点公共领域车辆全面电动化"),
    ("147家", "article", "培育质量卓越产业集群看“高新”"),
    ("A330", "photo", "近日，海南自贸港迎来2023年首单"),
    ("民营经济20条", "teaser", "民营经济20条释放哪些新信号"),
    # pieces of words
    ("电动化", "article", "国家试点公共领域车辆全面电动化"),
    ("物超人", "teaser", "我国物联网产业进入“物超人”时代"),
    ("争粉", "article", "培育质量卓越产业集群看“高新”"),
    ("银器", "photo", "近年来，河北省沧县深入挖掘"),
    ("转企", "article", "枫城今年将新增“个转企”2000户"),
    # topics
    ("新春第一会", "article", "国家高新区“新春第一会”战鼓催征"),
    ("计量能力", "article", "计量能力和水平纳入高企认定"),
    ("潜水器", "article", "“沧溟-2”潜水器完成万米级海试"),
    ("耐盐碱水稻", "article", "让每一粒种子都有“芯”"),
    ("揭榜挂帅", "article", "青岚高新区发布首批“揭榜挂帅”榜单"),
    ("科创贷", "article", "枫城发放首批“科创贷”2.3亿元"),
    ("烟火气", "article", "消费回暖“烟火气”渐浓"),
    ("返岗专列", "article", "返岗专列载着希望出发"),
    ("零碳", "article", "全省首个“零碳”产业园投入运营"),
    ("新农人", "teaser", "乡村振兴里的“新农人”"),
    # several words
    ("无人机 药品", "article", "青岚首条低空医疗物流航线开通"),
    ("外贸 开门红", "article", "外贸企业订单“开门红”"),
    ("重大项目 开工", "article", "全省重大项目集中开工总投资3280亿元"),
    ("快递 春节", "article", "春节后快递业务量快速回升"),
    # phrases and exclusions
    ('"全面电动化"', "article", "国家试点公共领域车辆全面电动化"),
    ('"资源节约"', "article", "首批自然资源节约集约示范县公布"),
    ("小巨人 -计量", "article", "我省新增46家国家级专精特新“小巨人”企业"),
    # function words need not match; a hit holding them ranks higher
    ("枫城的老字号", "article", "枫城老字号“触网”年销售额破亿"),
    ("枫城 的 老字号", "article", "枫城老字号“触网”年销售额破亿"),
    ("外贸的开门红", "article", "外贸企业订单“开门红”"),
    ("快递和春节", "article", "春节后快递业务量快速回升"),
    ("的 触网", "article", "枫城老字号“触网”年销售额破亿"),
    ("计量能力和水平", "article", "计量能力和水平纳入高企认定"),
    ("在云川高新区", "photo", "2月9日，在云川高新区星衡新能源动力电池基地"),
    # every term must match
    ("5G 基站", "article", "数字经济核心产业增加值占比首破10%"),
    ("GDP 数字经济", "article", "数字经济核心产业增加值占比首破10%"),
    ("周启航 潜水器", "article", "“沧溟-2”潜水器完成万米级海试"),
    ("返岗 专列 务工", "article", "返岗专列载着希望出发"),
    ("自然资源部 示范县", "article", "首批自然资源节约集约示范县公布"),
    ("老字号 触网", "article", "枫城老字号“触网”年销售额破亿"),
    ("种子 芯", "article", "让每一粒种子都有“芯”"),
    ("低空 物流 航线", "article", "青岚首条低空医疗物流航线开通"),
    ("专精特新 小巨人", "article", "我省新增46家国家级专精特新“小巨人”企业"),
    # OR, and a partial match: the record holding most terms
    ("潜水器 OR 电动化", "article", "“沧溟-2”潜水器完成万米级海试"),
    ("电动化 OR 火星", "article", "国家试点公共领域车辆全面电动化"),
    ("无人机 药品 火星", "article", "青岚首条低空医疗物流航线开通"),
    # mixed tokens and figures
    ("沧溟2", "article", "“沧溟-2”潜水器完成万米级海试"),
    ("澜海6号", "photo", "3月4日，“澜海6”号科考母船"),
    ("海外仓12个", "teaser", "跨境电商综试区新增海外仓12个"),
    # kickers, subtitles and columns
    ("国产深海装备", "article", "“沧溟-2”潜水器完成万米级海试"),
    ("作物分子育种", "article", "让每一粒种子都有“芯”"),
    ("高新区在行动", "article", "培育质量卓越产业集群看“高新”"),
    ("创新团队风采录", "article", "让每一粒种子都有“芯”"),
    ("开局起步观察", "article", "外贸企业订单“开门红”"),
    # traditional characters
    ("電動化", "article", "国家试点公共领域车辆全面电动化"),
    ("數字經濟", "article", "数字经济核心产业增加值占比首破10%"),
    ("個轉企", "article", "枫城今年将新增“个转企”2000户"),
    ("潛水器", "article", "“沧溟-2”潜水器完成万米级海试"),
]


@pytest.mark.parametrize("query, kind, title", RELEVANCE)
def test_the_expected_record_comes_first(corpus, query, kind, title):
    found_kind, found_title = first_hit(query)
    assert (found_kind, found_title[: len(title)]) == (kind, title)


def test_an_exclusion_removes_every_record_holding_the_word(corpus):
    titles = [hit.plain_title for hit in search("小巨人 -计量", per_page=100).hits]
    assert "计量能力和水平纳入高企认定" not in titles
    assert titles


def test_a_phrase_must_appear_whole(corpus):
    assert search('"电动化先行区"').count == 1
    assert search('"电动化区先行"').count == 0


def held_text(hit):
    """The headline and text of the record behind a hit, without the page's stray spaces."""
    field = {"article": "article", "news": "brief", "teaser": "brief", "photo": "photo"}[hit.kind]
    document = SearchDocument.objects.get(**{f"{field}_id": hit.record_id})
    return "".join((document.title + document.text).split())


def test_every_hit_holds_every_spaced_term(corpus):
    # Each of these words alone finds records without the other: with both, none of those.
    for query in ("科技 企业", "高新区 项目"):
        hits = search(query, per_page=100).hits
        assert hits, query
        assert all(all(word in held_text(hit) for word in query.split()) for hit in hits), query
        first, second = query.split()
        assert search(first).count > len(hits) or search(second).count > len(hits), query


def test_bylines_and_credits_are_searchable(corpus):
    assert first_hit("周启航") == ("article", "“沧溟-2”潜水器完成万米级海试")
    assert first_hit("罗嘉")[0] == "photo"


def test_matched_words_are_marked_in_title_and_snippet(corpus):
    hit = search("电动化").hits[0]
    assert "<mark>电动化</mark>" in hit.title
    assert "<mark>电动化</mark>" in hit.snippet


def test_a_figure_is_marked_across_the_pages_stray_spaces(corpus):
    hit = search("147家").hits[0]
    assert "<mark>147 家</mark>" in hit.snippet


def test_a_traditional_query_marks_the_simplified_text(corpus):
    assert "<mark>电动化</mark>" in search("電動化").hits[0].title


def test_a_snippet_of_traditional_text_marks_a_simplified_query_far_into_it():
    text = "前言。" * 60 + "國家試點公共領域車輛全面電動化。" + "結語。" * 20
    snippet = marked(text, pattern_for(["电动化"]), SNIPPET_LENGTH)
    assert "<mark>電動化</mark>" in snippet and snippet.startswith("…") and snippet.endswith("…")


def test_counts_per_kind_and_the_kind_filter(corpus):
    results = search("习近平")
    assert results.counts["news"] == 4
    only_news = search("习近平", kind="news", per_page=100)
    assert {hit.kind for hit in only_news.hits} == {"news"}
    assert only_news.count == results.counts["news"]


def test_the_date_and_page_filters(corpus):
    import datetime

    day = datetime.date(2023, 2, 10)
    results = search("项目", date_from=day, date_to=day, per_page=100)
    assert results.hits and all(hit.date == day for hit in results.hits)
    assert search("项目", page_number="9").count == 0


def test_the_column_filter(corpus):
    column = Column.objects.get(name="奋进新征程 基层新气象")
    results = search("茶", column=column.pk, per_page=100)
    assert [hit.plain_title for hit in results.hits] == ["山里的茶叶搭上“直播快车”"]


def test_newest_first_orders_by_date(corpus):
    dates = [hit.date for hit in search("发展", order="newest", per_page=100).hits if hit.date]
    assert dates == sorted(dates, reverse=True)


def test_pagination_pages_through_every_hit_once(corpus):
    everything = search("发展", per_page=100)
    paged = [hit.url for page in range(1, 20) for hit in search("发展", per_page=7, page=page).hits]
    assert sorted(paged) == sorted(hit.url for hit in everything.hits)


@pytest.fixture(scope="module")
def record_texts(corpus, django_db_blocker):
    with django_db_blocker.unblock():
        documents = SearchDocument.objects.select_related(
            "article__page__edition", "brief__page__edition", "photo__page__edition"
        )
        return [(document.record.get_absolute_url(), document.text) for document in documents]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_run_of_two_to_four_han_characters_finds_its_record(record_texts, django_db_blocker, data):
    import re

    url, text = data.draw(st.sampled_from(record_texts))
    runs = [run for run in re.findall(r"[\u4e00-\u9fff]{2,}", text)]
    if not runs:
        return
    run = data.draw(st.sampled_from(runs))
    length = data.draw(st.integers(2, min(4, len(run))))
    start = data.draw(st.integers(0, len(run) - length))
    piece = run[start : start + length]
    with django_db_blocker.unblock():
        found = {hit.url for hit in search(piece, per_page=100).hits}
        count = search(piece).count
    assert url in found or count > 100, f"{piece!r} did not find {url}"


HOSTILE = [
    "",
    "   ",
    "电" * 10_000,
    '" * ^ : ( ) NEAR OR AND NOT - & | !',
    "NEAR(电动 化, 2)",
    "title_words: 电动",
    "电动 OR 1=1",
    "'; DROP TABLE articles_article; --",
    "1' OR '1'='1",
    "电动\x00化\x1f",
    "🚗🔋 电动化 🎉",
    "\ud800电动",
    "<script>alert(1)</script>",
    "-电动化",
    '"',
    "***",
    "&|!",
]


def encoded(query):
    """The query as a browser would send it, unpaired surrogates included."""
    return quote(query.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("query", HOSTILE)
def test_a_hostile_query_answers_with_results_or_none(corpus, client, query):
    response = client.get(f"/search/?q={encoded(query)}")
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("query", HOSTILE)
def test_a_hostile_query_to_the_api_answers_json(corpus, client, query):
    response = client.get(f"/api/search?q={encoded(query)}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == API_FIELDS
    assert len(body["query"]) <= 100


# The API's answer and each of its results (the README's schema).
API_FIELDS = {"query", "count", "page", "pages", "per_page", "partial", "dates_swapped", "results"}
API_RESULT_FIELDS = {"kind", "title", "url", "snippet", "date", "page", "paper", "fields", "missing"}


def urls(query):
    return [hit.url for hit in search(query, per_page=100).hits]


# Hostile queries whose operators, quotes and control characters must be read as
# the plain words beside them: each finds just what that plain query finds.
READ_AS_PLAIN = {
    "title_words: 电动": "title words 电动",  # not a column filter: 电动 in a body counts too
    "电动 OR 1=1": "电动 OR 1-1",  # OR in capitals joins alternatives; "=" is no operator
    "1' OR '1'='1": "1 OR 1-1",
    "电动\x00化\x1f": "电动化",
    "🚗🔋 电动化 🎉": "电动化",
    "\ud800电动": "电动",
}
# Hostile queries holding no word of the paper, or only an exclusion: they find nothing.
FIND_NOTHING = ["", "   ", "电" * 10_000, '" * ^ : ( ) NEAR OR AND NOT - & | !', "'; DROP TABLE articles_article; --"]
FIND_NOTHING += ["<script>alert(1)</script>", "-电动化", '"', "***", "&|!"]


def test_every_hostile_query_is_covered_below():
    assert sorted([*READ_AS_PLAIN, *FIND_NOTHING, "NEAR(电动 化, 2)"]) == sorted(HOSTILE)


@pytest.mark.parametrize("query, plain", READ_AS_PLAIN.items())
def test_a_hostile_query_finds_what_its_plain_words_find(corpus, query, plain):
    assert urls(query) and urls(query) == urls(plain)


@pytest.mark.parametrize("query", FIND_NOTHING)
def test_a_hostile_query_without_words_of_the_paper_finds_nothing(corpus, query):
    results = search(query)
    assert (results.count, results.hits) == (0, [])


def test_near_in_a_query_is_a_word_not_the_operator(corpus):
    # Read as FTS5's NEAR it would find only records holding both 电动 and 化;
    # read as words it finds, below them, the records holding any one of them.
    assert any("电动" not in held_text(hit) for hit in search("NEAR(电动 化, 2)", per_page=100).hits)


def test_a_query_of_sql_changes_nothing(corpus):
    articles = Article.objects.count()
    search("'; DROP TABLE articles_article; --")
    assert Article.objects.count() == articles > 0


def test_the_api_answers_in_the_documented_shape(corpus, client):
    body = client.get("/api/search", {"q": "电动化", "kind": "article", "per_page": 5}).json()
    assert body["query"] == "电动化" and body["count"] == 1
    (result,) = body["results"]
    assert set(result) == API_RESULT_FIELDS
    assert result["paper"] == "科技日报"
    assert result["kind"] == "article"
    assert result["title"] == "国家试点公共领域车辆全面电动化"
    assert result["date"] == "2023-02-11" and result["page"] == "1"
    assert "<mark>电动化</mark>" in result["snippet"]
    assert client.get(result["url"]).status_code == 200


@pytest.mark.parametrize("params", [{"per_page": 101}, {"per_page": 0}, {"page": "x"}, {"kind": "video"}])
def test_the_api_refuses_bad_parameters_with_400(corpus, client, params):
    response = client.get("/api/search", {"q": "电动化", **params})
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_results_page_shows_hits_counts_and_marks(corpus, client):
    response = client.get("/search/", {"q": "电动化"})
    content = response.content.decode()
    assert "国家试点公共领域车辆全面<mark>电动化</mark>" in content
    assert "共找到 1 条结果" in content


def query_of(href):
    return parse_qs(unescape(href).removeprefix("?"))


def test_the_results_pages_links_keep_the_query_and_its_filters(corpus, client, monkeypatch):
    monkeypatch.setattr("articles.views.search.search", partial(search, per_page=3))  # 7 articles: 3 pages
    asked = {"q": "发展", "kind": "article", "order": "newest"}
    html = client.get("/search/", {**asked, "page": 2}).content.decode()
    kept = {name: [value] for name, value in asked.items()}
    (previous,) = re.findall(r'<a rel="prev" href="([^"]*)"', html)
    (following,) = re.findall(r'<a rel="next" href="([^"]*)"', html)
    assert query_of(previous) == {**kept, "page": ["1"]} and query_of(following) == {**kept, "page": ["3"]}
    kinds = dict(re.findall(r'<a href="([^"]*)"[^>]*>(\w+) <span class="count">', html))
    by_label = {label: query_of(href) for href, label in kinds.items()}
    assert by_label["全部"] == {"q": ["发展"], "order": ["newest"]}
    assert by_label["简讯"] == {"q": ["发展"], "order": ["newest"], "kind": ["news"]}


def test_an_empty_result_suggests_the_words_of_the_query_that_find_something(corpus, client):
    response = client.get("/search/", {"q": "火星基地"})
    assert "没有找到" in response.content.decode()
    assert response.context["suggestions"] == ["基地"]


def test_an_empty_result_suggests_nothing_unrelated(corpus, client):
    assert client.get("/search/", {"q": "火星人"}).context["suggestions"] == []


def test_a_query_of_several_words_suggests_the_words_that_find_something(corpus, client):
    response = client.get("/search/", {"q": "火星基地 柬埔寨", "kind": "photo"})
    assert response.context["suggestions"] == ["柬埔寨", "基地"]


def test_an_invalid_filter_is_ignored_not_an_error(corpus, client):
    response = client.get("/search/", {"q": "电动化", "date_from": "yesterday", "kind": "video", "page": "-3"})
    assert response.status_code == 200
    assert response.context["results"].count == 1


# The index follows every write ------------------------------------------------------------------


def test_saving_an_article_reindexes_it(seed_page):
    article = Article.objects.get(title="计量能力和水平纳入高企认定")
    article.title = "企业计量能力提升指导意见出台"
    article.save()
    assert first_hit("计量能力提升指导意见") == ("article", "企业计量能力提升指导意见出台")
    assert search('"纳入高企认定"').count == 0


def test_deleting_a_record_removes_it_from_search(seed_page):
    Brief.objects.get(text="习近平会见柬埔寨首相洪森。").delete()
    assert search("柬埔寨").count == 0


def test_changing_an_editions_date_moves_its_hits(seed_page):
    import datetime

    edition = seed_page.edition
    edition.date = datetime.date(2023, 2, 12)
    edition.save()
    assert search("柬埔寨").hits[0].date == datetime.date(2023, 2, 12)


def test_a_photo_caption_edit_is_searchable(seed_page):
    photo = Photo.objects.filter(caption__contains="沧县").get()
    photo.caption = "银器作坊里的工人。"
    photo.save()
    assert first_hit("银器作坊")[0] == "photo"


def test_reindex_rebuilds_the_same_results(seed_page, capsys):
    before = [(hit.kind, hit.url) for hit in search("高新区", per_page=100).hits]
    documents = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    assert search("高新区").count == 0
    call_command("reindex")
    assert f"indexed {documents} records" in capsys.readouterr().out
    assert [(hit.kind, hit.url) for hit in search("高新区", per_page=100).hits] == before


def test_reindex_numbers_documents_from_the_oldest_edition_to_the_newest(all_pages):
    # Imported newest first here; SQLite reads a large result newest first by document id.
    call_command("reindex")
    dates = list(SearchDocument.objects.order_by("pk").values_list("date", flat=True))
    assert dates[0] is None  # the undated edition counts as oldest
    dated = [date for date in dates if date]
    assert dated == sorted(dated) and dated[0] != dated[-1]


def test_indexing_in_a_fresh_process_cuts_with_the_editors_words(db, monkeypatch):
    # A word an editor added in another process: stored, but not yet taught to this one's jieba.
    word = "公共领域车辆"
    DictionaryWord.objects.create(word=word)
    forget_word(word)
    monkeypatch.setattr(index, "_taught", False)
    try:
        article = Article.objects.select_related("page__edition").get(page=import_file(SEED).page, title__contains=word)
        index.index_records([article])
        assert word in SearchDocument.objects.get(article=article).title_words.split()
    finally:
        forget_word(word)


def within(text, first, second, distance=12):
    """Whether the two words occur within distance characters of each other, as the
    index counts them: punctuation and spaces are not counted."""
    text = re.sub(r"\W", "", text)
    starts = {word: [m.start() for m in re.finditer(re.escape(word), text)] for word in (first, second)}
    return any(
        0 <= b - (a + len(first)) <= distance or 0 <= a - (b + len(second)) <= distance
        for a in starts[first]
        for b in starts[second]
    )


@pytest.mark.parametrize("query", ["高新区 项目", "科技 企业", "无人机 药品", "企业 订单"])
def test_terms_close_together_rank_first_on_either_database(corpus, query):
    first, second = query.split()
    hits = search(query, per_page=100).hits
    close = []
    for hit in hits:
        field = {"article": "article", "news": "brief", "teaser": "brief", "photo": "photo"}[hit.kind]
        document = SearchDocument.objects.get(**{f"{field}_id": hit.record_id})
        close.append(within(document.text, first, second) or within(document.title, first, second))
    assert True in close, query
    assert close == sorted(close, reverse=True), query


def close_together_ids(query):
    """The documents in the first tier, terms close together, on the database in use."""
    from django.db import connection

    from articles.search import postgres, sqlite
    from articles.search.functionwords import BUILT_IN
    from articles.search.query import parse

    parsed = parse(query, BUILT_IN)
    if connection.vendor == "postgresql":
        sql, tier = (
            "SELECT id FROM articles_searchdocument WHERE vector @@ %s::tsquery",
            postgres.tier_queries(parsed)[0],
        )
    else:
        sql, tier = (
            "SELECT rowid FROM articles_search WHERE articles_search MATCH %s",
            sqlite.tier_expressions(parsed)[0],
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [tier])
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize("query", ["高新区 项目", "科技 企业", "无人机 药品", "企业 订单"])
def test_the_first_tier_holds_the_records_with_the_terms_close_together(corpus, query):
    first, second = query.split()
    expected = {
        document.pk
        for document in SearchDocument.objects.all()
        if any(grams_within(stream.split(), first, second) for stream in (document.title_grams, document.body_grams))
    }
    assert expected and close_together_ids(query) == expected


def grams_within(grams, first, second, distance=12):
    """FTS5's NEAR over one column of grams: at most distance grams between the end
    of one word's phrase and the start of the other's."""
    from articles.search.query import phrase

    spans = {}
    for word in (first, second):
        wanted = list(phrase(word).grams)
        spans[word] = [(i, i + len(wanted)) for i in range(len(grams)) if grams[i : i + len(wanted)] == wanted]
    return any(
        0 <= b_start - a_end <= distance or 0 <= a_start - b_end <= distance
        for a_start, a_end in spans[first]
        for b_start, b_end in spans[second]
    )
