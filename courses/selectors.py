"""Read queries over the course tree, shaped so their query counts do not grow with the course.

A course outline is two queries (modules, lessons) whatever the number of lessons; a lesson
page adds one for its ancestors and one for its course.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search.query import PlainText

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .versions import content_generation

HERO_RENDITION = "fill-720x360"


@dataclass(frozen=True)
class LessonEntry:
    id: int
    title: str
    slug: str
    url: str
    summary: str
    estimated_minutes: int
    number: str


@dataclass
class ModuleEntry:
    id: int
    title: str
    slug: str
    url: str
    summary: str
    number: int
    lessons: list[LessonEntry] = field(default_factory=list)

    @property
    def estimated_minutes(self) -> int:
        return sum(lesson.estimated_minutes for lesson in self.lessons)


@dataclass
class CourseOutline:
    course: CoursePage
    modules: list[ModuleEntry]

    @property
    def lessons(self) -> list[LessonEntry]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def lesson_count(self) -> int:
        return sum(len(module.lessons) for module in self.modules)

    @property
    def first_lesson(self) -> LessonEntry | None:
        lessons = self.lessons
        return lessons[0] if lessons else None


@dataclass
class CourseCard:
    course: CoursePage
    url: str
    module_count: int
    lesson_count: int


@dataclass
class LessonNavigation:
    breadcrumbs: list[tuple[str, str]]
    course: CoursePage
    course_url: str
    outline: CourseOutline
    current_id: int
    previous: LessonEntry | None
    next: LessonEntry | None
    position: int | None


def _url(page: Page, request) -> str:
    return page.get_url(request=request) or ""


def course_outline(*, course: CoursePage, request=None) -> CourseOutline:
    """Modules and lessons of a live course, in tree order (two queries)."""
    return course_outlines(courses=[course], request=request)[course.pk]


def lesson_navigation(*, page: ModulePage | LessonPage, request=None) -> LessonNavigation:
    """Breadcrumbs, the course outline and previous/next for a module or lesson page: the
    breadcrumbs and the course from the cache under the tree's generation, like the outline."""

    key = _tree_key("nav", page, request, content_generation())
    found = cache.get(key)
    if found is None:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gt=2).order_by("depth")
        course_depth = 2 if isinstance(page, LessonPage) else 1
        course_path = page.path[: -Page.steplen * course_depth]
        course = CoursePage.objects.select_related("hero_image").get(path=course_path)
        breadcrumbs = [(ancestor.title, _url(ancestor, request)) for ancestor in ancestors]
        found = (breadcrumbs, course, _url(course, request))
        cache.set(key, found, 24 * 3600)
    breadcrumbs, course, course_url = found
    outline = course_outline(course=course, request=request)
    lessons = outline.lessons
    position = next((i for i, lesson in enumerate(lessons) if lesson.id == page.id), None)
    previous = nxt = None
    if position is not None:
        previous = lessons[position - 1] if position > 0 else None
        nxt = lessons[position + 1] if position + 1 < len(lessons) else None
    return LessonNavigation(
        breadcrumbs=breadcrumbs,
        course=course,
        course_url=course_url,
        outline=outline,
        current_id=page.id,
        previous=previous,
        next=nxt,
        position=position,
    )


def course_list(*, under: Page | None = None):
    """Live, public courses (with hero images and their catalog rendition prefetched)."""
    images = get_image_model().objects.prefetch_renditions(HERO_RENDITION)
    queryset = (
        CoursePage.objects.live()
        .public()
        .prefetch_related(Prefetch("hero_image", queryset=images))
        .order_by("path")
    )
    if under is not None:
        queryset = queryset.descendant_of(under)
    return queryset


def course_catalog(*, index_page: CourseIndexPage | None = None, request=None) -> list[CourseCard]:
    """Catalog cards with module and lesson counts, in a fixed number of queries."""
    courses = list(course_list(under=index_page))
    module_paths = ModulePage.objects.live().public().values_list("path", flat=True)
    lesson_paths = LessonPage.objects.live().public().values_list("path", flat=True)
    modules: dict[str, int] = defaultdict(int)
    lessons: dict[str, int] = defaultdict(int)
    for path in module_paths:
        modules[path[: -Page.steplen]] += 1
    for path in lesson_paths:
        lessons[path[: -Page.steplen * 2]] += 1
    return [
        CourseCard(
            course=course,
            url=_url(course, request),
            module_count=modules[course.path],
            lesson_count=lessons[course.path],
        )
        for course in courses
    ]


