from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from core.time_zones import is_time_zone, time_zone_names

from . import lockout
from .models import Role

User = get_user_model()
#: A pass phrase may be long, but not a megabyte (hashing one is a denial of service).
PASSWORD_MAX_LENGTH = 1024


class LockoutMessageMixin:
    """For a login form: when django-axes refused the attempt because of too many failures,
    say so (and for how long) instead of "wrong password"."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(
                    lockout.lockout_message(self.request), code=lockout.LOCKED_OUT_CODE
                ) from None
            raise


class BrowserTimeZoneField(forms.CharField):
    """A hidden field that ``accounts/time_zone.js`` fills with the browser's zone
    (``Intl.DateTimeFormat().resolvedOptions().timeZone``). Anything that is not a known zone
    name reads as empty: the person did not type it, so it is never an error on the form."""

    widget = forms.HiddenInput(attrs={"data-browser-time-zone": ""})

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=64, **kwargs)

    def clean(self, value):
        try:
            value = super().clean(value)
        except forms.ValidationError:
            return ""
        return value if is_time_zone(value) else ""


class LoginForm(LockoutMessageMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Please enter a correct email or username and password. Passwords are case-sensitive."
        ),
    }
    username = forms.CharField(
        label="Email or username",
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    password = forms.CharField(
        label="Password",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    time_zone = BrowserTimeZoneField()

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # AuthenticationForm caps this field at the username's 150 characters, which would stop
        # the browser from accepting a longer email address (emails may have up to 254).
        self.fields["username"].max_length = 254
        self.fields["username"].widget.attrs["maxlength"] = "254"


class SignupForm(forms.Form):
    """Step one: the address and the profile. Whether the address already has an account is
    never said here (the email tells its owner); the password is chosen from the emailed
    link."""

    email = forms.EmailField(
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We’ll email you a link to choose your password.",
    )
    display_name = forms.CharField(
        max_length=120, help_text="How other coaches will see you, e.g. “Maya R.”"
    )
    district = forms.CharField(max_length=160, required=False)
    school = forms.CharField(max_length=160, required=False)
    role = forms.ChoiceField(choices=Role.choices, initial=Role.COACH)
    time_zone = BrowserTimeZoneField()

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()


class SignupPasswordForm(forms.Form):
    """Step two, from the emailed link: the password, checked against the signing-up person's
    own details."""

    password1 = forms.CharField(
        label="Password",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "autofocus": True}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", display_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.candidate = User(email=email, display_name=display_name)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords do not match.")
        elif p1:
            try:
                password_validation.validate_password(p1, self.candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "first_name",
            "last_name",
            "district",
            "school",
            "role",
            "time_zone",
        ]

    def __init__(self, *args, shown_zone: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        names = list(time_zone_names())
        current = self.instance.time_zone
        if current and current not in names:  # an alias a browser gave, e.g. Asia/Calcutta
            names.insert(0, current)
        empty = "Not set"
        if shown_zone:
            empty = f"Not set (times show in {shown_zone}, from your district or cohort)"
        self.fields["time_zone"] = forms.ChoiceField(
            label="Your time zone",
            required=False,
            choices=[("", empty), *((name, name.replace("_", " ")) for name in names)],
            help_text="Every time on Praxis, and in its emails, is shown in this zone.",
        )


class AdminLoginForm(LockoutMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``), with the lockout
    message and the same password length limit as the site's login."""

    password = forms.CharField(
        label=WagtailLoginForm.base_fields["password"].label,
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
