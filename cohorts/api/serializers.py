"""Shapes that several cohorts API views share: the outputs, which only read what a selector
already loaded, and the cohort fields that opening and changing a cohort both take. Each view
nests its own input (and any output only it uses)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api import fields
from core.api.serializers import UserRefSerializer
from core.time_zones import validate_time_zone

from .. import selectors
from ..models import Cohort, CohortStatus


class CourseBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class CohortBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    pace = serializers.CharField()


class LessonLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class MyEnrollmentSerializer(serializers.Serializer):
    """From ``selectors.enrollments_by_cohort`` (which sets ``queue_position``)."""

    id = serializers.IntegerField()
    status = serializers.CharField()
    waitlist_position = serializers.IntegerField(source="queue_position", allow_null=True)


class EnrollmentSerializer(serializers.Serializer):
    """One enrollment, as the enroll, drop, accept and join endpoints return it."""

    id = serializers.IntegerField()
    cohort_id = serializers.IntegerField()
    status = serializers.CharField()
    waitlist_position = serializers.SerializerMethodField()
    enrolled_at = serializers.DateTimeField()

    def get_waitlist_position(self, enrollment) -> int | None:
        return selectors.waitlist_position(enrollment)


class CohortSerializer(serializers.Serializer):
    """A cohort from ``cohort_list_visible_to`` (seat counts annotated, facilitators
    prefetched); ``context["mine"]`` maps cohort id to the viewer's own enrollment."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    course = CourseBriefSerializer()
    pace = serializers.CharField()
    status = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    enrollment_opens_at = serializers.DateTimeField(allow_null=True)
    enrollment_closes_at = serializers.DateTimeField(allow_null=True)
    capacity = serializers.IntegerField(allow_null=True)
    seats_left = serializers.SerializerMethodField()
    waitlisted = serializers.IntegerField(source="waitlisted_count")
    facilitators = serializers.SerializerMethodField()
    time_zone = serializers.CharField()
    my_enrollment = serializers.SerializerMethodField()

    def get_seats_left(self, cohort) -> int | None:
        return selectors.seats_left(cohort)

    def get_facilitators(self, cohort) -> list[str]:
        return sorted(person.public_name for person in cohort.facilitators.all())

    @extend_schema_field(MyEnrollmentSerializer(allow_null=True))
    def get_my_enrollment(self, cohort) -> dict | None:
        mine = self.context.get("mine", {}).get(cohort.pk)
        return MyEnrollmentSerializer(mine).data if mine else None


class ScheduledModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="module_id")
    title = serializers.CharField(source="module.title")
    release_on = serializers.DateField(source="release_date", allow_null=True)
    due_on = serializers.DateField(source="due_date", allow_null=True)


class LiveSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField()
    join_url = serializers.SerializerMethodField(
        help_text="Only for active learners and facilitators of the cohort; null otherwise."
    )

    def get_join_url(self, session) -> str | None:
        return (session.join_url or None) if self.context.get("show_join_links") else None


class CohortScheduleSerializer(serializers.Serializer):
    modules = ScheduledModuleSerializer(many=True)
    live_sessions = LiveSessionSerializer(many=True)


class CohortDetailSerializer(CohortSerializer):
    """Adds ``context["schedule"]`` (from ``selectors.cohort_schedule``)."""

    schedule = serializers.SerializerMethodField()

    @extend_schema_field(CohortScheduleSerializer)
    def get_schedule(self, cohort) -> dict:
        return CohortScheduleSerializer(self.context["schedule"], context=self.context).data


class ModuleProgressSerializer(serializers.Serializer):
    module_id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    release_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    released = serializers.BooleanField()
    overdue = serializers.BooleanField()
    catch_up = serializers.BooleanField(help_text="due_on is this late joiner's catch-up date.")
    scheduled_due_on = serializers.DateField(
        allow_null=True, help_text="The cohort's due date, when due_on is a catch-up date."
    )


class LearnerProgressSerializer(serializers.Serializer):
    """One learner's row of ``roster_progress``: progress only, never reflections."""

    enrollment_id = serializers.IntegerField(source="enrollment.id")
    learner = UserRefSerializer(source="enrollment.user")
    team = serializers.CharField(source="enrollment.team.name", allow_null=True)
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    behind = serializers.BooleanField()
    status = serializers.ChoiceField(
        choices=["on_track", "catching_up", "behind"],
        help_text="catching_up: joined late, missed work still within the catch-up date.",
    )
    catching_up_until = serializers.DateField(allow_null=True)
    last_activity = serializers.DateTimeField(allow_null=True)
    next_lesson = LessonLinkSerializer(allow_null=True)
    modules = ModuleProgressSerializer(many=True)


class RosterLearnerSerializer(LearnerProgressSerializer):
    email = serializers.EmailField(source="enrollment.user.email")


class RosterModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()


class WaitingLearnerSerializer(serializers.Serializer):
    enrollment_id = serializers.IntegerField(source="enrollment.id")
    learner = UserRefSerializer(source="enrollment.user")
    position = serializers.IntegerField()
    waitlisted_at = serializers.DateTimeField(source="enrollment.waitlisted_at")


class RosterSummarySerializer(serializers.Serializer):
    """The whole roster's counts, whatever the filter or the page."""

    active = serializers.IntegerField()
    behind = serializers.IntegerField()
    catching_up = serializers.IntegerField()
    on_track = serializers.IntegerField()
    not_started = serializers.IntegerField(help_text="Active learners with no lesson done.")


class RosterSerializer(serializers.Serializer):
    """What the roster's pages share (``selectors.roster_progress``): the cohort, its
    modules, the counts, the waitlist."""

    cohort = CohortBriefSerializer()
    modules = RosterModuleSerializer(many=True, source="outline.modules")
    summary = RosterSummarySerializer()
    waitlist = serializers.SerializerMethodField()
    reflections_to_review = serializers.IntegerField()

    @extend_schema_field(WaitingLearnerSerializer(many=True))
    def get_waitlist(self, roster) -> list[dict]:
        waiting = [
            {"enrollment": enrollment, "position": position}
            for position, enrollment in enumerate(roster.waitlisted, start=1)
        ]
        return WaitingLearnerSerializer(waiting, many=True).data


class RosterPageSerializer(RosterSerializer):
    """One page of the roster (the schema of its answer): the paginator's envelope, whose
    ``results`` are learners, with what every page shares."""

    count = serializers.IntegerField(help_text="Learners matching the filter, on every page.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = RosterLearnerSerializer(many=True)

    class Meta:
        ref_name = "RosterPage"


class ProgressSummarySerializer(serializers.Serializer):
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    behind = serializers.BooleanField()
    status = serializers.ChoiceField(
        choices=["on_track", "catching_up", "behind"],
        help_text="catching_up: joined late, missed work still within the catch-up date.",
    )
    catching_up_until = serializers.DateField(allow_null=True)
    last_activity = serializers.DateTimeField(allow_null=True)
    next_lesson = LessonLinkSerializer(allow_null=True)


class FeedbackSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = UserRefSerializer()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class TeamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    organization = serializers.CharField(source="organization.name")
    cohort = CohortBriefSerializer()
    seats = serializers.IntegerField()


class SeatRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    team_id = serializers.IntegerField()
    team = serializers.CharField(source="team.name")
    cohort_id = serializers.IntegerField(source="team.cohort_id")
    seats = serializers.IntegerField(help_text="Seats asked for.")
    message = serializers.CharField()
    status = serializers.CharField()
    seats_granted = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)

    class Meta:
        ref_name = "SeatRequest"


MAX_FACILITATORS = 50
SMALL_INT = 32767  # a PositiveSmallIntegerField's largest value


class CohortFieldsInput(serializers.Serializer):
    """A cohort run's fields as the admin's cohort form edits them (the course and the pace
    only when opening one). Times without an offset are in the cohort's zone."""

    title = fields.CharField(
        max_length=Cohort._meta.get_field("title").max_length,
        allow_blank=True,
        required=False,
        help_text="A self-paced track is named after its course.",
    )
    status = fields.ChoiceField(choices=CohortStatus.choices, required=False)
    starts_on = fields.DateField(allow_null=True, required=False)
    ends_on = fields.DateField(allow_null=True, required=False)
    enrollment_opens_at = fields.ZonedDateTimeField(
        allow_null=True, required=False, help_text="Without an offset: in the cohort's zone."
    )
    enrollment_closes_at = fields.ZonedDateTimeField(
        allow_null=True, required=False, help_text="Without an offset: in the cohort's zone."
    )
    capacity = fields.IntegerField(
        min_value=1, allow_null=True, required=False, help_text="null: no limit."
    )
    time_zone = fields.CharField(
        max_length=Cohort._meta.get_field("time_zone").max_length,
        required=False,
        help_text="An IANA name such as America/Chicago.",
    )
    welcome_message = fields.CharField(max_length=10_000, allow_blank=True, required=False)
    target_days_per_module = fields.IntegerField(min_value=0, max_value=SMALL_INT, required=False)
    late_join_grace_days = fields.IntegerField(min_value=0, max_value=SMALL_INT, required=False)
    facilitators = fields.ListField(
        child=fields.IdField(),
        max_length=MAX_FACILITATORS,
        required=False,
        help_text="User ids. Someone who is not an administrator keeps themself among them.",
    )

    def validate_time_zone(self, value: str) -> str:
        try:
            validate_time_zone(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages[0]) from None
        return value
