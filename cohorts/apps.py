from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = "Cohorts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from courses import page_context

        from .receivers import on_user_logged_in
        from .selectors.pages import lesson_context, module_context

        user_logged_in.connect(on_user_logged_in, dispatch_uid="cohorts.seat_waits_on_login")
        page_context.contribute("module", module_context)
        page_context.contribute("lesson", lesson_context)
