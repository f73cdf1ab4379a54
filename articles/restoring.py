"""Restore a backup folder written by articles/exporting.py: the same site, id for id.

Into an empty database a restore gives the same content in every table, so the
same answer at every address, the same search results and the same history.
Onto a database that holds the pages, it applies the backup's state, after the
same check as a re-import: a record an editor changed after the backup was
taken (a version of it the backup does not hold) is listed, and only KEEP or
OVERWRITE goes past it. Pages the backup does not hold are left alone.

Every value is checked before anything is written, alike on both backends, so a
backup SQLite accepted restores into PostgreSQL: unknown fields and kinds, paths
that leave the media folder, NUL characters and values too long for their column
are refused with a Chinese message, and the restore then writes nothing.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction

from .backupchecks import BackupValueError, no_nul, safe_media_name
from .exporting import BACKUP_FILE, BACKUP_FORMAT, DERIVED, HISTORY_MODELS, PAGE_FORMAT, PAGES_FOLDER, is_history
from .importer import EditedRecordsError, ImportResult, page_checksum
from .models import (
    Article,
    ArticleKeyword,
    Brief,
    Column,
    DictionaryWord,
    Edition,
    EditStep,
    FormerPaperSlug,
    Page,
    Paper,
    Photo,
    RecordAddress,
)
from .pagefile import MAX_PAGE_BYTES
from .reimporting import IMPORT_REASONS, OVERWRITE, Pair
from .search.index import index_page
from .search.terms import add_words
from .signals import indexing_deferred

RESTORED = "restored"
# Editor-set links between records, set once every page's records are in.
LINKS = ("continued_on_id", "target_id", "article_id")
REASON = "从备份恢复"
RECORDS = (("articles", Article), ("briefs", Brief), ("photos", Photo))
# A backup file is at most this large: a page's text and its records, a few times over.
MAX_FILE_BYTES = MAX_PAGE_BYTES * 8
MAX_SITE_BYTES = 1024 * 1024 * 1024


class RestoreError(BackupValueError):
    """The backup cannot be restored; str() says why, in Chinese. Nothing was written."""


def is_backup(path: Path) -> bool:
    return path.is_dir() and (path / BACKUP_FILE).is_file()


def _load(path: Path, limit: int):
    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)
        if len(data) > limit:
            raise RestoreError(f"{path}：文件过大，不像 Digest 的备份。")
        return json.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, RestoreError):
            raise
        raise RestoreError(f"{path}：不是有效的备份文件（{error}）。") from None


def build(model, values, where: str, extra=()):
    """An unsaved instance of model from a backup row, every value checked; RestoreError if any is wrong."""
    if not isinstance(values, dict):
        raise RestoreError(f"{where}：应为一条记录（JSON 对象）。")
    derived = set() if is_history(model) else DERIVED
    fields = {f.attname: f for f in model._meta.concrete_fields if f.attname not in derived}
    unknown = set(values) - set(fields) - set(extra)
    if unknown:
        raise RestoreError(f"{where}：未知字段 {'、'.join(sorted(unknown))}，拒绝恢复。")
    instance = model()
    for attname, value in values.items():
        if attname in extra:
            continue
        model_field = fields[attname]
        label = f"{where}的“{model_field.verbose_name}”"
        no_nul(value, label)
        if isinstance(model_field, models.FileField):
            value = safe_media_name(value, label)
        try:
            setattr(instance, attname, model_field.to_python(value))
        except (ValidationError, TypeError, ValueError) as error:
            raise RestoreError(f"{label}无效：{_messages(error)}") from None
    if isinstance(instance, Article):
        for name, label in (("authors", "作者"), ("keywords", "关键词")):
            value = getattr(instance, name)
            if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
                raise RestoreError(f"{where}的“{label}”应为文字的列表。")
    # Links are checked once every row is in; a NULL where the column allows one is
    # what was stored (a history version's empty reason), whatever the form would ask.
    unchecked = [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation or not f.editable or (f.null and getattr(instance, f.attname) is None)
    ]
    try:
        # The fields' own checks only: a model's clean() may look up rows not restored yet.
        instance.clean_fields(exclude=unchecked)
    except ValidationError as error:
        raise RestoreError(f"{where}无效：{_messages(error, model)}") from None
    return instance


def _messages(error, model=None) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "；".join(
                f"{_label(model, name)}：{'，'.join(messages)}" for name, messages in error.message_dict.items()
            )
        return "；".join(error.messages)
    return str(error)


def _label(model, name: str) -> str:
    try:
        return f"“{model._meta.get_field(name).verbose_name}”"
    except Exception:  # noqa: BLE001 - a name that is no field is shown as it is
        return name


@dataclass
class _Page:
    """One page file, checked: its edition, page and records, unsaved."""

    path: Path
    paper: Paper
    edition: Edition
    page: Page
    records: dict = field(default_factory=dict)  # "articles" -> [instances]


def read_page_file(path: Path) -> _Page:
    data = _load(path, MAX_FILE_BYTES)
    if not isinstance(data, dict) or data.get("format") != PAGE_FORMAT:
        raise RestoreError(f'{path}：这不是 Digest 备份的版面（没有 "format": "{PAGE_FORMAT}"）。')
    unknown = set(data) - {"format", "paper", "edition", "page", *(name for name, _ in RECORDS)}
    if unknown:
        raise RestoreError(f"{path}：未知内容 {'、'.join(sorted(unknown))}，拒绝恢复。")
    paper = build(Paper, data.get("paper"), f"{path.name} 的报纸")
    edition = build(Edition, data.get("edition"), f"{path.name} 的期次")
    page = build(Page, data.get("page"), f"{path.name} 的版面")
    page.checksum = page_checksum(page.source_text)
    parsed = _Page(path, paper, edition, page)
    for name, model in RECORDS:
        rows = data.get(name, [])
        if not isinstance(rows, list):
            raise RestoreError(f"{path.name}：{model._meta.verbose_name}应为列表。")
        parsed.records[name] = [
            build(model, r, f"{path.name} 的{model._meta.verbose_name}第 {i + 1} 条") for i, r in enumerate(rows)
        ]
    return parsed


def read_site(folder: Path) -> dict:
    data = _load(folder / BACKUP_FILE, MAX_SITE_BYTES)
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise RestoreError(f'{folder}：这不是 Digest 的备份（没有 "format": "{BACKUP_FORMAT}"）。')
    site = {
        "papers": [build(Paper, r, f"报纸第 {i + 1} 条") for i, r in enumerate(data.get("papers", []))],
        "former_paper_slugs": [
            build(FormerPaperSlug, r, f"报纸旧网址名第 {i + 1} 条")
            for i, r in enumerate(data.get("former_paper_slugs", []))
        ],
        "columns": [build(Column, r, f"栏目第 {i + 1} 条") for i, r in enumerate(data.get("columns", []))],
        "editions": [build(Edition, r, f"期次第 {i + 1} 条") for i, r in enumerate(data.get("editions", []))],
        "dictionary": [
            build(DictionaryWord, r, f"词典第 {i + 1} 条") for i, r in enumerate(data.get("dictionary", []))
        ],
        "addresses": [build(RecordAddress, r, f"旧地址第 {i + 1} 条") for i, r in enumerate(data.get("addresses", []))],
        "edit_steps": [build(EditStep, r, f"整理操作第 {i + 1} 条") for i, r in enumerate(data.get("edit_steps", []))],
        "history": {},
    }
    history = data.get("history", {})
    if not isinstance(history, dict) or set(history) - {m._meta.model_name for m in HISTORY_MODELS}:
        raise RestoreError(f"{folder}：历史记录的内容无效。")
    users = {user.get_username(): user.pk for user in get_user_model().objects.all()}
    for model in HISTORY_MODELS:
        rows = []
        for i, values in enumerate(history.get(model._meta.model_name, [])):
            where = f"{model._meta.verbose_name}的历史第 {i + 1} 条"
            version = build(model.history.model, values, where, {"history_user"})
            version.history_user_id = users.get(values.get("history_user") or "")
            rows.append(version)
        site["history"][model] = rows
    return site


def _auto_now_add(instance) -> dict:
    """The values of fields the database would stamp with "now" on insert, to put back after."""
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if getattr(f, "auto_now_add", False) and getattr(instance, f.attname) is not None
    }


def _write(instance, *, insert: bool) -> None:
    """Save a row as the backup holds it: through save(), so derived fields follow (a page's
    number_sort, an article's keywords), but with no new history version (the backup
    brings the history) and with the backup's own imported_at and created_at."""
    kept = _auto_now_add(instance)
    instance.skip_history_when_saving = True  # django-simple-history's switch
    try:
        instance.save(force_insert=insert)
    finally:
        del instance.skip_history_when_saving
    if kept:
        type(instance).objects.filter(pk=instance.pk).update(**kept)


