from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from core import converters

        converters.register()  # <id:…> and <page_id:…>, before any URLconf is imported
