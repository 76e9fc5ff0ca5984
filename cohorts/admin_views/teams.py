"""Organizations, teams and memberships in the admin (staff, by model permissions)."""

from __future__ import annotations

from django import forms
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from core.time_zones import time_zone_names

from ..models import Organization, Team, TeamMembership
from ..services.seats import team_check_seats
from ._common import ApplicationErrorMixin


class OrganizationViewSet(SnippetViewSet):
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
    model = Organization
    icon = "site"
    menu_label = "Organizations"
    list_display = ["name", "time_zone", "created_at"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel(
            "time_zone",
            widget=forms.Select(
                choices=[("", "Not set"), *((n, n.replace("_", " ")) for n in time_zone_names())]
            ),
        ),
    ]


class TeamSeatsCheckMixin(ApplicationErrorMixin):
    """Team seats count against the cohort's capacity and cannot drop below those its members
    hold: check them with the new seats saved, in the same transaction, so a refusal leaves
    nothing behind (``team_check_seats``, as the API's ``team_seats_set``)."""

    def save_instance(self):
        team = super().save_instance()
        team_check_seats(team=team)
        return team


class TeamCreateView(TeamSeatsCheckMixin, CreateView):
    pass


class TeamEditView(TeamSeatsCheckMixin, EditView):
    pass


class TeamViewSet(SnippetViewSet):
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
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
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
    model = TeamMembership
    icon = "user"
    menu_label = "Team memberships"
    list_display = ["user", "team", "role", "joined_at"]
    list_filter = ["role", "team"]
    panels = [FieldPanel("team"), FieldPanel("user"), FieldPanel("role")]

    def get_queryset(self, request):
        return TeamMembership.objects.select_related("user", "team", "team__organization")