def catalog_page() -> CourseIndexPage | None:
    """The live course catalog page, if the site has one."""
    return CourseIndexPage.objects.live().public().order_by("path").first()


SEARCH_MAX_LENGTH = 200


def search_terms(query: str) -> str:
    """The query as plain words: any character that is not a letter or a digit separates
    words. Each search backend has its own syntax (SQLite FTS5 treats ``"``, ``*``, ``(``,
    ``NEAR``, ``-``, ``^`` as operators, and Wagtail's SQLite backend does not escape ``"``),
    so a person's query must never reach it as syntax; the words alone are what they meant."""
    return " ".join(re.sub(r"[\W_]+", " ", query[:SEARCH_MAX_LENGTH]).split())


def site_search(*, query: str):
    """Full-text search over live, public course content (courses, modules, lessons). Any
    text is a valid query: it is searched as plain words (``search_terms``)."""
    terms = search_terms(query)
    pages = Page.objects.live().public().type(CoursePage, ModulePage, LessonPage).specific()
    if not terms:
        return pages.none()
    return pages.search(PlainText(terms))


def _tree_key(kind: str, page, request, generation: str) -> str:
    """A cache key for what a page's place in the tree gives (its URLs differ per site)."""

    site = Site.find_for_request(request) if request is not None else None
    return f"{kind}:{page.pk}:{site.pk if site else '-'}:{generation}"


def course_outlines(*, courses, request=None) -> dict[int, CourseOutline]:
    """Outlines of several courses: from the cache under the course tree's generation
    (``courses.versions``), else in two queries whatever their size (for dashboards listing
    many enrollments)."""

    courses = list(courses)
    if not courses:
        return {}
    generation = content_generation()
    keys = {course.pk: _tree_key("outline", course, request, generation) for course in courses}
    cached = cache.get_many(keys.values())
    outlines = {
        course.pk: CourseOutline(course=course, modules=cached[keys[course.pk]])
        for course in courses
        if keys[course.pk] in cached
    }
    missing = [course for course in courses if course.pk not in outlines]
    if missing:
        built = _build_outlines(courses=missing, request=request)
        cache.set_many({keys[pk]: outline.modules for pk, outline in built.items()}, 24 * 3600)
        outlines.update(built)
    return outlines


def _build_outlines(*, courses, request=None) -> dict[int, CourseOutline]:
    by_path = {course.path: course for course in courses}
    module_q = ModulePage.objects.none()
    lesson_q = LessonPage.objects.none()
    for course in courses:
        module_q = module_q | ModulePage.objects.descendant_of(course)
        lesson_q = lesson_q | LessonPage.objects.descendant_of(course)
    modules = module_q.live().public().order_by("path")
    lessons = lesson_q.live().public().defer("body").order_by("path")
    lessons_by_module: dict[str, list[LessonPage]] = defaultdict(list)
    for lesson in lessons:
        lessons_by_module[lesson.path[: -Page.steplen]].append(lesson)
    outlines = {course.pk: CourseOutline(course=course, modules=[]) for course in courses}
    for module in modules:
        course = by_path.get(module.path[: -Page.steplen])
        if course is None:
            continue
        outline = outlines[course.pk]
        m_index = len(outline.modules) + 1
        entry = ModuleEntry(
            id=module.id,
            title=module.title,
            slug=module.slug,
            url=_url(module, request),
            summary=module.summary,
            number=m_index,
        )
        for l_index, lesson in enumerate(lessons_by_module.get(module.path, []), start=1):
            entry.lessons.append(
                LessonEntry(
                    id=lesson.id,
                    title=lesson.title,
                    slug=lesson.slug,
                    url=_url(lesson, request),
                    summary=lesson.summary,
                    estimated_minutes=lesson.estimated_minutes,
                    number=f"{m_index}.{l_index}",
                )
            )
        outline.modules.append(entry)
    return outlines


# What courses adds to its pages' context (core.contributions, registered in CoursesConfig.ready).


def catalog_context(*, request, page, context) -> dict:
    return {"courses": course_catalog(index_page=page, request=request)}


def course_context(*, request, page, context) -> dict:
    return {"outline": course_outline(course=page, request=request)}


def navigation_context(*, request, page, context) -> dict:
    """A module's or lesson's ``nav``; its ``course`` is what the apps after courses read."""
    return {"nav": lesson_navigation(page=page, request=request)}
