from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from cohorts import events
        from cohorts.models import Cohort, Team
        from core import contributions

        from . import receivers
        from .selectors import lesson_discussion_context

        events.membership_changed.connect(receivers.on_membership_changed)
        events.announcement_posted.connect(receivers.on_announcement_posted)
        # Whatever creates a cohort or team (a service, the Wagtail admin), it gets a space.
        post_save.connect(receivers.on_cohort_saved, sender=Cohort)
        post_save.connect(receivers.on_team_saved, sender=Team)
        contributions.contribute("courses.lesson", lesson_discussion_context)
