"""The home page: the root of the public site."""

from __future__ import annotations

from django.db import models
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

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalog_page, course_catalog

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_catalog(request=request)
        context["catalog"] = catalog_page()
        return context