def _insert(instance) -> None:
    keywords = list(instance.keywords) if isinstance(instance, Article) else None
    _write(instance, insert=True)
    if keywords is not None and keywords != instance.keywords:
        # As stored, not as this process's jieba would cut them now.
        Article.objects.filter(pk=instance.pk).update(keywords=keywords)
        instance.keywords = keywords
        instance.keyword_links.all().delete()
        ArticleKeyword.objects.bulk_create(instance.keyword_rows())


def restore_backup(folder: Path, edits: str | None = None) -> list[ImportResult]:
    """Restore the backup in folder, all of it or nothing."""
    folder = Path(folder)
    site = read_site(folder)
    pages = [read_page_file(path) for path in sorted((folder / PAGES_FOLDER).glob("*.json"))]
    backup_versions = {
        model: {version.history_id for version in versions} for model, versions in site["history"].items()
    }
    results = []
    with transaction.atomic(), indexing_deferred():
        columns = {}  # the backup's column id -> the id of the column of that name here
        for column in site["columns"]:
            backup_pk = column.pk
            same = Column.objects.filter(name=column.name).first()
            if same is None:
                if Column.objects.filter(pk=backup_pk).exists():
                    column.pk = None
                _insert(column)
                same = column
            columns[backup_pk] = same.pk
        papers = {}  # the backup's paper id -> the id of the paper of that name here
        for paper in site["papers"] + [p.paper for p in pages]:
            papers[paper.pk] = _paper(paper).pk
        for former in site["former_paper_slugs"]:
            if former.paper_id in papers and not FormerPaperSlug.objects.filter(slug=former.slug).exists():
                former.paper_id = papers[former.paper_id]
                former.pk = None
                _insert(former)
        for edition in site["editions"] + [p.edition for p in pages]:
            edition.paper_id = papers.get(edition.paper_id, edition.paper_id)
            _edition(edition)
        for word in site["dictionary"]:
            if not DictionaryWord.objects.filter(word=word.word).exists():
                if DictionaryWord.objects.filter(pk=word.pk).exists():
                    word.pk = None
                _insert(word)
        add_words([word.word for word in site["dictionary"]])
        for model, versions in site["history"].items():
            history = model.history.model
            ids = [version.history_id for version in versions]
            present = set(history.objects.filter(history_id__in=ids).values_list("history_id", flat=True))
            history.objects.bulk_create([v for v in versions if v.history_id not in present])
        _reset_sequences()
        edited = []
        for item in pages:
            for record in item.records["articles"]:
                record.column_id = columns.get(record.column_id)
            edited += _restore_page(item, backup_versions, edits, results)
        if edited and edits is None:
            raise EditedRecordsError(edited[0].stored.page, edited)
        for item in pages:
            _restore_links(item)
        for address in site["addresses"]:
            _restore_address(address)
        for step in site["edit_steps"]:
            if not EditStep.objects.filter(pk=step.pk).exists():
                _insert(step)
        _reset_sequences()
        for result in results:
            index_page(result.page)
    return results


