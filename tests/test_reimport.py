"""Re-importing a page never silently overwrites an editor: keep, overwrite, and the command line."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from paths import SEED

from articles.importer import EditedRecordsError, PageFacts, import_file, import_text
from articles.models import Article, Brief, Page, SearchDocument
from articles.reimporting import KEEP, OVERWRITE

pytestmark = pytest.mark.django_db

FACTS = PageFacts("科技日报", datetime.date(2023, 2, 11), "1")
TITLE = "计量能力和水平纳入高企认定"


def changed_text(*replacements):
    text = SEED.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return text


def ids():
    return {(type(r).__name__, r.pk) for model in (Article, Brief) for r in model.objects.all()}


def edit_title(title, new_title):
    article = Article.objects.get(title=title)
    article.title = new_title
    article.save()  # as the admin saves it: a history row with no import reason
    return article


# One sentence of the article whose title the editor changes, and one of a brief nobody touched.
IN_EDITED_ARTICLE = ("计量能力和水平纳入高企认定", "计量能力与水平纳入高企认定")
IN_BRIEF = ("洪森。", "洪森，并举行会谈。")


def test_records_the_new_text_does_not_change_keep_their_ids_and_addresses(client):
    import_file(SEED)
    before = ids()
    urls = [a.get_absolute_url() for a in Article.objects.all()]
    result = import_text(changed_text(IN_BRIEF), source_name=SEED.name, facts=FACTS, replace_changed=True)
    assert result.status == "replaced"
    assert ids() == before
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森，并举行会谈。").exists()
    for url in urls:
        assert client.get(url).status_code == 200


def test_an_edit_the_new_text_does_not_touch_stays_without_asking():
    import_file(SEED)
    edited = edit_title(TITLE, "编辑改过的标题")
    import_text(changed_text(IN_BRIEF), source_name=SEED.name, facts=FACTS, replace_changed=True)
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"


def test_a_page_with_edited_records_the_text_changes_stops_and_lists_them_with_a_diff():
    page = import_file(SEED).page
    edited = edit_title(TITLE, "编辑改过的标题")
    before = ids()
    with pytest.raises(EditedRecordsError) as refused:
        import_text(changed_text(IN_EDITED_ARTICLE, IN_BRIEF), source_name=SEED.name, facts=FACTS, replace_changed=True)
    assert "编辑改过的标题" in str(refused.value) and "经编辑修改过" in str(refused.value)
    [pair] = refused.value.pairs
    assert pair.stored.pk == edited.pk
    assert "-标题：编辑改过的标题" in pair.diff() and "+标题：计量能力与水平纳入高企认定" in pair.diff()
    assert ids() == before
    assert Page.objects.get(pk=page.pk).source_text == SEED.read_text(encoding="utf-8")
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森。").exists()


def test_keep_fills_only_what_nobody_touched():
    import_file(SEED)
    edited = edit_title(TITLE, "编辑改过的标题")
    before = ids()
    text = changed_text(IN_EDITED_ARTICLE, IN_BRIEF)
    import_text(text, source_name=SEED.name, facts=FACTS, replace_changed=True, edits=KEEP)
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"
    assert not Article.objects.filter(title="计量能力与水平纳入高企认定").exists()
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森，并举行会谈。").exists()
    assert ids() == before


def test_overwrite_is_in_the_history_and_one_revert_brings_the_edit_back():
    import_file(SEED)
    edited = edit_title(TITLE, "编辑改过的标题")
    text = changed_text(IN_EDITED_ARTICLE, IN_BRIEF)
    import_text(text, source_name=SEED.name, facts=FACTS, replace_changed=True, edits=OVERWRITE)
    article = Article.objects.get(pk=edited.pk)
    assert article.title == "计量能力与水平纳入高企认定"
    newest, previous = article.history.order_by("-history_date")[:2]
    assert "覆盖了编辑的修改" in newest.history_change_reason
    previous.instance.save()  # what the history's revert does
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"


def test_the_command_refuses_edited_records_and_overwrite_edits_is_the_way_through(tmp_path, capsys):
    import_file(SEED)
    edit_title(TITLE, "编辑改过的标题")
    changed = tmp_path / SEED.name
    changed.write_text(changed_text(IN_EDITED_ARTICLE), encoding="utf-8")
    (tmp_path / "manifest.toml").write_text((SEED.parent / "manifest.toml").read_text(encoding="utf-8"))
    with pytest.raises(CommandError) as failure:
        call_command("importpages", str(changed), "--replace")
    assert failure.value.returncode == 2
    errors = capsys.readouterr().err
    assert "经编辑修改过" in errors and "--overwrite-edits" in errors and "+标题：计量能力与水平纳入高企认定" in errors
    assert Article.objects.filter(title="编辑改过的标题").exists()
    call_command("importpages", str(changed), "--replace", "--overwrite-edits")
    assert Article.objects.filter(title="计量能力与水平纳入高企认定").exists()


def test_the_command_keeps_edits_with_keep_edits(tmp_path):
    import_file(SEED)
    edited = edit_title(TITLE, "编辑改过的标题")
    changed = tmp_path / SEED.name
    changed.write_text(changed_text(IN_EDITED_ARTICLE, IN_BRIEF), encoding="utf-8")
    (tmp_path / "manifest.toml").write_text((SEED.parent / "manifest.toml").read_text(encoding="utf-8"))
    call_command("importpages", str(changed), "--replace", "--keep-edits")
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森，并举行会谈。").exists()


def test_the_same_text_trimmed_by_a_form_is_the_same_page():
    import_file(SEED)
    trimmed = SEED.read_text(encoding="utf-8").strip().replace("\n", "\r\n")
    assert import_text(trimmed, source_name=SEED.name).status == "unchanged"


@pytest.fixture
def documents_written(monkeypatch):
    """Every record the search index writes a document for, as (kind, id), in order, and
    .passes: how many times the index was asked to write (index_page, index_records)."""
    from articles.search import index

    class Written(list):
        passes = 0

    written, real_document, real_records = Written(), index.document_for, index.index_records

    def counting(record):
        written.append((type(record).__name__, record.pk))
        return real_document(record)

    def one_pass(records):
        written.passes += 1
        return real_records(records)

    monkeypatch.setattr(index, "document_for", counting)
    monkeypatch.setattr(index, "index_records", one_pass)
    return written


def test_an_import_indexes_each_record_once(documents_written):
    import_file(SEED)
    assert len(documents_written) == len(set(documents_written)) == SearchDocument.objects.count() == 19
    assert documents_written.passes == 1


def test_a_re_import_indexes_each_record_once(documents_written):
    import_file(SEED)
    documents_written.clear()
    documents_written.passes = 0
    import_text(changed_text(IN_BRIEF), source_name=SEED.name, facts=FACTS, replace_changed=True)
    assert len(documents_written) == len(set(documents_written)) == SearchDocument.objects.count() == 19
    assert documents_written.passes == 1


def test_a_record_the_new_parse_gives_another_kind_sends_its_address_there(client):
    """A brief the new text prints as an article's opening: its address follows its text."""
    import_file(SEED)
    brief = Brief.objects.get(text="习近平会见柬埔寨首相洪森。")
    url = brief.get_absolute_url()
    text = SEED.read_text(encoding="utf-8")
    # Drop the brief, and put its words at the head of an article the text keeps.
    text = text.replace("习近平会见柬埔寨首相\n\n洪森。\n", "").replace(
        "工业和信息化部等 8部门", "习近平会见柬埔寨首相洪森。工业和信息化部等 8部门", 1
    )
    import_text(text, source_name=SEED.name, facts=FACTS, replace_changed=True)
    article = Article.objects.get(body__startswith="习近平会见柬埔寨首相洪森。")
    answer = client.get(url)
    assert answer.status_code == 301 and answer["Location"] == article.get_absolute_url()
