"""Practice API under /api/v1/practice/: small ``APIView``s, one per resource.

A coach reaches only their own entries (anyone else's id is a 404, never a 403: existence is
not revealed). Team aggregates answer only for teams the person leads (404 otherwise). The
public feedback submission takes the token only (no login, no session, so no CSRF to forge)
and is rate-limited per client IP by the service. Errors use the one JSON shape.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.pagination import PagedListMixin
from core.api.schema import errors
from core.errors import ApplicationError, PermissionDenied, fetch_or_404
from courses.models import LessonPage

from .. import selectors, services
from ..models import GradeBand, Kind, PracticeEntry
from ..services.entries import MAX_TAG_LENGTH, MAX_TAGS, MAX_TEACHERS
from ..services.targets import MAX_TARGET

MONTHS = OpenApiParameter("months", int, description="How many months, ending this month (1–24).")


def _months(request, default: int) -> int:
    try:
        return min(max(int(request.query_params.get("months", default)), 1), 24)
    except ValueError:
        raise ApplicationError("months must be a whole number.", field="months") from None


def _own_entry(request, pk: int) -> PracticeEntry:
    entry = fetch_or_404(selectors.entry_get(user=request.user, pk=pk), what="entry")
    return entry


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
        child=fields.CharField(max_length=MAX_TAG_LENGTH),
        default=list,
        max_length=MAX_TAGS,
    )
    private_notes = fields.CharField(
        allow_blank=True, default="", max_length=4000, help_text="Only you ever see these."
    )
    lesson = fields.PageIdField(allow_null=True, default=None)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    class Meta:
        ref_name = "PracticeEntry"

    @staticmethod
    def dump(entry: PracticeEntry) -> dict:
        return {
            "id": entry.pk,
            "date": entry.date,
            "minutes": entry.minutes,
            "kind": entry.kind,
            "teachers_reached": entry.teachers_reached,
            "grade_band": entry.grade_band,
            "focus_tags": entry.tags,
            "private_notes": entry.private_notes,
            "lesson": entry.lesson_id,
            "created_at": entry.created_at,
            "updated_at": entry.updated_at,
        }


def _service_fields(data: dict) -> dict:
    fields = dict(data)
    if "lesson" in fields:
        lesson_id = fields["lesson"]
        fields["lesson"] = None
        if lesson_id is not None:
            fields["lesson"] = LessonPage.objects.live().filter(pk=lesson_id).first()
            if fields["lesson"] is None:
                raise ApplicationError("No such lesson.", field="lesson", code="unknown_lesson")
    return fields


class EntryListApi(PagedListMixin, APIView):
    """GET: my entries, newest first (paginated). POST: log a session."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=EntrySerializer(many=True))
    def get(self, request):
        page = self.paginate(selectors.entries_of(user=request.user))
        return self.paginated_response(
            EntrySerializer([EntrySerializer.dump(e) for e in page], many=True).data
        )

    @extend_schema(request=EntrySerializer, responses={201: EntrySerializer})
    def post(self, request):
        data = EntrySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.practice_entry_create(
            coach=request.user, **_service_fields(data.validated_data)
        )
        return Response(
            EntrySerializer(EntrySerializer.dump(entry)).data, status=status.HTTP_201_CREATED
        )


