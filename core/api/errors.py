"""One JSON error shape for every API failure.

    {"error": {"code": "validation_error", "message": "…", "fields": {"email": ["…"]}}}

``fields`` is present only for input errors. Application errors raised by services, DRF's
own exceptions, Django's 404/PermissionDenied/ValidationError, and anything unexpected all
come out in this shape, so an API client never receives an HTML error page.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from core.errors import RETRY_AFTER_BUSY_SECONDS, ApplicationError, database_busy

logger = logging.getLogger(__name__)


class ErrorDetailSerializer(serializers.Serializer):
    """The OpenAPI description of ``error_body`` (core.api.schema puts it on every 4xx)."""

    code = serializers.CharField(
        help_text="Stable and machine-readable: validation_error, not_found, rate_limited, …"
    )
    message = serializers.CharField(help_text="For people, in the request's language.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Input errors only: each field's messages.",
    )

    class Meta:
        ref_name = "ErrorDetail"


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()

    class Meta:
        ref_name = "Error"


def error_body(code: str, message: str, fields: dict | None = None, **extra) -> dict:
    body: dict = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    body.update(extra)
    return {"error": body}


def _flatten(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _flatten(value)
        return "Invalid input."
    if isinstance(detail, list):
        return _flatten(detail[0]) if detail else "Invalid input."
    return str(detail)


def _messages(detail) -> list[str]:
    """Every message under ``detail``: a list or nested field's errors (``{0: [...]}``) are
    its messages, not the repr of DRF's structure."""
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _messages(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _messages(value)]
    return [str(detail)]


def _fields(detail) -> dict:
    if isinstance(detail, dict):
        return {str(key): _messages(val) for key, val in detail.items()}
    return {"non_field_errors": _messages(detail)}


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        fields = {exc.field: [exc.message]} if exc.field else None
        return Response(
            error_body(exc.code, exc.message, fields, **exc.extra), status=exc.status_code
        )
    if isinstance(exc, RequestDataTooBig):
        # Past DATA_UPLOAD_MAX_MEMORY_SIZE: the client's fault, named, never a 500.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            error_body(
                "request_too_large",
                f"The request body is too large ({limit // 1024} KB at most).",
            ),
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, SuspiciousOperation):  # too many fields or files, a malformed upload…
        return Response(
            error_body("bad_request", "The request could not be read."),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )

    if isinstance(exc, exceptions.ValidationError):
        fields = _fields(exc.detail)
        message = _flatten(exc.detail)
        return Response(
            error_body("validation_error", message, fields), status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
        return Response(
            error_body(code, _flatten(exc.detail)), status=exc.status_code, headers=headers
        )
    if database_busy(exc):
        logger.warning("Database busy, answered 503: %s", exc)
        return busy_response()
    logger.exception("Unhandled error in API view", exc_info=exc)
    return Response(
        error_body("server_error", "Something went wrong on our side. Please try again."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def json_error(request, code: str, message: str, status_code: int) -> JsonResponse:
    return JsonResponse(error_body(code, message), status=status_code)


BUSY_MESSAGE = "The service is busy right now. Please try again in a few seconds."


def busy_response() -> Response:
    """503 when the database has no connection free (core.errors.database_busy)."""
    return Response(
        error_body("service_unavailable", BUSY_MESSAGE),
        status=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(RETRY_AFTER_BUSY_SECONDS)},
    )
