"""The home page: the root of the public site."""

from __future__ import annotations

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    headline = models.CharField(max_length=200, default="Grow the coaches your teachers trust")
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("headline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Find ``/courses/<course>/<module>/<lesson>/`` in one query by its stored
        ``url_path``, not one child lookup (and one ``specific``) per level: the same page
        Wagtail's walk finds, since no page type below the home page routes on its own
        (no RoutablePageMixin; tests/cms/test_routing.py holds that)."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        page = (
            Page.objects.filter(
                path__startswith=self.path,
                depth=self.depth + len(path_components),
                url_path=url_path,
            )
            .order_by()
            .first()
        )
        if page is None:
            raise Http404
        return page.specific.route(request, [])

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalog_page, course_catalog

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_catalog(request=request)
        context["catalog"] = catalog_page()
        return context
