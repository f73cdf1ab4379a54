"""The admin's history list in Chinese: each field by the name its form gives it, each action by its word."""

from django import template
from django.core.exceptions import FieldDoesNotExist

register = template.Library()

ACTIONS = {"+": "创建", "~": "修改", "-": "删除"}


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
