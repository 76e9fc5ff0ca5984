"""A coach's own summary: hours per month by kind, the monthly target and its progress."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ... import selectors
from ..serializers import MonthSerializer
from ._common import MONTHS, _months


class SummaryApi(APIView):
    """My hours per month by kind, my monthly target and this month's progress."""

    permission_classes = [IsAuthenticated]

    # A ``selectors.MonthlySummary``.
    class OutputSerializer(serializers.Serializer):
        target_hours = serializers.DecimalField(
            source="target", max_digits=5, decimal_places=1, allow_null=True
        )
        percent_of_target = serializers.IntegerField(source="percent")
        months = MonthSerializer(many=True)

        class Meta:
            ref_name = "PracticeSummary"

    @extend_schema(parameters=[MONTHS], responses=OutputSerializer)
    def get(self, request):
        summary = selectors.monthly_summary(user=request.user, months=_months(request, 12))
        # The coach's own view: counts and averages from the first answer.
        return Response(self.OutputSerializer(summary, context={"own": True}).data)
