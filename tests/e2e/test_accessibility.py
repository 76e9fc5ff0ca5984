"""WCAG 2.1 AA, measured: axe-core (bundled by axe-playwright-python, nothing fetched) runs on
every key page as the user who sees it, and the same pages' HTML passes the Nu Html Checker.

One browser context per person, logged in once; the key pages' addresses are found by
following the links those people see (no database ids are guessed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD

from .conftest import Guard, GuardedBrowser

ROOT = Path(__file__).resolve().parents[2]
# CI installs the npm package `vnu-jar` here (.ci/run); PRAXIS_VNU_JAR points elsewhere.
VNU_JAR = Path(
    os.environ.get("PRAXIS_VNU_JAR", ROOT / "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)
JAVA = os.environ.get("PRAXIS_JAVA") or shutil.which("java")

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # WCAG 2.5.3 "Label in Name": axe ships this check as experimental, so it is off unless
    # asked for by name.
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}

COURSE = "/courses/coaching-from-theory-to-practice/"
COHORT = "Fall 2026 Facilitated Cohort"
THREAD = "How do you get teachers to actually come to office hours?"
ANONYMOUS = ""

# (key page, who sees it)
KEY_PAGES = [
    ("home", "maya"),
    ("home-anonymous", ANONYMOUS),
    ("catalog", "maya"),
    ("course", "maya"),
    ("lesson", "maya"),
    ("login", ANONYMOUS),
    ("sign-up", ANONYMOUS),
    ("my-learning", "maya"),
    ("cohort", "maya"),
    ("space", "maya"),
    ("thread", "maya"),
    ("practice-log", "maya"),
    ("teacher-feedback-form", ANONYMOUS),
    ("my-badges", "maya"),
    ("public-award", ANONYMOUS),
    ("public-profile", ANONYMOUS),
    ("facilitator-dashboard", "fran"),
    ("reflections-review", "fran"),
    ("certification-queue", "fran"),
    ("team-dashboard", "lena"),
    ("team-practice", "lena"),
    # Pages on the way to those, checked just as well.
    ("cohort-catalog", "maya"),
    ("module", "maya"),
    ("community", "maya"),
    ("notifications", "maya"),
    ("practice-entry", "maya"),
    ("account", "maya"),
    ("search", "maya"),
    ("thread-as-facilitator", "fran"),
]


class People:
    """One logged-in browser context per person (and one anonymous), made on first use."""

    def __init__(self, browser, server):
        self.browser, self.server, self.pages = browser, server, {}

    def __getitem__(self, username: str):
        if username not in self.pages:
            context = self.browser.new_context(
                base_url=self.server, viewport={"width": 1280, "height": 900}
            )
            page = context.new_page()
            page.set_default_timeout(15_000)
            if username:
                page.goto("/accounts/login/")
                page.get_by_label("Email or username").fill(username)
                page.get_by_label("Password").fill(DEMO_PASSWORD)
                page.get_by_role("button", name="Log in").click()
                page.wait_for_url("**/")
            self.pages[username] = page
        return self.pages[username]

    def close(self):
        for page in self.pages.values():
            page.context.close()


def _href(page, selector: str) -> str:
    locator = page.locator(selector).first
    expect(locator).to_be_attached()
    return locator.get_attribute("href")


def _path(page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def _find_addresses(people: People) -> dict[str, str]:
    """Each key page's address, reached the way its person reaches it."""
    maya, fran, lena = people["maya"], people["fran"], people["lena"]
    found = {
        "home": "/",
        "home-anonymous": "/",
        "catalog": "/courses/",
        "course": COURSE,
        "login": "/accounts/login/",
        "sign-up": "/accounts/signup/",
        "my-learning": "/learn/",
        "practice-log": "/practice/",
        "my-badges": "/badges/",
        "certification-queue": "/badges/queue/",
        "cohort-catalog": "/cohorts/",
        "community": "/community/",
        "notifications": "/community/notifications/",
        "account": "/accounts/profile/",
        "search": "/search/?q=trust",
    }
    maya.goto(COURSE)
    maya.get_by_role("link", name="Start with lesson 1.1").click()
    expect(maya.get_by_role("navigation", name="Course outline")).to_be_visible()
    found["lesson"] = _path(maya)
    found["module"] = _href(maya, ".outline a.outline__module")

    maya.goto("/cohorts/")
    maya.get_by_role("link", name=COHORT).first.click()
    expect(maya.locator("h1")).to_contain_text(COHORT)
    found["cohort"] = _path(maya)

    maya.goto("/community/")
    maya.get_by_role("link", name=COHORT).first.click()
    expect(maya.get_by_role("link", name=THREAD)).to_be_visible()
    found["space"] = _path(maya)
    maya.get_by_role("link", name=THREAD).click()
    expect(maya.get_by_role("heading", name=THREAD)).to_be_visible()
    found["thread"] = found["thread-as-facilitator"] = _path(maya)

    maya.goto("/practice/")
    maya.locator(".entry-item a").first.click()
    found["practice-entry"] = _path(maya)
    maya.get_by_role("button", name="Make a feedback link").click()
    found["teacher-feedback-form"] = re.sub(
        r"^https?://[^/]+", "", maya.locator("[data-feedback-url]").input_value()
    )

    maya.goto("/badges/")
    found["public-award"] = _href(maya, ".award-card a[href^='/badges/awards/']")
    found["public-profile"] = _href(maya, "a[href^='/badges/people/']")

    fran.goto("/learn/")
    fran.get_by_role("link", name=f"Facilitator dashboard: {COHORT}").click()
    expect(fran.locator("table.matrix")).to_be_visible()
    found["facilitator-dashboard"] = _path(fran)
    found["reflections-review"] = _href(fran, "a[href$='/reflections/']")

    lena.goto("/learn/")
    found["team-dashboard"] = _href(lena, "a[href^='/teams/']")
    found["team-practice"] = _href(lena, "a[href^='/practice/teams/']")
    return found


