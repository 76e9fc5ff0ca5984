"""On a fresh demo the scheduled emails have something real to send, and send it once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _command(name: str, callbacks) -> str:
    out = io.StringIO()
    with callbacks(execute=True):
        call_command(name, stdout=out)
    return out.getvalue().strip()


def test_send_reminders_and_digests_send_the_demos_emails_once(
    mailoutbox, django_capture_on_commit_callbacks
):
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
