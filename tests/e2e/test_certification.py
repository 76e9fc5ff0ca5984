"""A coach who met the rules waits in the certification queue; the facilitator approves in
the browser; the coach sees the badge in My badges and its public page verifies it."""

from __future__ import annotations

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD

BADGE = "Certified Coach — Coaching from Theory to Practice"


def _login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_facilitator_approves_and_the_coach_shows_the_badge(browser, server, screenshot):
    fran = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = fran.new_page()
    _login(page, "fran")
    page.get_by_role("link", name="Badges", exact=True).click()
    page.get_by_role("link", name="Certification queue").click()
    entry = page.locator(".queue-entry", has_text="Kevin Tran")
    expect(entry.get_by_text(BADGE)).to_be_visible()
    screenshot(page, "40-certification-queue")
    entry.get_by_role("button", name="Approve and award").click()
    expect(page.get_by_text(f"Approved: Kevin Tran holds “{BADGE}”.")).to_be_visible()
    fran.close()

    kevin = browser.new_context(base_url=server, viewport={"width": 390, "height": 844})
    page = kevin.new_page()
    _login(page, "kevin")
    page.goto("/badges/")
    card = page.locator(".award-card", has_text=BADGE)
    expect(card.get_by_text("Active")).to_be_visible()
    screenshot(page, "41-my-badges")
    card.get_by_role("link", name=BADGE).click()
    expect(page.get_by_role("heading", name=BADGE)).to_be_visible()
    expect(page.get_by_text("Verified:")).to_be_visible()
    page.wait_for_load_state("load")
    # He has not opted in to show his name on the page (the header shows it to him only).
    assert page.locator(".badge-page").get_by_text("Kevin Tran").count() == 0
    screenshot(page, "42-public-award-page")
    kevin.close()
