"""District teams: yours, a team's progress for its leads, invitations and join links."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.schema import errors
from cms.errors import PermissionDenied
from core.api import fields

from ... import selectors, services
from ...models import TeamMembership
from ..serializers import EnrollmentSerializer, LearnerProgressSerializer, TeamSerializer
from ._common import _enrollment_response, _my_team

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
