"""Cohorts API under /api/v1/ (filled in by cohorts/api/views.py)."""

urlpatterns: list = []
