"""exportpages and importpages: a backup restores everything, and bad backups are refused."""

import json
import os
import subprocess
import sys

import pytest
from backup_scenario import HISTORIES, TABLES, editors_week, site_state
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from paths import ROOT

from articles.models import Article, ArticleKeyword, Page, RecordAddress, SearchDocument

pytestmark = pytest.mark.django_db


def empty_the_database():
    for model in [*(m.history.model for m in HISTORIES), ArticleKeyword, SearchDocument, *reversed(TABLES)]:
        model.objects.all().delete()
    # Deleting rows writes history versions and old addresses too.
    for model in [*(m.history.model for m in HISTORIES), RecordAddress]:
        model.objects.all().delete()


def test_a_backup_restored_into_an_empty_database_is_the_same_site(tmp_path, capsys):
    editors_week()
    call_command("exportpages", str(tmp_path / "backup"))
    # The second export into the same folder replaces the first whole: a page deleted
    # in between does not come back, and a title corrected in between stays corrected.
    article = Article.objects.order_by("pk").first()
    article.title = "第二次导出前的更正"
    article.save()
    Page.objects.exclude(pk=article.page_id).order_by("-pk").first().delete()
    call_command("exportpages", str(tmp_path / "backup"))
    assert "exported 2 pages" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup"]
    before = site_state()
    empty_the_database()
    call_command("importpages", str(tmp_path / "backup"))
    after = site_state()
    for key in before:
        assert after[key] == before[key], key


MAKE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
sys.path.insert(0, "tests")
from backup_scenario import editors_week, site_state
call_command("migrate", verbosity=0)
editors_week()
call_command("exportpages", sys.argv[1])
json.dump(site_state(), open(sys.argv[2], "w"))
"""
RESTORE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
sys.path.insert(0, "tests")
from backup_scenario import site_state
call_command("migrate", verbosity=0)
call_command("importpages", sys.argv[1])
json.dump(site_state(), open(sys.argv[2], "w"))
"""


def in_a_fresh_process(script, database_url, *args):
    """Run script as a new server would: its own process, jieba taught only what the database holds."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DIGEST_"))}
    env |= {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "digest.settings"}
    env["DJANGO_ALLOWED_HOSTS"] = "testserver"
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db(transaction=True)
def test_a_backup_made_on_sqlite_restores_the_same_site_on_this_backend(tmp_path):
    """On the PostgreSQL run, SQLite into PostgreSQL (the test's own database, empty)."""
    in_a_fresh_process(MAKE, f"sqlite:///{tmp_path / 'source.sqlite3'}", tmp_path / "backup", tmp_path / "before.json")
    if connection.vendor == "postgresql":
        # Module-wide fixtures of other test files (conftest.corpus) leave rows behind
        # them, such as the history of what they deleted: the restore starts empty.
        empty_the_database()
        here = connection.settings_dict
        target = f"postgres://{here['USER']}@{here['HOST']}:{here['PORT']}/{here['NAME']}"
    else:
        target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    in_a_fresh_process(RESTORE, target, tmp_path / "backup", tmp_path / "after.json")
    before = json.loads((tmp_path / "before.json").read_text())
    after = json.loads((tmp_path / "after.json").read_text())
    for key in before:
        assert after[key] == before[key], f"{key} on {connection.vendor}"


@pytest.fixture
def backup(tmp_path, seed_page):
    call_command("exportpages", str(tmp_path / "backup"))
    return tmp_path / "backup"


def page_file(backup):
    return next((backup / "pages").iterdir())


def edit_backup(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["briefs"][0].update(kind="bogus"), "类型"),
        (lambda d: d["photos"][0].update(image="../../../../etc/passwd"), "超出了媒体文件夹"),
        (lambda d: d["photos"][0].update(image="/etc/passwd"), "超出了媒体文件夹"),
        (lambda d: d["articles"][0].update(title="标\x00题"), "NUL"),
        (lambda d: d["articles"][0].update(dateline="长" * 101), "电头"),
        (lambda d: d["articles"][0].update(script="x"), "未知字段"),
        (lambda d: d["articles"][0].update(authors=[1, 2]), "作者"),
    ],
)
def test_a_bad_backup_is_refused_in_chinese_and_changes_nothing(backup, capsys, change, message):
    edit_backup(page_file(backup), change)
    empty_the_database()
    with pytest.raises(CommandError) as failure:
        call_command("importpages", str(backup))
    assert failure.value.returncode == 2
    assert message in capsys.readouterr().err
    assert not Article.objects.exists()


def test_restoring_onto_the_database_applies_the_backup_but_not_over_a_later_edit(backup, capsys):
    article = Article.objects.order_by("pk").first()
    title = article.title
    article.title = "备份之后改的标题"
    article.save()
    with pytest.raises(CommandError):
        call_command("importpages", str(backup))
    assert "经编辑修改过" in capsys.readouterr().err
    assert Article.objects.get(pk=article.pk).title == "备份之后改的标题"
    call_command("importpages", str(backup), "--overwrite-edits")
    assert Article.objects.get(pk=article.pk).title == title


def test_an_export_refuses_to_replace_a_folder_that_is_not_an_export(tmp_path, seed_page):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="不是 Digest 的导出"):
        call_command("exportpages", str(tmp_path / "mine"))
    assert (tmp_path / "mine" / "notes.txt").read_text() == "mine"


def test_a_broken_export_file_is_reported_and_skipped(tmp_path, capsys):
    (tmp_path / "000001_bad.json").write_text('{"format": "digest-page/1", "page": 3}')
    (tmp_path / "000002_other.json").write_text('{"hello": "world"}')
    with pytest.raises(CommandError) as failure:
        call_command("importpages", str(tmp_path))
    assert failure.value.returncode == 2
    errors = capsys.readouterr().err
    assert "000001_bad.json：导出的版面文件无效" in errors
    assert "000002_other.json：这不是 Digest 导出的版面" in errors


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["briefs"][0].update(kind="bogus"), "未知"),
        (lambda d: d["articles"][0]["body"][0].update(kind="script"), "正文段落的类型"),
        (lambda d: d["photos"][0].update(image="../../../../etc/passwd"), "超出了媒体文件夹"),
        (lambda d: d["articles"][0].update(title="标\x00题"), "NUL"),
        (lambda d: d["articles"][0].update(dateline="长" * 101), "电头"),
    ],
)
def test_a_bad_page_export_of_the_older_format_is_refused_alike_on_both_backends(
    tmp_path, seed_page, capsys, change, message
):
    from articles.exporting import page_export

    data = page_export(seed_page)
    change(data)
    empty_the_database()
    path = tmp_path / "000001_2023-02-11_1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("importpages", str(path))
    assert message in capsys.readouterr().err
    assert not Article.objects.exists()


def test_restoring_the_same_backup_again_changes_nothing(backup):
    from backup_scenario import site_state

    before = site_state()
    call_command("importpages", str(backup))
    assert site_state() == before


def test_restoring_with_keep_edits_keeps_a_later_edit_and_restores_the_rest(backup):
    first, second = Article.objects.order_by("pk")[:2]
    first.title, second.title = "备份之后改的标题", "另一处备份之后的修改"
    first.save()
    Article.objects.filter(pk=second.pk).update(title="绕过历史的修改")  # no version: not an editor's save
    call_command("importpages", str(backup), "--keep-edits")
    assert Article.objects.get(pk=first.pk).title == "备份之后改的标题"
    assert Article.objects.get(pk=second.pk).title != "绕过历史的修改"
