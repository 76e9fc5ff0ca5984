"""Team leads: aggregates of the teams they lead (the district view). Never a note or a
comment; any team they do not lead is a 404."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import fetch_or_404

from ... import selectors
from ..serializers import TeamAggregateSerializer
from ._common import MONTHS, _months


class TeamAggregateListApi(APIView):
    """Leads: aggregates of every team I lead (the district view). Never notes or comments."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[MONTHS], responses=TeamAggregateSerializer(many=True))
    def get(self, request):
        aggregates = selectors.lead_aggregates(user=request.user, months=_months(request, 6))
        return Response(TeamAggregateSerializer(aggregates, many=True).data)


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
        return Response(TeamAggregateSerializer(aggregates[0]).data)
