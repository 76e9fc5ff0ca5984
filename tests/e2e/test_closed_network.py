"""A closed school network: no page, the Wagtail admin included, asks any host but the
server itself for anything, and no page breaks its Content-Security-Policy. The guard in
conftest.py checks every browser test; these tests prove the guard and walk the admin."""

from __future__ import annotations

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD


def _login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_the_guard_catches_another_host_and_a_csp_violation(browser, server):
    context = browser.new_context(base_url=server)
    page = context.new_page()
    page.goto("/")
    # An image from another host: refused and recorded.
    page.evaluate(
        """() => new Promise((done) => {
            const img = new Image();
            img.onload = img.onerror = () => done();
            img.src = "https://gravatar.example.org/avatar.png";
        })"""
    )
    # An inline script: the policy blocks it (it never runs) and the browser reports it.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
        }"""
    )
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("window.__ran === undefined")
    context.close()
    problems = list(browser.guard.problems)
    browser.guard.problems.clear()  # seen here on purpose; the fixture would fail on them
    assert any("gravatar.example.org" in p for p in problems), problems
    assert any("CSP violation" in p and "script" in p for p in problems), problems


def test_the_admin_stays_on_the_server(browser, server, screenshot):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    _login(page, "elena")
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible()
    # The account avatar is Wagtail's default, served here (it came from gravatar.com).
    images = page.evaluate("[...document.images].map((img) => img.src)")
    assert any("default-user-avatar" in src for src in images), images
    assert all(src.startswith(server) for src in images), images
    screenshot(page, "admin-dashboard")

    # A lesson as its editor sees it (with Wagtail's user bar), then its editor.
    page.goto("/courses/")
    page.get_by_role("link", name="Coaching from Theory to Practice").first.click()
    page.get_by_role("link", name="Start with lesson 1.1").click()
    edit = page.locator("wagtail-userbar a[href$='/edit/']").first
    expect(edit).to_be_attached()
    page.goto(edit.get_attribute("href"))
    expect(page.locator("form[data-edit-form]").first).to_be_visible()
    expect(page.get_by_role("button", name="Save draft").first).to_be_visible()
    screenshot(page, "admin-lesson-editor")

    for path in ("/admin/images/", "/admin/documents/", "/admin/snippets/", "/admin/users/"):
        page.goto(path)
        expect(page.locator("main")).to_be_visible()
    context.close()


def test_the_api_docs_and_browsable_api_stay_on_the_server(page):
    page.goto("/api/v1/docs/")
    expect(page.get_by_role("heading", name="Praxis API")).to_be_visible()
    expect(page.locator(".opblock").first).to_be_visible()
    page.goto("/api/v1/courses/")
    expect(page.locator(".response-info")).to_be_visible()
