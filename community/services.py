"""Every write in a discussion space. Each change is stored, appended to the space's event
log with the next ``seq`` (the space row is locked, so seqs are strictly increasing), and
broadcast only after the transaction commits. The WebSocket consumer and the REST API call
these same functions, so both paths send the same events."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.models import Pace
from core import markdown
from core.errors import ApplicationError, PermissionDenied

from . import events
from .models import Post, Reaction, Space, SpaceEvent, Thread
from .notifications import notify_post
from .selectors import can_access_space, can_moderate_space, space_member_usernames

POSTS_PER_MINUTE = 12
ALLOWED_REACTIONS = ("👍", "❤️", "🎉", "💡", "🙏", "😂")


# --- the event log ---------------------------------------------------------------------------


def _emit(space_id: int, event_type: str, data) -> events.StoredEvent:
    """Append an event to the space's log (the next ``seq``) and broadcast it after commit."""
    space = Space.objects.select_for_update().only("pk", "last_seq").get(pk=space_id)
    seq = space.last_seq + 1
    Space.objects.filter(pk=space_id).update(last_seq=seq)
    SpaceEvent.objects.create(space_id=space_id, seq=seq, type=event_type, payload=data)
    event = events.stored_event(event_type, seq, space_id, data)
    message = events.space_event_message(event)
    transaction.on_commit(lambda: events.broadcast(events.space_group(space_id), message))
    return event


# --- spaces --------------------------------------------------------------------------------------


@transaction.atomic
def space_for_cohort(*, cohort) -> Space:
    kind = Space.Kind.SELF_PACED if cohort.pace == Pace.SELF_PACED else Space.Kind.COHORT
    space, _ = Space.objects.get_or_create(
        cohort=cohort, team=None, defaults={"kind": kind, "title": cohort.title}
    )
    return space


@transaction.atomic
def space_for_team(*, team) -> Space:
    space, _ = Space.objects.get_or_create(
        team=team,
        defaults={"kind": Space.Kind.TEAM, "cohort_id": team.cohort_id, "title": team.name},
    )
    return space


# --- posts ---------------------------------------------------------------------------------------


def member_check(*, user, space: Space, access: Callable[[], bool] | None = None) -> None:
    """Refuse (``not_member``) someone who does not belong to the space. ``access`` is the
    check prepared once by a socket (``selectors.space_access_check``), else
    ``can_access_space``."""
    allowed = access() if access is not None else can_access_space(user=user, space_id=space.pk)
    if not allowed:
        raise PermissionDenied("You are not a member of this space.", code="not_member")


MAX_BODY = markdown.MAX_BODY
POST_TOO_LONG = f"A post can be at most {MAX_BODY:,} characters."


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ApplicationError("A post cannot be empty.", field="body", code="empty")
    if len(body) > MAX_BODY:
        raise ApplicationError(POST_TOO_LONG, field="body", code="too_long")
    return body