@pytest.fixture(scope="module")
def guarded(chromium):
    """The module's Chromium behind the closed-network and CSP guard (conftest.py); the
    contexts live for the module, so each test checks the guard itself."""
    return GuardedBrowser(chromium, Guard())


@pytest.fixture(autouse=True)
def _guard_each_test(guarded):
    yield
    problems = list(guarded.guard.problems)
    guarded.guard.problems.clear()
    assert problems == [], "\n".join(problems)


@pytest.fixture(scope="module")
def people(guarded, server):
    everyone = People(guarded, server)
    yield everyone
    everyone.close()


@pytest.fixture(scope="module")
def addresses(people):
    return _find_addresses(people)


def _open(people, addresses, name: str, username: str):
    page = people[username]
    response = page.goto(addresses[name])
    assert response is not None and response.status == 200, f"{name}: {addresses[name]}"
    page.wait_for_load_state("load")
    return page


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            messages = [c["message"] for key in ("any", "all", "none") for c in node.get(key, [])]
            lines.append(f"    {', '.join(node['target'])}: {node['html'][:200]}")
            lines.extend(f"        {message}" for message in messages[:2])
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "username"), KEY_PAGES, ids=[name for name, _ in KEY_PAGES])
def test_key_page_has_no_wcag_violations(people, addresses, name, username):
    from axe_playwright_python.sync_playwright import Axe

    page = _open(people, addresses, name, username)
    # Folded content (share panels, transcripts, edit forms) is checked too: axe skips what
    # is not rendered.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe on {name} ({addresses[name]}) as {username or 'anonymous'}:\n" + (
        _report(violations)
    )


def test_the_bell_says_its_number_in_its_name(people):
    """WCAG 2.5.3: what the bell shows (the unread count) is part of what it is called."""
    page = people["maya"]
    page.goto("/courses/")
    bell = page.locator(".nav-bell")
    count = page.locator(".nav-bell [data-unread]")
    expect(count).to_be_visible()  # the demo leaves Maya unread notifications
    number = count.inner_text().strip()
    assert number.isdigit()
    expect(bell).to_have_accessible_name(f"Notifications {number} unread")
    assert bell.get_attribute("aria-label") is None


def test_skip_link_lands_on_the_lesson_not_the_outline(people, addresses):
    page = _open(people, addresses, "lesson", "maya")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    assert page.locator(".outline :focus").count() == 0, "the next Tab went into the outline"
    assert page.locator(".lesson :focus").count() == 1, "the next Tab did not reach the lesson"


def _vnu_errors(files: dict[str, Path]) -> list[dict]:
    result = subprocess.run(  # noqa: S603 (our own files through the checker)
        [
            JAVA,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, files.values()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def test_key_pages_are_valid_html(people, addresses, tmp_path):
    """The Nu Html Checker (vnu.jar) finds no errors in the HTML the server sends."""
    missing = None
    if not JAVA:
        missing = "java not found: install a JRE (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        missing = (
            f"vnu.jar not found at {VNU_JAR}: `npm install --prefix var/vnu --ignore-scripts "
            "vnu-jar` (or set PRAXIS_VNU_JAR)"
        )
    if missing and os.environ.get("PRAXIS_REQUIRE_HTML_CHECK"):
        pytest.fail(f"The HTML check is required here (PRAXIS_REQUIRE_HTML_CHECK): {missing}")
    if missing:
        pytest.skip(missing)
    files = {}
    for name, username in KEY_PAGES:
        response = people[username].context.request.get(addresses[name])
        assert response.status == 200, f"{name}: {addresses[name]}"
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.body())
    errors = [m for m in _vnu_errors(files) if m.get("type") in ("error", "non-document-error")]
    report = "\n".join(
        f"{Path(m.get('url', '')).stem} line {m.get('lastLine')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:160]!r}"
        for m in errors
    )
    assert not errors, f"The Nu Html Checker found {len(errors)} errors:\n{report}"
