"""The "Cohorts" menu of the Wagtail admin: cohorts (with their module schedule and live
sessions inline), live sessions, organizations, teams and team memberships.

Facilitators (the "Facilitators" group) see and edit only the cohorts they facilitate and
their live sessions: every view fetches objects through the viewset's ``get_queryset``, which
goes through ``cohorts_managed_by``, so another cohort is a 404 by URL as well as absent from
the listing. Organizations, teams and memberships need their model permissions (staff).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import (
    CopyView,
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from cms.errors import ApplicationError

from .admin_forms import (
    CohortAdminForm,
    LiveSessionAdminForm,
    add_application_error,
)
from .models import Cohort, LiveSession, Organization, Team, TeamMembership
from .selectors import cohorts_managed_by
from .services.cohorts import (
    cohort_check_capacity,
    cohort_check_schedule,
    cohort_schedule_defaults,
)

# --- views --------------------------------------------------------------------------------


class ScopedObjectMixin:
    """Fetch the object from the viewset's queryset for this user, not the default manager,
    so an object outside it is a 404 (the generic views would otherwise open any pk)."""

    scoped_queryset = None  # the viewset's get_queryset(request), set by the viewset

    def get_queryset(self):  # SingleObjectMixin: edit and delete views
        return self.scoped_queryset(self.request)

    def get_base_object_queryset(self):  # BaseObjectMixin: history and usage views
        return self.scoped_queryset(self.request)


class ApplicationErrorMixin:
    """A service rule broken while saving rolls the save back (the generic views save inside
    ``transaction.atomic``) and shows on the form instead of failing the request."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ApplicationError as error:
            if self.object is None:  # a create that was rolled back: the row does not exist
                form.instance.pk = None
                form.instance._state.adding = True
            add_application_error(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedCopyView(ScopedObjectMixin, CopyView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scoped_queryset(self.request), pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every object view is limited to ``get_queryset(request)``."""

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_class = ScopedCopyView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scoped_queryset=self.get_queryset, **kwargs)

    def get_queryset(self, request):
        raise NotImplementedError


# --- cohorts ------------------------------------------------------------------------------


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


# --- live sessions ------------------------------------------------------------------------


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


# --- organizations, teams, memberships (staff) --------------------------------------------


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "site"
    menu_label = "Organizations"
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [FieldPanel("name")]


class TeamSeatsCheckMixin(ApplicationErrorMixin):
    """Team seats count against the cohort's capacity: check it with the new seats saved,
    in the same transaction, so a refusal leaves nothing behind."""

    def save_instance(self):
        team = super().save_instance()
        cohort_check_capacity(cohort=team.cohort)
        return team


class TeamCreateView(TeamSeatsCheckMixin, CreateView):
    pass


class TeamEditView(TeamSeatsCheckMixin, EditView):
    pass


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    add_view_class = TeamCreateView
    edit_view_class = TeamEditView
    copy_view_enabled = False  # join tokens are per team
    list_display = ["name", "organization", "cohort", Column("seats", sort_key="seats")]
    list_filter = ["organization", "cohort"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [
        FieldPanel("organization"),
        FieldPanel("cohort"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("seats")]),
    ]

    def get_queryset(self, request):
        return Team.objects.select_related("organization", "cohort")


class TeamMembershipViewSet(SnippetViewSet):
    model = TeamMembership
    icon = "user"
    menu_label = "Team memberships"
    list_display = ["user", "team", "role", "joined_at"]
    list_filter = ["role", "team"]
    panels = [FieldPanel("team"), FieldPanel("user"), FieldPanel("role")]

    def get_queryset(self, request):
        return TeamMembership.objects.select_related("user", "team", "team__organization")


class CohortsGroup(SnippetViewSetGroup):
    menu_label = "Cohorts"
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortViewSet,
        LiveSessionViewSet,
        OrganizationViewSet,
        TeamViewSet,
        TeamMembershipViewSet,
    )


register_snippet(CohortsGroup)
