"""The fix tools keep everything, refuse across editions, undo in one step, and keep old addresses working."""

import datetime

import pytest
from paths import PAGES
from records import article

from articles.body import body_to_blocks
from articles.editing import EditError, article_to_brief, brief_to_article, merge_articles, split_article, undo_step
from articles.importer import PageFacts, import_file
from articles.models import Article, Brief, EditStep, RecordAddress


def state():
    """Every record of the site, field by field, with its id."""
    rows = []
    for model in (Article, Brief):
        for record in model.objects.order_by("pk"):
            fields = {f.attname: getattr(record, f.attname) for f in model._meta.concrete_fields}
            rows.append((model.__name__, fields))
    return rows


def test_merging_keeps_the_later_headline_and_byline_visible(seed_page):
    first, second = article("国家高新区“新春第一会”战鼓催征"), article("计量能力和水平纳入高企认定")
    merged = merge_articles(first, second)
    later = second if merged.pk == first.pk else first
    assert f"## {later.title}" in merged.body
    for field in ("kicker", "subtitle"):
        if getattr(later, field):
            assert f"## {getattr(later, field)}" in merged.body
    if later.byline:
        assert later.byline in merged.body
    assert "本报记者 张伟" in f"{merged.byline} {merged.body}"


def test_merging_across_editions_is_refused_and_changes_nothing(seed_page, import_sample):
    other = import_sample("sample-1")
    before = state()
    with pytest.raises(EditError, match="同一期"):
        merge_articles(seed_page.articles.first(), other.articles.first())
    assert state() == before


def test_one_undo_restores_both_merged_articles_and_their_addresses(seed_page, client):
    first, second = article("首批自然资源节约集约示范县公布"), article("国家高新区“新春第一会”战鼓催征")
    before, old_url = state(), second.get_absolute_url()
    merged = merge_articles(first, second)
    answer = client.get(old_url)
    assert answer.status_code == 301 and answer["Location"] == merged.get_absolute_url()
    undo_step(EditStep.objects.get())
    assert state() == before
    assert client.get(old_url).status_code == 200
    assert not RecordAddress.objects.exists()


def test_splitting_at_a_subhead_makes_it_the_title_not_text(seed_page, client):
    source = article("国家高新区“新春第一会”战鼓催征")
    blocks = body_to_blocks(source.body)
    at = next(i for i, block in enumerate(blocks) if block.kind == "subhead" and i > 0)
    rest = split_article(source, at)
    assert rest.title == blocks[at].text
    assert "##" not in str(rest) and not rest.body.startswith("##")
    assert "##" not in client.get(rest.get_absolute_url()).content.decode().split("<title>")[1].split("</title>")[0]


def test_undoing_a_split_sends_the_new_address_back_to_the_whole_article(seed_page, client):
    source = article("国家试点公共领域车辆全面电动化")
    before = state()
    rest = split_article(source, 3)
    new_url = rest.get_absolute_url()
    undo_step(EditStep.objects.get())
    assert state() == before
    answer = client.get(new_url)
    assert answer.status_code == 301 and answer["Location"] == source.get_absolute_url()


def test_an_article_becomes_a_brief_keeping_headline_and_dateline_apart(seed_page, client):
    source = article("计量能力和水平纳入高企认定")
    old_url, old_pk = source.get_absolute_url(), source.pk
    brief = article_to_brief(source)
    assert brief.text.startswith("【计量能力和水平纳入高企认定】")
    assert source.dateline and source.dateline in brief.text
    answer = client.get(old_url)
    assert answer.status_code == 301 and answer["Location"] == brief.get_absolute_url()
    brief_url = brief.get_absolute_url()
    back = brief_to_article(brief)
    assert back.pk == old_pk and back.title == "计量能力和水平纳入高企认定"
    assert client.get(old_url).status_code == 200
    assert client.get(brief_url).status_code == 301


def test_a_brief_turned_article_and_back_keeps_its_first_address(seed_page, client):
    brief = Brief.objects.get(text="习近平会见柬埔寨首相洪森。")
    url, old_pk = brief.get_absolute_url(), brief.pk
    made = brief_to_article(brief)
    assert client.get(url)["Location"] == made.get_absolute_url()
    again = article_to_brief(made)
    assert again.pk == old_pk and client.get(url).status_code == 200


def test_a_deleted_record_answers_410_with_a_link_to_its_edition(seed_page, client):
    source = article("计量能力和水平纳入高企认定")
    url = source.get_absolute_url()
    source.delete()
    answer = client.get(url)
    assert answer.status_code == 410
    assert "已删除" in answer.content.decode()
    assert seed_page.edition.get_absolute_url() in answer.content.decode()


def test_an_address_that_never_existed_is_still_404(db, client):
    assert client.get("/2023-02-11/1/articles/999/").status_code == 404


def test_undo_is_refused_once_a_record_was_edited_after_the_step(seed_page):
    first, second = article("首批自然资源节约集约示范县公布"), article("国家高新区“新春第一会”战鼓催征")
    merged = merge_articles(first, second)
    merged.title = "编辑后来改的标题"
    merged.save()
    with pytest.raises(EditError, match="后来又修改过"):
        undo_step(EditStep.objects.get())
    assert Article.objects.get(pk=merged.pk).title == "编辑后来改的标题"


def test_merging_two_parts_of_a_continued_story_keeps_both_headlines(db):
    front = import_file(PAGES / "sample-3.txt").page
    facts = PageFacts(paper="云川日报", date=datetime.date(2023, 2, 10), number="3")
    third = import_file(PAGES / "sample-2.txt", facts=facts).page
    first = front.articles.exclude(continued_on=None).get()
    second = first.continued_on
    merged = merge_articles(first, second)
    assert merged.page == front
    assert merged.continued_on is None and "下转" not in merged.continuation
    if second.title and second.title != first.title:
        assert f"## {second.title}" in merged.body
    assert third.articles.filter(pk=second.pk).count() == 0


def test_a_teaser_and_an_earlier_part_that_pointed_at_the_later_article_follow_the_merge(seed_page):
    keep, drop = Article.objects.filter(page=seed_page).order_by("position")[1:3]
    earlier = Article.objects.filter(page=seed_page).order_by("position").first()
    Article.objects.filter(pk=earlier.pk).update(continued_on=drop)
    teaser = Brief.objects.filter(kind=Brief.TEASER).first()
    Brief.objects.filter(pk=teaser.pk).update(target=drop)
    before, drop_pk = state(), drop.pk
    merged = merge_articles(keep, drop)
    assert Brief.objects.get(pk=teaser.pk).target_id == merged.pk
    assert Article.objects.get(pk=earlier.pk).continued_on_id == merged.pk
    undo_step(EditStep.objects.get())
    assert state() == before
    assert Article.objects.get(pk=earlier.pk).continued_on_id == drop_pk
