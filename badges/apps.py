from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _issuer_keys_after_migrate(sender, using, **kwargs) -> None:
    """Issuers created before keys were made with them get theirs now, so the DID document
    has every issuer's key from the first request (see badges.services.issuers)."""
    from django.db import connections

    from . import services

    if "badges_issuerkey" not in connections[using].introspection.table_names():
        return  # migrated backwards past the keys table
    services.issuer_keys_ensure()


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
        post_migrate.connect(_issuer_keys_after_migrate, sender=self)
