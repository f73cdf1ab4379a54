"""The importer: one transaction per page, idempotent, --replace, facts from options and manifests."""

import datetime
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection
from paths import PAGES, SEED

from articles.importer import PageFacts, PageImportError, import_file, import_text
from articles.models import Article, Brief, Column, Edition, Page, Photo

pytestmark = pytest.mark.django_db


def counts():
    return {model.__name__: model.objects.count() for model in (Edition, Page, Article, Brief, Photo)}


def test_the_seed_imports_with_the_facts_of_its_manifest():
    result = import_file(SEED)
    page = result.page
    assert result.status == "created"
    assert (page.edition.paper.name, page.edition.date, page.number) == ("科技日报", datetime.date(2023, 2, 11), "1")
    assert page.articles.count() == 5
    assert page.briefs.filter(kind=Brief.NEWS).count() == 7
    assert page.briefs.filter(kind=Brief.TEASER).count() == 5
    assert page.photos.count() == 2
    assert Column.objects.get().name == "学习贯彻党的二十大精神 高新区在行动"


def test_records_keep_the_page_reading_order():
    page = import_file(SEED).page
    titles = list(page.articles.order_by("position").values_list("title", flat=True))
    assert titles[0] == "国家试点公共领域车辆全面电动化"
    assert titles[-1] == "计量能力和水平纳入高企认定"


def test_an_article_body_keeps_its_subheads_and_drops_its_dateline():
    import_file(SEED)
    article = Article.objects.get(title="国家高新区“新春第一会”战鼓催征")
    assert "\n\n## 强信心：多起来、大起来、强起来\n\n" in article.body
    assert "<h3>强信心：多起来、大起来、强起来</h3>" in article.body_html
    assert article.byline == "本报记者 张伟" and article.authors == ["张伟"]
    assert not Article.objects.get(title="计量能力和水平纳入高企认定").body.startswith("本报讯")


def test_importing_the_same_file_again_changes_nothing():
    first = import_file(SEED)
    before = counts()
    again = import_file(SEED)
    assert again.status == "unchanged"
    assert again.page.pk == first.page.pk
    assert counts() == before


def test_a_changed_text_for_a_stored_page_is_refused_without_replace():
    import_file(SEED)
    before = counts()
    changed = SEED.read_text(encoding="utf-8").replace("洪森。", "洪森，并举行会谈。")
    with pytest.raises(PageImportError, match="--replace"):
        import_text(changed, source_name=SEED.name, facts=PageFacts("科技日报", datetime.date(2023, 2, 11), "1"))
    assert counts() == before


def test_replace_swaps_the_records_and_keeps_the_page():
    page = import_file(SEED).page
    changed = SEED.read_text(encoding="utf-8").replace("洪森。", "洪森，并举行会谈。")
    facts = PageFacts("科技日报", datetime.date(2023, 2, 11), "1")
    result = import_text(changed, source_name=SEED.name, facts=facts, replace_changed=True)
    assert result.status == "replaced"
    assert result.page.pk == page.pk
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森，并举行会谈。").exists()
    assert not Brief.objects.filter(text="习近平会见柬埔寨首相洪森。").exists()
    assert Article.objects.count() == 5


def refuse_inserts_into(table):
    """Make the database itself fail the next insert into table, halfway through an import."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$"
                " LANGUAGE plpgsql"
            )
            cursor.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse()")
        else:
            cursor.execute(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END")


def test_a_page_that_fails_halfway_leaves_nothing_behind():
    refuse_inserts_into("articles_photo")  # photos are written after articles and briefs
    with pytest.raises(DatabaseError):
        import_file(SEED)
    assert counts() == {"Edition": 0, "Page": 0, "Article": 0, "Brief": 0, "Photo": 0}


def test_options_fill_what_the_page_does_not_print():
    facts = PageFacts(paper="枫城日报", date=datetime.date(2023, 2, 10), number="1")
    page = import_file(PAGES / "sample-2.txt", facts=facts).page
    assert (page.edition.paper.name, page.edition.date, page.number) == ("枫城日报", datetime.date(2023, 2, 10), "1")


def test_what_the_header_prints_wins_over_the_options():
    facts = PageFacts(paper="别的报纸", date=datetime.date(2020, 1, 1), number="9")
    page = import_file(PAGES / "sample-3.txt", facts=facts).page
    assert (page.edition.paper.name, page.edition.date, page.number, page.section) == (
        "云川日报",
        datetime.date(2023, 2, 10),
        "1",
        "要闻",
    )
    assert page.header.startswith("云川日报\n2023年2月10日 星期五")


def test_a_page_with_no_date_anywhere_imports_as_undated():
    page = import_file(PAGES / "sample-2.txt").page
    assert page.edition.date is None
    assert page.articles.count() == 7


def test_a_gb18030_copy_of_an_imported_page_is_the_same_page(tmp_path):
    import_file(SEED)
    before = counts()
    twin = tmp_path / SEED.name
    twin.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    assert import_file(twin, facts=PageFacts("科技日报", datetime.date(2023, 2, 11), "1")).status == "unchanged"
    assert counts() == before


def test_the_command_imports_a_folder_with_its_manifest(tmp_path, capsys):
    shutil.copy(SEED, tmp_path)
    shutil.copy(SEED.parent / "manifest.toml", tmp_path)
    call_command("importpages", str(tmp_path))
    assert "created:" in capsys.readouterr().out
    assert Page.objects.get().edition.paper.name == "科技日报"


def test_the_command_reports_bad_files_and_still_imports_the_good_ones(tmp_path, capsys):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_document.txt").write_bytes(b"%PDF-1.7\n...")
    shutil.copy(PAGES / "sample-1.txt", tmp_path / "c_good.txt")
    with pytest.raises(CommandError) as failure:
        call_command("importpages", str(tmp_path))
    assert failure.value.returncode == 2
    errors = capsys.readouterr().err.splitlines()
    assert any("a_empty.txt：文件是空的" in line for line in errors)
    assert any("b_document.txt" in line and "PDF" in line for line in errors)
    assert Page.objects.get().source_name == "c_good.txt"


def test_the_command_rejects_a_bad_date_option():
    with pytest.raises(CommandError, match="not a date"):
        call_command("importpages", str(SEED), "--date", "2023-13-45")
