"""Reader pages come from the page cache until the paper changes (articles/pagecache.py)."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import pagecache
from articles.models import Article, Edition, Photo, SiteGeneration


def queries_for(client, url):
    """The answer, and the queries it took besides reading the site's generation."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    generation = [q for q in captured.captured_queries if "articles_sitegeneration" in q["sql"]]
    assert len(generation) >= 1  # every answer, cached or not, asks which generation is current
    return response, len(captured) - len(generation)


@pytest.fixture
def story(seed_page):
    return Article.objects.with_page().filter(page=seed_page).order_by("position").first()


def test_the_tests_keep_pages_in_memory(client, seed_page, rf, settings):
    """A page a test renders is kept in that test's memory (conftest's page_cache),
    never in the site's cache folder, where the development server or the next
    test, with another database, would be served it."""
    client.get("/")
    key = pagecache.page_key(rf.get("/"))
    site_folder = FileBasedCache(str(settings.PAGE_CACHE_DIR), {})
    assert caches["default"].get(key) is not None
    assert not site_folder.has_key(key)


@pytest.mark.parametrize("name", ["home", "section", "article", "page", "photo", "feed", "sitemap", "archive"])
def test_a_page_seen_twice_is_served_the_second_time_with_no_query_but_the_generation(client, seed_page, story, name):
    url = {
        "home": "/",
        "section": "/sections/articles/",
        "article": story.get_absolute_url(),
        "page": seed_page.get_absolute_url(),
        "photo": Photo.objects.filter(page=seed_page).first().get_absolute_url(),
        "feed": "/feeds/atom/",
        "sitemap": "/sitemap.xml",
        "archive": "/archive/",
    }[name]
    first, first_queries = queries_for(client, url)
    second, second_queries = queries_for(client, url)
    assert first_queries > 0 and second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The middleware still runs on a cached answer.
    assert second["Content-Security-Policy"] and second["X-Request-ID"]


def test_an_edited_article_shows_at_once_everywhere_it_appears(client, story):
    for url in ("/", story.get_absolute_url(), story.page.get_absolute_url()):
        client.get(url)
    story.title = "改过的标题"
    story.save()
    for url in ("/", story.get_absolute_url(), story.page.get_absolute_url()):
        assert "改过的标题" in client.get(url).content.decode(), url


def test_a_deleted_record_is_gone_at_once(client, seed_page):
    photo = Photo.objects.filter(page=seed_page).first()
    url = photo.get_absolute_url()
    assert client.get(url).status_code == 200
    Photo.objects.filter(pk=photo.pk).delete()  # a queryset delete, as the admin's bulk action does
    assert client.get(url).status_code == 404


def test_an_import_shows_on_the_home_page_at_once(client, seed_page, import_sample):
    before = client.get("/").content.decode()
    import_sample("sample-1")
    after = client.get("/").content.decode()
    assert after != before
    assert Edition.objects.exclude(pages=None).first().paper.name in after


def test_a_renamed_paper_shows_at_once(client, seed_page):
    client.get("/")
    paper = seed_page.edition.paper
    paper.name = "改名日报"
    paper.save()
    assert "改名日报" in client.get("/").content.decode()


def test_the_generation_moves_in_the_changes_own_transaction_and_lives_in_the_database(story):
    before = pagecache.generation()
    story.title = "又一个标题"
    story.save()
    assert pagecache.generation() != before
    assert SiteGeneration.objects.get().value == pagecache.generation()


def test_a_lost_generation_is_replaced_by_a_new_one(db):
    first = pagecache.generation()
    SiteGeneration.objects.all().delete()
    assert pagecache.generation() not in (None, first)


def test_a_second_server_with_a_cache_of_its_own_shows_a_change_at_once(client, settings, story):
    """Two servers on one database, each with its own page cache (one folder per
    machine): an edit made through one is what the other serves next."""
    in_memory = "django.core.cache.backends.locmem.LocMemCache"
    servers = {name: {"default": {"BACKEND": in_memory, "LOCATION": name}} for name in ("a", "b")}
    url = story.get_absolute_url()
    for name in servers:
        settings.CACHES = servers[name]
        assert story.title in client.get(url).content.decode()
    settings.CACHES = servers["a"]
    story.title = "服务器甲改的标题"
    story.save()
    settings.CACHES = servers["b"]
    assert "服务器甲改的标题" in client.get(url).content.decode()


