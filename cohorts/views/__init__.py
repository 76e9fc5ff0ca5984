"""Cohort pages for coaches, facilitators and team leads. Each view parses input, calls one
selector or service, and renders; ``ApplicationError`` messages are shown as they are.
Re-exported here by subject for ``cohorts/urls.py``."""

from .calendar import (  # noqa: F401
    calendar_feed,
    calendar_page,
    calendar_rotate,
    cohort_calendar_feed,
)
from .enrollment import (  # noqa: F401
    cohort_catalog,
    cohort_detail,
    cohort_enroll,
    cohort_leave,
    invitation,
    team_join,
)
from .facilitation import (  # noqa: F401
    dashboard,
    dashboard_add,
    dashboard_announce,
    dashboard_csv,
    dashboard_enroll_csv,
    dashboard_move,
    dashboard_remove,
    reflection_feedback,
    reflections_review,
    seat_request_decline,
    seat_request_grant,
    seat_requests,
)
from .learning import (  # noqa: F401
    lesson_complete,
    my_learning,
    reflection_save,
    reset_schedule,
)
from .teams import team_dashboard, team_invite, team_seat_request  # noqa: F401
