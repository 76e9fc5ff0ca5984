"""The badges offered, with their rules and alignments."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from core.api.pagination import PagedListMixin

from ... import selectors
from ..serializers import BadgeClassSerializer


class BadgeClassListApi(PagedListMixin, APIView):
    """Badges offered, with their rules and alignments."""

    permission_classes = [AllowAny]

    @extend_schema(responses=BadgeClassSerializer(many=True))
    def get(self, request):
        page = self.paginate(selectors.badge_class_list())
        data = BadgeClassSerializer(page, many=True, context={"request": request}).data
        return self.paginated_response(data)
