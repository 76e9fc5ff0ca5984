"""Reads for cohort pages and APIs. Every query for a person applies what they may see:
a coach sees their own enrollments and progress, a facilitator their cohorts, a team lead
their team (progress only, never reflections). Re-exported here by subject."""

from .cohorts import (  # noqa: F401
    VISIBLE_STATUSES,
    cohort_get_visible,
    cohort_list_visible_to,
    cohort_with_seat_counts,
    enrollment_of,
    enrollments_by_cohort,
    enrollments_of,
    general_seats_free,
    seats_left,
    seats_taken,
    team_seats_free,
    waitlist_position,
    with_seat_counts,
    with_viewer,
)
from .joining import (  # noqa: F401
    Join,
    JoinState,
    join_refusal,
    join_state,
    join_state_of,
    refusal_message,
)
from .progress import (  # noqa: F401
    ROSTER_SORTS,
    ROSTER_STATUSES,
    LearnerProgress,
    ModuleProgress,
    MyLearning,
    Roster,
    RosterLearners,
    RosterSummary,
    UpcomingItem,
    completed_lesson_ids,
    my_learning,
    reflections_awaiting_feedback,
    reflections_for_cohort,
    reflections_for_lesson,
    reflections_visible_to,
    roster_progress,
)
from .rights import (  # noqa: F401
    can_decide_seats,
    can_manage_cohort,
    cohorts_managed_by,
    facilitators_choosable,
    is_team_lead,
    teams_led_by,
    teams_seats_changeable_by,
)
from .schedules import (  # noqa: F401
    CohortSchedule,
    LessonAccess,
    ModuleDates,
    _course_of,  # cohorts.services.progress
    catch_up_date,
    cohort_module_dates,
    cohort_schedule,
    cohort_today,
    current_enrollment,
    lesson_access,
    lesson_get,
    module_access,
    module_dates,
    with_catch_up,
)
from .seats import (  # noqa: F401
    invitations_waiting_for_seat,
    seat_requests_of_team,
    seat_requests_pending,
    seat_requests_pending_for,
    team_invitations_open,
)
from .teams import TeamProgress, team_progress, teams_of  # noqa: F401
