"""Course content as Wagtail pages: the content tree *is* the syllabus.

CourseIndexPage (the catalog) → CoursePage → ModulePage → LessonPage. Pages hold what
editors write; cohorts, enrollments and progress live in plain models that point here.
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.contributions import add_contributions

from .blocks import INLINE_FEATURES, LessonStreamBlock
from .page_cache import mark_anonymous_cacheable
from .versions import content_generation


class Pace(models.TextChoices):
    """How a course is taken: a course offers one or both; each cohort runs one."""

    SELF_PACED = "self_paced", "Self-paced"
    FACILITATED = "facilitated", "Facilitated"


class CachedViewRestrictions:
    """Wagtail asks for a page's view restrictions (its own and its ancestors', two queries)
    on every view. Which ones apply is remembered under the content generation
    (``courses.versions``), which a changed restriction or page starts anew; when none apply,
    as for nearly every page, the answer is an empty queryset that runs no query."""

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        key = f"restrictions:{content_generation()}:{self.pk}"
        ids = cache.get(key)
        if ids is None:
            ids = list(super().get_view_restrictions().values_list("pk", flat=True))
            cache.set(key, ids, 60 * 60)
        restrictions = PageViewRestriction.objects.all()
        return restrictions.filter(pk__in=ids) if ids else restrictions.none()


class CourseIndexPage(CachedViewRestrictions, Page):
    intro = RichTextField(blank=True, features=INLINE_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = "course catalog"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_contributions("courses.catalog", request=request, page=self, context=context)


class CoursePage(CachedViewRestrictions, Page):
    summary = models.TextField(max_length=400, help_text="One or two sentences for the catalog.")
    intro = RichTextField(blank=True, features=INLINE_FEATURES)
    outcomes = StreamField(
        [("outcome", blocks.CharBlock(max_length=300, label="Outcome"))],
        blank=True,
        help_text="What a coach can do after the course, one per line.",
    )
    audience = models.TextField(blank=True, max_length=600)
    estimated_hours = models.PositiveSmallIntegerField(default=10)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offered_self_paced = models.BooleanField("offered self-paced", default=True)
    offered_facilitated = models.BooleanField("offered in facilitated cohorts", default=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("audience"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        FieldPanel("outcomes"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_hours"),
                FieldPanel("offered_self_paced"),
                FieldPanel("offered_facilitated"),
            ],
            heading="Format",
        ),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "course"

    def clean(self):
        super().clean()
        if not (self.offered_self_paced or self.offered_facilitated):
            raise ValidationError("A course must be offered self-paced, facilitated, or both.")

    @property
    def paces(self) -> list[str]:
        return [
            pace
            for pace, offered in (
                (Pace.SELF_PACED, self.offered_self_paced),
                (Pace.FACILITATED, self.offered_facilitated),
            )
            if offered
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_contributions("courses.course", request=request, page=self, context=context)


class AnonymousCacheable:
    """A page that every anonymous visitor sees the same: its response is cached whole
    (``courses.page_cache``) until the page tree changes."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not request.user.is_authenticated:
            mark_anonymous_cacheable(response)
        return response


class ModulePage(AnonymousCacheable, CachedViewRestrictions, Page):
    summary = models.TextField(blank=True, max_length=600)

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "module"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_contributions("courses.module", request=request, page=self, context=context)


class LessonPage(AnonymousCacheable, CachedViewRestrictions, Page):
    summary = models.TextField(blank=True, max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(default=20)
    body = StreamField(LessonStreamBlock(), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "lesson"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_contributions("courses.lesson", request=request, page=self, context=context)
