"""The tests' editor account: one home for its name, password and groups."""

from django.contrib.auth.models import User

from articles.roles import ensure_editor_group

EDITOR_PASSWORD = "correct horse battery"


def make_editor(username="alice"):
    """An editor: in the editor group, staff, not a superuser (its password hashed fast, as in every test)."""
    user = User.objects.create_user(username, password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(ensure_editor_group())
    return user
