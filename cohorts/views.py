"""Cohort pages for coaches, facilitators and team leads. Each view parses input, calls one
selector or service, and renders; ``ApplicationError`` messages are shown as they are."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.errors import ApplicationError
from courses.models import LessonPage
from practice import selectors as practice_selectors

from . import page_selectors, selectors, services
from .forms import (
    AddLearnerForm,
    AnnouncementForm,
    EnrollCsvForm,
    FeedbackForm,
    ReflectionForm,
    TeamInviteForm,
)
from .models import Enrollment, Pace


def _fail(request, error: ApplicationError) -> None:
    messages.error(request, error.message)


def _visible_cohort(request, pk: int):
    cohort = selectors.cohort_get_visible(user=request.user, pk=pk)
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def _managed_cohort(request, pk: int):
    cohort = selectors.cohorts_managed_by(user=request.user).filter(pk=pk).first()
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


# --- coaches ---------------------------------------------------------------------------------


@login_required
def my_learning(request):
    data = selectors.my_learning(user=request.user, request=request)
    return render(
        request,
        "cohorts/my_learning.html",
        {
            "data": data,
            "managed": selectors.cohorts_managed_by(user=request.user).select_related("course"),
            "teams": selectors.teams_led_by(user=request.user),
            "practice": practice_selectors.month_progress(user=request.user),
        },
    )


def cohort_catalog(request):
    pace = request.GET.get("pace")
    pace = pace if pace in Pace.values else None
    cards = page_selectors.cohort_cards(user=request.user, pace=pace)
    return render(request, "cohorts/cohort_catalog.html", {"cards": cards, "pace": pace})


def cohort_detail(request, pk: int):
    cohort = _visible_cohort(request, pk)
    page = page_selectors.cohort_page(user=request.user, cohort=cohort)
    return render(
        request,
        "cohorts/cohort_detail.html",
        {"page": page, "cohort": cohort, "seats_left": selectors.seats_left(cohort)},
    )


@require_POST
@login_required
def cohort_enroll(request, pk: int):
    cohort = _visible_cohort(request, pk)
    try:
        enrollment = services.cohort_enroll(cohort=cohort, user=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        if enrollment.status == "active":
            messages.success(request, f"You're enrolled in {cohort.title}. Welcome!")
        else:
            messages.info(
                request, f"{cohort.title} is full: you're on the waitlist and we'll email you."
            )
    return redirect("cohorts:detail", pk=cohort.pk)


@require_POST
@login_required
def cohort_leave(request, pk: int):
    cohort = _visible_cohort(request, pk)
    enrollment = selectors.enrollment_of(user=request.user, cohort=cohort)
    if enrollment is None:
        raise Http404("You are not in this cohort.")
    try:
        services.enrollment_drop(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"You left {cohort.title}.")
    return redirect("cohorts:detail", pk=cohort.pk)


@require_POST
@login_required
def reset_schedule(request, pk: int):
    enrollment = selectors.enrollments_of(user=request.user).filter(pk=pk).first()
    if enrollment is None:
        raise Http404("No such enrollment.")
    try:
        services.enrollment_reset_schedule(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, "Your target dates now count from today. You've got this.")
    return redirect("cohorts:my_learning")


@login_required
def invitation(request, token: str):
    invite = page_selectors.invitation_by_token(token=token)
    if invite is None:
        raise Http404("This invitation is not valid.")
    if request.method == "POST":
        try:
            enrollment = services.invitation_accept(token=token, user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"You joined {enrollment.cohort.title}.")
            return redirect("cohorts:detail", pk=enrollment.cohort_id)
    return render(request, "cohorts/invitation.html", {"invite": invite, "now": timezone.now()})


@login_required
def team_join(request, token: str):
    team = page_selectors.team_by_join_token(token=token)
    if team is None:
        raise Http404("This join link is not valid.")
    if request.method == "POST":
        try:
            enrollment = services.team_join(token=token, user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"You joined {team.name} in {enrollment.cohort.title}.")
            return redirect("cohorts:detail", pk=enrollment.cohort_id)
    return render(request, "cohorts/team_join.html", {"team": team})


def _lesson(pk: int) -> LessonPage:
    lesson = LessonPage.objects.live().public().filter(pk=pk).first()
    if lesson is None:
        raise Http404("No such lesson.")
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
        if done and request.POST.get("next"):
            next_url = request.POST["next"]
            if next_url.startswith("/") and not next_url.startswith("//"):
                return redirect(next_url)
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


# --- facilitators ----------------------------------------------------------------------------


@login_required
def dashboard(request, pk: int):
    cohort = _managed_cohort(request, pk)
    roster = selectors.roster_progress(cohort=cohort, request=request)
    return render(
        request,
        "cohorts/dashboard.html",
        {
            "cohort": cohort,
            "roster": roster,
            "move_targets": page_selectors.other_cohorts_managed(user=request.user, cohort=cohort),
            "announcement_form": AnnouncementForm(),
            "csv_form": EnrollCsvForm(),
            "add_form": AddLearnerForm(),
            "today": selectors.cohort_today(cohort),
        },
    )


@login_required
def dashboard_csv(request, pk: int):
    cohort = _managed_cohort(request, pk)
    roster = selectors.roster_progress(cohort=cohort)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"praxis-cohort-{cohort.pk}-progress-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "name",
            "email",
            "team",
            "lessons_done",
            "lessons_total",
            "percent",
            "behind",
            "last_activity",
        ]
        + [f"module_{m.number}" for m in roster.outline.modules]
    )
    for learner in roster.learners:
        user = learner.enrollment.user
        writer.writerow(
            [
                user.public_name,
                user.email,
                learner.enrollment.team.name if learner.enrollment.team else "",
                learner.done,
                learner.total,
                learner.percent,
                "yes" if learner.behind else "no",
                learner.last_activity.isoformat() if learner.last_activity else "",
            ]
            + [f"{m.done}/{m.total}" for m in learner.modules]
        )
    return response


@require_POST
@login_required
def dashboard_announce(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = AnnouncementForm(request.POST)
    if form.is_valid():
        try:
            services.announcement_post(cohort=cohort, author=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, "Announcement posted and emailed to the cohort.")
    else:
        messages.error(request, "An announcement needs a title and a message.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_enroll_csv(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = EnrollCsvForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or "Check the list and retry.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        report = services.cohort_enroll_csv(
            cohort=cohort, text=form.cleaned_data["text"], by=request.user
        )
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"Done: {report.summary()}.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_add(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = AddLearnerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter a valid email address.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        report = services.cohort_enroll_csv(
            cohort=cohort, text=form.cleaned_data["email"], by=request.user
        )
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"Done: {report.summary()}.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


def _roster_enrollment(cohort, enrollment_pk) -> Enrollment:
    enrollment = (
        Enrollment.objects.filter(cohort=cohort, pk=enrollment_pk)
        .select_related("user", "cohort", "team")
        .first()
    )
    if enrollment is None:
        raise Http404("No such learner in this cohort.")
    return enrollment


@require_POST
@login_required
def dashboard_remove(request, pk: int, enrollment_pk: int):
    cohort = _managed_cohort(request, pk)
    enrollment = _roster_enrollment(cohort, enrollment_pk)
    try:
        services.enrollment_drop(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"{enrollment.user.public_name} was removed from the cohort.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_move(request, pk: int, enrollment_pk: int):
    cohort = _managed_cohort(request, pk)
    enrollment = _roster_enrollment(cohort, enrollment_pk)
    target = (
        selectors.cohorts_managed_by(user=request.user)
        .filter(pk=request.POST.get("to_cohort") or 0)
        .first()
    )
    if target is None:
        messages.error(request, "Choose a cohort to move the learner to.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        moved = services.enrollment_move(enrollment=enrollment, to_cohort=target, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            f"{enrollment.user.public_name} moved to {target.title} ({moved.get_status_display()})"
            ", progress kept.",
        )
    return redirect("cohorts:dashboard", pk=cohort.pk)


@login_required
def reflections_review(request, pk: int):
    cohort = _managed_cohort(request, pk)
    show = request.GET.get("show", "waiting")
    reflections = (
        selectors.reflections_awaiting_feedback(cohort=cohort)
        if show == "waiting"
        else selectors.reflections_for_cohort(cohort=cohort)
    )
    return render(
        request,
        "cohorts/reflections_review.html",
        {"cohort": cohort, "reflections": reflections[:200], "show": show, "form": FeedbackForm()},
    )


@require_POST
@login_required
def reflection_feedback(request, pk: int, reflection_pk: int):
    cohort = _managed_cohort(request, pk)
    reflection = selectors.reflections_for_cohort(cohort=cohort).filter(pk=reflection_pk).first()
    if reflection is None:
        raise Http404("No such reflection.")
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_feedback_add(
                reflection=reflection, author=request.user, text=form.cleaned_data["text"]
            )
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"Feedback sent to {reflection.user.public_name}.")
    else:
        messages.error(request, "Write your feedback before sending it.")
    return redirect(
        reverse("cohorts:reflections", args=[cohort.pk]) + f"#reflection-{reflection.pk}"
    )


# --- team leads ------------------------------------------------------------------------------


def _led_team(request, pk: int):
    team = selectors.teams_led_by(user=request.user).filter(pk=pk).first()
    if team is None:
        raise Http404("No such team.")
    return team


@login_required
def team_dashboard(request, pk: int):
    team = _led_team(request, pk)
    roster = selectors.roster_progress(cohort=team.cohort, team=team, request=request)
    return render(
        request,
        "cohorts/team_dashboard.html",
        {
            "team": team,
            "roster": roster,
            "form": TeamInviteForm(),
            "join_url": request.build_absolute_uri(
                reverse("cohorts:team_join", args=[team.join_token])
            ),
            "members": team.memberships.select_related("user").order_by(
                "role", "user__display_name"
            ),
        },
    )


@require_POST
@login_required
def team_invite(request, pk: int):
    team = _led_team(request, pk)
    form = TeamInviteForm(request.POST)
    if form.is_valid():
        try:
            services.team_invite(team=team, email=form.cleaned_data["email"], by=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
    else:
        messages.error(request, "Enter a valid email address.")
    return redirect("cohorts:team", pk=team.pk)
