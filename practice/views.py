"""Practice pages: a coach's log, feedback links, the public feedback form, and the lead's
aggregates. Each view parses input, calls one service or selector, and renders; an
``ApplicationError`` message is shown on the form and nothing is stored."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.csv import csv_response
from core.errors import ApplicationError, fetch_or_404

from . import charts, selectors, services
from .forms import DURATIONS, EntryForm, FeedbackForm, TargetForm
from .models import Kind

PAGE_SIZE = 20


def _own_entry(request, pk: int):
    entry = fetch_or_404(selectors.entry_get(user=request.user, pk=pk), what="entry")
    return entry


def _apply_error(form, error: ApplicationError) -> None:
    if error.field and error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        form.add_error(None, error.message)


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


# --- a coach's log ---------------------------------------------------------------------------


@login_required
def my_log(request):
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                services.practice_entry_create(coach=request.user, **form.cleaned_data)
            except ApplicationError as error:
                _apply_error(form, error)
            else:
                messages.success(request, "Session logged.")
                return redirect("practice:log")
    else:
        form = EntryForm(initial={"date": services.coach_today(request.user), "minutes": 30})
    summary = selectors.monthly_summary(user=request.user)
    page = Paginator(selectors.entries_of(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "practice/my_log.html",
        {
            "form": form,
            "durations": DURATIONS,
            "summary": summary,
            "chart": charts.hours_chart(
                cells=summary.months,
                title="My practice hours per month, by kind of session",
                target=summary.target,
            ),
            "chart_phone": charts.hours_chart(
                cells=summary.months[-6:],
                title="My practice hours in the last six months, by kind of session",
                target=summary.target,
                chart_id="hours6",
                width=360,
                legend_columns=2,
            ),
            "page": page,
            "feedback": selectors.feedback_results(user=request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def entry_detail(request, pk: int):
    entry = _own_entry(request, pk)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                services.practice_entry_update(entry=entry, by=request.user, **form.cleaned_data)
            except ApplicationError as error:
                _apply_error(form, error)
            else:
                messages.success(request, "Entry saved.")
                return redirect("practice:entry", pk=entry.pk)
    else:
        form = EntryForm(
            initial={
                "date": entry.date,
                "minutes": entry.minutes,
                "kind": entry.kind,
                "teachers_reached": entry.teachers_reached,
                "grade_band": entry.grade_band,
                "focus_tags": ", ".join(entry.tags),
                "private_notes": entry.private_notes,
                "lesson": entry.lesson_id,
            }
        )
    return render(
        request,
        "practice/entry_detail.html",
        {
            "entry": entry,
            "form": form,
            "durations": DURATIONS,
            "feedback": selectors.feedback_results(user=request.user, entry=entry),
            "links": selectors.open_links_of(entry=entry),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def entry_delete(request, pk: int):
    entry = _own_entry(request, pk)
    services.practice_entry_delete(entry=entry, by=request.user)
    messages.success(request, "Entry deleted.")
    return redirect("practice:log")


@require_POST
@login_required
def feedback_link_new(request, pk: int):
    """Make a link and show it once, with its QR code (the token is not stored in clear)."""
    entry = _own_entry(request, pk)
    link, token = services.feedback_link_create(entry=entry, by=request.user)
    url = request.build_absolute_uri(reverse("practice:feedback", args=[token]))
    return render(
        request,
        "practice/feedback_link.html",
        {"entry": entry, "link": link, "url": url, "qr": charts.qr_svg(url)},
    )


# --- the public feedback form ----------------------------------------------------------------


def feedback(request, token: str):
    """No login. A used or expired link answers 410, an unknown one 404, with a clear page."""
    try:
        services.feedback_link_status(token=token)
    except ApplicationError as error:
        return render(
            request,
            "practice/feedback_closed.html",
            {"message": error.message, "code": error.code},
            status=error.status_code,
        )
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.feedback_submit(
                    token=token,
                    usefulness=data["usefulness"],
                    confidence=data["confidence"],
                    comment=data["comment"],
                    honeypot=data["website"],
                    ip=client_ip(request),
                )
            except ApplicationError as error:
                if error.status_code == 410:
                    return render(
                        request,
                        "practice/feedback_closed.html",
                        {"message": error.message},
                        status=410,
                    )
                _apply_error(form, error)
                return render(
                    request, "practice/feedback.html", {"form": form}, status=error.status_code
                )
            return render(request, "practice/feedback_thanks.html")
        return render(request, "practice/feedback.html", {"form": form}, status=400)
    return render(request, "practice/feedback.html", {"form": FeedbackForm()})


# --- team leads ------------------------------------------------------------------------------


def _months(request) -> int:
    try:
        return min(max(int(request.GET.get("months", 6)), 1), 24)
    except ValueError:
        return 6


@login_required
def team_list(request):
    """The district view: every team the person leads, month by month."""
    aggregates = fetch_or_404(
        selectors.lead_aggregates(user=request.user, months=_months(request)) or None,
        message="You do not lead a team.",
    )
    return render(
        request,
        "practice/team_list.html",
        {"aggregates": aggregates, "kinds": list(Kind), "months": _months(request)},
    )


def _team_aggregate(request, pk: int):
    aggregates = fetch_or_404(
        selectors.lead_aggregates(user=request.user, team_id=pk, months=_months(request)) or None,
        what="team",
    )
    return aggregates[0]


@login_required
def team_detail(request, pk: int):
    aggregate = _team_aggregate(request, pk)
    return render(
        request,
        "practice/team_detail.html",
        {
            "agg": aggregate,
            "kinds": list(Kind),
            "months": _months(request),
            "current": aggregate.totals[-1],
            "chart": charts.hours_chart(
                cells=aggregate.totals,
                title=f"{aggregate.team.name}: practice hours per month, by kind of session",
            ),
            "chart_phone": charts.hours_chart(
                cells=aggregate.totals[-6:],
                title=f"{aggregate.team.name}: practice hours in the last six months, by kind",
                chart_id="hours6",
                width=360,
                legend_columns=2,
            ),
        },
    )


@require_POST
@login_required
def team_target(request, pk: int):
    aggregate = _team_aggregate(request, pk)
    form = TargetForm(request.POST)
    members = {row.user.pk: row.user for row in aggregate.members}
    if not form.is_valid() or form.cleaned_data["member"] not in members:
        messages.error(request, "Enter a number of hours from 0.5 to 200 for a team member.")
        return redirect("practice:team", pk=pk)
    coach = members[form.cleaned_data["member"]]
    try:
        services.practice_target_set(coach=coach, hours=form.cleaned_data["hours"], by=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Monthly target saved for {coach.public_name}.")
    return redirect("practice:team", pk=pk)


CSV_HEADER = [
    "scope",
    "team",
    "member",
    "month",
    "hours",
    *[f"hours_{k.value}" for k in Kind],
    "teachers_reached",
    "feedback_responses",
    "avg_usefulness",
    "avg_confidence",
]


def _csv_row(scope: str, team, member: str, cell) -> list:
    if cell.suppressed:
        responses, useful, confident = "fewer than 3", "", ""
    else:
        responses = cell.responses
        useful, confident = cell.usefulness or "", cell.confidence or ""
    return [
        scope,
        team.name,
        member,
        cell.month.strftime("%Y-%m"),
        cell.hours,
        *[h for _v, _l, h in cell.hours_by_kind],
        cell.teachers,
        responses,
        useful,
        confident,
    ]


@login_required
def aggregates_csv(request, pk: int | None = None):
    """The same aggregates as the pages (never notes or comments), for one team or all."""
    aggregates = fetch_or_404(
        selectors.lead_aggregates(user=request.user, team_id=pk, months=_months(request)) or None,
        what="team",
    )

    def rows():
        yield CSV_HEADER
        for agg in aggregates:
            for cell in agg.totals:
                yield _csv_row("team", agg.team, "", cell)
            for row in agg.members:
                for cell in row.cells:
                    yield _csv_row("member", agg.team, row.user.public_name, cell)

    return csv_response("practice-aggregates.csv", rows())
