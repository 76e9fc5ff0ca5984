from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        from cohorts import events

        from . import receivers

        events.membership_changed.connect(receivers.on_membership_changed)
        events.cohort_created.connect(receivers.on_cohort_created)
        events.team_created.connect(receivers.on_team_created)