def _restore_address(address: RecordAddress) -> None:
    target = {"target_kind": address.target_kind, "target_id": address.target_id, "edition_id": address.edition_id}
    existing = RecordAddress.objects.filter(kind=address.kind, record_id=address.record_id)
    if not existing.update(**target):
        if RecordAddress.objects.filter(pk=address.pk).exists():
            address.pk = None
        _insert(address)


def _paper(paper: Paper) -> Paper:
    same = Paper.objects.filter(name=paper.name).first()
    if same is not None:
        return same
    if Paper.objects.filter(pk=paper.pk).exists():
        paper.pk = None
    if Paper.objects.filter(slug=paper.slug).exists():
        paper.slug = ""  # Paper.save() picks a free one
    _insert(paper)
    return paper


def _edition(edition: Edition) -> Edition:
    same = Edition.objects.filter(paper=edition.paper, date=edition.date).first()
    if same is not None:
        # The backup's state wins here too: an edition published (or a draft) when the
        # backup was taken is so again.
        if same.published_at != edition.published_at:
            Edition.objects.filter(pk=same.pk).update(published_at=edition.published_at)
            same.published_at = edition.published_at
        return same
    if Edition.objects.filter(pk=edition.pk).exists():
        edition.pk = None
    _insert(edition)
    return edition


