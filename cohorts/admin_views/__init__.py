"""The views and viewsets behind the "Cohorts" admin menu, which ``cohorts/wagtail_hooks.py``
registers. Re-exported here by subject."""

from .cohorts import CohortViewSet  # noqa: F401
from .live_sessions import LiveSessionViewSet  # noqa: F401
from .teams import OrganizationViewSet, TeamMembershipViewSet, TeamViewSet  # noqa: F401
