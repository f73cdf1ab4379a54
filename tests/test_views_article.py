"""The article page: headline, byline, body, its place on the page, related articles and keywords."""

import datetime
from urllib.parse import quote

from records import article

from articles.models import Article


def test_it_shows_the_headline_dateline_byline_and_column(client, seed_page):
    story = article(page=seed_page, title="培育质量卓越产业集群看“高新”")
    response = client.get(story.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "培育质量卓越产业集群看“高新”</h1>" in html
    assert ">本报讯<" in html and "记者 李争粉" in html
    assert f'href="{story.column.get_absolute_url()}">学习贯彻党的二十大精神 高新区在行动<' in html


def test_it_shows_the_kicker_and_subtitle(client, import_sample):
    page = import_sample("sample-1")
    html = client.get(article(page=page, title="“沧溟-2”潜水器完成万米级海试").get_absolute_url()).content.decode()
    assert "国产深海装备再添利器" in html
    html = client.get(article(page=page, title="让每一粒种子都有“芯”").get_absolute_url()).content.decode()
    assert "——记青岚农业大学作物分子育种创新团队" in html


def test_it_shows_the_body_with_its_subheads(client, seed_page):
    html = client.get(
        article(page=seed_page, title="国家高新区“新春第一会”战鼓催征").get_absolute_url()
    ).content.decode()
    assert "<h3>强信心：多起来、大起来、强起来</h3>" in html
    assert "<p>1月5日，北京市科委、中关村管委会召开中关村科技企业家座谈会" in html
    assert "本报记者 张伟" in html


def test_it_links_to_its_page_and_to_the_previous_and_next_article_on_it(client, seed_page):
    first, second, third = Article.objects.filter(page=seed_page).with_page().order_by("position")[:3]
    html = client.get(second.get_absolute_url()).content.decode()
    assert f'rel="prev" href="{first.get_absolute_url()}"' in html
    assert f'rel="next" href="{third.get_absolute_url()}"' in html
    assert f'href="{seed_page.get_absolute_url()}">第1版 要闻<' in html
    html = client.get(first.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in html


def test_its_keywords_link_to_search(client, seed_page):
    story = article(page=seed_page, title="国家试点公共领域车辆全面电动化")
    html = client.get(story.get_absolute_url()).content.decode()
    assert story.keywords
    for word in story.keywords:
        assert f'href="/search/?q={quote(word)}">{word}<' in html


def test_it_lists_the_paper_s_articles_sharing_most_keywords(client, all_pages):
    # "高新区" is a keyword of these two, and of "青岚高新区发布首批“揭榜挂帅”榜单" in another paper.
    story = article(page=all_pages[1], title="国家高新区“新春第一会”战鼓催征")
    html = client.get(story.get_absolute_url()).content.decode()
    related = html[html.index("相关文章") :]
    assert "培育质量卓越产业集群看“高新”" in related
    assert "首批自然资源节约集约示范县公布" not in related
    # A story view never lists another paper's stories.
    assert "青岚高新区发布首批“揭榜挂帅”榜单" not in related


def test_a_stale_address_redirects_to_the_article(client, seed_page):
    story = article(page=seed_page, title="国家试点公共领域车辆全面电动化")
    old_url = story.get_absolute_url()
    seed_page.edition.date = datetime.date(2023, 2, 12)
    seed_page.edition.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/kejiribao/2023-02-12/1/articles/{story.pk}/"
    assert client.get(f"/kejiribao/2023-02-11/9/articles/{story.pk}/").status_code == 301
    # The address from before papers had their own, too.
    response = client.get(f"/2023-02-11/1/articles/{story.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/kejiribao/2023-02-12/1/articles/{story.pk}/"


def test_a_missing_article_is_not_found(client, seed_page):
    assert client.get("/2023-02-11/1/articles/999/").status_code == 404


def test_it_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    story = article(page=all_pages[1], title="培育质量卓越产业集群看“高新”")
    url = story.get_absolute_url()
    # The article (with its page, column and other part), the page's articles, its
    # photos, the related articles ranked on their keyword rows, then loaded, and
    # the edition bar: the edition's pages, the previous and the next edition.
    with reader_queries(8):
        assert client.get(url).status_code == 200
