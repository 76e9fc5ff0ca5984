from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from core import contributions

        from . import selectors, versions

        versions.connect()
        contributions.contribute("courses.catalog", selectors.catalog_context)
        contributions.contribute("courses.course", selectors.course_context)
        contributions.contribute("courses.module", selectors.navigation_context)
        contributions.contribute("courses.lesson", selectors.navigation_context)
