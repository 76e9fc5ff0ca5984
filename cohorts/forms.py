from __future__ import annotations

from django import forms

MAX_UPLOAD = 512 * 1024


class EnrollCsvForm(forms.Form):
    csv = forms.CharField(
        label="Emails",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 5, "placeholder": "ana@district.org\nbo@district.org"}
        ),
        help_text="One per line, or paste a CSV: any column with email addresses is used.",
    )
    file = forms.FileField(label="…or upload a CSV file", required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = cleaned.get("csv") or ""
        if upload:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError("That file is too large (512 KB at most).")
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError("Save the file as UTF-8 CSV and try again.") from error
        if not text.strip():
            raise forms.ValidationError("Paste some email addresses or choose a CSV file.")
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
