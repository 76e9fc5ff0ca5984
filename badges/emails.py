"""Emails from the badges app: awarded (with the sharing links), revoked (with the reason),
changes requested. Plain text with an HTML alternative, queued with ``transaction.on_commit``
so nothing is sent for a write that rolls back."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import user_time_zone
from core.urls import absolute_url as site_url

from .sharing import share_links


def _send(template: str, person, context: dict) -> None:
    if not person.email:
        return
    context = {"site_url": site_url(), "user": person, **context}
    with timezone.override(user_time_zone(person)):  # dates as the reader's calendar has them
        subject = " ".join(
            render_to_string(f"badges/email/{template}_subject.txt", context).split()
        )
        text = render_to_string(f"badges/email/{template}.txt", context)
        html = render_to_string(f"badges/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[person.email])
    message.attach_alternative(html, "text/html")
    message.send()


def award_issued_on_commit(award) -> None:
    def send() -> None:
        links = share_links(award, base=site_url())
        _send("awarded", award.recipient, {"award": award, "links": links})

    transaction.on_commit(send)


def award_revoked_on_commit(award) -> None:
    def send() -> None:
        page = site_url(reverse("badges:award", kwargs={"entity_id": award.entity_id}))
        _send("revoked", award.recipient, {"award": award, "page_url": page})

    transaction.on_commit(send)


def changes_requested_on_commit(request) -> None:
    def send() -> None:
        _send(
            "changes_requested",
            request.learner,
            {"request": request, "page_url": site_url(reverse("badges:mine"))},
        )

    transaction.on_commit(send)
