from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from cms.errors import ApplicationError
from core.urls import site_base

from . import services
from .forms import LoginForm, ProfileForm, SignupForm


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def signup(request):
    if request.user.is_authenticated:
        return redirect("/")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_signup(
                email=data["email"],
                password=data["password1"],
                display_name=data["display_name"],
                district=data["district"],
                school=data["school"],
                role=data["role"],
            )
        except ApplicationError as error:
            form.add_error(error.field, error.message)
        else:
            login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
            messages.success(request, f"Welcome to Praxis, {user.public_name}!")
            return redirect(_safe_next(request, "/"))
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


@login_required
def profile(request):
    # A ModelForm writes every valid value onto its instance while validating. Bind it to a
    # fresh copy so that, when another field fails, the header and heading (request.user)
    # keep showing the saved profile rather than values that were never saved.
    instance = get_user_model().objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, instance=instance)
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
