"""Integration tests need real PostgreSQL and Redis (CI's second pass sets both URLs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    missing = []
    if not settings.REDIS_URL:
        missing.append("REDIS_URL")
    if connection.vendor != "postgresql":
        missing.append("DATABASE_URL=postgres://…")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)
            if missing:
                item.add_marker(
                    pytest.mark.skip(reason=f"needs real services: set {', '.join(missing)}")
                )
