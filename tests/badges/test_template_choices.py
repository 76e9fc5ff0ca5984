"""A badge's status as its templates show it, compared with ``AwardStatus`` (from
``cms.context_processors.choices``): each status reaches its own branch."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from badges.models import AwardStatus


@pytest.mark.parametrize(
    "status, shown",
    [
        (AwardStatus.ACTIVE, "badge-status--active"),
        (AwardStatus.EXPIRED, "badge-status--expired"),
        (AwardStatus.REVOKED, "badge-status--revoked"),
        (AwardStatus.REPLACED, '<span class="badge-status">Replaced</span>'),
    ],
)
def test_each_status_has_its_label(status, shown):
    award = SimpleNamespace(status=status, expires_on=date(2026, 1, 1))
    html = render_to_string(
        "badges/_status.html", {"award": award}, request=RequestFactory().get("/")
    )
    assert shown in html
