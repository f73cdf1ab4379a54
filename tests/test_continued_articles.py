"""An article printed over two pages ("（下转第3版）" / "（上接第1版）") reads as one."""

import datetime

from paths import PAGES

from articles.importer import PageFacts, import_file
from articles.models import Article
from articles.search import search

FIRST_TITLE = "全省重大项目集中开工总投资3280亿元"
SECOND_TITLE = "数字经济核心产业增加值占比首破10%"
FIRST_TEXT = "2月9日，云川省2023年第一季度重大项目集中开工活动"
SECOND_TEXT = "去年，全市规模以上电子信息制造业实现营业收入 1642 亿元"


def parts(front, third):
    first = Article.objects.with_page().get(page=front, title=FIRST_TITLE)
    second = Article.objects.with_page().get(page=third, title=SECOND_TITLE)
    assert first.continued_on == second
    return first, second


def test_the_first_part_shows_the_whole_text_and_links_to_the_second(client, continued_pages):
    first, second = parts(*continued_pages)
    html = client.get(first.get_absolute_url()).content.decode()
    assert FIRST_TEXT in html and SECOND_TEXT in html
    assert html.index(FIRST_TEXT) < html.index(SECOND_TEXT)
    assert f'href="{second.get_absolute_url()}">（下转第3版）</a>' in html


def test_the_second_part_links_back_to_the_first(client, continued_pages):
    first, second = parts(*continued_pages)
    html = client.get(second.get_absolute_url()).content.decode()
    assert SECOND_TEXT in html and FIRST_TEXT not in html
    assert f'href="{first.get_absolute_url()}">（上接第1版） 从头阅读：{FIRST_TITLE}</a>' in html


def test_a_part_whose_other_page_is_not_imported_shows_its_note_as_text(client, import_sample):
    front = import_sample("sample-3")
    first = Article.objects.select_related("page__edition").get(page=front, title=FIRST_TITLE)
    html = client.get(first.get_absolute_url()).content.decode()
    assert '<p class="continuation">（下转第3版）</p>' in html
    assert html.index(FIRST_TEXT) < html.index("（下转第3版）")


def test_the_first_part_runs_the_same_queries(client, continued_pages, reader_queries):
    first, _ = parts(*continued_pages)
    url = first.get_absolute_url()
    # The article (with its page, column and other part), the page's articles, its
    # photos, the related articles ranked then loaded, and the edition bar: the
    # edition's pages, the previous and the next edition.
    with reader_queries(8):
        assert client.get(url).status_code == 200


def test_a_continued_story_is_listed_once_in_the_sections_feeds_and_related(client, continued_pages):
    first, second = parts(*continued_pages)
    for address in ("/sections/articles/", "/feeds/rss/", f"/{first.page.edition.paper.slug}/feeds/atom/"):
        html = client.get(address).content.decode()
        assert first.get_absolute_url() in html, address
        assert second.get_absolute_url() not in html, address
    for story in Article.objects.with_page().exclude(pk__in=[first.pk, second.pk]):
        assert second not in story.related()
    # Each part's page still lists its part.
    assert second.get_absolute_url() in client.get(second.page.get_absolute_url()).content.decode()


def test_search_finds_a_continued_story_once_by_the_words_of_either_part(continued_pages):
    first, second = parts(*continued_pages)
    for text in (FIRST_TEXT, SECOND_TEXT):
        hits = search(text[:12], per_page=50).hits
        urls = [hit.url for hit in hits]
        assert first.get_absolute_url() in urls, text
        assert second.get_absolute_url() not in urls, text


def test_a_story_continued_on_a_page_imported_first_is_found_once_too(import_sample):
    facts = PageFacts(paper="云川日报", date=datetime.date(2023, 2, 10), number="3")
    third = import_file(PAGES / "sample-2.txt", facts=facts).page
    front = import_sample("sample-3")
    first, second = parts(front, third)
    urls = [hit.url for hit in search(SECOND_TEXT[:12], per_page=50).hits]
    assert first.get_absolute_url() in urls and second.get_absolute_url() not in urls
