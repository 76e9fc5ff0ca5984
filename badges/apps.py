from django.apps import AppConfig


class BadgesConfig(AppConfig):
    name = "badges"
    verbose_name = "Badges"

    def ready(self) -> None:
        from cohorts import events
        from practice.events import practice_changed

        from . import receivers

        events.course_completed.connect(receivers.on_course_completed)
        events.reflection_written.connect(receivers.on_reflection_written)
        practice_changed.connect(receivers.on_practice_changed)
