"""exportpages and importpages: an export, imported into an empty database, rebuilds the same site."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from paths import SAMPLES, SEED

from articles.editing import swap_headlines
from articles.importer import import_file
from articles.models import Article, Column, Edition, Paper

PAGES = [SEED, *SAMPLES]


def snapshot(folder):
    """The exported pages, in order (file names carry database ids, which a new database renumbers)."""
    return [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())]


def site():
    """What a reader can see, article by article, in order."""
    articles = Article.objects.select_related("page__edition", "column").order_by("pk")
    return [
        (str(a.page), a.position, a.kicker, a.title, a.subtitle, a.byline, a.body, a.column and a.column.name)
        for a in articles
    ]


@pytest.mark.django_db
def test_an_export_imported_into_an_empty_database_rebuilds_the_same_site(tmp_path, capsys):
    for path in PAGES:
        import_file(path)
    # An editor's changes must survive the round trip.
    swap_headlines(
        Article.objects.get(title="首批自然资源节约集约示范县公布"),
        Article.objects.get(title="计量能力和水平纳入高企认定"),
    )
    edition = Edition.objects.get(date=None)
    edition.paper, edition.date = Paper.named("枫城日报"), datetime.date(2023, 2, 10)
    edition.save()
    before = site()

    call_command("exportpages", str(tmp_path / "one"))
    assert "exported 4 pages" in capsys.readouterr().out
    Edition.objects.all().delete()
    Column.objects.all().delete()
    call_command("importpages", str(tmp_path / "one"))
    assert site() == before

    call_command("exportpages", str(tmp_path / "two"))
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")


@pytest.mark.django_db
def test_a_broken_export_file_is_reported_and_skipped(tmp_path, capsys):
    (tmp_path / "000001_bad.json").write_text('{"format": "digest-page/1", "page": 3}')
    (tmp_path / "000002_other.json").write_text('{"hello": "world"}')
    with pytest.raises(CommandError) as failure:
        call_command("importpages", str(tmp_path))
    assert failure.value.returncode == 2
    errors = capsys.readouterr().err
    assert "000001_bad.json：导出的版面文件无效" in errors
    assert "000002_other.json：这不是 Digest 导出的版面" in errors
