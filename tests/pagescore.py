"""Compare a parsed page with its expected structure, by the official scorer's rules.

The rules are those of /work/shared/tools/score_page.py: text is compared with
whitespace removed, NFKC-normalised and decorations dropped; surrounding
brackets are optional on datelines, bylines, refs, credits and continuation
notes; an article's body is judged as a whole, its subheads as a list.
Articles are matched by title, briefs by (kind, text, ref), photos by caption.
Unlike the scorer, which gives a score, compare() lists every mismatch, so a
failing test says what to fix. It also counts a wrong column list or page
field as a mismatch.
"""

import unicodedata
from collections import Counter

DECORATIONS = "▶►■□●○◆◇★☆▲△▼▽"
BRACKETS = "（）()【】[]〔〕"
NOTE_FIELDS = {"dateline", "byline", "continuation"}
ARTICLE_FIELDS = ("title", "kicker", "subtitle", "dateline", "byline", "continuation", "column")


def norm(text):
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not ch.isspace() and ch not in DECORATIONS)


def norm_note(text):
    """A note's text, its surrounding brackets optional: "（详见第5版）" is "详见第5版"."""
    return norm(text).strip(BRACKETS)


def countable(text):
    """Han characters, letters and digits: what must survive parsing, with their counts."""
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def output_text(structure):
    """All the text fields of a structure dict: those that must account for the page.

    Not authors, an article's column or the page's paper, date, number and
    section: they only repeat text held in another field.
    """
    parts = list((structure.get("page") or {}).get("lines", []))
    for article in structure.get("articles", []):
        parts += [article.get(key) for key in ("kicker", "title", "subtitle", "dateline", "byline", "continuation")]
        parts += [block.get("text") for block in article.get("body", [])]
    parts += structure.get("columns", [])
    for brief in structure.get("briefs", []):
        parts += [brief.get("text"), brief.get("ref")]
    for photo in structure.get("photos", []):
        parts += [photo.get("caption"), photo.get("credit")]
    return "".join(part for part in parts if part)


def compare(parsed, gold, page_text):
    """Mismatches between a parsed structure dict and the gold one; empty when exact."""
    return [
        *_compare_articles(parsed.get("articles", []), gold.get("articles", [])),
        *_compare_briefs(parsed.get("briefs", []), gold.get("briefs", [])),
        *_compare_photos(parsed.get("photos", []), gold.get("photos", [])),
        *_compare_page(parsed, gold),
        *_compare_coverage(parsed, page_text),
    ]


def _article_fields(article):
    fields = {key: (norm_note if key in NOTE_FIELDS else norm)(article.get(key)) for key in ARTICLE_FIELDS}
    blocks = article.get("body", [])
    fields["authors"] = sorted(norm(author) for author in article.get("authors", []))
    fields["body"] = norm("".join(block.get("text", "") for block in blocks if block.get("kind") != "subhead"))
    fields["subheads"] = [norm(block.get("text")) for block in blocks if block.get("kind") == "subhead"]
    return fields


def _compare_articles(parsed, gold):
    mismatches = []
    unmatched = [_article_fields(article) for article in parsed]
    for expected in map(_article_fields, gold):
        got = next((fields for fields in unmatched if fields["title"] == expected["title"]), None)
        if got is None:
            mismatches.append(f"missing article {expected['title']!r}")
            continue
        unmatched.remove(got)
        for key, value in expected.items():
            if got[key] != value:
                mismatches.append(f"article {expected['title']!r} {key}: {_difference(value, got[key])}")
    mismatches += [f"unexpected article {fields['title']!r}: {fields['body'][:30]!r}" for fields in unmatched]
    return mismatches


def _compare_briefs(parsed, gold):
    def key(brief):
        return brief.get("kind"), norm(brief.get("text")), norm_note(brief.get("ref"))

    mismatches = []
    unmatched = [key(brief) for brief in parsed]
    # Exact matches first, so a brief whose kind or ref is wrong cannot take
    # the parsed brief that another expected brief matches exactly.
    missing = []
    for expected in map(key, gold):
        if expected in unmatched:
            unmatched.remove(expected)
        else:
            missing.append(expected)
    for kind, text, ref in missing:
        got = next((brief for brief in unmatched if brief[1] == text), None)
        if got is None:
            mismatches.append(f"missing {kind} brief {text[:40]!r}")
        else:
            unmatched.remove(got)
            mismatches.append(f"brief {text[:30]!r}: expected kind {kind!r} ref {ref!r}, got {got[0]!r} {got[2]!r}")
    mismatches += [f"unexpected {kind} brief {text[:40]!r}" for kind, text, _ in unmatched]
    return mismatches


def _compare_photos(parsed, gold):
    mismatches = []
    unmatched = [(norm(photo.get("caption")), norm_note(photo.get("credit"))) for photo in parsed]
    for photo in gold:
        caption, credit = norm(photo.get("caption")), norm_note(photo.get("credit"))
        got = next((pair for pair in unmatched if pair[0] == caption), None)
        if got is None:
            mismatches.append(f"missing photo {caption[:40]!r}")
            continue
        unmatched.remove(got)
        if got[1] != credit:
            mismatches.append(f"photo {caption[:30]!r} credit: expected {credit!r}, got {got[1]!r}")
    mismatches += [f"unexpected photo {caption[:40]!r}" for caption, _ in unmatched]
    return mismatches


def _compare_page(parsed, gold):
    mismatches = []
    expected_columns = sorted(map(norm, gold.get("columns", [])))
    got_columns = sorted(map(norm, parsed.get("columns", [])))
    if expected_columns != got_columns:
        mismatches.append(f"columns: expected {expected_columns}, got {got_columns}")
    got_page = parsed.get("page") or {}
    for key, value in (gold.get("page") or {}).items():
        got = got_page.get(key)
        if key == "lines":  # judged as the lines' text, not how it is split into lines
            value, got = "".join(value), "".join(got or [])
        if norm(value) != norm(got):
            mismatches.append(f"page {key}: expected {value!r}, got {got!r}")
    return mismatches


def _compare_coverage(parsed, page_text):
    expected, got = countable(page_text), countable(output_text(parsed))
    lost, invented = expected - got, got - expected
    return [
        f"coverage: {label} {sum(counter.values())} characters: {''.join(sorted(counter.elements()))[:60]!r}"
        for label, counter in (("lost", lost), ("invented or duplicated", invented))
        if counter
    ]


def _difference(expected, got, context=15):
    """Where two long values first differ, with a little text either side."""
    if not (isinstance(expected, str) and isinstance(got, str)):
        return f"expected {expected!r}, got {got!r}"
    at = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), min(len(expected), len(got)))
    start = max(0, at - context)
    return (
        f"differs at character {at} of {len(expected)} (got {len(got)}): "
        f"expected {expected[start : at + context]!r}, got {got[start : at + context]!r}"
    )
