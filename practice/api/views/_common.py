"""What the practice API views share: the ``months`` query parameter."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter

from core.errors import ApplicationError

MONTHS = OpenApiParameter("months", int, description="How many months, ending this month (1–24).")


def _months(request, default: int) -> int:
    try:
        return min(max(int(request.query_params.get("months", default)), 1), 24)
    except ValueError:
        raise ApplicationError("months must be a whole number.", field="months") from None
