"""Cohorts API: one small view per action. Each parses input, fetches objects through a
selector that applies what the person may see (404 otherwise), calls one service or
selector, and renders. Services raise ``ApplicationError``; ``core.api.errors`` shapes it."""

from .cohorts import (  # noqa: F401
    CohortDetailApi,
    CohortDropApi,
    CohortEnrollApi,
    CohortListApi,
    CohortRosterApi,
)
from .facilitation import (  # noqa: F401
    CohortAnnouncementsApi,
    CohortEnrollmentsApi,
    CohortLiveSessionApi,
    CohortLiveSessionsApi,
    ModuleScheduleApi,
)
from .learning import (  # noqa: F401
    LessonCompletionApi,
    LessonReflectionsApi,
    MyEnrollmentsApi,
    ReflectionFeedbackApi,
)
from .teams import (  # noqa: F401
    InvitationAcceptApi,
    SeatRequestDeclineApi,
    SeatRequestGrantApi,
    SeatRequestListApi,
    TeamInvitationCreateApi,
    TeamJoinApi,
    TeamListApi,
    TeamProgressApi,
    TeamSeatRequestsApi,
    TeamSeatsApi,
)
