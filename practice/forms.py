"""Input shapes for the practice pages. Rules that span rows are the services' job."""

from __future__ import annotations

from django import forms

from courses.models import LessonPage

from .models import GradeBand, Kind

DURATIONS = [(15, "15 min"), (30, "30 min"), (45, "45 min"), (60, "1 h"), (90, "1 h 30")]


class LessonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class EntryForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    minutes = forms.IntegerField(
        label="Minutes",
        min_value=1,
        max_value=1440,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5, "list": "durations"}),
    )
    kind = forms.ChoiceField(label="Kind of session", choices=Kind.choices)
    teachers_reached = forms.IntegerField(
        label="Teachers reached", min_value=0, max_value=500, initial=1
    )
    grade_band = forms.ChoiceField(
        choices=[("", "—"), *GradeBand.choices], required=False, label="Grade band"
    )
    focus_tags = forms.CharField(
        label="Focus",
        required=False,
        max_length=255,
        help_text="Comma-separated, e.g. google classroom, feedback.",
    )
    private_notes = forms.CharField(
        label="Private notes",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only you ever see these. Never shown to leads or in exports.",
    )
    lesson = LessonChoiceField(
        queryset=LessonPage.objects.none(),
        required=False,
        label="Lesson you're putting into practice",
        empty_label="—",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].queryset = LessonPage.objects.live().order_by("path")


class TargetForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    hours = forms.DecimalField(
        label="Hours a month",
        required=False,
        min_value=0,
        max_value=200,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )


class FeedbackForm(forms.Form):
    SCALE = [(i, str(i)) for i in range(1, 6)]

    usefulness = forms.TypedChoiceField(
        label="How useful was this session for you?",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 = not useful, 5 = very useful",
    )
    confidence = forms.TypedChoiceField(
        label="How confident are you to use it in your classroom?",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 = not yet, 5 = ready tomorrow",
    )
    comment = forms.CharField(
        label="Anything you'd like your coach to know?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Honeypot: hidden from people by CSS and aria-hidden; bots fill every field.
    website = forms.CharField(required=False, max_length=1000, label="Leave this empty")
