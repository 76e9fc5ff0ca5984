"""On a fresh demo the scheduled emails have something real to send, and send it once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _command(name: str, callbacks) -> str:
    out = io.StringIO()
    with callbacks(execute=True):
        call_command(name, stdout=out)
    return out.getvalue().strip()


# Mid-afternoon in Chicago, and 03:00 UTC, when the demo district's date is still yesterday.
AT_HOURS = [
    pytest.param(dt.datetime(2026, 12, 1, 20, 0, tzinfo=dt.UTC), id="same-date"),
    pytest.param(dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.UTC), id="utc-ahead-of-district"),
]


@pytest.mark.parametrize("at", AT_HOURS)
def test_send_reminders_and_digests_send_the_demos_emails_once(
    at, mailoutbox, django_capture_on_commit_callbacks
):
    with time_machine.travel(at, tick=True):
        _seed_and_send(mailoutbox, django_capture_on_commit_callbacks)


def _seed_and_send(mailoutbox, django_capture_on_commit_callbacks):
    call_command("seed_demo", stdout=io.StringIO())
    mailoutbox.clear()

    first = _command("send_reminders", django_capture_on_commit_callbacks)
    released = [m for m in mailoutbox if m.subject.startswith("Module 4 is open")]
    due_soon = [m for m in mailoutbox if m.subject.startswith("Due ")]
    assert released and due_soon, [m.subject for m in mailoutbox]
    assert len(released) + len(due_soon) == len(mailoutbox)
    assert first == (f"Sent {len(released)} module-released and {len(due_soon)} due-soon emails.")
    # One email per person and notice: nobody is told twice in one run.
    assert len({(tuple(m.to), m.subject) for m in mailoutbox}) == len(mailoutbox)
    reminders = len(mailoutbox)

    assert _command("send_reminders", django_capture_on_commit_callbacks) == (
        "Sent 0 module-released and 0 due-soon emails."
    )
    assert len(mailoutbox) == reminders

    digest = _command("send_digests", django_capture_on_commit_callbacks)
    digests = mailoutbox[reminders:]
    assert [m.to for m in digests] == [["fran@demo.praxis.test"]], digest
    assert digest.startswith("Sent 1 digests with ") and " 0 items" not in digest
    assert "Your Praxis digest" in digests[0].subject
    assert _command("send_digests", django_capture_on_commit_callbacks) == (
        "Sent 0 digests with 0 items."
    )
    assert len(mailoutbox) == reminders + 1
