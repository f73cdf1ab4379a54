from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "报纸内容"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the search index to record saves)
        from .roles import ensure_editor_group
        from .wordlist import connect as connect_dictionary_version

        post_migrate.connect(ensure_editor_group, sender=self)
        # Every change to a dictionary word moves its version on, for every process to reload.
        connect_dictionary_version()
