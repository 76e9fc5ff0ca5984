"""People over time: cohorts of a course, their schedules, enrollments, teams and progress.

These are plain models that point at Wagtail pages (course, module, lesson); pages never point
back. Cross-row rules (capacity, waitlist order, windows) live in ``cohorts.services``.
Re-exported here by subject; Django finds the models through these imports, and migrations
refer to ``cohorts.models._token`` and ``cohorts.models.validate_time_zone``.
"""

from .cohorts import (  # noqa: F401
    Cohort,
    CohortStatus,
    LiveSession,
    ModuleSchedule,
    Pace,
    _token,  # migrations: default of every secret token field
    validate_time_zone,  # migrations: Cohort.time_zone validator
)
from .enrollment import Enrollment, EnrollmentStatus, Invitation  # noqa: F401
from .learning import (  # noqa: F401
    CourseCompletion,
    LessonCompletion,
    Reflection,
    ReflectionFeedback,
)
from .notices import Announcement, CalendarFeed, SentNotice  # noqa: F401
from .teams import Organization, SeatRequest, Team, TeamMembership  # noqa: F401
