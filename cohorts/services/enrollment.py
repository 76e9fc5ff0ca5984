"""Enrollment: the one path by which anyone joins, leaves or moves between cohorts.

Seats: a cohort's ``capacity`` covers learners outside teams plus every team's reserved
seats. A team member takes one of the team's seats; anyone else takes a general seat or,
when none is left, joins the waitlist (first in, first out). Every enrollment locks the
cohort row first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite runs write transactions
one at a time), so capacity holds under concurrent requests.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied

from .. import emails
from ..events import membership_changed, send_on_commit
from ..models import (
    Cohort,
    Enrollment,
    EnrollmentStatus,
    Invitation,
    Pace,
    Team,
    TeamMembership,
)
from ..selectors import (
    can_manage_cohort,
    general_seats_free,
    is_team_lead,
    join_refusal,
    refusal_message,
    team_seats_free,
)

CSV_MAX_ROWS = 1000
#: An email address is at most 254 characters (RFC 5321); no cell of the list needs more.
CSV_MAX_CELL = 254
#: The largest uploaded (or pasted) list, in bytes.
CSV_MAX_BYTES = 512 * 1024
CSV_LIMITS = (
    f"At most {CSV_MAX_ROWS} lines and {CSV_MAX_BYTES // 1024} KB, "
    f"{CSV_MAX_CELL} characters a cell."
)
INVITATION_DAYS = 30


def _lock(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _check_can_join(cohort: Cohort, *, managed: bool) -> None:
    # The same rule the screens render (``join_state``), so they never offer what fails.
    refusal = join_refusal(cohort, managed=managed)
    if refusal is not None:
        raise ApplicationError(refusal_message(cohort, refusal), code=refusal.code)


def _team_for(cohort: Cohort, user, team: Team | None) -> Team | None:
    if team is not None:
        if team.cohort_id != cohort.pk:
            raise ApplicationError("That team is not part of this cohort.", code="wrong_team")
        return team
    membership = (
        TeamMembership.objects.filter(user=user, team__cohort=cohort).select_related("team").first()
    )
    return membership.team if membership else None


class Enrolled(NamedTuple):
    """What ``cohort_enroll`` did. ``created`` is False when the person was already in (or
    on the waitlist of) the cohort: decided under the cohort's row lock, so of two requests
    racing to enroll the same person exactly one sees ``created``."""

    enrollment: Enrollment
    created: bool


@transaction.atomic
def cohort_enroll(
    *,
    cohort: Cohort,
    user,
    by=None,
    team: Team | None = None,
    notify: bool = True,
    at: datetime | None = None,
) -> Enrolled:
    """Enroll ``user``: active when a seat is free, otherwise waitlisted. Enrolling again
    returns the existing enrollment, not ``created`` (rejoining after a drop is ``created``).
    ``by`` is who asks (the learner themself by default); facilitators may enroll anyone and
    ignore the enrollment window, team leads their team. ``at`` backdates the enrollment (and
    a self-paced learner's target dates): for the demo and imports; the window is still
    checked against now."""
    by = by or user
    cohort = _lock(cohort)
    team = _team_for(cohort, user, team)
    managed = can_manage_cohort(user=by, cohort=cohort)
    if by.pk != user.pk and not managed and not (team and is_team_lead(user=by, team=team)):
        raise PermissionDenied("You cannot enroll someone else in this cohort.")
    existing = Enrollment.objects.filter(cohort=cohort, user=user).first()
    if existing and existing.status != EnrollmentStatus.DROPPED:
        return Enrolled(existing, created=False)
    lead_enrolling_team = bool(team and is_team_lead(user=by, team=team))
    _check_can_join(cohort, managed=managed or lead_enrolling_team)

    now = at or timezone.now()
    enrollment = existing or Enrollment(cohort=cohort, user=user)
    enrollment.team = team
    enrollment.enrolled_at = now
    enrollment.dropped_at = None
    enrollment.schedule_anchor = timezone.localdate(now)
    if team is not None:
        if team_seats_free(team=team) < 1:
            raise ApplicationError(
                f"All {team.seats} seats of {team.name} are taken. Ask your team lead to "
                "reserve more seats.",
                code="team_full",
            )
        enrollment.status = EnrollmentStatus.ACTIVE
        enrollment.waitlisted_at = None
    else:
        free = general_seats_free(cohort)
        if free is None or free > 0:
            enrollment.status = EnrollmentStatus.ACTIVE
            enrollment.waitlisted_at = None
        else:
            enrollment.status = EnrollmentStatus.WAITLISTED
            enrollment.waitlisted_at = now
    enrollment.save()
    send_on_commit(membership_changed, sender=Enrollment, user_id=user.pk)
    if notify:
        template = (
            "enrollment_confirmed"
            if enrollment.status == EnrollmentStatus.ACTIVE
            else "enrollment_waitlisted"
        )
        emails.send_on_commit(template, [user], {"cohort": cohort, "enrollment": enrollment})
    return Enrolled(enrollment, created=True)


def _promote_waitlist(cohort: Cohort) -> list[Enrollment]:
    free = general_seats_free(cohort)
    waiting = Enrollment.objects.filter(cohort=cohort, status=EnrollmentStatus.WAITLISTED).order_by(
        "waitlisted_at", "id"
    )
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting.select_related("user"))
    now = timezone.now()
    for enrollment in promoted:
        enrollment.status = EnrollmentStatus.ACTIVE
        enrollment.enrolled_at = now
        enrollment.waitlisted_at = None
        enrollment.schedule_anchor = timezone.localdate()
        enrollment.save(update_fields=["status", "enrolled_at", "waitlisted_at", "schedule_anchor"])
        send_on_commit(membership_changed, sender=Enrollment, user_id=enrollment.user_id)
        emails.send_on_commit(
            "enrollment_promoted", [enrollment.user], {"cohort": cohort, "enrollment": enrollment}
        )
    return promoted


@transaction.atomic
def enrollment_drop(*, enrollment: Enrollment, by) -> Enrollment:
    """Leave (or be removed from) a cohort; the freed seat goes to the first on the waitlist."""
    cohort = _lock(enrollment.cohort)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    allowed = (
        by.pk == enrollment.user_id
        or can_manage_cohort(user=by, cohort=cohort)
        or (enrollment.team_id and is_team_lead(user=by, team=enrollment.team))
    )
    if not allowed:
        raise PermissionDenied("You cannot remove someone else from this cohort.")
    if enrollment.status == EnrollmentStatus.DROPPED:
        return enrollment
    enrollment.status = EnrollmentStatus.DROPPED
    enrollment.dropped_at = timezone.now()
    enrollment.waitlisted_at = None
    enrollment.save(update_fields=["status", "dropped_at", "waitlisted_at"])
    send_on_commit(membership_changed, sender=Enrollment, user_id=enrollment.user_id)
    _promote_waitlist(cohort)
    return enrollment


@transaction.atomic
def enrollment_move(*, enrollment: Enrollment, to_cohort: Cohort, by) -> Enrollment:
    """Move a learner to another cohort of the same course; progress is per person and
    course, so it comes along."""
    source = enrollment.cohort
    if to_cohort.pk == source.pk:
        raise ApplicationError("The learner is already in this cohort.", code="same_cohort")
    if to_cohort.course_id != source.course_id:
        raise ApplicationError(
            "A learner can only move to another cohort of the same course.", code="other_course"
        )
    if not (
        can_manage_cohort(user=by, cohort=source) and can_manage_cohort(user=by, cohort=to_cohort)
    ):
        raise PermissionDenied("Only a facilitator of both cohorts can move a learner.")
    if enrollment.status == EnrollmentStatus.DROPPED:
        raise ApplicationError("This learner has left the cohort.", code="dropped")
    moved = cohort_enroll(cohort=to_cohort, user=enrollment.user, by=by).enrollment
    enrollment_drop(enrollment=enrollment, by=by)
    return moved


@transaction.atomic
def enrollment_reset_schedule(*, enrollment: Enrollment, by) -> Enrollment:
    """Self-paced: count personal target dates again from today."""
    if by.pk != enrollment.user_id:
        raise PermissionDenied("Only the learner can reset their own schedule.")
    if enrollment.cohort.pace != Pace.SELF_PACED:
        raise ApplicationError(
            "Only self-paced schedules can be reset; a facilitated cohort follows its timeline.",
            code="not_self_paced",
        )
    enrollment.schedule_anchor = timezone.localdate()
    enrollment.save(update_fields=["schedule_anchor"])
    return enrollment


@dataclass
class CsvEnrollReport:
    enrolled: list[str] = field(default_factory=list)
    waitlisted: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    invited: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            (len(self.enrolled), "enrolled"),
            (len(self.waitlisted), "waitlisted"),
            (len(self.already), "already in the cohort"),
            (len(self.invited), "invited to sign up"),
        ]
        return ", ".join(f"{count} {label}" for count, label in parts if count) or "Nothing to do"


def csv_rows(text: str) -> list[list[str]]:
    """The rows of a pasted or uploaded list, within ``CSV_LIMITS``; otherwise an
    ``ApplicationError`` that names the limit (the form shows it; nothing is enrolled)."""
    if len(text) > CSV_MAX_BYTES:
        raise ApplicationError(
            f"That list is too large ({CSV_MAX_BYTES // 1024} KB at most).", field="csv"
        )
    reader = csv.reader(io.StringIO(text))
    rows: list[list[str]] = []
    try:
        for line_number, row in enumerate(reader, start=1):
            if line_number > CSV_MAX_ROWS:
                raise ApplicationError(f"At most {CSV_MAX_ROWS} lines at a time.", field="csv")
            if any(len(cell) > CSV_MAX_CELL for cell in row):
                raise ApplicationError(
                    f"Line {line_number}: a cell can be at most {CSV_MAX_CELL} characters.",
                    field="csv",
                    code="invalid_csv",
                )
            rows.append(row)
    except csv.Error:
        # The csv module's own field limit (128 KB), a NUL byte…: the cell limit is the one
        # that matters to the person, so name it.
        raise ApplicationError(
            f"Line {reader.line_num}: this is not a readable list (a cell can be at most "
            f"{CSV_MAX_CELL} characters).",
            field="csv",
            code="invalid_csv",
        ) from None
    return rows


def parse_email_csv(text: str) -> list[str]:
    """Emails from a pasted or uploaded CSV (any column; a header row is fine). Any
    malformed address fails the whole file, naming the line."""
    emails_found: list[str] = []
    problems: list[str] = []
    for line_number, row in enumerate(csv_rows(text), start=1):
        cells = [cell.strip() for cell in row if cell.strip()]
        candidates = [cell for cell in cells if "@" in cell]
        if not candidates:
            if cells and line_number > 1:
                problems.append(f"line {line_number}: no email address")
            continue
        for candidate in candidates:
            try:
                validate_email(candidate)
            except ValidationError:
                problems.append(f"line {line_number}: “{candidate}” is not an email address")
            else:
                emails_found.append(candidate.lower())
    if problems:
        raise ApplicationError(
            "Nothing was enrolled. Fix these lines and try again: " + "; ".join(problems[:10]),
            field="csv",
            code="invalid_csv",
        )
    if not emails_found:
        raise ApplicationError("The file has no email addresses.", field="csv", code="empty_csv")
    return list(dict.fromkeys(emails_found))


@transaction.atomic
def cohort_enroll_csv(*, cohort: Cohort, text: str, by) -> CsvEnrollReport:
    """Enroll a pasted or uploaded list of emails (see ``cohort_enroll_emails``)."""
    if not can_manage_cohort(user=by, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can enroll a list of learners.")
    return cohort_enroll_emails(cohort=cohort, addresses=parse_email_csv(text), by=by)


@transaction.atomic
def cohort_enroll_emails(*, cohort: Cohort, addresses: list[str], by) -> CsvEnrollReport:
    """Enroll a list of (valid) email addresses, as the dashboard's list form does: known
    people are enrolled (or waitlisted), unknown ones get an invitation that enrolls them on
    sign-up. All or nothing: a refusal for one address (the cohort is closed…) enrolls no one."""
    if not can_manage_cohort(user=by, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can enroll a list of learners.")
    addresses = list(dict.fromkeys(address.strip().lower() for address in addresses))
    if not addresses:
        raise ApplicationError("The list has no email addresses.", field="emails", code="empty")
    User = get_user_model()
    users = {u.email.lower(): u for u in User.objects.filter(email__in=addresses)}
    # Case-insensitive fallback for addresses stored with capitals.
    for address in addresses:
        if address not in users:
            match = User.objects.filter(email__iexact=address).first()
            if match:
                users[address] = match
    report = CsvEnrollReport()
    for address in addresses:
        user = users.get(address)
        if user is None:
            invitation_create(cohort=cohort, email=address, by=by)
            report.invited.append(address)
            continue
        enrollment, created = cohort_enroll(cohort=cohort, user=user, by=by)
        if not created:
            report.already.append(address)
        elif enrollment.status == EnrollmentStatus.ACTIVE:
            report.enrolled.append(address)
        else:
            report.waitlisted.append(address)
    return report


def invitation_create(*, cohort: Cohort, email: str, by, team: Team | None = None) -> Invitation:
    now = timezone.now()
    invitation = Invitation.objects.filter(
        cohort=cohort,
        team=team,
        email__iexact=email,
        accepted_at__isnull=True,
        expires_at__gt=now,
    ).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            cohort=cohort,
            team=team,
            email=email,
            invited_by=by,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
    emails.send_to_address_on_commit(
        "invitation",
        email,
        {"cohort": cohort, "invitation": invitation, "inviter": by, "team": team},
    )
    return invitation
