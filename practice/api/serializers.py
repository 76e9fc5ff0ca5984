"""Output shapes (and the entry's input) the practice API views share. They read the models
and the selectors' aggregates (``selectors.Cell``, ``TeamAggregate``) as they are.

What each one reads is a comment, not a docstring: a serializer's docstring would become its
description in the OpenAPI schema."""

from __future__ import annotations

from rest_framework import serializers

from core.api import fields

from ..models import GradeBand, Kind
from ..services.entries import MAX_TAG_LENGTH, MAX_TAGS, MAX_TEACHERS


# One of a coach's entries, read from the ``PracticeEntry`` and written as the service
# takes it: the validated data holds ``tags`` (the list) and ``lesson_id``.
class EntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    date = serializers.DateField()
    # 1 to MINUTES_PER_DAY, checked by the service (code ``bad_duration``, as on the page).
    minutes = fields.IntegerField(help_text="Duration in minutes (1–1440).")
    kind = fields.ChoiceField(choices=Kind.choices)
    teachers_reached = fields.IntegerField(min_value=0, max_value=MAX_TEACHERS, default=1)
    grade_band = fields.ChoiceField(
        choices=[("", "—"), *GradeBand.choices], allow_blank=True, default=""
    )
    focus_tags = fields.ListField(
        source="tags",
        child=fields.CharField(max_length=MAX_TAG_LENGTH),
        default=list,
        max_length=MAX_TAGS,
    )
    private_notes = fields.CharField(
        allow_blank=True, default="", max_length=4000, help_text="Only you ever see these."
    )
    lesson = fields.PageIdField(source="lesson_id", allow_null=True, default=None)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    class Meta:
        ref_name = "PracticeEntry"


class MonthField(serializers.CharField):
    """A month's first day, as ``YYYY-MM``."""

    def to_representation(self, value) -> str:
        return value.strftime("%Y-%m")


class HoursByKindField(serializers.DictField):
    """``Cell.hours_by_kind`` (value, label, hours), as hours by kind value."""

    def to_representation(self, value) -> dict:
        return super().to_representation({kind: hours for kind, _label, hours in value})


# A month's feedback, from a ``selectors.Cell``: as a lead sees it, no figures under three
# answers. With ``context["own"]`` (the coach's own summary), the count and the averages
# show from the first answer.
class FeedbackAggregateSerializer(serializers.Serializer):
    responses = serializers.IntegerField(
        source="responses_shown", allow_null=True, help_text="null when fewer than 3 (suppressed)."
    )
    suppressed = serializers.BooleanField(help_text="1 or 2 responses: no figures shown.")
    usefulness = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)
    confidence = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)

    class Meta:
        ref_name = "PracticeFeedbackAggregate"

    def to_representation(self, cell) -> dict:
        data = super().to_representation(cell)
        if self.context.get("own"):
            responses = cell.responses
            data.update(responses=responses, suppressed=False)
            for name in ("usefulness", "confidence"):
                total = getattr(cell, f"{name}_sum")
                average = round(total / responses, 1) if responses else None
                field = self.fields[name]
                data[name] = None if average is None else field.to_representation(average)
        return data


# One ``selectors.Cell``: a person's or a team's practice in one month.
class MonthSerializer(serializers.Serializer):
    month = MonthField(help_text="YYYY-MM")
    hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    hours_by_kind = HoursByKindField(child=serializers.DecimalField(max_digits=7, decimal_places=1))
    teachers_reached = serializers.IntegerField(source="teachers")
    feedback = FeedbackAggregateSerializer(source="*")

    class Meta:
        ref_name = "PracticeMonth"


# A ``selectors.MemberRow``.
class TeamMemberSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="user.pk")
    name = serializers.CharField(source="user.public_name")
    target_hours = serializers.DecimalField(
        source="target", max_digits=5, decimal_places=1, allow_null=True
    )
    months = MonthSerializer(source="cells", many=True)

    class Meta:
        ref_name = "PracticeTeamMember"


# A ``selectors.TeamAggregate``: sums and averages only, never a note or a comment.
class TeamAggregateSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="team.pk")
    name = serializers.CharField(source="team.name")
    organization = serializers.CharField(source="team.organization.name")
    months = MonthSerializer(source="totals", many=True)
    members = TeamMemberSerializer(many=True)

    class Meta:
        ref_name = "PracticeTeamAggregate"
