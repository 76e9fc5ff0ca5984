"""Emails from the cohorts app. Every send is queued with ``transaction.on_commit`` so nothing
is sent for a write that rolls back; each is rendered in its reader's time zone."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.selectors import user_time_zone
from core.urls import absolute_url as site_url

from .models import Pace, SeatRequest


def _render(template: str, context: dict) -> tuple[str, str]:
    # No request, so not cms's template choices: the ones these emails compare with.
    context = {
        "site_url": site_url(),
        "Pace": Pace,
        "SeatRequestStatus": SeatRequest.Status,
        **context,
    }
    subject = render_to_string(f"cohorts/email/{template}_subject.txt", context)
    body = render_to_string(f"cohorts/email/{template}.txt", context)
    return " ".join(subject.split()), body


def send_on_commit(template: str, recipients: Iterable, context: dict) -> None:
    """Send one personal email per recipient (a user) after commit."""
    people = [person for person in recipients if person.email]

    def send() -> None:
        messages = []
        for person in people:
            with timezone.override(user_time_zone(person)):  # times in the reader's zone
                subject, body = _render(template, {**context, "user": person})
            messages.append(EmailMessage(subject, body, to=[person.email]))
        if messages:
            get_connection().send_messages(messages)

    transaction.on_commit(send)


def send_to_address_on_commit(template: str, address: str, context: dict) -> None:
    # Someone without an account yet (an invitation): the cohort's zone says it best.
    cohort = context.get("cohort")
    zone = cohort.tz if cohort is not None else timezone.get_default_timezone()

    def send() -> None:
        with timezone.override(zone):
            subject, body = _render(template, context)
        EmailMessage(subject, body, to=[address]).send()

    transaction.on_commit(send)
