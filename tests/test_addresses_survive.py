"""Every address the site has served keeps answering after merges, splits, conversions and re-imports."""

import datetime

from paths import SEED

from articles.editing import article_to_brief, brief_to_article, merge_articles, split_article
from articles.importer import PageFacts, import_text
from articles.models import Article, Brief, Photo
from articles.reimporting import OVERWRITE


def every_address():
    return [record.get_absolute_url() for model in (Article, Brief, Photo) for record in model.objects.with_page()]


def check(client, addresses):
    for url in addresses:
        answer = client.get(url)
        if answer.status_code == 301:
            answer = client.get(answer["Location"])
            assert answer.status_code == 200, url
        else:
            assert answer.status_code in (200, 410), (url, answer.status_code)


def test_old_addresses_answer_after_every_kind_of_fix(seed_page, client):
    addresses = every_address()
    first, second = Article.objects.filter(page=seed_page).order_by("position")[:2]
    merge_articles(first, second)
    check(client, addresses)
    addresses += every_address()

    longest = max(Article.objects.all(), key=lambda a: a.body.count("\n\n"))
    split_article(longest, 2)
    check(client, addresses)
    addresses += every_address()

    brief = article_to_brief(Article.objects.order_by("-position").first())
    check(client, addresses)
    brief_to_article(brief)
    check(client, addresses)
    addresses += every_address()

    # A re-import that drops a brief and changes another: the dropped one answers 410.
    text = SEED.read_text(encoding="utf-8").replace("习近平会见柬埔寨首相\n\n洪森。\n", "")
    facts = PageFacts("科技日报", datetime.date(2023, 2, 11), "1")
    import_text(text, source_name=SEED.name, facts=facts, replace_changed=True, edits=OVERWRITE)
    check(client, addresses)
    assert any(client.get(url).status_code == 410 for url in addresses)
    assert all(client.get(url).status_code != 404 for url in addresses)
