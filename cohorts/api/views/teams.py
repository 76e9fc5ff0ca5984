"""District teams: yours, a team's progress for its leads, invitations and join links, and
team seats: a lead asks for more, a facilitator of the cohort or an administrator decides."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.schema import errors
from core.errors import PermissionDenied, fetch_or_404

from ... import selectors, services
from ...models import TeamMembership
from ...services.seats import MAX_SEATS_PER_REQUEST
from ..serializers import (
    EnrollmentSerializer,
    LearnerProgressSerializer,
    SeatRequestSerializer,
    TeamSerializer,
)
from ._common import _enrollment_response, _my_team

MAX_TEAM_SEATS = 10_000

# --- teams and invitations --------------------------------------------------------------------


class TeamListApi(APIView):
    """Teams you lead or belong to."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(TeamSerializer):
        my_role = serializers.CharField()

        class Meta:
            ref_name = "MyTeam"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        teams = selectors.teams_of(user=request.user)
        return Response(self.OutputSerializer(teams, many=True).data)


class TeamProgressApi(APIView):
    """For the team's leads: the team's totals and each member's progress (never
    reflections)."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        team = TeamSerializer()
        done = serializers.IntegerField()
        total = serializers.IntegerField()
        percent = serializers.IntegerField()
        behind = serializers.IntegerField(help_text="Members behind schedule.")
        complete = serializers.IntegerField(help_text="Members who finished the course.")
        members = LearnerProgressSerializer(many=True)

        class Meta:
            ref_name = "TeamProgress"

    @extend_schema(responses={200: OutputSerializer, **errors(403)})
    def get(self, request, team_id: int):
        team = _my_team(request, team_id)
        if team.my_role != TeamMembership.Role.LEAD:
            raise PermissionDenied("Only the team's leads can see its progress.")
        progress = selectors.team_progress(team=team, request=request)
        return Response(self.OutputSerializer(progress).data)


class TeamInvitationCreateApi(APIView):
    """A team lead invites someone by email; accepting enrolls them in a team seat."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        email = fields.EmailField()

        class Meta:
            ref_name = "TeamInvitationInput"

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        email = serializers.EmailField()
        team_id = serializers.IntegerField()
        cohort_id = serializers.IntegerField()
        expires_at = serializers.DateTimeField()

        class Meta:
            ref_name = "TeamInvitation"

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request, team_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team = _my_team(request, team_id)
        invitation = services.team_invite(
            team=team, email=data.validated_data["email"], by=request.user
        )
        return Response(self.OutputSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationAcceptApi(APIView):
    """Accept an emailed invitation (sent to your account's address): enrolls you."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, token: str):
        return _enrollment_response(services.invitation_accept(token=token, user=request.user))


class TeamJoinApi(APIView):
    """Follow a team's join link: become a member and take one of the team's seats."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, token: str):
        return _enrollment_response(services.team_join(token=token, user=request.user))


# --- seats ------------------------------------------------------------------------------------


def _decidable_request(request, request_id: int):
    """A pending request this person may decide (a facilitator of its cohort, an
    administrator), else 404, as the dashboard's grant and decline buttons."""
    seat_request = fetch_or_404(
        selectors.seat_requests_pending_for(user=request.user),
        what="request waiting for an answer",
        pk=request_id,
    )
    return seat_request


class TeamSeatsApi(APIView):
    """Set a team's seats, as whoever may reserve them (a facilitator of the cohort, an
    administrator): within the cohort's capacity and never below the seats its members hold;
    more seats enroll the invitees who signed up while the team was full. A member or lead of
    the team gets 403 (leads ask: ``seat-requests/``); anyone else 404."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        seats = fields.IntegerField(min_value=1, max_value=MAX_TEAM_SEATS)

        class Meta:
            ref_name = "TeamSeatsInput"

    @extend_schema(request=InputSerializer, responses={200: TeamSerializer})
    def patch(self, request, team_id: int):
        team = selectors.teams_seats_changeable_by(user=request.user).filter(pk=team_id).first()
        if team is None:
            _my_team(request, team_id)  # 404 unless they belong to it
            raise PermissionDenied(
                "Only a facilitator of this cohort or an administrator can "
                "change a team's seats; a lead asks for more."
            )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team = services.team_seats_set(
            team=team, seats=data.validated_data["seats"], by=request.user
        )
        return Response(TeamSerializer(team).data)


class TeamSeatRequestsApi(APIView):
    """A team lead asks for more seats in the team's cohort; its facilitators are emailed."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        seats = fields.IntegerField(min_value=1, max_value=MAX_SEATS_PER_REQUEST)
        message = fields.CharField(max_length=2_000, allow_blank=True, default="")

        class Meta:
            ref_name = "SeatRequestInput"

    @extend_schema(request=InputSerializer, responses={201: SeatRequestSerializer})
    def post(self, request, team_id: int):
        team = _my_team(request, team_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seat_request = services.seat_request_create(
            team=team, by=request.user, **data.validated_data
        )
        return Response(SeatRequestSerializer(seat_request).data, status=status.HTTP_201_CREATED)


class SeatRequestListApi(APIView):
    """Requests for team seats waiting for an answer that you may decide: those of the cohorts
    you facilitate, every one for an administrator."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=SeatRequestSerializer(many=True))
    def get(self, request):
        pending = selectors.seat_requests_pending_for(user=request.user)
        return Response(SeatRequestSerializer(pending, many=True).data)


class SeatRequestGrantApi(APIView):
    """Grant a request (all its seats, or ``seats`` of them) out of the cohort's free seats;
    the team's invitees who signed up while it was full are enrolled, and its leads emailed."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        seats = fields.IntegerField(
            min_value=1,
            max_value=MAX_SEATS_PER_REQUEST,
            required=False,
            allow_null=True,
            help_text="Fewer than asked for; all of them when left out.",
        )

        class Meta:
            ref_name = "SeatGrantInput"

    @extend_schema(request=InputSerializer, responses={200: SeatRequestSerializer})
    def post(self, request, request_id: int):
        seat_request = _decidable_request(request, request_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decided = services.seat_request_grant(
            seat_request=seat_request, by=request.user, seats=data.validated_data.get("seats")
        )
        return Response(SeatRequestSerializer(decided).data)


class SeatRequestDeclineApi(APIView):
    """Decline a request; the team's leads are emailed, with the reason when given."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        reason = fields.CharField(max_length=2_000, allow_blank=True, default="")

        class Meta:
            ref_name = "SeatDeclineInput"

    @extend_schema(request=InputSerializer, responses={200: SeatRequestSerializer})
    def post(self, request, request_id: int):
        seat_request = _decidable_request(request, request_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decided = services.seat_request_decline(
            seat_request=seat_request, by=request.user, reason=data.validated_data["reason"]
        )
        return Response(SeatRequestSerializer(decided).data)
