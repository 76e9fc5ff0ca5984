"""Forms for badge pages: input shape only; the services hold the rules."""

from __future__ import annotations

from django import forms

from . import selectors


class SharingForm(forms.Form):
    public_profile = forms.BooleanField(
        label="List my badges on a public profile page", required=False
    )
    show_name = forms.BooleanField(label="Show my name on my public badge pages", required=False)


class EvidenceForm(forms.Form):
    public = forms.BooleanField(label="Show the evidence note on the public page", required=False)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person) -> str:
        return f"{person.public_name} ({person.email})"


class AwardForm(forms.Form):
    learner = PersonChoiceField(queryset=None, label="Learner")
    badge_class = forms.ModelChoiceField(queryset=None, label="Badge")
    evidence_note = forms.CharField(
        label="Evidence",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the learner did to earn it. The learner chooses whether it is public.",
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learner"].queryset = selectors.learners_of(actor=actor).order_by(
            "display_name", "username"
        )
        self.fields["badge_class"].queryset = selectors.badge_class_list()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the learner and on the badge's public page.",
    )


class ChangesForm(forms.Form):
    message = forms.CharField(
        label="What should the learner do?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
