"""The front end's one rule for styles: the site's sheet (cms/static/css/praxis.css) is linked by
base.html on every page; an app's own styles are in <app>/static/<app>/<app>.css, linked only by
<app>/templates/<app>/base.html, which every page of that app extends."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders

ROOT = Path(settings.BASE_DIR)
STYLESHEET_LINK = re.compile(r"<link[^>]*rel=\"stylesheet\"[^>]*>")
# A framed document of its own (the email-signature preview), not a page of the site.
STANDALONE = {"badges/templates/badges/signature_preview.html"}


def project_apps():
    return [config for config in apps.get_app_configs() if Path(config.path).parent == ROOT]


def app_sheet(config):
    return Path(config.path) / "static" / config.label / f"{config.label}.css"


def templates_of(config):
    return sorted((Path(config.path) / "templates").rglob("*.html"))


def test_only_the_base_templates_link_stylesheets():
    linking = {
        str(path.relative_to(ROOT))
        for config in project_apps()
        for path in templates_of(config)
        if STYLESHEET_LINK.search(path.read_text())
    }
    expected = {"cms/templates/base.html"} | STANDALONE
    expected |= {
        f"{config.label}/templates/{config.label}/base.html"
        for config in project_apps()
        if app_sheet(config).exists()
    }
    assert linking == expected


@pytest.mark.parametrize("label", ["courses", "cohorts", "community", "practice", "badges"])
def test_each_app_with_styles_links_its_own_sheet_from_its_base(label):
    config = apps.get_app_config(label)
    assert app_sheet(config).exists()
    assert finders.find(f"{label}/{label}.css")
    base = Path(config.path) / "templates" / label / "base.html"
    text = base.read_text()
    assert text.startswith('{% extends "base.html" %}')
    assert STYLESHEET_LINK.findall(text) == [
        f'<link rel="stylesheet" href="{{% static \'{label}/{label}.css\' %}}">'
    ]
    pages = [path for path in templates_of(config) if "{% extends" in path.read_text()]
    assert pages
    for page in pages:
        if page != base:
            assert page.read_text().startswith(f'{{% extends "{label}/base.html" %}}'), page


# Not site pages under the strict CSP: emails, the signature snippet, and the bare error pages
# that carry their own style (core/csp.py ERROR_PAGE allows it).
NOT_UNDER_CSP = STANDALONE | {"cms/templates/500.html", "cms/templates/503.html"}


def test_no_template_styles_inline():
    # The CSP allows no inline styles on pages: every style is in a stylesheet above.
    for config in project_apps():
        for path in templates_of(config):
            relative = str(path.relative_to(ROOT))
            if relative in NOT_UNDER_CSP or "/email/" in relative:
                continue
            text = path.read_text()
            assert "<style" not in text and " style=" not in text, relative
