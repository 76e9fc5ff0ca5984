"""What a cohort's facilitators (and administrators) do on its dashboard, for a district's own
systems: enroll a list of emails, post an announcement, schedule, change or cancel a live
session, move a module's dates. Each calls the service the dashboard and the admin call, so the
rights, the rules and their messages are the same, and a refusal writes nothing.

A cohort the person may not see is a 404; one they see but do not facilitate is a 403."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.errors import fetch_or_404

from ... import services
from ...models import Announcement, LiveSession
from ...services.enrollment import CSV_MAX_ROWS
from ..serializers import LiveSessionSerializer, ScheduledModuleSerializer
from ._common import _managed_cohort

RESULTS = ("enrolled", "waitlisted", "already", "invited")


class CohortEnrollmentsApi(APIView):
    """Enroll a list of people by email, as the dashboard's list form does: someone with an
    account is enrolled (or waitlisted when the cohort is full), someone without one is
    invited and enrolled on sign-up. One malformed address refuses the whole list (400) and
    a refusal for any address (the cohort is archived…) enrolls no one."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        emails = fields.ListField(
            child=fields.EmailField(),
            min_length=1,
            max_length=CSV_MAX_ROWS,
            help_text=f"At most {CSV_MAX_ROWS} addresses.",
        )

        class Meta:
            ref_name = "CohortEnrollListInput"

    class OutputSerializer(serializers.Serializer):
        class EnrollResultSerializer(serializers.Serializer):
            email = serializers.EmailField()
            result = serializers.ChoiceField(
                choices=list(RESULTS),
                help_text="already: in the cohort or on its waitlist before; invited: no account "
                "yet, enrolled when they sign up.",
            )

            class Meta:
                ref_name = "CohortEnrollListResult"

        results = EnrollResultSerializer(many=True, help_text="One per address, in order.")
        summary = serializers.CharField(help_text="As the dashboard reports it.")

        class Meta:
            ref_name = "CohortEnrollListReport"

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer})
    def post(self, request, cohort_id: int):
        cohort = _managed_cohort(request, cohort_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.cohort_enroll_emails(
            cohort=cohort, addresses=data.validated_data["emails"], by=request.user
        )
        result_of = {address: name for name in RESULTS for address in getattr(report, name)}
        addresses = dict.fromkeys(address.lower() for address in data.validated_data["emails"])
        results = [{"email": address, "result": result_of[address]} for address in addresses]
        return Response(
            self.OutputSerializer({"results": results, "summary": report.summary()}).data
        )


class CohortAnnouncementsApi(APIView):
    """Post an announcement to the cohort: every active learner is emailed."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        title = fields.CharField(max_length=Announcement._meta.get_field("title").max_length)
        body = fields.CharField(max_length=Announcement._meta.get_field("body").max_length)

        class Meta:
            ref_name = "AnnouncementInput"

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        cohort_id = serializers.IntegerField()
        title = serializers.CharField()
        body = serializers.CharField()
        created_at = serializers.DateTimeField()

        class Meta:
            ref_name = "Announcement"

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request, cohort_id: int):
        cohort = _managed_cohort(request, cohort_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        announcement = services.announcement_post(
            cohort=cohort, author=request.user, **data.validated_data
        )
        return Response(self.OutputSerializer(announcement).data, status=status.HTTP_201_CREATED)


class CohortLiveSessionsApi(APIView):
    """Schedule a live session of the cohort. ``starts_at`` without an offset is a wall-clock
    time in the cohort's time zone, as the admin reads it."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        title = fields.CharField(max_length=LiveSession._meta.get_field("title").max_length)
        kind = fields.ChoiceField(
            choices=LiveSession.Kind.choices, default=LiveSession.Kind.OFFICE_HOURS
        )
        starts_at = fields.ZonedDateTimeField(help_text="Without an offset: in the cohort's zone.")
        duration_minutes = fields.IntegerField(min_value=5, max_value=600, default=60)
        join_url = fields.CharField(
            max_length=LiveSession._meta.get_field("join_url").max_length,
            allow_blank=True,
            default="",
        )
        notes = fields.CharField(max_length=10_000, allow_blank=True, default="")

        class Meta:
            ref_name = "LiveSessionInput"

    @extend_schema(request=InputSerializer, responses={201: LiveSessionSerializer})
    def post(self, request, cohort_id: int):
        cohort = _managed_cohort(request, cohort_id)
        data = self.InputSerializer(data=request.data, context={"zone": cohort.tz})
        data.is_valid(raise_exception=True)
        session = services.live_session_create(
            cohort=cohort, by=request.user, **data.validated_data
        )
        output = LiveSessionSerializer(session, context={"show_join_links": True})
        return Response(output.data, status=status.HTTP_201_CREATED)


class CohortLiveSessionApi(APIView):
    """Change (PATCH: the fields sent) or cancel (DELETE) one of the cohort's live sessions.
    A session of another cohort is a 404."""

    permission_classes = [IsAuthenticated]

    def _session(self, request, cohort_id: int, session_id: int) -> LiveSession:
        cohort = _managed_cohort(request, cohort_id)
        session = fetch_or_404(
            cohort.live_sessions, message="This cohort has no such live session.", pk=session_id
        )
        session.cohort = cohort
        return session

    @extend_schema(
        request=CohortLiveSessionsApi.InputSerializer, responses={200: LiveSessionSerializer}
    )
    def patch(self, request, cohort_id: int, session_id: int):
        session = self._session(request, cohort_id, session_id)
        data = CohortLiveSessionsApi.InputSerializer(
            data=request.data, partial=True, context={"zone": session.cohort.tz}
        )
        data.is_valid(raise_exception=True)
        session = services.live_session_update(
            session=session, by=request.user, **data.validated_data
        )
        return Response(LiveSessionSerializer(session, context={"show_join_links": True}).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, cohort_id: int, session_id: int):
        session = self._session(request, cohort_id, session_id)
        services.live_session_delete(session=session, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ModuleScheduleApi(APIView):
    """Move one module's dates in the cohort: a fixed ``release_on`` / ``due_on`` overrides
    the offset from the start (``null`` goes back to the offset). Fields not sent keep their
    value. A module may not open after the cohort ends, nor be due before it opens."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        release_on = fields.DateField(allow_null=True, required=False)
        due_on = fields.DateField(allow_null=True, required=False)
        release_offset_days = fields.IntegerField(
            min_value=0, max_value=3650, required=False, help_text="Days after the start."
        )
        due_offset_days = fields.IntegerField(
            min_value=0, max_value=3650, required=False, help_text="Days after the start."
        )

        class Meta:
            ref_name = "ModuleScheduleInput"

    @extend_schema(request=InputSerializer, responses={200: ScheduledModuleSerializer})
    def patch(self, request, cohort_id: int, module_id: int):
        cohort = _managed_cohort(request, cohort_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        schedule = fetch_or_404(
            cohort.schedules.select_related("module"),
            message="This cohort has no such module in its schedule.",
            module_id=module_id,
        )
        schedule.cohort = cohort
        values = {"release_on": schedule.release_on, "due_on": schedule.due_on}
        values.update(data.validated_data)
        schedule = services.schedule_update(schedule=schedule, by=request.user, **values)
        return Response(ScheduledModuleSerializer(schedule).data)
