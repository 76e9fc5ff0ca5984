"""In-app notifications (mentions, replies to my threads, announcements), their live unread
count, and email by each person's preference: right away, a daily digest, or never."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.selectors import user_time_zone
from core.errors import ApplicationError
from core.markdown import mentioned_usernames
from core.urls import site_base

from . import events
from .models import CommunitySettings, EmailPreference, Notification, Post
from .selectors import notifications_visible_to, space_member_usernames


def unread_count(*, user) -> int:
    return notifications_visible_to(user=user).filter(read_at__isnull=True).count()


def unread_count_on_connect(*, user) -> int:
    """``unread_count`` for a socket's connect: most people have nothing unread at all, and
    one indexed lookup says so without building the visibility query."""
    if not Notification.objects.filter(user=user, read_at__isnull=True).exists():
        return 0
    return unread_count(user=user)


def _push(notification: Notification) -> None:
    user_id = notification.user_id

    def send() -> None:
        item = events.notification_data(notification)
        count = unread_count(user=notification.user)
        events.broadcast(events.user_group(user_id), events.notify_message(unread=count, item=item))

    transaction.on_commit(lambda: events.after_broadcast(send))


def _email_item(notification: Notification) -> dict:
    """A notification as an email lists it: with its time (rendered in the reader's zone)."""
    return {**events.notification_data(notification), "when": notification.created_at}


def _email_body(*, user, notifications: list[Notification], digest: bool = False) -> str:
    """The one notifications email, right away or as a digest, in the reader's zone."""
    context = {
        "user": user,
        "items": [_email_item(n) for n in notifications],
        "digest": digest,
        "site_url": site_base(),
        "NotificationKind": Notification.Kind,  # no request: the page gets it from cms
    }
    with timezone.override(user_time_zone(user)):
        return render_to_string("community/email/notifications.txt", context)


def _email_now(notification: Notification) -> None:
    def send() -> None:
        user = notification.user
        subject = f"{notification.actor.public_name} {notification.get_kind_display().lower()}"
        body = _email_body(user=user, notifications=[notification])
        EmailMessage(subject, body, to=[user.email]).send()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())

    transaction.on_commit(lambda: events.after_broadcast(send))


def notify_post(*, post: Post, thread_created: bool) -> list[Notification]:
    """Create the notifications a new post causes (called inside the post's transaction)."""
    thread = post.thread
    recipients: dict[int, str] = {}
    if thread.is_announcement and thread_created:
        for user_id in set(space_member_usernames(space=post.space).values()):
            recipients[user_id] = Notification.Kind.ANNOUNCEMENT
    if post.body and "@" in post.body:
        members = space_member_usernames(space=post.space)
        for name in mentioned_usernames(post.body):
            if name in members:
                recipients[members[name]] = Notification.Kind.MENTION
    if not thread_created and thread.author_id not in recipients:
        recipients[thread.author_id] = Notification.Kind.REPLY
    recipients.pop(post.author_id, None)
    created = []
    preferences = dict(
        CommunitySettings.objects.filter(user_id__in=recipients).values_list("user_id", "email")
    )
    for user_id, kind in recipients.items():
        notification, was_created = Notification.objects.get_or_create(
            user_id=user_id, post=post, kind=kind, defaults={"actor_id": post.author_id}
        )
        if not was_created:
            continue
        created.append(notification)
        _push(notification)
        # Announcements are emailed by the cohorts app already.
        if kind != Notification.Kind.ANNOUNCEMENT and (
            preferences.get(user_id, EmailPreference.IMMEDIATE) == EmailPreference.IMMEDIATE
        ):
            _email_now(notification)
    return created


@transaction.atomic
def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    # Only what the person sees: the count answered is the count they saw change.
    queryset = notifications_visible_to(user=user).filter(read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    count = queryset.update(read_at=timezone.now())
    transaction.on_commit(
        lambda: events.broadcast(
            events.user_group(user.pk),
            events.notify_message(unread=unread_count(user=user), item=None),
        )
    )
    return count


@transaction.atomic
def email_preference_set(*, user, email: str) -> CommunitySettings:
    if email not in EmailPreference.values:
        raise ApplicationError("Choose right away, a daily digest, or never.", field="email")
    settings, _ = CommunitySettings.objects.update_or_create(user=user, defaults={"email": email})
    return settings


@dataclass
class DigestReport:
    people: int = 0
    items: int = 0


def send_digests() -> DigestReport:
    """Email each digest reader their notifications not yet emailed; each item goes out once
    (it is marked in the same transaction that sends it)."""
    report = DigestReport()
    pending = Notification.objects.filter(emailed_at__isnull=True).exclude(
        kind=Notification.Kind.ANNOUNCEMENT
    )
    readers = get_user_model().objects.filter(
        pk__in=pending.filter(user__community_settings__email=EmailPreference.DIGEST).values(
            "user_id"
        )
    )
    connection = get_connection()
    for user in list(readers.order_by("pk")):
        with transaction.atomic():
            # What they see, as on the page: nothing from a space they have left.
            items = list(
                notifications_visible_to(user=user)
                .filter(emailed_at__isnull=True)
                .exclude(kind=Notification.Kind.ANNOUNCEMENT)
                .select_for_update(of=("self",))
                .order_by("created_at")
            )
            if not items:
                continue
            body = _email_body(user=user, notifications=items, digest=True)
            subject = f"Your Praxis digest: {len(items)} new in your spaces"
            EmailMessage(subject, body, to=[user.email], connection=connection).send()
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(
                emailed_at=timezone.now()
            )
            report.people += 1
            report.items += len(items)
    return report