def test_search_and_errors_are_never_cached(client, seed_page):
    for url in ("/search/?q=电动化", "/api/search?q=电动化", "/2023-02-11/99/"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        assert len(captured) > 0, url


def test_a_post_is_never_answered_from_the_cache(client, story):
    client.get(story.get_absolute_url())
    response = client.post(story.get_absolute_url())
    # A reader page takes no POST: refused, not the cached page.
    assert response.status_code == 405
    assert story.title not in response.content.decode()


def test_each_host_has_its_own_copy(client, story, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    first = client.get(story.get_absolute_url(), HTTP_HOST="a.example").content.decode()
    second = client.get(story.get_absolute_url(), HTTP_HOST="b.example").content.decode()
    assert "a.example" in first and "b.example" in second


# The key holds only what the view reads -----------------------------------------------


@pytest.fixture
def file_cache(settings, tmp_path):
    """The production default, a cache folder, here a fresh one: its files are its entries."""
    folder = tmp_path / "cache"
    settings.CACHES = {"default": {"BACKEND": "articles.filecache.PageCacheFolder", "LOCATION": str(folder)}}
    return lambda: sorted(folder.glob("*.djcache"))


@pytest.mark.parametrize(
    "url, same_as",
    [
        ("/?utm_source=weibo", "/"),
        ("/?page=3&from=x", "/"),  # the home page is no list: its "page" is a stray parameter too
        ("/sections/articles/?page=1", "/sections/articles/"),
        ("/sections/articles/?utm_source=weibo&page=1", "/sections/articles/"),
        ("/sitemap.xml?x=1&p=1", "/sitemap.xml"),
    ],
)
def test_a_stray_query_string_is_served_the_cached_page_and_writes_no_entry(client, story, file_cache, url, same_as):
    first, _ = queries_for(client, same_as)
    entries = file_cache()
    again, queries = queries_for(client, url)
    assert queries == 0 and again.content == first.content
    assert file_cache() == entries


def test_a_page_number_is_one_entry_however_it_is_written(client, seed_page, file_cache, monkeypatch):
    monkeypatch.setattr("articles.views.sections.paginate.__defaults__", (2,))
    second, _ = queries_for(client, "/sections/articles/?page=2")
    entries = file_cache()
    for spelling in ("?page=02", "?page=2&utm_source=x", "?utm_source=x&page=002"):
        again, queries = queries_for(client, f"/sections/articles/{spelling}")
        assert queries == 0 and again.content == second.content, spelling
    assert file_cache() == entries


def test_a_page_rendered_for_a_stray_parameter_never_links_with_it(client, seed_page, monkeypatch):
    monkeypatch.setattr("articles.views.sections.paginate.__defaults__", (2,))
    content = client.get("/sections/articles/?utm_source=weibo&page=2").content.decode()
    assert "page=3" in content and "utm_source" not in content


def test_a_page_that_is_not_a_number_is_a_404_and_never_kept(client, story, file_cache):
    assert client.get("/sections/articles/?page=abc").status_code == 404
    assert client.get("/sections/articles/?page=99").status_code == 404
    assert file_cache() == []


def test_a_page_rendered_while_a_change_commits_is_not_kept_under_the_older_generation(rf, db):
    """The view read its rows after the generation was read: if the paper changed in
    between, what it rendered may be the newer paper, which must not be served as the
    older generation's page (say, to a database restored to that generation)."""
    from django.http import HttpResponse

    calls = []

    def view(request):
        calls.append(1)
        if len(calls) == 1:
            pagecache.content_changed()  # another server's edit commits while this view renders
        return HttpResponse(f"第{len(calls)}次渲染")

    cached = pagecache.cached_page(view)
    older = pagecache.generation()
    cached(rf.get("/"))
    SiteGeneration.objects.update(value=older)  # the database restored to the generation before the edit
    assert cached(rf.get("/")).content.decode() == "第2次渲染"  # rendered again, not the first rendering
    assert cached(rf.get("/")).content.decode() == "第2次渲染"  # which was kept
    assert len(calls) == 2


def test_a_cache_left_from_another_database_never_serves_its_pages(client, story):
    """A restored or different database has a generation of its own (a random value that
    its migration made), so the pages kept for this one are never looked up for it."""
    url = story.get_absolute_url()
    assert story.title in client.get(url).content.decode()
    # Another database behind the same cache: other rows, and its own generation.
    Article.objects.filter(pk=story.pk).update(title="另一个数据库里的标题")
    SiteGeneration.objects.update(value="0123456789abcdef0123456789abcdef")
    assert "另一个数据库里的标题" in client.get(url).content.decode()
