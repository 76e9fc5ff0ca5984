"""Calendar feed URLs (filled in by cohorts/views_calendar.py)."""

urlpatterns: list = []
