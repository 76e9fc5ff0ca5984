"""Live sessions in the admin, limited to the cohorts the person manages."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateformat import format as date_format
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from ..admin_forms import LiveSessionAdminForm
from ..models import LiveSession
from ..selectors import cohorts_managed_by
from ._common import ScopedSnippetViewSet


class LiveSessionFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        queryset=lambda request: cohorts_managed_by(user=request.user)
    )

    class Meta:
        model = LiveSession
        fields = ["cohort", "kind"]


def starts_in_cohort_zone(session: LiveSession) -> str:
    """ "Tue Jan 12, 9:00 AM PST": as the facilitator typed it, in the cohort's zone."""
    return date_format(timezone.localtime(session.starts_at, session.cohort.tz), "D M j, g:i A T")


class LiveSessionViewSet(ScopedSnippetViewSet):
    model = LiveSession
    icon = "date"
    menu_label = "Live sessions"
    list_display = [
        "title",
        "cohort",
        "kind",
        Column("starts_at", label="Starts", accessor=starts_in_cohort_zone, sort_key="starts_at"),
        "duration_minutes",
    ]
    filterset_class = LiveSessionFilterSet
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("cohort", widget=forms.Select),
            FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
            FieldPanel("join_url"),
            FieldPanel("notes"),
        ],
        base_form_class=LiveSessionAdminForm,
    )

    def get_queryset(self, request):
        return LiveSession.objects.filter(
            cohort__in=cohorts_managed_by(user=request.user)
        ).select_related("cohort")
