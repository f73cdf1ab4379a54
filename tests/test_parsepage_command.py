"""python manage.py parsepage FILE [--json]."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from paths import SEED_FIXTURE
from processes import manage

from articles.parsing import parse_page

SEED_TEXT = SEED_FIXTURE.read_text(encoding="utf-8")


def parsepage(*args):
    out = io.StringIO()
    call_command("parsepage", *map(str, args), stdout=out)
    return out.getvalue()


def run_parsepage(*args):
    """The command as a person runs it: its own process, its exit status and stderr."""
    return manage("parsepage", *args)


def test_it_prints_the_structure_as_json():
    structure = json.loads(parsepage(SEED_FIXTURE, "--json"))
    assert structure.keys() >= {"page", "articles", "columns", "briefs", "photos"}
    assert structure == parse_page(SEED_TEXT).to_dict()


def test_it_parses_a_gb18030_page_exactly_as_its_utf8_twin(tmp_path):
    page = tmp_path / "page-gb18030.txt"
    page.write_bytes(SEED_TEXT.encode("gb18030"))
    assert parsepage(page, "--json") == parsepage(SEED_FIXTURE, "--json")


def test_it_parses_a_page_with_a_bom_and_crlf_lines_exactly_as_without(tmp_path):
    page = tmp_path / "page-crlf.txt"
    page.write_bytes(b"\xef\xbb\xbf" + SEED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert parsepage(page, "--json") == parsepage(SEED_FIXTURE, "--json")


def test_its_outline_names_each_article_and_counts_the_records():
    structure = parse_page(SEED_TEXT)
    outline = parsepage(SEED_FIXTURE)
    for article in structure.articles:
        assert article.title in outline
    assert f"{len(structure.articles)} article" in outline.splitlines()[-1]


BAD_FILES = {
    "an empty file": b"",
    "a whitespace-only file": b"  \n\n",
    "a PDF": b"%PDF-1.4\n",
    "an HTML document": b"<!DOCTYPE html><html></html>",
}


@pytest.mark.parametrize("data", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_it_fails_with_status_2_on_a_file_that_is_not_page_text(tmp_path, data):
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    with pytest.raises(CommandError, match="page.txt：") as error:
        parsepage(page)
    assert error.value.returncode == 2


@pytest.mark.parametrize(("name", "message"), [("missing.txt", "No such file"), ("folder", "Is a directory")])
def test_it_fails_with_status_2_on_a_path_that_is_not_a_file(tmp_path, name, message):
    (tmp_path / "folder").mkdir()
    with pytest.raises(CommandError, match=message) as error:
        parsepage(tmp_path / name)
    assert error.value.returncode == 2


@pytest.mark.parametrize("name", ["missing.txt", "folder", "empty.txt"])
def test_it_prints_one_line_and_no_traceback_from_the_command_line(tmp_path, name):
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_parsepage(tmp_path / name)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"{tmp_path / name}：" in result.stderr


def test_it_exits_0_from_the_command_line_on_the_seed_page():
    result = run_parsepage(SEED_FIXTURE, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"]