def _rate_limit(user) -> None:
    window = int(time.time() // 60)
    key = f"community:posts:{user.pk}:{window}"
    try:
        count = cache.incr(key)  # one round trip to the cache in the usual case
    except ValueError:  # the first post of this minute
        count = 1 if cache.add(key, 1, timeout=90) else cache.incr(key)
    if count > POSTS_PER_MINUTE:
        raise ApplicationError(
            "You're posting very fast. Wait a minute and try again.",
            code="rate_limited",
            status=429,
        )


def _render(space: Space, body: str) -> str:
    members = None
    if "@" in body:
        members = space_member_usernames(space=space)
    return markdown.render(body, members=members)


class ThreadCreated(NamedTuple):
    """``created`` is False for a retried send (the same ``client_id``): the stored thread."""

    thread: Thread
    created: bool


class PostCreated(NamedTuple):
    """``created`` is False for a retried send (the same ``client_id``): the stored post."""

    post: Post
    created: bool


@transaction.atomic
def thread_create(
    *,
    space: Space,
    author,
    title: str,
    body: str,
    client_id: str,
    lesson=None,
    announcement: bool = False,
    check_rate: bool = True,
) -> ThreadCreated:
    """Start a thread with its first post. Of two requests with the same ``client_id``, one
    creates it and the other gets it back (the unique index on the client id settles a race)."""
    member_check(user=author, space=space)
    title = (title or "").strip()
    if not title:
        raise ApplicationError("A thread needs a title.", field="title", code="empty_title")
    if len(title) > 200:
        raise ApplicationError("Keep the title under 200 characters.", field="title")
    body = _clean_body(body)
    client_id = (client_id or "").strip()[:64]
    if not client_id:
        raise ApplicationError("A client id is required.", field="client_id", code="no_client_id")
    if lesson is not None and not lesson.path.startswith(space.cohort.course.path):
        raise ApplicationError(
            "That lesson is not part of this course.", field="lesson", code="unknown_lesson"
        )
    existing = Post.objects.filter(space=space, author=author, client_id=client_id).first()
    if existing is not None:
        return ThreadCreated(existing.thread, created=False)
    moderator = can_moderate_space(user=author, space=space)
    if announcement and not moderator:
        raise PermissionDenied("Only facilitators post announcements.")
    if check_rate:
        _rate_limit(author)
    try:
        with transaction.atomic():
            thread = Thread.objects.create(
                space=space,
                author=author,
                title=title,
                lesson=lesson,
                pinned=announcement,
                is_announcement=announcement,
            )
            post = Post.objects.create(
                space=space,
                thread=thread,
                author=author,
                client_id=client_id,
                body=body,
                body_html=_render(space, body),
            )
    except IntegrityError:  # the same client id raced in from another request
        post = Post.objects.get(space=space, author=author, client_id=client_id)
        return ThreadCreated(post.thread, created=False)
    _emit(space.pk, events.THREAD_CREATED, events.thread_data(thread))
    _emit(space.pk, events.POST_CREATED, events.post_data(post))
    notify_post(post=post, thread_created=True)
    return ThreadCreated(thread, created=True)


@transaction.atomic
def post_create(
    *,
    space: Space,
    thread: Thread,
    author,
    body: str,
    client_id: str,
    access: Callable[[], bool] | None = None,
) -> PostCreated:
    """Reply in a thread. The same ``client_id`` from the same person returns the stored
    post without posting again (a retried send). ``access``: see ``member_check``."""
    member_check(user=author, space=space, access=access)
    if thread.space_id != space.pk:
        raise ApplicationError("That thread is not in this space.", code="wrong_thread")
    client_id = (client_id or "").strip()[:64]
    if not client_id:
        raise ApplicationError("A client id is required.", field="client_id", code="no_client_id")
    existing = Post.objects.filter(space=space, author=author, client_id=client_id).first()
    if existing is not None:
        return PostCreated(existing, created=False)
    body = _clean_body(body)
    if thread.locked and not can_moderate_space(user=author, space=space):
        raise ApplicationError("This thread is locked.", code="thread_locked", status=403)
    _rate_limit(author)
    try:
        with transaction.atomic():
            post = Post.objects.create(
                space=space,
                thread=thread,
                author=author,
                client_id=client_id,
                body=body,
                body_html=_render(space, body),
            )
    except IntegrityError:  # the same client id raced in from another socket
        return PostCreated(Post.objects.get(space=space, author=author, client_id=client_id), False)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now())
    # A new post has no reactions yet.
    _emit(space.pk, events.POST_CREATED, events.post_data(post, {}))
    notify_post(post=post, thread_created=False)
    return PostCreated(post, created=True)


def _reaction_counts(post: Post) -> dict[str, int]:
    return events.reaction_counts(
        Reaction.objects.filter(post=post).values_list("emoji", flat=True)
    )


def _own_post(post: Post, user) -> None:
    if post.author_id != user.pk:
        raise PermissionDenied("You can only change your own posts.")
    if post.deleted_at is not None:
        raise ApplicationError("This post was deleted.", code="deleted")


