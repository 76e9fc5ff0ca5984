"""A coach's own learning: My learning, resetting self-paced targets, marking lessons
complete and saving reflections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.contributions import add_contributions
from core.errors import ApplicationError, fetch_or_404
from core.urls import safe_next
from courses.models import LessonPage

from .. import selectors, services
from ..forms import ReflectionForm
from ._common import _fail


@login_required
def my_learning(request):
    context = {
        "data": selectors.my_learning(user=request.user, request=request),
        "managed": selectors.cohorts_managed_by(user=request.user).select_related("course"),
        "teams": selectors.teams_led_by(user=request.user),
        "seat_waits": selectors.invitations_waiting_for_seat(user=request.user),
    }
    # This month's practice hours come from practice (core.contributions).
    add_contributions("cohorts.my_learning", request=request, context=context)
    return render(request, "cohorts/my_learning.html", context)


@require_POST
@login_required
def reset_schedule(request, pk: int):
    enrollment = fetch_or_404(selectors.enrollments_of(user=request.user), what="enrollment", pk=pk)
    try:
        enrollment = services.enrollment_reset_schedule(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            f"Your target dates for {enrollment.cohort.course.title} now count from today, "
            f"one module every {enrollment.cohort.target_days_per_module} days. You've got this.",
        )
    return redirect("cohorts:my_learning")


def _lesson(pk: int) -> LessonPage:
    lesson = fetch_or_404(LessonPage.objects.live().public(), what="lesson", pk=pk)
    return lesson


@require_POST
@login_required
def lesson_complete(request, pk: int):
    lesson = _lesson(pk)
    done = request.POST.get("done", "1") == "1"
    try:
        course_done = services.lesson_complete(user=request.user, lesson=lesson, done=done)
    except ApplicationError as error:
        _fail(request, error)
    else:
        if course_done and done:
            messages.success(request, "That was the last lesson: you've completed the course! 🎉")
        elif done:
            messages.success(request, "Lesson marked complete.")
        if done:
            return redirect(safe_next(request, request.POST.get("next"), lesson.url + "#progress"))
    return redirect(lesson.url + "#progress")


@require_POST
@login_required
def reflection_save(request, pk: int, block_id: str):
    lesson = _lesson(pk)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write something before saving your reflection.")
    else:
        try:
            services.reflection_save(
                user=request.user, lesson=lesson, block_id=block_id, text=form.cleaned_data["text"]
            )
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, "Reflection saved. Only you and your facilitators see it.")
    return redirect(f"{lesson.url}#reflect-{block_id}")
