from __future__ import annotations

from django import forms

from core.errors import ApplicationError

from .services.enrollment import CSV_LIMITS, CSV_MAX_BYTES, csv_rows


class EnrollCsvForm(forms.Form):
    csv = forms.CharField(
        label="Emails",
        required=False,
        max_length=CSV_MAX_BYTES,
        widget=forms.Textarea(
            attrs={"rows": 5, "placeholder": "ana@district.org\nbo@district.org"}
        ),
        help_text=(
            "One per line, or paste a CSV: any column with email addresses is used. " + CSV_LIMITS
        ),
    )
    file = forms.FileField(
        label="…or upload a CSV file", required=False, help_text=f"UTF-8 CSV. {CSV_LIMITS}"
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = cleaned.get("csv") or ""
        if upload:
            if upload.size > CSV_MAX_BYTES:
                raise forms.ValidationError(
                    f"That file is too large ({CSV_MAX_BYTES // 1024} KB at most)."
                )
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError("Save the file as UTF-8 CSV and try again.") from error
        if not text.strip():
            raise forms.ValidationError("Paste some email addresses or choose a CSV file.")
        try:
            csv_rows(text)  # the size, line and cell limits, named in the message
        except ApplicationError as error:
            raise forms.ValidationError(error.message) from None
        cleaned["text"] = text
        return cleaned


class AddLearnerForm(forms.Form):
    email = forms.EmailField(label="Email address")


class AnnouncementForm(forms.Form):
    title = forms.CharField(max_length=200)
    body = forms.CharField(
        label="Message", widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000
    )


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label="Your feedback", widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000
    )


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label="Your reflection", widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )


class TeamInviteForm(forms.Form):
    email = forms.EmailField(label="Invite by email")


class SeatRequestForm(forms.Form):
    seats = forms.IntegerField(label="Seats to add", min_value=1, max_value=100, initial=1)
    message = forms.CharField(
        label="Message to the facilitator",
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SeatDecisionForm(forms.Form):
    seats = forms.IntegerField(label="Seats to grant", min_value=1, max_value=100, required=False)
    reason = forms.CharField(label="Reason (optional)", required=False, max_length=2_000)


class RosterFilterForm(forms.Form):
    """The dashboard's roster filters (GET): whose rows, in which order. Anything unknown is
    ignored: everyone, by name."""

    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "Everyone"),
            ("behind", "Behind"),
            ("catching_up", "Catching up"),
            ("on_track", "On track"),
        ],
    )
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("name", "By name"), ("progress", "Least progress first")],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {
            "status": self.cleaned_data["status"] or None,
            "sort": self.cleaned_data["sort"] or "name",
        }
