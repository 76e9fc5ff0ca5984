"""Cohorts in the admin, with their module schedule and live sessions inline, and the cohort
chooser other forms use."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import CreateView

from ..admin_forms import CohortAdminForm
from ..models import Cohort
from ..selectors import cohorts_managed_by
from ..services.cohorts import cohort_check_schedule, cohort_schedule_defaults
from ._common import ApplicationErrorMixin, ScopedDeleteView, ScopedSnippetViewSet


class CohortCreateView(ApplicationErrorMixin, CreateView):
    def save_instance(self):
        cohort = super().save_instance()
        # As cohort_create does: a facilitated cohort starts with one module a week, and no
        # module may open after the end (the form could not check rows of an unsaved cohort).
        cohort_schedule_defaults(cohort=cohort)
        cohort_check_schedule(cohort=cohort)
        return cohort


class CohortDeleteView(ScopedDeleteView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                f"“{self.object}” has enrollments or teams, so it cannot be deleted. "
                "Set its status to Archived instead.",
            )
            return redirect(self.get_success_url())


def _cohorts_choosable_by(user):
    # Staff reserve team seats in any cohort (as team_create allows); others pick their own.
    if user.is_staff or user.is_superuser:
        return Cohort.objects.all()
    return cohorts_managed_by(user=user)


class CohortChooseView(ChooseView):
    def get_object_list(self):
        return _cohorts_choosable_by(self.request.user)


class CohortChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return _cohorts_choosable_by(self.request.user)


class CohortChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CohortChooseView
    choose_results_view_class = CohortChooseResultsView


class CohortViewSet(ScopedSnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Cohorts"
    add_view_class = CohortCreateView
    delete_view_class = CohortDeleteView
    chooser_viewset_class = CohortChooserViewSet
    copy_view_enabled = False  # a copy would carry the schedule rows' ids; start anew instead
    list_display = [
        "title",
        "course",
        "pace",
        "status",
        "starts_on",
        Column("capacity", label="Seats", sort_key="capacity"),
    ]
    list_filter = ["status", "pace", "course"]
    search_fields = ["title"]
    search_backend_name = None  # plain ORM lookups: Cohort is not in the search index
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("course"),
                            FieldPanel("title"),
                            FieldRowPanel([FieldPanel("pace"), FieldPanel("status")]),
                        ],
                        heading="Cohort",
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                            FieldRowPanel(
                                [
                                    FieldPanel("enrollment_opens_at"),
                                    FieldPanel("enrollment_closes_at"),
                                ],
                                heading="Enrollment window",
                            ),
                        ],
                        heading="Dates",
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("capacity"),
                                    FieldPanel("time_zone"),
                                    FieldPanel("target_days_per_module"),
                                    FieldPanel("late_join_grace_days"),
                                ]
                            ),
                            FieldPanel("welcome_message"),
                            FieldPanel("facilitators"),
                        ],
                        heading="Running the cohort",
                    ),
                ],
                heading="Cohort",
            ),
            ObjectList(
                [
                    InlinePanel(
                        "schedules",
                        heading="Module schedule",
                        label="Module",
                        help_text=(
                            "Offsets count days from the start date; a date overrides its "
                            "offset. Left empty, a facilitated cohort gets one module a week."
                        ),
                        panels=[
                            FieldPanel("module"),
                            FieldRowPanel(
                                [
                                    FieldPanel("release_offset_days"),
                                    FieldPanel("due_offset_days"),
                                ]
                            ),
                            FieldRowPanel([FieldPanel("release_on"), FieldPanel("due_on")]),
                        ],
                    ),
                ],
                heading="Schedule",
            ),
            ObjectList(
                [
                    InlinePanel(
                        "live_sessions",
                        heading="Live sessions",
                        label="Live session",
                        panels=[
                            FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
                            FieldRowPanel(
                                [FieldPanel("starts_at"), FieldPanel("duration_minutes")]
                            ),
                            FieldPanel("join_url"),
                            FieldPanel("notes"),
                        ],
                    ),
                ],
                heading="Live sessions",
            ),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_queryset(self, request):
        return cohorts_managed_by(user=request.user).select_related("course")
