"""The one application error type. Services raise it; the API and the pages show its message."""

from __future__ import annotations

from psycopg import OperationalError
from psycopg_pool import PoolTimeout

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


class NotFound(ApplicationError):
    status_code = 404
    default_code = "not_found"


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
