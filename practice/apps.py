from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice log"

    def ready(self) -> None:
        from core import contributions

        from .selectors import my_learning_context

        contributions.contribute("cohorts.my_learning", my_learning_context)
