"""The one application error type. Services raise it; the API and the pages show its message."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Manager, QuerySet
from django.http import Http404
from psycopg import OperationalError
from psycopg_pool import PoolTimeout

T = TypeVar("T")

# How long a client is asked to wait before trying again when the database is busy.
RETRY_AFTER_BUSY_SECONDS = 5
# PostgreSQL's SQLSTATE 53300 and its messages: "sorry, too many clients already", "too many
# connections for role …" / "for database …", "remaining connection slots are reserved …".
TOO_MANY_CONNECTIONS = "53300"
SERVER_FULL_WORDS = ("too many clients", "too many connections", "connection slots are reserved")


class ApplicationError(Exception):
    """A rule of the domain was broken by the request (not a bug): shown to the user as is."""

    status_code = 400
    default_code = "invalid"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        status: int | None = None,
        extra: dict | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.field = field
        self.extra = extra or {}
        if status is not None:
            self.status_code = status


class PermissionDenied(ApplicationError):
    status_code = 403
    default_code = "permission_denied"


class NotFound(ApplicationError, Http404):
    """Also Django's ``Http404``: a page that raises it answers Django's 404 page with the same
    message the API's JSON error carries."""

    status_code = 404
    default_code = "not_found"


def fetch_or_404(
    found: QuerySet[T] | Manager[T] | T | None,
    *,
    what: str = "",
    message: str = "",
    code: str | None = None,
    field: str | None = None,
    **lookups,
) -> T:
    """The one fetch-or-404: the first row of ``found`` filtered by ``lookups`` (a queryset,
    usually a selector's that already applies who may see what), or ``found`` itself when a
    selector already returned the object or None. Nothing found raises ``NotFound("No such
    <what>.")`` (or ``message``, where the page says more): the API's JSON error, a page's
    404. Not finding it and not being allowed to see it are the same answer."""
    if not (what or message):
        raise TypeError("fetch_or_404 needs what (or message) to say what is not found.")
    if isinstance(found, (QuerySet, Manager)):
        found = found.filter(**lookups).first()
    elif lookups:
        raise TypeError("fetch_or_404 filters by lookups only a queryset.")
    if found is None:
        raise NotFound(message or f"No such {what}.", code=code, field=field)
    return found


def database_busy(exc: BaseException | None) -> bool:
    """Whether ``exc`` is the database saying "not now" rather than a bug: every pooled
    connection stayed in use for DB_POOL_TIMEOUT seconds (psycopg_pool's PoolTimeout, which
    Django re-raises as its own OperationalError), or PostgreSQL has no client slot left.
    Such a request is answered 503 with Retry-After, not 500.

    A refused connection carries no SQLSTATE in psycopg (it is an OperationalError whose
    message quotes the server's FATAL line), so those are recognised by the server's words."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, PoolTimeout):
            return True
        if isinstance(exc, OperationalError) and (
            exc.sqlstate == TOO_MANY_CONNECTIONS
            or any(words in str(exc) for words in SERVER_FULL_WORDS)
        ):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
