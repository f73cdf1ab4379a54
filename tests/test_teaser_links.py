"""A teaser links to the article it announces once the page that holds that article is imported."""

from articles.models import Brief

TEASER = "民营经济20条释放哪些新信号"


def import_page_two(make_page):
    return make_page(
        TEASER,
        [
            "省政府日前印发《关于支持民营经济高质量发展的若干措施》，提出20条具体举措。",
            "业内人士认为，这将进一步激发民营经济活力。",
        ],
        paper="云川日报",
        date="2023年2月10日 星期五",
        number="2",
    )


def test_a_teaser_links_to_its_article_once_its_page_is_imported(client, import_sample, make_page):
    import_sample("sample-3")
    assert "/yunchuanribao/2023-02-10/2/articles/" not in client.get("/").content.decode()
    page_two = import_page_two(make_page)
    target = page_two.articles.get()
    teaser = Brief.objects.with_page().get(text=TEASER)
    assert teaser.target == target
    url = target.get_absolute_url()
    assert url.startswith("/yunchuanribao/2023-02-10/2/articles/")
    assert f'href="{url}">{TEASER}</a>' in client.get("/yunchuanribao/2023-02-10/1/").content.decode()
    assert f'href="{url}">{TEASER}</a>' in client.get("/sections/teasers/").content.decode()
    assert (
        f'href="{url}">阅读全文：《{TEASER}》（第2版 要闻）→</a>'
        in client.get(teaser.get_absolute_url()).content.decode()
    )


def test_a_teaser_without_its_article_shows_its_page_reference(client, import_sample):
    import_sample("sample-3")
    teaser = Brief.objects.with_page().get(text=TEASER)
    html = client.get(teaser.get_absolute_url()).content.decode()
    assert "2版" in html and "阅读全文" not in html
