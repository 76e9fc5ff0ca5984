"""A lead with a full team is told no seat is left and asks for more; the facilitator grants
them on the dashboard, which also tells a late joiner (catching up) from those behind."""

from __future__ import annotations

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD


def _login(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def _logout(page) -> None:
    page.context.clear_cookies()


def test_lead_at_a_full_team_asks_for_seats_and_the_facilitator_grants_them(page, screenshot):
    _login(page, "lena")
    page.goto("/learn/")
    page.get_by_role("link", name="Team dashboard: Riverside Liaisons").click()
    expect(page.get_by_test_id("no-seat-left")).to_contain_text("No seat left")
    expect(page.get_by_role("button", name="Send invitation")).to_have_count(0)
    screenshot(page, "30-team-full")

    page.get_by_label("Seats to add").fill("2")
    page.get_by_label("Message to the facilitator").fill("Two new liaisons")
    page.get_by_role("button", name="Ask for more seats").click()
    expect(page.get_by_text("Waiting for the facilitator's answer")).to_be_visible()
    screenshot(page, "31-seats-requested")
    _logout(page)

    _login(page, "fran")
    page.goto("/learn/")
    page.get_by_role("link", name="Facilitator dashboard: Fall 2026 Facilitated Cohort").click()
    requests = page.locator("#seat-requests")
    expect(requests).to_contain_text("Riverside Liaisons")
    expect(requests).to_contain_text("Two new liaisons")
    jonah = page.locator("table.matrix tbody tr", has_text="Jonah")
    expect(jonah.locator(".flag--catching-up")).to_be_visible()
    expect(jonah.locator(".flag--behind")).to_have_count(0)
    screenshot(page, "32-seat-request-on-dashboard")
    requests.get_by_role("button", name="Grant").click()
    expect(page.get_by_text("2 seats granted to Riverside Liaisons")).to_be_visible()
    _logout(page)

    _login(page, "lena")
    page.goto("/learn/")
    page.get_by_role("link", name="Team dashboard: Riverside Liaisons").click()
    expect(page.get_by_text("2 of 7 seats free")).to_be_visible()
    expect(page.get_by_role("button", name="Send invitation")).to_be_visible()
    screenshot(page, "33-seats-granted")


def test_a_late_joiner_sees_catch_up_dates_not_behind(page, screenshot):
    _login(page, "jonah")
    page.goto("/learn/")
    card = page.locator(".enrollment-card", has_text="Fall 2026 Facilitated Cohort")
    expect(card.locator(".flag--catching-up")).to_be_visible()
    expect(card.locator(".flag--behind")).to_have_count(0)
    expect(card.get_by_test_id("catch-up")).to_contain_text("your catch-up date")
    card.get_by_text("Modules and dates").click()
    expect(card.get_by_text("catch-up due").first).to_be_visible()
    screenshot(page, "34-late-joiner-my-learning")
