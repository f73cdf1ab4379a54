"""The fixes editors make to parse mistakes: each keeps the text, the index and the order."""

import pytest
from records import article

from articles.body import body_to_blocks
from articles.editing import (
    EditError,
    article_to_brief,
    brief_to_article,
    merge_articles,
    move_paragraph,
    split_article,
    swap_headlines,
)
from articles.models import Article, Brief
from articles.search import search


def test_merging_keeps_the_earlier_headline_and_both_bodies(seed_page):
    first, second = article("首批自然资源节约集约示范县公布"), article("国家高新区“新春第一会”战鼓催征")
    paragraphs = len(body_to_blocks(first.body)) + len(body_to_blocks(second.body))
    merged = merge_articles(second, first)
    assert merged.pk == first.pk
    # The later article's title, as a subhead, and its byline, as a line, join the two bodies.
    assert len(body_to_blocks(merged.body)) == paragraphs + 2
    assert not Article.objects.filter(pk=second.pk).exists()
    assert search("新春第一会").hits[0].plain_title == "首批自然资源节约集约示范县公布"


def test_splitting_makes_an_untitled_article_of_the_rest(seed_page):
    source = article("国家试点公共领域车辆全面电动化")
    blocks = body_to_blocks(source.body)
    rest = split_article(source, 3)
    source.refresh_from_db()
    assert body_to_blocks(source.body) == blocks[:3]
    assert body_to_blocks(rest.body) == blocks[3:]
    assert rest.title == "" and rest.page == source.page
    assert search("机场用车").hits[0].url == rest.get_absolute_url()


def test_splitting_before_the_first_paragraph_is_refused(seed_page):
    with pytest.raises(EditError):
        split_article(article("国家试点公共领域车辆全面电动化"), 0)


def test_moving_a_paragraph_takes_it_to_the_other_article(seed_page):
    source, target = article("首批自然资源节约集约示范县公布"), article("计量能力和水平纳入高企认定")
    last = body_to_blocks(source.body)[-1]
    move_paragraph(source, len(body_to_blocks(source.body)) - 1, target)
    source.refresh_from_db()
    target.refresh_from_db()
    assert body_to_blocks(target.body)[-1] == last
    assert last not in body_to_blocks(source.body)


def test_swapping_headlines_exchanges_them_and_search_follows(seed_page):
    first, second = article("首批自然资源节约集约示范县公布"), article("计量能力和水平纳入高企认定")
    swap_headlines(first, second)
    first.refresh_from_db()
    assert first.title == "计量能力和水平纳入高企认定"
    assert "计量" not in first.body[:50]
    assert search('"纳入高企认定"').hits[0].url == first.get_absolute_url()


def test_a_brief_becomes_an_article_and_back(seed_page):
    brief = Brief.objects.get(text="习近平会见柬埔寨首相洪森。")
    made = brief_to_article(brief)
    assert made.body == "习近平会见柬埔寨首相洪森。"
    assert not Brief.objects.filter(pk=brief.pk).exists()
    assert search("柬埔寨").hits[0].kind == "article"
    back = article_to_brief(made)
    assert back.text == "习近平会见柬埔寨首相洪森。" and back.kind == Brief.NEWS
    assert search("柬埔寨").hits[0].kind == "news"
