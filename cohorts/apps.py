from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = "Cohorts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .receivers import on_user_logged_in

        user_logged_in.connect(on_user_logged_in, dispatch_uid="cohorts.seat_waits_on_login")
