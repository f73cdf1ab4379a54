"""The admin's history list in Chinese: each field by the name its form gives it, each action by its word."""

import difflib

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html, format_html_join

register = template.Library()

ACTIONS = {"+": "创建", "~": "修改", "-": "删除"}
# Longer values (a body) show as the paragraphs that changed, not as the whole text twice.
SHORT = 80


@register.filter
def field_label(name, opts):
    """ "title" -> "标题": the verbose name of the model's field, or the name itself."""
    try:
        return str(opts.get_field(name).verbose_name)
    except (FieldDoesNotExist, AttributeError):
        return name


@register.filter
def history_action(history_type):
    return ACTIONS.get(history_type, history_type)


@register.filter
def change_shown(change):
    """One change of a version, in HTML: "旧 → 新" for a short value; for a long one, the
    paragraphs removed ("－") and added ("＋"), the way a diff shows them."""
    old, new = (change.get(k) if isinstance(change, dict) else getattr(change, k) for k in ("old", "new"))
    old, new = "" if old is None else str(old), "" if new is None else str(new)
    if len(old) <= SHORT and len(new) <= SHORT:
        return format_html("{}&nbsp;→&nbsp;{}", old or "（空）", new or "（空）")
    lines = [
        ("removed" if line[0] == "-" else "added", "－" if line[0] == "-" else "＋", line[2:])
        for line in difflib.ndiff(old.split("\n\n"), new.split("\n\n"))
        if line[:1] in "-+" and line[2:].strip()
    ]
    return format_html('<ul class="history-diff">{}</ul>', format_html_join("", '<li class="{}">{} {}</li>', lines))
