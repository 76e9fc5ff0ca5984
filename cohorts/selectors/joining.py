"""Whether a person can join a cohort now, and what the screens say about it.

One rule, two readers: ``cohort_enroll`` raises ``join_refusal``'s reason as its error, and
the catalog card, the cohort page and its enroll button render ``join_state``. So a screen
never offers what the service would refuse, and says why before anyone clicks.

Seats come from the counts ``with_seat_counts`` annotates (see ``cohorts.py``), the same
numbers the service reads under its lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

from ..models import Cohort, CohortStatus, EnrollmentStatus, TeamMembership
from .cohorts import seats_left


class Join:
    """The codes of ``JoinState`` (also the error codes of the refusals)."""

    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"
    OPEN = "open"
    WAITLIST = "waitlist"  # full: enrolling puts you on the waitlist
    TEAM_FULL = "team_full"
    NOT_YET = "enrollment_not_open"  # the window opens later
    CLOSED = "enrollment_closed"  # the window has closed
    DRAFT = "cohort_not_open"
    FINISHED = "cohort_closed"  # finished or archived


@dataclass(frozen=True)
class JoinState:
    code: str
    on: date | None = None  # the day the window opens or closed, in the cohort's time zone
    seats_left: int | None = None
    status_label: str = ""  # "finished" / "archived", for FINISHED

    @property
    def can_enroll(self) -> bool:
        """The enroll button is offered (``cohort_enroll`` will succeed)."""
        return self.code in (Join.OPEN, Join.WAITLIST)

    @property
    def button(self) -> str:
        return "Join the waitlist" if self.code == Join.WAITLIST else "Enroll"


def join_refusal(cohort: Cohort, *, managed: bool, at: datetime | None = None) -> JoinState | None:
    """Why nobody may join (by themself) right now, or None. ``managed``: a facilitator, or
    a team lead enrolling their team, who may enroll outside the window and into a draft."""
    if cohort.status in (CohortStatus.FINISHED, CohortStatus.ARCHIVED):
        return JoinState(Join.FINISHED, status_label=cohort.get_status_display().lower())
    if managed:
        return None
    if cohort.status == CohortStatus.DRAFT:
        return JoinState(Join.DRAFT)
    at = at or timezone.now()
    if cohort.enrollment_opens_at and at < cohort.enrollment_opens_at:
        return JoinState(
            Join.NOT_YET, on=timezone.localtime(cohort.enrollment_opens_at, cohort.tz).date()
        )
    if cohort.enrollment_closes_at and at >= cohort.enrollment_closes_at:
        return JoinState(
            Join.CLOSED, on=timezone.localtime(cohort.enrollment_closes_at, cohort.tz).date()
        )
    return None


def refusal_message(cohort: Cohort, refusal: JoinState) -> str:
    """The sentence the service raises (and the HTML side shows) for a refusal."""
    title = cohort.title
    if refusal.code == Join.FINISHED:
        return f"“{title}” is {refusal.status_label}; it takes no new learners."
    if refusal.code == Join.DRAFT:
        return f"“{title}” is not open yet."
    if refusal.code == Join.NOT_YET:
        return f"Enrollment in “{title}” opens on {date_format(refusal.on)}."
    return f"Enrollment in “{title}” closed on {date_format(refusal.on)}."


def join_state(
    cohort: Cohort,
    *,
    enrollment_status: str | None,
    managed: bool,
    team_seats_free: int | None,
    team_lead: bool = False,
    at: datetime | None = None,
) -> JoinState:
    """What a person's place in a cohort is, or what joining it would do. ``cohort`` carries
    the seat counts of ``with_seat_counts``; ``team_seats_free`` is None when the person is
    in no team of the cohort (``cohort_enroll`` then gives them a general seat)."""

    if enrollment_status == EnrollmentStatus.ACTIVE:
        return JoinState(Join.ENROLLED)
    if enrollment_status == EnrollmentStatus.WAITLISTED:
        return JoinState(Join.WAITLISTED)
    refusal = join_refusal(cohort, managed=managed or team_lead, at=at)
    if refusal is not None:
        return refusal
    if team_seats_free is not None:
        return JoinState(Join.OPEN if team_seats_free > 0 else Join.TEAM_FULL)
    left = seats_left(cohort)
    return JoinState(Join.WAITLIST if left == 0 else Join.OPEN, seats_left=left)


def join_state_of(cohort: Cohort, *, user) -> JoinState:
    """``join_state`` from a cohort annotated by ``cohort_list_visible_to(..., viewer=True)``
    (no further queries), for the catalog and the cohort page."""
    return join_state(
        cohort,
        enrollment_status=getattr(cohort, "viewer_status", None),
        managed=bool(
            getattr(user, "is_superuser", False) or getattr(cohort, "viewer_manages", False)
        ),
        team_seats_free=getattr(cohort, "viewer_team_free", None),
        team_lead=getattr(cohort, "viewer_team_role", None) == TeamMembership.Role.LEAD,
    )
