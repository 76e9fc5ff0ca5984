"""Reads for the practice pages and API, shaped for flat query counts.

Visibility: a coach reads only their own entries, notes and feedback comments. A team lead
reads only ``lead_aggregates`` of teams they lead: sums and averages per member and team per
month, computed in the database, with feedback averages hidden under three responses, and
never a note, a comment or a single session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from cohorts.models import TeamMembership
from cohorts.selectors import teams_led_by as cohorts_teams_led_by

from .models import FeedbackResponse, Kind, PracticeEntry, PracticeSettings

MIN_RESPONSES = 3  # fewer than this and a lead sees no feedback figures
KINDS = list(Kind)
TWO_PLACES = Decimal("0.01")


# --- certification (called by the badges app) ------------------------------------------------


def practice_hours(*, user, start: date, end: date) -> Decimal:
    """Hours of ``user``'s entries dated ``start <= date <= end`` (both inclusive), to the
    hundredth. The badges app calls exactly this to check practice-hour criteria."""
    return practice_hours_of(user_ids=[user.pk], start=start, end=end)[user.pk]


def practice_hours_of(*, user_ids, start: date, end: date) -> dict[int, Decimal]:
    """The same figure for several people in one query (the certification queue)."""
    totals = dict(
        PracticeEntry.objects.filter(coach_id__in=user_ids, date__gte=start, date__lte=end)
        .values_list("coach_id")
        .annotate(total=Sum("minutes"))
        .order_by()
    )
    return {
        user_id: (Decimal(totals.get(user_id, 0)) / Decimal(60)).quantize(
            TWO_PLACES, rounding=ROUND_HALF_UP
        )
        for user_id in user_ids
    }


# --- a coach's own log -----------------------------------------------------------------------


def entries_of(*, user):
    if not getattr(user, "is_authenticated", False):
        return PracticeEntry.objects.none()
    return (
        PracticeEntry.objects.filter(coach=user)
        .select_related("lesson")
        .annotate(responses=Count("links__response"))
        .order_by("-date", "-id")
    )


def entry_get(*, user, pk: int) -> PracticeEntry | None:
    """One of the person's own entries, or None (someone else's is not found, not denied)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return PracticeEntry.objects.filter(coach=user, pk=pk).select_related("lesson").first()


def month_starts(*, end: date, months: int) -> list[date]:
    """The first days of the ``months`` months ending with ``end``'s month, oldest first."""
    first = end.replace(day=1)
    out = [first]
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return out[::-1]


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Cell:
    """Practice of one person (or one team) in one month."""

    month: date
    minutes_by_kind: dict[str, int] = field(default_factory=dict)
    teachers: int = 0
    responses: int = 0
    usefulness_sum: int = 0
    confidence_sum: int = 0

    def add(self, other: Cell) -> None:
        for kind, minutes in other.minutes_by_kind.items():
            self.minutes_by_kind[kind] = self.minutes_by_kind.get(kind, 0) + minutes
        self.teachers += other.teachers
        self.responses += other.responses
        self.usefulness_sum += other.usefulness_sum
        self.confidence_sum += other.confidence_sum

    @property
    def minutes(self) -> int:
        return sum(self.minutes_by_kind.values())

    @property
    def hours(self) -> Decimal:
        return hours(self.minutes)

    @property
    def hours_by_kind(self) -> list[tuple[str, str, Decimal]]:
        return [(k.value, k.label, hours(self.minutes_by_kind.get(k.value, 0))) for k in KINDS]

    @property
    def feedback_shown(self) -> bool:
        return self.responses >= MIN_RESPONSES

    @property
    def suppressed(self) -> bool:
        return 0 < self.responses < MIN_RESPONSES

    @property
    def responses_shown(self) -> int | None:
        """The number of answers as a lead sees it: none under three."""
        return None if self.suppressed else self.responses

    def _avg(self, total: int) -> Decimal | None:
        if not self.feedback_shown:
            return None
        return (Decimal(total) / Decimal(self.responses)).quantize(Decimal("0.1"))

    @property
    def usefulness(self) -> Decimal | None:
        return self._avg(self.usefulness_sum)

    @property
    def confidence(self) -> Decimal | None:
        return self._avg(self.confidence_sum)


