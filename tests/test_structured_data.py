"""An article page carries schema.org NewsArticle JSON-LD and per-paper share-card tags."""

import json
import re

from articles.models import Article


def json_ld(html):
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def test_an_article_page_carries_a_news_article(client, seed_page):
    story = Article.objects.with_page().get(page=seed_page, title="国家试点公共领域车辆全面电动化")
    data = json_ld(client.get(story.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "国家试点公共领域车辆全面电动化"
    assert data["datePublished"] == "2023-02-11"
    assert data["publisher"] == {"@type": "Organization", "name": "科技日报", "url": "http://testserver/kejiribao/"}
    assert data["isPartOf"]["url"] == "http://testserver/kejiribao/2023-02-11/"
    assert data["author"] == [{"@type": "Person", "name": name} for name in story.authors]
    assert data["url"] == f"http://testserver{story.get_absolute_url()}"


def test_a_title_with_markup_cannot_break_out_of_the_json(client, make_page):
    hostile = '</script><script>window.__pwned=1</script>"&'
    page = make_page(hostile, ["正文。"])
    html = client.get(page.articles.get().get_absolute_url()).content.decode()
    assert html.count("<script>window.__pwned") == 0
    assert json_ld(html)["headline"] == hostile
