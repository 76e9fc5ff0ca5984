"""Anonymous teacher feedback on a logged session.

A coach makes a link; the token (32 random bytes, URL-safe) is shown once and only its
SHA-256 is stored, so a database leak does not leak usable links. A link takes one response
(a one-to-one key in the database), refuses after it is used or expired, and submissions are
limited per client IP (in the cache: Redis when configured). A filled honeypot field is
refused and nothing is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import ApplicationError, NotFound, PermissionDenied

from ..models import FeedbackLink, FeedbackResponse, PracticeEntry

FEEDBACK_LINK_DAYS = 14
RATE_LIMIT = 30  # submissions per client IP …
RATE_WINDOW = 600  # … per ten minutes (a whole tech club behind one school NAT fits)
GONE = 410


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def feedback_link_create(
    *, entry: PracticeEntry, by, days: int = FEEDBACK_LINK_DAYS
) -> tuple[FeedbackLink, str]:
    """Returns the link and its token (the only time the token exists in clear)."""
    if entry.coach_id != by.pk:
        raise PermissionDenied("You can only ask for feedback on your own sessions.")
    token = secrets.token_urlsafe(32)
    link = FeedbackLink.objects.create(
        entry=entry,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=days),
    )
    return link, token


def feedback_link_status(*, token: str) -> FeedbackLink:
    """The open link for this token, or an error saying why not (404 unknown, 410 used or
    expired). Never reveals whose session it is."""
    link = (
        FeedbackLink.objects.filter(token_hash=hash_token(token or ""))
        .select_related("response")
        .first()
    )
    _refuse_unless_open(link)
    return link


def _refuse_unless_open(link) -> None:
    if link is None:
        raise NotFound(
            "This feedback link is not valid. Check that you copied all of it.",
            code="feedback_link_unknown",
        )
    if hasattr(link, "response"):
        raise ApplicationError(
            "This feedback link has already been used. Thank you!",
            code="feedback_link_used",
            status=GONE,
        )
    if link.expires_at <= timezone.now():
        raise ApplicationError(
            "This feedback link has expired.", code="feedback_link_expired", status=GONE
        )


def _rate_limit(ip: str | None) -> None:
    if not ip:
        return
    key = f"practice:feedback:ip:{ip}"
    cache.add(key, 0, timeout=RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW)
        count = 1
    if count > RATE_LIMIT:
        raise ApplicationError(
            "Too many answers from your network just now. Please try again in a few minutes.",
            code="rate_limited",
            status=429,
        )


def _score(value, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 5:
        raise ApplicationError("Choose a number from 1 to 5.", field=field)
    return number


@transaction.atomic
def feedback_submit(
    *,
    token: str,
    usefulness,
    confidence,
    comment: str = "",
    honeypot: str = "",
    ip: str | None = None,
) -> FeedbackResponse:
    _rate_limit(ip)
    if honeypot:
        raise ApplicationError("Your answer could not be accepted.", code="spam")
    usefulness = _score(usefulness, "usefulness")
    confidence = _score(confidence, "confidence")
    comment = (comment or "").strip()
    if len(comment) > 1000:
        raise ApplicationError("Keep the comment under 1,000 characters.", field="comment")
    link = (
        FeedbackLink.objects.select_for_update(of=("self",))
        .filter(token_hash=hash_token(token or ""))
        .select_related("response")
        .first()
    )
    _refuse_unless_open(link)
    try:
        with transaction.atomic():
            return FeedbackResponse.objects.create(
                link=link, usefulness=usefulness, confidence=confidence, comment=comment
            )
    except IntegrityError:  # a concurrent answer won the race
        raise ApplicationError(
            "This feedback link has already been used. Thank you!",
            code="feedback_link_used",
            status=GONE,
        ) from None
