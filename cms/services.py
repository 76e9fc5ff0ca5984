"""Writes of the site itself: its home page and default site, above every app's pages."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, Site

from core.urls import site_host_port
from courses.models import CourseIndexPage
from courses.services import catalog_ensure, publish

from .models import HomePage


@transaction.atomic
def site_root_ensure(
    *, hostname: str | None = None, port: int | None = None
) -> tuple[HomePage, CourseIndexPage]:
    """Make a HomePage the default site's root and give it a course catalog at /courses/.

    Replaces Wagtail's placeholder "Welcome" page on a fresh database; leaves an existing
    HomePage and catalog untouched. The default site's hostname and port are the public
    address (SITE_URL, unless given), so ``page.full_url`` matches every other absolute link.
    """
    site_hostname, site_port = site_host_port()
    hostname = hostname or site_hostname
    port = port or site_port
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Praxis",
            slug="praxis-home",
            headline="Grow the coaches your teachers trust",
            intro=(
                "<p>Praxis trains classroom teachers to become the on-site technology coaches "
                "their colleagues rely on: self-paced or in facilitated cohorts, together as a "
                "district team, with real coaching practice and credentials worth sharing.</p>"
            ),
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Praxis"
        )
    else:
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        if site.root_page_id != home.pk:
            placeholder = site.root_page
            site.root_page = home
            site.site_name = site.site_name or "Praxis"
            site.save(update_fields=["root_page", "site_name"])
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()
    return home, catalog_ensure(home=home)
