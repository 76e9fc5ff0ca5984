"""The one application error type. Services raise it; the API and the pages show its message."""

from __future__ import annotations


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