def _entry_cells(coach_ids, start: date, end: date) -> dict[tuple[int, date], Cell]:
    """One query: minutes by coach, month and kind, and teachers reached, in the database."""
    cells: dict[tuple[int, date], Cell] = {}
    rows = (
        PracticeEntry.objects.filter(coach_id__in=coach_ids, date__gte=start, date__lte=end)
        .annotate(month=TruncMonth("date"))
        .values("coach_id", "month", "kind")
        .annotate(minutes=Sum("minutes"), teachers=Sum("teachers_reached"))
        .order_by()
    )
    for row in rows:
        month = _as_date(row["month"])
        cell = cells.setdefault((row["coach_id"], month), Cell(month=month))
        cell.minutes_by_kind[row["kind"]] = row["minutes"]
        cell.teachers += row["teachers"]
    feedback = (
        FeedbackResponse.objects.filter(
            link__entry__coach_id__in=coach_ids,
            link__entry__date__gte=start,
            link__entry__date__lte=end,
        )
        .annotate(month=TruncMonth("link__entry__date"))
        .values("link__entry__coach_id", "month")
        .annotate(n=Count("id"), useful=Sum("usefulness"), confident=Sum("confidence"))
        .order_by()
    )
    for row in feedback:
        month = _as_date(row["month"])
        cell = cells.setdefault((row["link__entry__coach_id"], month), Cell(month=month))
        cell.responses = row["n"]
        cell.usefulness_sum = row["useful"]
        cell.confidence_sum = row["confident"]
    return cells


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


@dataclass
class MonthlySummary:
    months: list[Cell]
    target: Decimal | None
    today: date

    @property
    def current(self) -> Cell:
        return self.months[-1]

    @property
    def percent(self) -> int:
        if not self.target:
            return 0
        return min(100, int(self.current.minutes / 60 / float(self.target) * 100))


def monthly_summary(*, user, months: int = 12, today: date | None = None) -> MonthlySummary:
    """A coach's own hours per month by kind (two queries: entries and feedback), and target."""
    today = today or timezone.localdate()
    starts = month_starts(end=today, months=months)
    cells = _entry_cells([user.pk], starts[0], month_end(starts[-1]))
    target = (
        PracticeSettings.objects.filter(user=user)
        .values_list("monthly_target_hours", flat=True)
        .first()
    )
    return MonthlySummary(
        months=[cells.get((user.pk, m), Cell(month=m)) for m in starts],
        target=target,
        today=today,
    )


def month_progress(*, user, today: date | None = None) -> dict | None:
    """This month's hours against the target, in one query, for *My learning*.
    None when the person has neither a target nor any entry this month."""
    if not getattr(user, "is_authenticated", False):
        return None
    today = today or timezone.localdate()
    start = today.replace(day=1)
    minutes = (
        PracticeEntry.objects.filter(coach=OuterRef("pk"), date__gte=start, date__lte=today)
        .order_by()
        .values("coach")
        .annotate(total=Sum("minutes"))
        .values("total")
    )
    target = PracticeSettings.objects.filter(user=OuterRef("pk")).values("monthly_target_hours")
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            minutes=Coalesce(Subquery(minutes, output_field=IntegerField()), 0),
            target=Subquery(target, output_field=DecimalField(max_digits=5, decimal_places=1)),
        )
        .values("minutes", "target")
        .first()
    )
    if row is None or (row["target"] is None and not row["minutes"]):
        return None
    done = hours(row["minutes"])
    target_hours = (
        None if row["target"] is None else Decimal(str(row["target"])).quantize(Decimal("0.1"))
    )
    percent = min(100, int(done / target_hours * 100)) if target_hours else 0
    return {"month": start, "hours": done, "target": target_hours, "percent": percent}


