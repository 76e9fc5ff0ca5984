"""A coach enrolls in the running facilitated cohort, completes a lesson, and sees the
progress bar move; a locked module says when it opens."""

from __future__ import annotations

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD


def _login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def _progress_bar(page):
    return page.locator(".enrollment-card", has_text="Fall 2026 Facilitated Cohort").get_by_role(
        "progressbar"
    )


def test_coach_enrolls_completes_a_lesson_and_progress_moves(page, screenshot):
    _login(page, "ben")
    page.get_by_role("link", name="Cohorts", exact=True).click()
    page.get_by_role("link", name="Fall 2026 Facilitated Cohort").click()
    expect(page.get_by_text("Francesca Ortiz").first).to_be_visible()
    screenshot(page, "10-cohort-page")
    page.get_by_role("button", name="Enroll").click()
    expect(page.get_by_text("You're enrolled in Fall 2026 Facilitated Cohort")).to_be_visible()

    page.get_by_role("link", name="Go to my learning").click()
    expect(_progress_bar(page)).to_have_attribute("value", "0")
    screenshot(page, "11-my-learning-before")

    page.locator(".enrollment-card", has_text="Fall 2026 Facilitated Cohort").get_by_role(
        "link", name="Start: 1.1"
    ).click()
    page.get_by_role("button", name="Complete and continue").click()
    expect(page.locator('.outline [aria-current="page"]')).to_contain_text("1.2")
    expect(page.locator(".outline .done-mark")).to_have_count(1)
    screenshot(page, "12-lesson-after-complete")

    page.get_by_role("link", name="My learning").click()
    expect(_progress_bar(page)).to_have_attribute("value", "6")  # 1 of 18 lessons
    card = page.locator(".enrollment-card", has_text="Fall 2026 Facilitated Cohort")
    expect(card.locator(".progress__label")).to_contain_text("1 of 18 lessons")
    screenshot(page, "13-my-learning-after")


def test_unreleased_module_is_locked_with_its_date(page, screenshot):
    _login(page, "maya")
    page.goto("/courses/coaching-from-theory-to-practice/")
    page.locator(".syllabus > li").nth(4).get_by_role("link").first.click()
    lesson_link = page.locator(".syllabus li a").first
    lesson_link.click()
    expect(page.get_by_role("heading", name="Opens")).to_be_visible()
    expect(page.get_by_text("This module opens on")).to_be_visible()
    screenshot(page, "14-locked-lesson")


def test_facilitator_sees_the_roster_matrix(page, screenshot):
    _login(page, "fran")
    page.goto("/learn/")
    page.get_by_role("link", name="Facilitator dashboard: Fall 2026 Facilitated Cohort").click()
    rows = page.locator("table.matrix tbody tr")
    expect(rows.nth(8)).to_be_attached()  # at least nine learners
    expect(page.locator(".flag--behind").first).to_be_attached()
    screenshot(page, "15-facilitator-dashboard")
