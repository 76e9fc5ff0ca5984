"""Calendar feed URLs (included from cohorts/urls.py, so the names are ``cohorts:<name>``)."""

from django.urls import path

from . import views_calendar

urlpatterns = [
    path("learn/calendar/", views_calendar.calendar_page, name="calendar"),
    path("learn/calendar/new-link/", views_calendar.calendar_rotate, name="calendar_rotate"),
    path("learn/calendar/<slug:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
    path(
        "cohorts/<id:pk>/calendar/<slug:token>.ics",
        views_calendar.cohort_calendar_feed,
        name="cohort_calendar_feed",
    ),
]
