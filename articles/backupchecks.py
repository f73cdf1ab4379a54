"""Checks every backup and export value passes before it is stored, the same on both backends.

SQLite stores an over-long text, a NUL character or any path as it is;
PostgreSQL refuses some of them. Checking here first means a file that restores
on one restores on the other, and a bad one is refused with a Chinese message.
"""

from pathlib import PurePosixPath


class BackupValueError(ValueError):
    """A value in a backup or export cannot be stored; str() says which and why, in Chinese."""


def safe_media_name(value, where: str) -> str:
    """A stored file's name: relative, inside the media folder ("photos/2023/02/a.jpg")."""
    if not isinstance(value, str):
        raise BackupValueError(f"{where}：文件名应为文字。")
    if not value:
        return ""
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or ":" in value:
        raise BackupValueError(f"{where}：文件路径“{value}”超出了媒体文件夹，拒绝恢复。")
    return value


def no_nul(value, where: str) -> None:
    """PostgreSQL cannot store a NUL character in text; no backend gets one."""
    if isinstance(value, str) and "\x00" in value:
        raise BackupValueError(f"{where}：含 NUL 字符，拒绝恢复。")
    if isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            no_nul(item, where)


def fits(model, values: dict, where: str) -> None:
    """Each text value fits its column (SQLite would store a longer one, PostgreSQL refuse it)."""
    for name, value in values.items():
        limit = model._meta.get_field(name).max_length
        if limit and isinstance(value, str) and len(value) > limit:
            label = model._meta.get_field(name).verbose_name
            raise BackupValueError(f"{where}的“{label}”有 {len(value)} 个字，超过上限 {limit}，拒绝恢复。")
