"""What every cohorts view module shares."""

from __future__ import annotations

from django.contrib import messages

from core.errors import ApplicationError


def _fail(request, error: ApplicationError) -> None:
    messages.error(request, error.message)
