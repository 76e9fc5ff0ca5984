"""Badge pages: my badges, the facilitator's queue and award forms, and the public award and
profile pages. Each view parses input, calls one selector or service, and renders;
``ApplicationError`` messages are shown as they are."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from core import csp as csp_policies
from core.errors import ApplicationError, fetch_or_404
from core.markdown import render as render_markdown
from core.urls import site_base

from . import selectors, services
from .forms import AwardForm, ChangesForm, EvidenceForm, RevokeForm, SharingForm
from .models import AwardMethod, EarnerProfile, RequestStatus
from .sharing import share_links


def _base(request) -> str:
    """Share links and badge documents use the public address (SITE_URL), never the
    request's host: they are copied into signatures and profiles and verified elsewhere."""
    return site_base()


def _require_facilitator(request) -> None:
    if not selectors.is_badge_facilitator(user=request.user):
        raise DjangoPermissionDenied("Only facilitators award badges.")


def _profile_of(user) -> EarnerProfile | None:
    try:
        return user.earner_profile
    except EarnerProfile.DoesNotExist:
        return None


# --- earners --------------------------------------------------------------------------------


@login_required
def my_badges(request):
    data = selectors.my_badges(user=request.user)
    base = _base(request)
    awards = [(award, share_links(award, base=base)) for award in data.awards]
    profile = data.profile
    is_facilitator = selectors.is_badge_facilitator(user=request.user)
    return render(
        request,
        "badges/my_badges.html",
        {
            "data": data,
            "awards": awards,
            "sharing_form": SharingForm(
                initial={"public_profile": profile.public_profile, "show_name": profile.show_name}
            ),
            "is_facilitator": is_facilitator,
            "pending": selectors.pending_count(user=request.user) if is_facilitator else 0,
        },
    )


@login_required
@xframe_options_sameorigin
@csp_replace(csp_policies.EMAIL_PREVIEW)
def signature_preview(request, entity_id):
    """The email-signature snippet as its own small document, shown on My badges in a
    sandboxed iframe: the snippet keeps the table attributes and inline styles email clients
    need, and the site's pages stay free of both."""
    award = fetch_or_404(selectors.awards_of(user=request.user), what="award", entity_id=entity_id)
    links = share_links(award, base=_base(request))
    return render(
        request,
        "badges/signature_preview.html",
        {"award": award, "signature_html": links.signature_html},
    )


@require_POST
@login_required
def sharing_update(request):
    form = SharingForm(request.POST)
    if form.is_valid():
        profile = services.earner_profile_update(user=request.user, **form.cleaned_data)
        if profile.public_profile:
            messages.success(request, "Saved. Your public profile is on.")
        else:
            messages.success(request, "Saved. Your badges are not listed on a public profile.")
    return redirect("badges:mine")


@require_POST
@login_required
def evidence_update(request, entity_id):
    award = fetch_or_404(selectors.awards_of(user=request.user), what="award", entity_id=entity_id)
    form = EvidenceForm(request.POST)
    form.is_valid()
    services.award_evidence_publish(
        award=award, by=request.user, public=form.cleaned_data.get("public", False)
    )
    messages.success(request, "Saved what your badge page shows.")
    return redirect("badges:mine")


# --- facilitators --------------------------------------------------------------------------


@login_required
def queue(request):
    _require_facilitator(request)
    entries = selectors.certification_queue(user=request.user)
    return render(
        request,
        "badges/queue.html",
        {
            "pending": [e for e in entries if e.request.status == RequestStatus.PENDING],
            "sent_back": [e for e in entries if e.request.status == RequestStatus.CHANGES],
            "changes_form": ChangesForm(),
        },
    )


def _queued(request, pk: int):
    certification = fetch_or_404(
        selectors.certification_request_get(user=request.user, pk=pk), what="request in your queue"
    )
    return certification


@require_POST
@login_required
def queue_approve(request, pk: int):
    _require_facilitator(request)
    certification = _queued(request, pk)
    try:
        approved = services.certification_approve(request=certification, by=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"Approved: {approved.learner.public_name} holds “{approved.badge_class.name}”.",
        )
    return redirect("badges:queue")


@require_POST
@login_required
def queue_changes(request, pk: int):
    _require_facilitator(request)
    certification = _queued(request, pk)
    form = ChangesForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Tell the learner what to do next.")
        return redirect("badges:queue")
    try:
        services.certification_request_changes(
            request=certification, by=request.user, message=form.cleaned_data["message"]
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Sent back to {certification.learner.public_name}.")
    return redirect("badges:queue")


@login_required
def award_create(request):
    _require_facilitator(request)
    form = AwardForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            award = services.badge_award(
                badge_class=form.cleaned_data["badge_class"],
                recipient=form.cleaned_data["learner"],
                method=AwardMethod.MANUAL,
                awarded_by=request.user,
                evidence_note=form.cleaned_data["evidence_note"],
            ).award
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, f"{award.recipient.public_name} holds “{award.badge_class.name}”."
            )
            return redirect("badges:award_create")
    return render(
        request,
        "badges/award_form.html",
        {"form": form, "recent": selectors.awards_managed_by(user=request.user)},
    )


@login_required
def award_revoke(request, entity_id):
    award = fetch_or_404(
        selectors.award_get_manageable(user=request.user, entity_id=entity_id),
        what="award among your learners'",
    )
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.badge_revoke(award=award, by=request.user, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, f"Revoked “{award.badge_class.name}”.")
            return redirect("badges:award", entity_id=award.entity_id)
    return render(request, "badges/revoke.html", {"award": award, "form": form})


# --- public ----------------------------------------------------------------------------------


def award_public(request, entity_id):
    award = fetch_or_404(selectors.award_get_public(entity_id=entity_id), what="badge")
    profile = _profile_of(award.recipient)
    user = request.user
    is_owner = user.is_authenticated and user.pk == award.recipient_id
    return render(
        request,
        "badges/award_public.html",
        {
            "award": award,
            "links": share_links(award, base=_base(request)),
            "criteria_html": render_markdown(award.badge_class.criteria_narrative),
            "earner_name": award.recipient.public_name if profile and profile.show_name else "",
            "profile": profile if profile and profile.public_profile else None,
            "is_owner": is_owner,
            "can_revoke": award.closed_at is None
            and user.is_authenticated
            and selectors.can_act_for(actor=user, learner=award.recipient),
        },
    )


def profile_public(request, slug: str):
    profile = fetch_or_404(selectors.public_profile(slug=slug), what="profile")
    base = _base(request)
    awards = [
        (award, share_links(award, base=base))
        for award in selectors.public_awards(user=profile.user)
    ]
    return render(
        request,
        "badges/profile_public.html",
        {
            "profile": profile,
            "awards": awards,
            "earner_name": profile.user.public_name if profile.show_name else "",
            "page_url": base + request.path,
        },
    )
