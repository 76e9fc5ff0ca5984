from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = "Cohorts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts import signals as account_signals
        from accounts.selectors import ZoneSource, time_zone_fallback_register
        from core import contributions

        from .receivers import on_user_logged_in, on_user_signed_up
        from .selectors.cohorts import cohort_zone_subquery, district_zone_subquery
        from .selectors.pages import lesson_context, module_context

        user_logged_in.connect(on_user_logged_in, dispatch_uid="cohorts.seat_waits_on_login")
        contributions.contribute("courses.module", module_context)
        contributions.contribute("courses.lesson", lesson_context)
        time_zone_fallback_register(ZoneSource.DISTRICT, district_zone_subquery)
        time_zone_fallback_register(ZoneSource.COHORT, cohort_zone_subquery)
        account_signals.user_signed_up.connect(
            on_user_signed_up, dispatch_uid="cohorts.invitations_on_sign_up"
        )
