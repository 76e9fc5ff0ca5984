"""Every write in the cohorts app, one function each, re-exported here by subject."""

from .cohorts import (  # noqa: F401
    announcement_post,
    cohort_create,
    cohort_schedule_defaults,
    cohort_update,
    live_session_create,
    live_session_delete,
    live_session_update,
    schedule_update,
)
from .enrollment import (  # noqa: F401
    Enrolled,
    cohort_enroll,
    cohort_enroll_csv,
    cohort_enroll_emails,
    enrollment_drop,
    enrollment_move,
    enrollment_reset_schedule,
)
from .notices import send_reminders  # noqa: F401
from .progress import (  # noqa: F401
    lesson_complete,
    reflection_feedback_add,
    reflection_save,
)
from .seats import (  # noqa: F401
    seat_request_create,
    seat_request_decline,
    seat_request_grant,
    team_check_seats,
    team_seats_set,
)
from .teams import (  # noqa: F401
    calendar_feed_rotate,
    invitation_accept,
    invitations_redeem_for_user,
    organization_create,
    team_create,
    team_invite,
    team_join,
)
