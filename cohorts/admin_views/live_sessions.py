"""Live sessions in the admin, limited to the cohorts the person manages."""

from __future__ import annotations

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList

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


class LiveSessionViewSet(ScopedSnippetViewSet):
    model = LiveSession
    icon = "date"
    menu_label = "Live sessions"
    list_display = ["title", "cohort", "kind", "starts_at", "duration_minutes"]
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
