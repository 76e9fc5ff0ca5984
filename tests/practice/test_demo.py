"""The practice demo step: months of entries for the team members, feedback, targets set by
the team leads, every rule respected, and idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import Max, Sum
from django.utils import timezone

from accounts.demo import seed_people
from practice import selectors
from practice.demo import LAKEVIEW, RIVERSIDE, seed_practice
from practice.models import FeedbackResponse, PracticeEntry, PracticeSettings

pytestmark = pytest.mark.django_db


def _counts():
    return (
        PracticeEntry.objects.count(),
        FeedbackResponse.objects.count(),
        PracticeSettings.objects.count(),
    )


def test_demo_builds_practice_for_the_teams_and_is_idempotent():
    call_command("seed_demo", verbosity=0)
    first = _counts()
    assert first[0] > 200 and first[1] > 30 and first[2] == len(RIVERSIDE) + len(LAKEVIEW)
    assert seed_practice(people=seed_people()) == {"entries_created": 0, "targets_set": 0}
    assert _counts() == first

    coaches = set(PracticeEntry.objects.values_list("coach__username", flat=True))
    # The teams' coaches, and the three working toward the Certified Coach badge (badges demo).
    assert coaches == {*RIVERSIDE, *LAKEVIEW, "luis", "kevin", "nora"}
    months = PracticeEntry.objects.dates("date", "month")
    assert len(months) >= 5
    assert PracticeEntry.objects.aggregate(last=Max("date"))["last"] <= timezone.localdate()
    per_day = (
        PracticeEntry.objects.values("coach", "date").annotate(m=Sum("minutes")).order_by("-m")
    )
    assert per_day[0]["m"] <= 1440
    targets = PracticeSettings.objects.select_related("user", "target_set_by")
    assert {(t.user.username, t.target_set_by.username) for t in targets} == {
        *((name, "lena") for name in RIVERSIDE),
        *((name, "marcus") for name in LAKEVIEW),
    }

    from accounts.models import User

    lena = User.objects.get(username="lena")
    (riverside,) = selectors.lead_aggregates(user=lena)
    assert riverside.team.name == "Riverside Liaisons"
    assert any(cell.feedback_shown for cell in riverside.totals)
    assert sum(cell.minutes for cell in riverside.totals) > 0