class EntryDetailApi(APIView):
    """One of my entries: read, change (PATCH, or PUT with every field), delete."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=EntrySerializer)
    def get(self, request, pk: int):
        return Response(EntrySerializer(EntrySerializer.dump(_own_entry(request, pk))).data)

    def _update(self, request, pk: int, partial: bool):
        entry = _own_entry(request, pk)
        data = EntrySerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        entry = services.practice_entry_update(
            entry=entry, by=request.user, **_service_fields(data.validated_data)
        )
        return Response(EntrySerializer(EntrySerializer.dump(entry)).data)

    @extend_schema(request=EntrySerializer, responses=EntrySerializer)
    def put(self, request, pk: int):
        return self._update(request, pk, partial=False)

    @extend_schema(request=EntrySerializer, responses=EntrySerializer)
    def patch(self, request, pk: int):
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        services.practice_entry_delete(entry=_own_entry(request, pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryFeedbackLinkApi(APIView):
    """POST: make an anonymous, single-use feedback link for one of my sessions. The ``url``
    (with its token) is in this answer only: the server keeps just a hash of the token."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        url = serializers.URLField()
        expires_at = serializers.DateTimeField()

        class Meta:
            ref_name = "PracticeFeedbackLink"

    @extend_schema(request=None, responses={201: OutputSerializer})
    def post(self, request, pk: int):
        link, token = services.feedback_link_create(entry=_own_entry(request, pk), by=request.user)
        url = request.build_absolute_uri(reverse("practice:feedback", args=[token]))
        return Response(
            self.OutputSerializer({"url": url, "expires_at": link.expires_at}).data,
            status=status.HTTP_201_CREATED,
        )


class EntryFeedbackApi(APIView):
    """GET: the answers to my session's feedback links: count, averages and comments (only
    the coach ever reads the comments)."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        class CommentSerializer(serializers.Serializer):
            comment = serializers.CharField()
            created_at = serializers.DateTimeField()

            class Meta:
                ref_name = "PracticeFeedbackComment"

        count = serializers.IntegerField()
        usefulness = serializers.FloatField(allow_null=True)
        confidence = serializers.FloatField(allow_null=True)
        comments = CommentSerializer(many=True)

        class Meta:
            ref_name = "PracticeEntryFeedback"

    @extend_schema(responses=OutputSerializer)
    def get(self, request, pk: int):
        results = selectors.feedback_results(user=request.user, entry=_own_entry(request, pk))
        return Response(self.OutputSerializer(results).data)


class FeedbackAggregateSerializer(serializers.Serializer):
    responses = serializers.IntegerField(
        allow_null=True, help_text="null when fewer than 3 (suppressed)."
    )
    suppressed = serializers.BooleanField(help_text="1 or 2 responses: no figures shown.")
    usefulness = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)
    confidence = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)

    class Meta:
        ref_name = "PracticeFeedbackAggregate"


class MonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    hours_by_kind = serializers.DictField(
        child=serializers.DecimalField(max_digits=7, decimal_places=1)
    )
    teachers_reached = serializers.IntegerField()
    feedback = FeedbackAggregateSerializer()

    class Meta:
        ref_name = "PracticeMonth"


class SummaryApi(APIView):
    """My hours per month by kind, my monthly target and this month's progress."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        target_hours = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
        percent_of_target = serializers.IntegerField()
        months = MonthSerializer(many=True)

        class Meta:
            ref_name = "PracticeSummary"

    @extend_schema(parameters=[MONTHS], responses=OutputSerializer)
    def get(self, request):
        summary = selectors.monthly_summary(user=request.user, months=_months(request, 12))
        months = []
        for cell in summary.months:
            row = cell.as_dict()
            # The coach's own view: counts and averages from the first answer.
            responses = cell.responses
            row["feedback"] = {
                "responses": responses,
                "suppressed": False,
                "usefulness": round(cell.usefulness_sum / responses, 1) if responses else None,
                "confidence": round(cell.confidence_sum / responses, 1) if responses else None,
            }
            months.append(row)
        return Response(
            self.OutputSerializer(
                {
                    "target_hours": summary.target,
                    "percent_of_target": summary.percent,
                    "months": months,
                }
            ).data
        )


class TeamAggregateSerializer(serializers.Serializer):
    class MemberSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        name = serializers.CharField()
        target_hours = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
        months = MonthSerializer(many=True)

        class Meta:
            ref_name = "PracticeTeamMember"

    id = serializers.IntegerField()
    name = serializers.CharField()
    organization = serializers.CharField()
    months = MonthSerializer(many=True)
    members = MemberSerializer(many=True)

    class Meta:
        ref_name = "PracticeTeamAggregate"

    @staticmethod
    def dump(agg) -> dict:
        return {
            "id": agg.team.pk,
            "name": agg.team.name,
            "organization": agg.team.organization.name,
            "months": [cell.as_dict() for cell in agg.totals],
            "members": [
                {
                    "id": row.user.pk,
                    "name": row.user.public_name,
                    "target_hours": row.target,
                    "months": [cell.as_dict() for cell in row.cells],
                }
                for row in agg.members
            ],
        }