def feedback_results(*, user, entry: PracticeEntry | None = None) -> dict:
    """For the coach only: count, averages and comments of answers to their links."""
    responses = FeedbackResponse.objects.filter(link__entry__coach=user)
    if entry is not None:
        responses = responses.filter(link__entry=entry)
    totals = responses.aggregate(
        count=Count("id"), usefulness=Sum("usefulness"), confidence=Sum("confidence")
    )
    count = totals["count"]
    comments = list(
        responses.exclude(comment="")
        .select_related("link__entry")
        .order_by("-created_at")
        .values("comment", "created_at", "link__entry__date", "link__entry__kind")[:20]
    )
    return {
        "count": count,
        "usefulness": round(totals["usefulness"] / count, 1) if count else None,
        "confidence": round(totals["confidence"] / count, 1) if count else None,
        "comments": comments,
    }


def open_links_of(*, entry: PracticeEntry) -> dict:
    now = timezone.now()
    links = entry.links.all()
    return {
        "open": links.filter(expires_at__gt=now, response__isnull=True).count(),
        "answered": links.filter(response__isnull=False).count(),
    }


# --- team leads: aggregates only -------------------------------------------------------------


@dataclass
class MemberRow:
    user: object
    cells: list[Cell]
    target: Decimal | None


@dataclass
class TeamAggregate:
    team: object
    months: list[date]
    totals: list[Cell]
    members: list[MemberRow]


def teams_led_by(*, user):
    return cohorts_teams_led_by(user=user)


def lead_aggregates(
    *, user, team_id: int | None = None, months: int = 6, today: date | None = None
) -> list[TeamAggregate]:
    """Aggregates of every team ``user`` leads (or of one, ``team_id``: an empty list when
    they do not lead it). Four queries whatever the number of teams, members or entries."""

    teams = teams_led_by(user=user)
    if team_id is not None:
        teams = teams.filter(pk=team_id)
    teams = list(teams.order_by("name", "pk"))
    if not teams:
        return []
    today = today or timezone.localdate()
    starts = month_starts(end=today, months=months)
    memberships = list(
        TeamMembership.objects.filter(team__in=teams, role=TeamMembership.Role.MEMBER)
        .select_related("user", "user__practice_settings")
        .order_by("user__display_name", "user__username")
    )
    coach_ids = {m.user_id for m in memberships}
    cells = _entry_cells(coach_ids, starts[0], month_end(starts[-1])) if coach_ids else {}
    out = []
    for team in teams:
        rows = []
        totals = [Cell(month=m) for m in starts]
        for membership in memberships:
            if membership.team_id != team.pk:
                continue
            member_cells = [cells.get((membership.user_id, m), Cell(month=m)) for m in starts]
            for total, cell in zip(totals, member_cells, strict=True):
                total.add(cell)
            settings_row = getattr(membership.user, "practice_settings", None)
            rows.append(
                MemberRow(
                    user=membership.user,
                    cells=member_cells,
                    target=settings_row.monthly_target_hours if settings_row else None,
                )
            )
        out.append(TeamAggregate(team=team, months=starts, totals=totals, members=rows))
    return out


def coach_led_by(*, user, coach_id: int):
    """A member of one of the teams ``user`` leads, or None: whose target a lead may set."""

    membership = (
        TeamMembership.objects.filter(
            user_id=coach_id,
            role=TeamMembership.Role.MEMBER,
            team__in=teams_led_by(user=user).values("pk"),
        )
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def my_learning_context(*, request, page, context) -> dict:
    """My learning's ``practice`` (core.contributions, registered in ``PracticeConfig.ready``)."""
    return {"practice": month_progress(user=request.user)}
