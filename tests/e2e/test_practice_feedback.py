"""On a phone: a coach logs a session, makes a feedback link; a teacher in another browser
(no login) answers it; the coach sees the answer. The same link then refuses a second one."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD

PHONE = {"width": 390, "height": 844}


def _login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_coach_logs_a_session_and_reads_anonymous_feedback(browser, server, screenshot):
    coach_context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True)
    teacher_context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True)
    try:
        page = coach_context.new_page()
        page.set_default_timeout(15_000)
        _login(page, "kevin")
        # On a phone the menu folds behind a button; the bell stays in view.
        practice_link = page.get_by_role("link", name="Practice", exact=True)
        expect(practice_link).to_be_hidden()
        expect(page.get_by_role("link", name=re.compile(r"^Notifications"))).to_be_visible()
        menu = page.get_by_role("button", name="Menu")
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        practice_link.click()
        page.get_by_label("Minutes", exact=True).fill("40")
        page.get_by_label("Kind of session", exact=True).select_option("tech_club")
        page.get_by_label("Teachers reached", exact=True).fill("6")
        page.get_by_text("Grade band, focus, notes, lesson").click()
        page.get_by_label("Focus (optional)", exact=True).fill("e2e exit tickets")
        page.get_by_label("Private notes (optional)", exact=True).fill(
            "Ms. Lee stayed after to try it."
        )
        page.get_by_role("button", name="Log session").click()
        expect(page.get_by_text("Session logged.")).to_be_visible()
        screenshot(page, "40-practice-log-phone")

        entry = page.locator(".entry-item", has_text="e2e exit tickets")
        entry.get_by_role("link").click()
        page.get_by_role("button", name="Make a feedback link").click()
        expect(page.locator(".qr-card svg")).to_be_visible()
        url = page.locator("[data-feedback-url]").input_value()
        screenshot(page, "41-practice-feedback-link-phone")

        teacher = teacher_context.new_page()
        teacher.set_default_timeout(15_000)
        teacher.goto(url)
        # Not signed in (on a phone the menu holding "Log in" is folded).
        expect(teacher.get_by_role("link", name="Log in", include_hidden=True)).to_have_count(1)
        teacher.locator("#id_usefulness").get_by_label("5").check()
        teacher.locator("#id_confidence").get_by_label("4").check()
        teacher.get_by_label("Anything you'd like your coach to know?").fill(
            "Exit tickets in Forms: I'll try it Monday."
        )
        screenshot(teacher, "42-practice-feedback-form-phone")
        teacher.get_by_role("button", name="Send feedback").click()
        expect(teacher.get_by_role("heading", name="Thank you!")).to_be_visible()
        response = teacher.goto(url)
        assert response.status == 410
        expect(teacher.get_by_text("already been used")).to_be_visible()

        page.get_by_role("link", name="Back to the session").click()
        expect(page.get_by_test_id("feedback-count")).to_have_text("1")
        expect(page.get_by_text("5.0 / 5")).to_be_visible()
        expect(page.get_by_text("Exit tickets in Forms: I'll try it Monday.")).to_be_visible()
        screenshot(page, "43-practice-feedback-result-phone")
    finally:
        coach_context.close()
        teacher_context.close()
