"""The "editor" group: everything about the paper's content, nothing about accounts.

Kept in step after every migrate, so a new model's permissions reach editors
without a hand-made data migration.
"""

from django.contrib.auth.models import Group, Permission

EDITOR_GROUP = "editor"
# The models an editor works on, with their history (kept by django-simple-history).
EDITOR_MODELS = ["paper", "edition", "page", "column", "article", "brief", "photo", "dictionaryword"]


def ensure_editor_group(**kwargs) -> Group:
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    models = EDITOR_MODELS + [f"historical{model}" for model in EDITOR_MODELS]
    group.permissions.set(Permission.objects.filter(content_type__app_label="articles", content_type__model__in=models))
    return group
