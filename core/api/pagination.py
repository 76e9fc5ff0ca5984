"""Paged lists. A view that answers one page at a time says so in ``pagination_class``
(most simply by taking ``PagedListMixin``): that attribute is what the OpenAPI schema reads to
describe the page envelope and its ``page``/``page_size`` parameters, so a view that paged
with a paginator made by hand would be described as a bare array and break generated
clients. The paginator refuses such a view (a programming error, caught by its tests)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        declared = getattr(view, "pagination_class", None)
        if view is not None and not (declared and isinstance(self, declared)):
            raise ImproperlyConfigured(
                f"{type(view).__name__} pages its answer: declare pagination_class "
                "(PagedListMixin) so that the API schema describes the page."
            )
        return super().paginate_queryset(queryset, request, view=view)


class PagedListMixin:
    """For an ``APIView`` whose GET answers a page: ``self.paginate(items)`` gives this page's
    items, ``self.paginated_response(rows)`` the envelope (count, next, previous, results)."""

    pagination_class = PageNumberPagination

    def paginate(self, items) -> list:
        self.paginator = self.pagination_class()
        return self.paginator.paginate_queryset(items, self.request, view=self)

    def paginated_response(self, rows):
        return self.paginator.get_paginated_response(rows)
