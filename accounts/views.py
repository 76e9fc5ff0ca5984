from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from core.errors import ApplicationError
from core.urls import safe_next, site_base

from . import selectors, services
from .forms import LoginForm, ProfileForm, SignupForm, SignupPasswordForm


def _safe_next(request, default: str = "/") -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next"), default)


def signup(request):
    """Step one. New address or not, the answer is the same page: "check your email"."""
    if request.user.is_authenticated:
        return redirect("/")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signup_request(
                base_url=request.build_absolute_uri("/").rstrip("/"),
                next_url=_safe_next(request, "/"),
                **form.cleaned_data,
            )
        except ApplicationError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


def signup_confirm(request, token: str):
    """Step two, from the emailed link: choose a password; the account is created and the
    person logged in."""
    try:
        signup = services.signup_request_read(token=token)
    except ApplicationError:
        return render(request, "accounts/signup_confirm.html", {"signup": None}, status=404)
    if selectors.email_has_account(email=signup.email):
        context = {"signup": signup, "account_exists": True}
        return render(request, "accounts/signup_confirm.html", context)
    form = SignupPasswordForm(
        request.POST or None, email=signup.email, display_name=signup.display_name
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.signup_complete(token=token, password=form.cleaned_data["password1"])
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
            messages.success(request, f"Welcome to Praxis, {user.public_name}!")
            return redirect(safe_next(request, signup.next_url, "/"))
    return render(request, "accounts/signup_confirm.html", {"signup": signup, "form": form})


@login_required
def profile(request):
    # A ModelForm writes every valid value onto its instance while validating. Bind it to a
    # fresh copy so that, when another field fails, the header and heading (request.user)
    # keep showing the saved profile rather than values that were never saved.
    instance = get_user_model().objects.get(pk=request.user.pk)
    zone, source = selectors.user_time_zone_with_source(request.user)
    shown = "" if source == selectors.ZoneSource.PROFILE else str(zone)
    form = ProfileForm(request.POST or None, instance=instance, shown_zone=shown)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(user=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # First login without a zone on the profile: take the one the browser reported.
        services.user_time_zone_fill(user=form.get_user(), time_zone=form.cleaned_data["time_zone"])
        return response


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self):
        # The link uses the public address, not the Host header of whoever asked.
        return {"site_url": site_base()}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