@transaction.atomic
def post_edit(*, post: Post, by, body: str) -> Post:
    member_check(user=by, space=post.space)
    _own_post(post, by)
    body = _clean_body(body)
    post.body = body
    post.body_html = _render(post.space, body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    _emit(post.space_id, events.POST_UPDATED, events.post_data(post, _reaction_counts(post)))
    return post


@transaction.atomic
def post_delete(*, post: Post, by) -> Post:
    """Soft delete: the post stays in the thread as "deleted", its text is gone."""
    member_check(user=by, space=post.space)
    _own_post(post, by)
    post.deleted_at = timezone.now()
    post.body = ""
    post.body_html = ""
    post.save(update_fields=["deleted_at", "body", "body_html"])
    _emit(post.space_id, events.POST_DELETED, events.post_data(post))
    return post


@transaction.atomic
def post_hide(*, post: Post, by, reason: str) -> Post:
    """Moderation: a facilitator hides a post with a reason shown in its place."""
    if not can_moderate_space(user=by, space=post.space):
        raise PermissionDenied("Only facilitators can hide posts.")
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Say why the post is hidden.", field="reason", code="no_reason")
    post.hidden_reason = reason[:300]
    post.hidden_by = by
    post.save(update_fields=["hidden_reason", "hidden_by"])
    _emit(post.space_id, events.POST_UPDATED, events.post_data(post, _reaction_counts(post)))
    return post


@transaction.atomic
def thread_update(
    *,
    thread: Thread,
    by,
    pinned: bool | None = None,
    locked: bool | None = None,
    title: str | None = None,
) -> Thread:
    space = thread.space
    member_check(user=by, space=space)
    if (pinned is not None or locked is not None) and not can_moderate_space(user=by, space=space):
        raise PermissionDenied("Only facilitators can pin or lock threads.")
    if title is not None:
        if thread.author_id != by.pk and not can_moderate_space(user=by, space=space):
            raise PermissionDenied("You can only rename your own threads.")
        title = title.strip()
        if not title:
            raise ApplicationError("A thread needs a title.", field="title")
        thread.title = title[:200]
    if pinned is not None:
        thread.pinned = pinned
    if locked is not None:
        thread.locked = locked
    thread.save(update_fields=["title", "pinned", "locked"])
    _emit(space.pk, events.THREAD_UPDATED, events.thread_data(thread))
    return thread


@transaction.atomic
def reaction_toggle(*, post: Post, user, emoji: str) -> dict[str, int]:
    member_check(user=user, space=post.space)
    if emoji not in ALLOWED_REACTIONS:
        raise ApplicationError("That reaction is not available.", field="emoji")
    if post.deleted_at is not None:
        raise ApplicationError("This post was deleted.", code="deleted")
    existing = Reaction.objects.filter(post=post, user=user, emoji=emoji)
    if existing.exists():
        existing.delete()
    else:
        Reaction.objects.get_or_create(post=post, user=user, emoji=emoji)
    counts = _reaction_counts(post)
    _emit(post.space_id, events.REACTION_CHANGED, events.reaction_data(post.pk, counts))
    return counts


def membership_changed(*, user_id: int) -> None:
    """Tell a person's open sockets to check again whether they still belong (after commit)."""
    message = events.access_changed_message()
    transaction.on_commit(lambda: events.broadcast(events.user_group(user_id), message))


@transaction.atomic
def announcement_thread_create(*, announcement) -> Thread:
    """A facilitator's cohort announcement, pinned in the cohort space (the cohorts app has
    already emailed it, so its notifications are in-app only)."""
    space = space_for_cohort(cohort=announcement.cohort)
    return thread_create(
        space=space,
        author=announcement.author,
        title=announcement.title,
        body=announcement.body,
        client_id=f"announcement-{announcement.pk}",
        announcement=True,
        check_rate=False,
    ).thread