class TeamAggregateListApi(APIView):
    """Leads: aggregates of every team I lead (the district view). Never notes or comments."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[MONTHS], responses=TeamAggregateSerializer(many=True))
    def get(self, request):
        aggregates = selectors.lead_aggregates(user=request.user, months=_months(request, 6))
        return Response(
            TeamAggregateSerializer(
                [TeamAggregateSerializer.dump(a) for a in aggregates], many=True
            ).data
        )


class TeamAggregateApi(APIView):
    """Leads: one team's aggregates. Any other team is a 404."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[MONTHS], responses=TeamAggregateSerializer)
    def get(self, request, pk: int):
        aggregates = fetch_or_404(
            selectors.lead_aggregates(user=request.user, team_id=pk, months=_months(request, 6))
            or None,
            what="team",
        )
        return Response(TeamAggregateSerializer(TeamAggregateSerializer.dump(aggregates[0])).data)


class FeedbackSubmitApi(APIView):
    """Public: answer a feedback link (token only, no login). 201 when stored; 404 for an
    unknown token, 410 when used or expired, 429 when the network sent too many."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    class InputSerializer(serializers.Serializer):
        token = fields.CharField(max_length=100)
        usefulness = fields.IntegerField(min_value=1, max_value=5)
        confidence = fields.IntegerField(min_value=1, max_value=5)
        comment = fields.CharField(allow_blank=True, default="", max_length=1000)
        website = fields.CharField(
            allow_blank=True, default="", max_length=1000, help_text="Honeypot: leave empty."
        )

        class Meta:
            ref_name = "PracticeFeedbackInput"

    class OutputSerializer(serializers.Serializer):
        ok = serializers.BooleanField()

        class Meta:
            ref_name = "PracticeFeedbackStored"

    @extend_schema(
        request=InputSerializer, responses={201: OutputSerializer, **errors(404, 410, 429)}
    )
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        services.feedback_submit(
            token=values["token"],
            usefulness=values["usefulness"],
            confidence=values["confidence"],
            comment=values["comment"],
            honeypot=values["website"],
            ip=request.META.get("REMOTE_ADDR") or None,
        )
        return Response({"ok": True}, status=status.HTTP_201_CREATED)


class TargetApi(APIView):
    """Leads: set (or clear, with ``null``) the hours a month a member of your team owes, as
    the team page's target form does. Someone who leads no team gets 403; a coach who is not
    a member of a team you lead, 404."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        hours = serializers.DecimalField(
            max_digits=4,
            decimal_places=1,
            allow_null=True,
            help_text=f"More than 0 and at most {MAX_TARGET} hours a month; null clears it.",
        )

        class Meta:
            ref_name = "PracticeTargetInput"

    class OutputSerializer(serializers.Serializer):
        coach_id = serializers.IntegerField(source="user_id")
        hours = serializers.DecimalField(
            source="monthly_target_hours", max_digits=4, decimal_places=1, allow_null=True
        )
        set_at = serializers.DateTimeField(source="target_set_at")

        class Meta:
            ref_name = "PracticeTarget"

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer})
    def put(self, request, coach_id: int):
        if not selectors.teams_led_by(user=request.user).exists():
            raise PermissionDenied("Only team leads set their members' monthly targets.")
        coach = fetch_or_404(
            selectors.coach_led_by(user=request.user, coach_id=coach_id),
            what="member of a team you lead",
        )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.practice_target_set(
            coach=coach, hours=data.validated_data["hours"], by=request.user
        )
        return Response(self.OutputSerializer(row).data)
