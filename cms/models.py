"""The home page: the root of the public site."""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.models import CachedViewRestrictions
from courses.selectors import catalog_page, course_catalog
from courses.versions import content_generation

#: Route entries are keyed on the generation; this only bounds how long old ones stay.
ROUTE_TIMEOUT = 60 * 60


class HomePage(CachedViewRestrictions, Page):
    headline = models.CharField(max_length=200, default="Grow the coaches your teachers trust")
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("headline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Find ``/courses/<course>/<module>/<lesson>/`` by its stored ``url_path``, not one
        child lookup (and one ``specific``) per level: the same page Wagtail's walk finds,
        since no page type below the home page routes on its own (no RoutablePageMixin;
        tests/cms/test_routing.py holds that). Which page a path names is remembered under
        the course tree's generation (``courses.versions``), so a request fetches only the
        page itself, in one query of its own type."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        # Hashed: the path is the visitor's, and may hold anything (quotes, NULs, 1,000 bytes).
        where = hashlib.sha256(url_path.encode("utf-8", "surrogateescape")).hexdigest()
        key = f"route:{content_generation()}:{self.pk}:{where}"
        found = cache.get(key)
        if found is None:
            found = (
                Page.objects.filter(
                    path__startswith=self.path,
                    depth=self.depth + len(path_components),
                    url_path=url_path,
                )
                .order_by()
                .values_list("pk", "content_type_id")
                .first()
            )
            if found is None:
                raise Http404
            cache.set(key, found, ROUTE_TIMEOUT)
        pk, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk).first() if model else None
        if page is None:
            raise Http404
        return page.route(request, [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_catalog(request=request)
        context["catalog"] = catalog_page()
        return context
