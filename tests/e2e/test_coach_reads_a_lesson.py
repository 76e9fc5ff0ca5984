"""A coach logs in, opens the catalog, the flagship course and a lesson."""

from __future__ import annotations

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD


def test_coach_logs_in_and_reads_a_lesson(page, screenshot):
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill("maya")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    expect(page.locator(".site-nav__user")).to_have_text("Maya Robinson")

    page.get_by_role("link", name="Courses", exact=True).first.click()
    page.wait_for_url("**/courses/")
    expect(page.get_by_role("heading", name="Coaching from Theory to Practice")).to_be_visible()
    screenshot(page, "01-catalog")

    page.get_by_role("link", name="Coaching from Theory to Practice").first.click()
    expect(page.locator("h1")).to_have_text("Coaching from Theory to Practice")
    expect(page.locator(".syllabus > li").nth(4)).to_be_attached()  # five modules or more
    screenshot(page, "02-course")

    page.get_by_role("link", name="Start with lesson 1.1").click()
    outline = page.get_by_role("navigation", name="Course outline")
    expect(outline).to_be_visible()
    current = outline.locator('[aria-current="page"]')
    expect(current).to_contain_text("1.1")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_visible()
    screenshot(page, "03-lesson")

    page.locator("a[rel=next]").click()
    expect(outline.locator('[aria-current="page"]')).to_contain_text("1.2")
    # The stylesheet is served by the app itself and applied.
    expect(page.locator(".lesson")).to_have_css("background-color", "rgb(255, 255, 255)")
    screenshot(page, "04-next-lesson")


def test_lesson_on_a_phone(browser, server, screenshot):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/courses/coaching-from-theory-to-practice/")
    page.get_by_role("link", name="Start with lesson 1.1").click()
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the lesson page scrolls sideways on a phone"
    screenshot(page, "05-lesson-phone")
    context.close()


def test_search_finds_a_lesson(page, screenshot):
    page.goto("/search/?q=confidentiality")
    results = page.locator(".search-results li")
    expect(results.first).to_be_visible()
    results.first.get_by_role("link").click()
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "06-search-result")
