from django.apps import AppConfig
from django.db.backends.signals import connection_created

_WAL_DONE: set[str] = set()


def _sqlite_wal(sender, connection, **kwargs):
    """Put each SQLite database file in WAL mode, once per process (see
    ``cms.settings.env.sqlite_options``); asking on every new connection cost as much as
    opening it."""
    if connection.vendor != "sqlite" or connection.alias in _WAL_DONE:
        return
    _WAL_DONE.add(connection.alias)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from core import converters

        converters.register()  # <id:…> and <page_id:…>, before any URLconf is imported
        connection_created.connect(_sqlite_wal, dispatch_uid="cms.sqlite_wal")
