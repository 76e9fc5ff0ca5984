"""Discussion pages. They work without JavaScript (plain forms, idempotent client ids); with
it, community/static/community/space.js keeps them live over the WebSocket."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.converters import MAX_INT, parse_id
from core.errors import ApplicationError, fetch_or_404
from core.urls import safe_next
from courses.models import LessonPage

from . import events, notifications, selectors, services
from .models import EmailPreference, Post
from .services import ALLOWED_REACTIONS


def _space(request, space_id: int):
    return fetch_or_404(
        selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
    )


def _thread(space, thread_id: int):
    return fetch_or_404(selectors.thread_get(space=space, thread_id=thread_id), what="thread")


def _fail(request, error: ApplicationError) -> None:
    messages.error(request, error.message)


@login_required
def index(request):
    spaces = selectors.spaces_visible_to(user=request.user).order_by("cohort__title", "team__name")
    return render(request, "community/index.html", {"spaces": spaces})


@login_required
def space_detail(request, space_id: int):
    space = _space(request, space_id)
    threads = Paginator(selectors.threads_of(space=space), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "community/space.html",
        {
            "space": space,
            "threads": threads,
            "client_id": uuid.uuid4().hex,
            "can_moderate": selectors.can_moderate_space(user=request.user, space=space),
        },
    )


@require_POST
@login_required
def thread_new(request, space_id: int):
    space = _space(request, space_id)
    lesson = None
    if lesson_id := parse_id(request.POST.get("lesson"), max_value=MAX_INT):
        lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    try:
        thread = services.thread_create(
            space=space,
            author=request.user,
            title=request.POST.get("title", ""),
            body=request.POST.get("body", ""),
            client_id=request.POST.get("client_id") or uuid.uuid4().hex,
            lesson=lesson,
        ).thread
    except ApplicationError as error:
        _fail(request, error)
        fallback = reverse("community:space", args=[space.pk])
        return redirect(safe_next(request, request.POST.get("back"), fallback))
    return redirect("community:thread", space_id=space.pk, thread_id=thread.pk)


@login_required
def thread_detail(request, space_id: int, thread_id: int):
    space = _space(request, space_id)
    thread = _thread(space, thread_id)
    posts = list(selectors.posts_of(thread=thread))
    for post in posts:
        counts: dict[str, int] = {}
        for reaction in post.reactions.all():
            counts[reaction.emoji] = counts.get(reaction.emoji, 0) + 1
        post.reaction_counts = counts
    return render(
        request,
        "community/thread.html",
        {
            "space": space,
            "thread": thread,
            "posts": posts,
            "client_id": uuid.uuid4().hex,
            "reactions": ALLOWED_REACTIONS,
            "members": selectors.space_members(space=space),
            "can_moderate": selectors.can_moderate_space(user=request.user, space=space),
            "post_prototype": _post_prototype(request.user),
            "post_prototype_id": events.POST_PROTOTYPE_ID,
        },
    )


def _post_prototype(user) -> Post:
    """An unsaved post by the viewer: rendered once into the page's <template>, it is the
    markup space.js fills for each post that arrives live (one renderer, see _post.html)."""
    post = Post(
        pk=events.POST_PROTOTYPE_ID, author=user, body="", body_html="", created_at=timezone.now()
    )
    post.reaction_counts = {}
    return post


def _thread_url(post) -> str:
    return reverse("community:thread", args=[post.space_id, post.thread_id]) + f"#post-{post.pk}"


@require_POST
@login_required
def reply(request, space_id: int, thread_id: int):
    space = _space(request, space_id)
    thread = _thread(space, thread_id)
    try:
        post = services.post_create(
            space=space,
            thread=thread,
            author=request.user,
            body=request.POST.get("body", ""),
            client_id=request.POST.get("client_id") or uuid.uuid4().hex,
        ).post
    except ApplicationError as error:
        _fail(request, error)
        return redirect("community:thread", space_id=space.pk, thread_id=thread.pk)
    return redirect(_thread_url(post))


def _post(request, post_id: int):
    return fetch_or_404(selectors.post_get_visible(user=request.user, post_id=post_id), what="post")


@require_POST
@login_required
def post_action(request, post_id: int, action: str):
    post = _post(request, post_id)
    try:
        if action == "edit":
            services.post_edit(post=post, by=request.user, body=request.POST.get("body", ""))
        elif action == "delete":
            services.post_delete(post=post, by=request.user)
        elif action == "react":
            services.reaction_toggle(
                post=post, user=request.user, emoji=request.POST.get("emoji", "")
            )
        elif action == "hide":
            services.post_hide(post=post, by=request.user, reason=request.POST.get("reason", ""))
        else:
            raise Http404("No such action.")
    except ApplicationError as error:
        _fail(request, error)
    return redirect(_thread_url(post))


@require_POST
@login_required
def thread_action(request, space_id: int, thread_id: int, action: str):
    space = _space(request, space_id)
    thread = _thread(space, thread_id)
    changes = {
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
        "lock": {"locked": True},
        "unlock": {"locked": False},
    }.get(action)
    if changes is None:
        raise Http404("No such action.")
    try:
        services.thread_update(thread=thread, by=request.user, **changes)
    except ApplicationError as error:
        _fail(request, error)
    return redirect("community:thread", space_id=space.pk, thread_id=thread.pk)


@login_required
def notifications_page(request):
    if request.method == "POST":
        try:
            if "email" in request.POST:
                notifications.email_preference_set(user=request.user, email=request.POST["email"])
                messages.success(request, "Your email preference is saved.")
            else:
                notifications.notifications_mark_read(user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        return redirect("community:notifications")
    items = selectors.notifications_visible_to(user=request.user)[:100]
    settings = getattr(request.user, "community_settings", None)
    return render(
        request,
        "community/notifications.html",
        {
            "items": [{**events.notification_data(n), "when": n.created_at} for n in items],
            "preference": settings.email if settings else EmailPreference.IMMEDIATE,
            "choices": EmailPreference.choices,
        },
    )
