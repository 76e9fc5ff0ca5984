"""Benchmark: the lead's team aggregates (page, district page and API) for a district of
50 coaches with a year of practice each (~10,000 entries) plus teacher feedback.

Builds a small district (1 team of 5 coaches) and the full one (5 teams of 10 coaches), each
coach with about 200 entries spread over the last twelve months and a feedback answer on about
one entry in five. Then, as the lead, requests the team page (/practice/teams/<pk>/), the
district page (/practice/teams/) and the team API (/api/v1/practice/teams/<pk>/) through
Django's test client, in rounds taking turns with the baseline (/healthz: the middleware and a
database round trip), and calls ``lead_aggregates`` on its own. Aggregation happens in the
database (values + Sum + TruncMonth), so the query count must not grow with entries or members.

Targets: the same number of queries at both sizes; p95 <= 200 ms at the full size.

    .venv/bin/python bench/practice_aggregates.py [--runs 30] [--rounds 3] [--quick]

Without DATABASE_URL it uses a throwaway SQLite file. With a PostgreSQL DATABASE_URL it
creates its own database on that server (praxis_bench_practice_<pid>) and drops it at the
end: the database named in the URL is never read or written.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
CLEAN_UP = own_database("practice")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import user_create  # noqa: E402
from bench._measure import client_report, get_ok, timed_rounds  # noqa: E402
from bench._report import add_arguments, rounds_of  # noqa: E402
from cms import services as site_services  # noqa: E402
from cohorts import services as cohort_services  # noqa: E402
from cohorts.models import (  # noqa: E402
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Pace,
    TeamMembership,  # noqa: E402
)
from courses import services as course_services  # noqa: E402
from practice.models import (  # noqa: E402
    FeedbackLink,
    FeedbackResponse,
    Kind,
    PracticeEntry,
)
from practice.selectors import lead_aggregates  # noqa: E402
from practice.services import hash_token  # noqa: E402

ENTRIES_PER_COACH = 200
P95_TARGET_MS = 200.0
SIZES = {"small": (1, 5), "full": (5, 10)}  # teams x coaches per team


def build_course(catalog):
    outline = [
        {
            "title": "Module 1",
            "slug": "module-1",
            "lessons": [{"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}],
        }
    ]
    course, _created = course_services.course_build(
        catalog=catalog, title="Coaching in practice", slug="coaching", modules=outline, summary="x"
    )
    return course


def build_district(label: str, course, facilitator, teams: int, per_team: int):
    """A lead with ``teams`` teams of ``per_team`` coaches, each with a year of entries.

    Benchmark fixture: users, memberships, enrollments, entries, links and responses are
    written with bulk_create, bypassing the services (user_create, team_join,
    practice_entry_create, feedback_submit) so that 10,000 entries take seconds; they are the
    rows those services would write. The cohort and teams go through services.
    """
    today = timezone.localdate()
    User = get_user_model()
    lead = user_create(
        email=f"lead-{label}@example.org",
        password=None,
        username=f"lead-{label}",
        display_name=f"Lead {label}",
        role="team_lead",
    )
    cohort = cohort_services.cohort_create(
        course=course,
        title=f"District {label}",
        pace=Pace.FACILITATED,
        status=CohortStatus.RUNNING,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
        capacity=teams * per_team + 1,
        time_zone="UTC",
        facilitators=[facilitator],
    )
    organization = cohort_services.organization_create(name=f"District {label}")
    rng = random.Random(label)
    password = make_password(None)
    kinds = list(Kind.values)
    team_list = []
    for t in range(teams):
        team = cohort_services.team_create(
            organization=organization,
            cohort=cohort,
            name=f"Team {t + 1}",
            seats=per_team,
            leads=[lead],
            by=facilitator,
        )
        team_list.append(team)
        prefix = f"{label}-t{t}-"
        User.objects.bulk_create(
            User(
                username=f"{prefix}{i}",
                email=f"{prefix}{i}@example.org",
                display_name=f"Coach {label} {t}.{i}",
                password=password,
            )
            for i in range(per_team)
        )
        coaches = list(User.objects.filter(username__startswith=prefix))
        TeamMembership.objects.bulk_create(
            TeamMembership(team=team, user=c, role=TeamMembership.Role.MEMBER) for c in coaches
        )
        Enrollment.objects.bulk_create(
            Enrollment(cohort=cohort, user=c, team=team, status=EnrollmentStatus.ACTIVE)
            for c in coaches
        )
        for coach in coaches:
            PracticeEntry.objects.bulk_create(
                PracticeEntry(
                    coach=coach,
                    date=today - timedelta(days=rng.randrange(0, 365)),
                    minutes=rng.choice((20, 30, 45, 50, 60, 90)),
                    kind=rng.choice(kinds),
                    teachers_reached=rng.randint(1, 8),
                    private_notes="Private note that a lead must never see.",
                )
                for _ in range(ENTRIES_PER_COACH)
            )
        entries = list(PracticeEntry.objects.filter(coach__in=coaches).values_list("pk", flat=True))
        asked = [pk for pk in entries if rng.random() < 0.2]
        FeedbackLink.objects.bulk_create(
            FeedbackLink(
                entry_id=pk,
                token_hash=hash_token(f"{label}-{pk}"),
                expires_at=timezone.now() + timedelta(days=14),
            )
            for pk in asked
        )
        links = FeedbackLink.objects.filter(entry_id__in=asked)
        FeedbackResponse.objects.bulk_create(
            FeedbackResponse(
                link=link,
                usefulness=rng.randint(2, 5),
                confidence=rng.randint(1, 5),
                comment="A comment only the coach sees.",
            )
            for link in links
        )
    return lead, team_list


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=30)
    args = parser.parse_args()
    runs, rounds = rounds_of(args, quick_runs=5)
    report = client_report(
        "practice_aggregates",
        "Practice aggregates for a lead (a district of 50 coaches, a year of entries)",
        f"{rounds} rounds of {runs} requests, taking turns with the baseline, /healthz",
        quick=args.quick,
    )

    call_command("migrate", verbosity=0)
    _home, catalog = site_services.site_root_ensure()
    course = build_course(catalog)
    facilitator = user_create(
        email="fran@example.org", password=None, username="fran", role="facilitator"
    )
    districts = {
        label: build_district(label, course, facilitator, teams, per_team)
        for label, (teams, per_team) in SIZES.items()
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    calls = {"baseline: /healthz": get_ok(Client(), "/healthz")}
    for label, (lead, teams) in districts.items():
        client = Client()
        client.force_login(lead)
        team = teams[0]
        district_page = get_ok(client, "/practice/teams/")
        body = district_page().content.decode()
        if "Private note" in body or "A comment only" in body:
            report.fail(f"the {label} district page shows a coach's private note or comment")
        calls[f"team page, {label}"] = get_ok(client, f"/practice/teams/{team.pk}/")
        calls[f"district page, {label}"] = district_page
        calls[f"team API, {label}"] = get_ok(
            client, f"/api/v1/practice/teams/{team.pk}/", HTTP_ACCEPT="application/json"
        )
        calls[f"lead_aggregates(), {label}"] = lambda lead=lead: lead_aggregates(user=lead)
        count, per_team = SIZES[label]
        entries = PracticeEntry.objects.filter(coach__team_memberships__team__in=teams)
        responses = FeedbackResponse.objects.filter(link__entry__in=entries)
        report.note(
            f"{label}: {count} team(s) x {per_team} coaches = {count * per_team} coaches, "
            f"{entries.count()} entries, {responses.count()} feedback answers"
        )
    figures = timed_rounds(calls, runs, rounds)
    for name, row in figures.items():
        full = name.endswith(", full") and not name.startswith("lead_")
        report.row(
            name,
            target=f"p95 <= {P95_TARGET_MS:.0f} ms" if full else "",
            ok=row["p95 ms"].median <= P95_TARGET_MS if full else None,
            **row,
        )
    for name in ("team page", "district page", "team API"):
        small, full = figures[f"{name}, small"]["queries"], figures[f"{name}, full"]["queries"]
        report.target(f"{name}: the same queries at both sizes ({small} vs {full})", small == full)
    return report.finish()


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
