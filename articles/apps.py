from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "报纸内容"

    def ready(self):
        from . import signals  # noqa: F401  (connects the search index to record saves)
