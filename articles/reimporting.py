"""A new text for a page already stored: change only what the new parse changes, and never
silently what an editor changed.

Each stored record is paired with the record of the new parse that holds the same
text (the same fields, or failing that the most words in common). A pair whose
fields agree is left alone: same id, same address, same edits. A record the
editors changed since the last import (its newest history row is not the
importer's) that the new parse would change or drop is an *edited record*: the
import stops and lists them (EditedRecordsError) unless told to KEEP them (the
new parse fills in only what nobody touched) or to OVERWRITE them (written
through save(), so the history keeps the editor's version to revert to).
"""

import difflib
from dataclasses import dataclass, field

from . import addresses
from .body import blocks_to_body, body_to_blocks
from .linking import overlap
from .models import Article, Brief, Column, Page
from .parsing import PageStructure
from .parsing.structure import Article as ParsedArticle
from .parsing.structure import Brief as ParsedBrief

KEEP, OVERWRITE = "keep", "overwrite"
# What the importer writes in the history's 修改原因; any other reason is an editor's.
IMPORT_REASONS = ("导入 ", "重新导入 ")
# A changed record and its new version share at least this much of their words:
# "国家试点公共领域车辆全面电动化" with one paragraph retyped is still the same story.
MIN_SHARED_TEXT = 0.5
# A deleted record's address follows a new record only when nearly all its words are
# there: "习近平会见柬埔寨首相洪森。" reprinted at the head of an article, not a
# short brief whose few common words any long article holds.
MIN_FOLLOWED_TEXT = 0.8

ARTICLE_FIELDS = ("kicker", "title", "subtitle", "column_name", "dateline", "byline", "authors", "body", "continuation")
BRIEF_FIELDS = ("kind", "text", "ref")
PHOTO_FIELDS = ("caption", "credit")
FIELD_NAMES = {
    "kicker": "引题",
    "title": "标题",
    "subtitle": "副题",
    "column_name": "栏目",
    "dateline": "电头",
    "byline": "署名",
    "authors": "作者",
    "body": "正文",
    "continuation": "转版说明",
    "kind": "类型",
    "text": "内容",
    "ref": "见报版次",
    "caption": "图片说明",
    "credit": "摄影",
}


def stored_fields(record) -> dict:
    """A stored record's text, as the fields a parse gives."""
    if isinstance(record, Article):
        values = {name: getattr(record, name) for name in ARTICLE_FIELDS if hasattr(record, name)}
        values["column_name"] = record.column.name if record.column_id else ""
        values["authors"] = list(record.authors)
        values["body"] = blocks_to_body(body_to_blocks(record.body))
        return values
    names = BRIEF_FIELDS if isinstance(record, Brief) else PHOTO_FIELDS
    return {name: getattr(record, name) for name in names}


def parsed_fields(parsed) -> dict:
    if isinstance(parsed, ParsedArticle):
        values = {name: getattr(parsed, name) for name in ARTICLE_FIELDS if hasattr(parsed, name)}
        values["column_name"] = parsed.column
        values["authors"] = list(parsed.authors)
        values["body"] = blocks_to_body(parsed.body)
        return values
    names = BRIEF_FIELDS if isinstance(parsed, ParsedBrief) else PHOTO_FIELDS
    return {name: getattr(parsed, name) for name in names}


def _words(values: dict) -> str:
    return " ".join(str(value) for value in values.values())


@dataclass
class Pair:
    stored: object | None  # a stored record, or None for a record the new parse adds
    parsed: object | None  # its record in the new parse, or None when the parse drops it
    edited: bool = False
    # What the import last gave this record: its fields then, for an edited record
    # (so an edit the new text does not touch stays, unasked), else its fields now.
    basis: dict | None = None

    @property
    def changes(self) -> bool:
        """Whether the new parse changes (or drops) what the import gave this record."""
        if self.stored is None or self.parsed is None:
            return True
        return self.basis != parsed_fields(self.parsed)

    @property
    def differs(self) -> bool:
        """Whether the stored record, as it is now, is not what the new parse gives."""
        return self.stored is None or self.parsed is None or stored_fields(self.stored) != parsed_fields(self.parsed)

    def diff(self) -> str:
        """The editor's text against the new parse, field by field, as a unified diff."""
        mine = _lines(stored_fields(self.stored)) if self.stored is not None else []
        theirs = _lines(parsed_fields(self.parsed)) if self.parsed is not None else []
        return "\n".join(difflib.unified_diff(mine, theirs, "编辑改过的文字", "新的解析结果", lineterm=""))


def _lines(values: dict) -> list[str]:
    lines = []
    for name, value in values.items():
        text = "、".join(value) if isinstance(value, list) else str(value)
        for line in text.splitlines() or [""]:
            lines.append(f"{FIELD_NAMES[name]}：{line}")
    return lines


@dataclass
class Plan:
    """What the new parse does to each stored record of the page."""

    pairs: list[Pair] = field(default_factory=list)

    @property
    def edited(self) -> list[Pair]:
        """Pairs whose stored record an editor changed and the new parse would change or drop."""
        return [pair for pair in self.pairs if pair.edited and pair.changes]


def edited_by_editor(record) -> bool:
    """Whether the record's last change was an editor's, not the importer's."""
    newest = record.history.order_by("-history_date", "-history_id").values_list("history_change_reason", flat=True)
    reasons = list(newest[:1])
    return bool(reasons) and not (reasons[0] or "").startswith(IMPORT_REASONS)


