"""The "Cohorts" menu of the Wagtail admin: cohorts (with their module schedule and live
sessions inline), live sessions, organizations, teams and team memberships.

Facilitators (the "Facilitators" group) see and edit only the cohorts they facilitate and
their live sessions: every view fetches objects through the viewset's ``get_queryset``, which
goes through ``cohorts_managed_by``, so another cohort is a 404 by URL as well as absent from
the listing. Organizations, teams and memberships need their model permissions (staff).

The views and viewsets live in ``cohorts/admin_views/``; this module only registers the menu
(and a link to the page where administrators decide teams' requests for seats).
"""

from __future__ import annotations

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .admin_views import (
    CohortViewSet,
    LiveSessionViewSet,
    OrganizationViewSet,
    TeamMembershipViewSet,
    TeamViewSet,
)


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


class SeatRequestsMenuItem(MenuItem):
    """Administrators decide teams' requests for seats on one page (facilitators also see
    them on their cohort's dashboard)."""

    def is_shown(self, request):
        return request.user.is_staff


@hooks.register("register_admin_menu_item")
def register_seat_requests_menu_item():
    return SeatRequestsMenuItem(
        "Seat requests", reverse("cohorts:seat_requests"), icon_name="group", order=251
    )