def _changed_since_backup(record, backup_versions) -> bool:
    """Whether an editor changed the record after the backup was taken."""
    versions = record.history.exclude(history_id__in=backup_versions.get(type(record), set()))
    reasons = versions.values_list("history_change_reason", flat=True)
    return any(not (reason or "").startswith(IMPORT_REASONS) for reason in reasons)


def _fields(record) -> dict:
    skip = DERIVED | {"keywords"}  # derived too, though carried
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields if f.attname not in skip}


def _restore_page(item: _Page, backup_versions, edits, results) -> list[Pair]:
    edition = Edition.objects.get(paper_id=item.edition.paper_id, date=item.edition.date)
    backup_page = item.page
    backup_page.edition_id = edition.pk
    stored = Page.objects.filter(edition=edition, number=backup_page.number)
    if not backup_page.number:
        stored = stored.filter(source_name=backup_page.source_name)
    page = Page.objects.filter(pk=backup_page.pk, edition=edition).first() or stored.first()
    other = Page.objects.filter(checksum=backup_page.checksum).exclude(pk=page.pk if page else None).first()
    if other is not None:
        raise RestoreError(f"{item.path.name}：这一版的原文已作为 {other} 存在，不能再恢复为另一版。")
    if page is None:
        if Page.objects.filter(pk=backup_page.pk).exists():
            backup_page.pk = None
        _insert(backup_page)
        page = backup_page
    else:
        for attname, value in _fields(backup_page).items():
            if attname != "id":
                setattr(page, attname, value)
        page.checksum = backup_page.checksum
        _write(page, insert=False)
    results.append(ImportResult(page, RESTORED))
    edited = []
    for name, model in RECORDS:
        wanted = {record.pk: record for record in item.records[name]}
        for current in model.objects.filter(page=page):
            backup = wanted.pop(current.pk, None)
            same = backup is not None and {**_fields(backup), "page_id": page.pk} == _fields(current)
            if same:
                continue
            if _changed_since_backup(current, backup_versions):
                edited.append(Pair(current, None, edited=True))
                if edits != OVERWRITE:
                    continue
            current._change_reason = REASON
            if backup is None:
                current.delete()
            else:
                # Links are set again once every page is in (_restore_links).
                for attname, value in _fields(backup).items():
                    setattr(current, attname, None if attname in LINKS else value)
                current.page_id = page.pk
                current.save()
        for record in wanted.values():
            if model.objects.filter(pk=record.pk).exists():
                noun = model._meta.verbose_name
                raise RestoreError(f"{item.path.name}：{noun}编号 {record.pk} 已被另一版的内容占用。")
            record.page_id = page.pk
            _insert(_unlinked(record))
    return edited


def _unlinked(record):
    """A copy of the record without its links to other records, which may not be in yet."""
    copy = type(record)(**{f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields})
    for attname in LINKS:
        if hasattr(copy, attname):
            setattr(copy, attname, None)
    return copy


def _restore_links(item: _Page) -> None:
    """Editor-set links, by id, once every page's records are in."""
    for record in item.records["articles"]:
        if record.continued_on_id and Article.objects.filter(pk=record.continued_on_id).exists():
            Article.objects.filter(pk=record.pk, continued_on=None).update(continued_on_id=record.continued_on_id)
    for record in item.records["briefs"]:
        if record.target_id and Article.objects.filter(pk=record.target_id).exists():
            Brief.objects.filter(pk=record.pk, target=None).update(target_id=record.target_id)
    for record in item.records["photos"]:
        if record.article_id and Article.objects.filter(pk=record.article_id).exists():
            Photo.objects.filter(pk=record.pk, article=None).update(article_id=record.article_id)


def _reset_sequences() -> None:
    """After rows were written with their own ids, new rows must be numbered past them
    (PostgreSQL's sequences; SQLite's AUTOINCREMENT follows by itself)."""
    if connection.vendor != "postgresql":
        return
    tables = [Paper, FormerPaperSlug, Edition, Page, Column, Article, Brief, Photo, DictionaryWord]
    tables += [RecordAddress, EditStep]
    tables += [model.history.model for model in HISTORY_MODELS]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(statement)