def imported_fields(record) -> dict:
    """The record's fields as the importer last wrote them, from its history; its fields
    now when no import wrote it (a record an editor made by splitting)."""
    rows = record.history.order_by("-history_date", "-history_id")
    for row in rows.iterator():
        if (row.history_change_reason or "").startswith(IMPORT_REASONS):
            return stored_fields(row.instance)
    return stored_fields(record)


def plan(page: Page, structure: PageStructure) -> Plan:
    result = Plan()
    groups = (
        (list(page.articles.select_related("column").order_by("position", "pk")), structure.articles),
        (list(page.briefs.order_by("position", "pk")), structure.briefs),
        (list(page.photos.order_by("position", "pk")), structure.photos),
    )
    for stored, parsed in groups:
        result.pairs += _pair(stored, list(parsed))
    return result


def _pair(stored: list, parsed: list) -> list[Pair]:
    bases = []
    for record in stored:
        edited = edited_by_editor(record)
        bases.append((record, edited, imported_fields(record) if edited else stored_fields(record)))
    pairs, free, rest = [], list(parsed), []
    # First the records whose text is exactly the same: most of a page re-imported.
    for record, edited, basis in bases:
        same = next((p for p in free if parsed_fields(p) == basis), None)
        if same is not None:
            free.remove(same)
            pairs.append(Pair(record, same, edited, basis))
        else:
            rest.append((record, edited, basis))
    # Then each changed record with the new record sharing most of its words.
    scored = sorted(
        (
            (_shared(_words(basis), _words(parsed_fields(p))), i, j)
            for i, (_, _, basis) in enumerate(rest)
            for j, p in enumerate(free)
        ),
        reverse=True,
    )
    taken_r, taken_p = set(), set()
    for score, i, j in scored:
        if score < MIN_SHARED_TEXT:
            break
        if i in taken_r or j in taken_p:
            continue
        taken_r.add(i)
        taken_p.add(j)
        pairs.append(Pair(rest[i][0], free[j], rest[i][1], rest[i][2]))
    pairs += [Pair(r, None, edited, basis) for i, (r, edited, basis) in enumerate(rest) if i not in taken_r]
    pairs += [Pair(None, p) for j, p in enumerate(free) if j not in taken_p]
    return pairs


def _shared(text: str, other: str) -> float:
    return min(overlap(text, other), overlap(other, text))


def apply_fields(record, parsed) -> None:
    """Write a parsed record's fields onto a stored one (not saved)."""
    values = parsed_fields(parsed)
    if isinstance(record, Article):
        name = values.pop("column_name")
        record.column = Column.objects.get_or_create(name=name)[0] if name else None
    for name, value in values.items():
        setattr(record, name, value)
    record.position = parsed.position


def new_records(plan: Plan) -> list:
    """The parsed records no stored record holds: to be created."""
    return [pair.parsed for pair in plan.pairs if pair.stored is None]


def write(plan: Plan, mode: str | None, reason: str, boxes: dict) -> list[tuple[str, int, str]]:
    """Apply the plan to the stored records (new_records says what to create). Edited
    records are left as they are unless mode is OVERWRITE. Returns the records deleted,
    as (kind, id, their words), for follow_dropped once the new ones are in."""
    dropped = []
    for pair in plan.pairs:
        record = pair.stored
        if record is None:
            continue
        if pair.edited and not pair.changes:
            # The new text leaves this record as the import gave it: the edit stays.
            if pair.parsed is not None:
                _moved(record, pair, boxes)
            continue
        if pair.edited and mode != OVERWRITE:
            continue
        note = f"{reason}（覆盖了编辑的修改）" if pair.edited else reason
        record._change_reason = note
        if pair.parsed is None:
            dropped.append((addresses.kind_of(record), record.pk, _words(stored_fields(record))))
            record.delete()
        elif pair.differs:
            apply_fields(record, pair.parsed)
            for name, value in boxes.get(id(pair.parsed), {}).items():
                setattr(record, name, value)
            record.save()
        else:
            _moved(record, pair, boxes)
    return dropped


def follow_dropped(page: Page, dropped: list[tuple[str, int, str]]) -> None:
    """A deleted record whose text the new parse gives another record (the parser now cuts
    the page differently: a brief became an article) sends its address there; the others
    answer 410 (articles/addresses.py)."""
    if not dropped:
        return
    candidates = [
        *page.articles.select_related("column"),
        *page.briefs.all(),
        *page.photos.all(),
    ]
    for kind, pk, words in dropped:
        scored = [(overlap(words, _words(stored_fields(record))), record) for record in candidates]
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is not None and score >= MIN_FOLLOWED_TEXT:
            addresses.moved(kind, pk, best)


def _moved(record, pair: Pair, boxes: dict) -> None:
    """The same text at another line, or in another box: no change an editor would see."""
    moved = {"position": pair.parsed.position, **boxes.get(id(pair.parsed), {})}
    type(record).objects.filter(pk=record.pk).update(**moved)


def edited_summary(plan: Plan) -> str:
    """The edited records, in Chinese, one line each, for a message."""
    return "；".join(f"{record_label(pair.stored)}" for pair in plan.edited)


def record_label(record) -> str:
    return f"{type(record)._meta.verbose_name}《{record}》（编号 {record.pk}）"
