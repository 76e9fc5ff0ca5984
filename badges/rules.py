"""Award rules: what each rule of a badge class asks and how far a person is. Reads only: the
selectors show the results, and ``services.rules.badge_rules_evaluate`` acts on them.

A class is evaluated automatically only if it has at least one automatic rule (a course, a
number of reflections or practice hours); a class without one is awarded by hand. After a
revocation the rules do not award the same class again by themselves: a facilitator decides.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from cohorts.models import CourseCompletion, Reflection
from practice.selectors import practice_hours

from .models import BadgeClass

# Without a window, practice hours count from this day (the practice log's whole history).
PRACTICE_EPOCH = date(2000, 1, 1)


def add_months(moment: date | datetime, months: int):
    """The same day ``months`` later (or earlier when negative), clamped to the month's end."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def practice_hours_between(*, user, start: date, end: date) -> Decimal:
    """Logged practice hours from ``start`` to ``end`` (dates, inclusive): the one place
    badges reads the practice log."""
    return practice_hours(user=user, start=start, end=end)


def practice_window(badge_class: BadgeClass, today: date) -> tuple[date, date]:
    if badge_class.practice_window_months:
        return add_months(today, -badge_class.practice_window_months), today
    return PRACTICE_EPOCH, today


def has_automatic_rules(badge_class: BadgeClass) -> bool:
    return bool(
        badge_class.course_id
        or badge_class.min_reflections
        or (badge_class.min_practice_hours or Decimal(0)) > 0
    )


@dataclass(frozen=True)
class RuleResult:
    """One rule, explained: ``detail`` says where the person stands in words and figures."""

    key: str  # course | reflections | practice
    label: str
    met: bool
    detail: str
    current: Decimal | int | None = None
    required: Decimal | int | None = None


@dataclass
class RuleInputs:
    """Everything the rules read for one person, loaded in a fixed number of queries."""

    user: object
    completed_course_ids: set[int]
    reflections_by_course: dict[int, int]
    today: date
    _practice: dict[tuple[date, date], Decimal | None] = field(default_factory=dict)

    @classmethod
    def load(cls, *, user, today: date | None = None) -> RuleInputs:
        completed = set(
            CourseCompletion.objects.filter(user=user).values_list("course_id", flat=True)
        )
        counts = dict(
            Reflection.objects.filter(user=user)
            .values("course_id")
            .annotate(n=Count("pk"))
            .values_list("course_id", "n")
        )
        return cls(
            user=user,
            completed_course_ids=completed,
            reflections_by_course=counts,
            today=today or timezone.localdate(),
        )

    def practice_hours(self, start: date, end: date) -> Decimal | None:
        if (start, end) not in self._practice:
            self._practice[(start, end)] = practice_hours_between(
                user=self.user, start=start, end=end
            )
        return self._practice[(start, end)]


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"


def rule_results(*, badge_class: BadgeClass, inputs: RuleInputs) -> list[RuleResult]:
    """Each automatic rule of the class, met or not, with the figures behind it."""
    results = []
    if badge_class.course_id:
        title = badge_class.course.title if badge_class.course else "the course"
        done = badge_class.course_id in inputs.completed_course_ids
        results.append(
            RuleResult(
                "course",
                f"Complete “{title}”",
                done,
                "Completed." if done else "Not completed yet: finish every lesson.",
            )
        )
    if badge_class.min_reflections:
        if badge_class.course_id:
            count = inputs.reflections_by_course.get(badge_class.course_id, 0)
            where = " in this course"
        else:
            count = sum(inputs.reflections_by_course.values())
            where = ""
        need = badge_class.min_reflections
        results.append(
            RuleResult(
                "reflections",
                f"Write at least {need} reflection{'s' if need != 1 else ''}{where}",
                count >= need,
                f"{count} of {need} written.",
                count,
                need,
            )
        )
    need_hours = badge_class.min_practice_hours or Decimal(0)
    if need_hours > 0:
        start, end = practice_window(badge_class, inputs.today)
        months = badge_class.practice_window_months
        span = f" in the last {months} month{'s' if months != 1 else ''}" if months else ""
        label = f"Log at least {_hours(need_hours)} hours of coaching practice{span}"
        hours = inputs.practice_hours(start, end)
        results.append(
            RuleResult(
                "practice",
                label,
                hours >= need_hours,
                f"{_hours(hours)} of {_hours(need_hours)} hours logged.",
                hours,
                need_hours,
            )
        )
    return results


def rules_met(results: list[RuleResult]) -> bool:
    return bool(results) and all(result.met for result in results)
